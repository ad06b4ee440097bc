#!/usr/bin/env bash
# Every path of the source tree that the documents name exists: a file moved
# or renamed must not leave a reader looking for it.
#
#   doc_paths.sh SOURCE_DIR [DOCUMENT...]
#
# DOCUMENTs are relative to SOURCE_DIR (default: README.md, doc/guida.md,
# doc/HACKING.md). A path is named when a word in backticks, or in a fenced
# block of code, begins with one of the tree's top folders (src/, tests/,
# doc/, ...); such a path is relative to the top of the tree. A link
# [text](target) that is not a web address names a path relative to the
# document's own folder. A word standing for any name (NAME, FILE, <id>, *,
# ...) is a pattern: the folder before it must exist.
set -euo pipefail
root=$1
shift
documents=("$@")
if ((${#documents[@]} == 0)); then
  documents=(README.md doc/guida.md doc/HACKING.md)
fi

# Prints "LINE<tab>KIND<tab>PATH" for every path a document names; KIND is
# "tree" (relative to the top) or "link" (relative to the document).
extract() {
  perl -0777 -ne '
    my $text = $_;
    my $top = qr{(?:src|tests|doc|examples|scripts|bench|fuzz|data|debian|completion|cmake)/};
    sub line_of { my ($text, $at) = @_; return 1 + (substr($text, 0, $at) =~ tr/\n//); }
    sub words {
      my ($text, $at, $chunk, $top) = @_;
      my @found;
      while ($chunk =~ /((?<![\w.\/-])$top[^\s`"\x27(),;=\[\]|]*)/g) {
        my $path = $1;
        my $where = $at + $-[1];
        $path =~ s/[.:]+$//;
        push @found, [line_of($text, $where), "tree", $path];
      }
      return @found;
    }
    my @found;
    # Fenced blocks first, blanked out so that their backticks pair with nothing.
    while ($text =~ /^(```[^\n]*\n)(.*?)^```/msg) {
      push @found, words($text, $-[2], $2, $top);
    }
    (my $prose = $text) =~ s{^```[^\n]*\n.*?^```}{my $m = $&; $m =~ s/[^\n]/ /g; $m}msge;
    while ($prose =~ /`([^`]+)`/g) {
      push @found, words($text, $-[1], $1, $top);
    }
    while ($prose =~ /\]\(([^)\s]+)\)/g) {
      my ($target, $where) = ($1, $-[1]);
      next if $target =~ m{^(?:[a-z]+:|#)};
      $target =~ s/#.*//;
      push @found, [line_of($text, $where), "link", $target];
    }
    print join("\t", @$_), "\n" for sort { $a->[0] <=> $b->[0] } @found;
  ' "$1"
}

# The part of a path before its first word that stands for any name, or the
# whole path when it has none.
fixed_part() {
  local path=$1 prefix="" component
  local IFS=/
  for component in $path; do
    if [[ $component == *[\*\<\{\?]* || $component == *…* ||
      ${component%%.*} =~ ^(NAME|FILE|DIR|ID|N|PATTERN|TAG|YYYY|Y)$ ]]; then
      echo "$prefix"
      return
    fi
    prefix+="$component/"
  done
  echo "$path"
}

# Checks the paths one document names; prints a line per missing one and
# returns how many were checked in $checked.
missing=0
checked=0
check_document() {
  local document=$1 shown=${2:-$1} line kind path fixed base
  base=$(dirname "$root/$document")
  while IFS=$'\t' read -r line kind path; do
    checked=$((checked + 1))
    fixed=$(fixed_part "$path")
    if [[ $kind == link ]]; then
      [[ -e "$base/$fixed" ]] && continue
    else
      [[ -e "$root/$fixed" ]] && continue
    fi
    if [[ $fixed == "$path" ]]; then
      echo "$shown:$line: $path does not exist"
    else
      echo "$shown:$line: $path: the folder $fixed does not exist"
    fi
    missing=$((missing + 1))
  done < <(extract "$root/$document")
}

# First the checker itself, on a sample with a known answer: a checker that
# found nothing would pass every document.
sample_dir=$(mktemp -d)
trap 'rm -rf "$sample_dir"' EXIT
mkdir -p "$sample_dir/doc" "$sample_dir/src/core" "$sample_dir/tests/e2e/cases"
touch "$sample_dir/src/core/money.hpp" "$sample_dir/doc/other.md"
cat >"$sample_dir/doc/sample.md" <<'EOF'
The money is in `src/core/money.hpp`, not in `src/money.hpp`; a case is
`tests/e2e/cases/NAME/args`, one per folder of `tests/e2e/cases/`. See
[the other page](other.md) and [a lost one](lost.md), or
[the web](https://example.org/src/x.md). A span over two lines: `make
-C src/core/gone.hpp` is named too.

```sh
citfee annual --entities examples/enti.csv   # no examples/ folder here
```
EOF
expected="sample.md:1: src/money.hpp does not exist
sample.md:3: lost.md does not exist
sample.md:5: src/core/gone.hpp does not exist
sample.md:8: examples/enti.csv does not exist
sample.md:8: examples/ does not exist"
real_root=$root
root=$sample_dir
answer=$(check_document doc/sample.md sample.md)
root=$real_root
if [[ $answer != "$expected" ]]; then
  echo "FAIL: the checker is wrong on its own sample; expected:"
  echo "$expected"
  echo "got:"
  echo "$answer"
  exit 1
fi

missing=0
for document in "${documents[@]}"; do
  if [[ ! -f "$root/$document" ]]; then
    echo "FAIL: $document does not exist"
    missing=$((missing + 1))
    continue
  fi
  checked=0
  check_document "$document"
  if ((checked == 0)); then
    echo "FAIL: $document names no path at all: is the checker reading it?"
    missing=$((missing + 1))
  fi
done

if ((missing > 0)); then
  echo "FAIL: $missing path(s) named in the documents do not exist"
  exit 1
fi
echo "ok: every path named in ${documents[*]} exists"
