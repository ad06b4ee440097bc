#!/usr/bin/env bash
# The Debian package: built by debhelper as Debian builds it (Unix Makefiles,
# dh --buildsystem=cmake), lintian finds no error in it, it declares the
# packages of every shared library the binary needs and the fonts the letters
# use, holds the binary, the man page, the completion and the tariffs, and
# once unpacked into a fresh root runs from any directory. Nothing is
# installed on this machine.
#
#   package_test.sh SOURCE_DIR
set -euo pipefail
source_dir=$(realpath "$1")

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Without -g: the same code (GCC's debug information never changes the code it
# makes), and the package is built without a debug symbols package and
# stripped, so the binary shipped is the same; compiling is a third quicker.
DEB_CFLAGS_STRIP=-g DEB_CXXFLAGS_STRIP=-g \
  bash "$source_dir/scripts/build-deb.sh" "$scratch/out" >"$scratch/build.log" 2>&1 || {
  cat "$scratch/build.log"
  echo "FAIL: debhelper could not build the package"
  exit 1
}
debs=("$scratch"/out/*.deb)
if ((${#debs[@]} != 1)) || [[ ! -f ${debs[0]} ]]; then
  echo "FAIL: expected one .deb, found: ${debs[*]}"
  exit 1
fi
deb=${debs[0]}
echo "built $(basename "$deb")"

# The control fields.
[[ $(dpkg-deb -f "$deb" Package) == citfee ]] || fail "Package is not citfee"
[[ $(dpkg-deb -f "$deb" Architecture) == "$(dpkg --print-architecture)" ]] || fail "wrong Architecture"
version=$(dpkg-deb -f "$deb" Version)
[[ -n $version ]] || fail "no Version"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
[[ $depends == *fonts-dejavu-core* ]] || fail "Depends lacks fonts-dejavu-core, which the letters are set in"
[[ -n $(dpkg-deb -f "$deb" Homepage) ]] || fail "no Homepage"
[[ $(dpkg-deb -f "$deb" Maintainer) =~ \<.+@.+\>$ ]] || fail "the Maintainer has no e-mail address"

# lintian, as Debian's archive runs it: no error (warnings are shown).
if lintian_out=$(lintian --no-tag-display-limit "$deb" 2>&1); then :; fi
echo "$lintian_out" | sed 's/^/lintian: /'
if grep -q '^E:' <<<"$lintian_out"; then
  fail "lintian reports errors"
fi

# One program, linked dynamically: every shared library it needs comes from a
# package it depends on.
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
binary="$root/usr/bin/citfee"
[[ -x $binary ]] || fail "no executable usr/bin/citfee"
programs=$(find "$root" -type f -perm -u+x | sed "s|^$root/||")
[[ $programs == usr/bin/citfee ]] || fail "the package holds other programs than usr/bin/citfee: $programs"
declared=" $(tr ',|' '\n\n' <<<"$depends" | sed -E 's/\(.*\)//; s/:.*//; s/ //g' | xargs) "
needed=$(objdump -p "$binary" | awk '$1 == "NEEDED" { print $2 }' | sort -u)
for library in libfmt libtomlplusplus libxlsxwriter libcairo libpango; do
  [[ $needed == *"$library"* ]] || fail "citfee does not link $library dynamically"
done
for library in $needed; do
  path=$(ldd "$binary" | awk -v lib="$library" '$1 == lib { print $3 }' | head -n1)
  [[ -n $path ]] || {
    fail "$library is not found on this machine"
    continue
  }
  owner=$(dpkg -S "$(realpath "$path")" 2>/dev/null | head -n1 | cut -d: -f1) ||
    owner=$(dpkg -S "$path" 2>/dev/null | head -n1 | cut -d: -f1) || true
  if [[ -z $owner ]]; then
    fail "no package owns $path ($library)"
  elif [[ $declared != *" $owner "* ]]; then
    fail "$library comes from $owner, which Depends does not name"
  fi
done

# What is installed where.
for file in usr/bin/citfee usr/share/man/man1/citfee.1.gz usr/share/bash-completion/completions/citfee \
  usr/share/citfee/tariffs/cit-2026.toml usr/share/doc/citfee/copyright usr/share/doc/citfee/changelog.gz; do
  [[ -f "$root/$file" ]] || fail "the package has no $file"
done
if [[ -f "$root/usr/share/man/man1/citfee.1.gz" ]]; then
  warnings=$(zcat "$root/usr/share/man/man1/citfee.1.gz" | groff -man -ww -z 2>&1) || true
  [[ -z $warnings ]] || fail "the packaged man page: $warnings"
fi
# Reproducible: the man page carries the date of the newest changelog entry,
# not the day it was built.
if [[ -f "$root/usr/share/man/man1/citfee.1.gz" ]]; then
  released=$(date -u -d "@$(dpkg-parsechangelog -l "$source_dir/debian/changelog" -S Timestamp)" +%F)
  # Read whole before matching: grep -q stopping early would end zcat by
  # SIGPIPE, which pipefail counts as a failure.
  title=$(zcat "$root/usr/share/man/man1/citfee.1.gz" | grep '^\.TH')
  [[ $title == *"\"$released\""* ]] || fail "the man page is not dated $released: $title"
fi
if [[ -f "$root/usr/share/bash-completion/completions/citfee" ]]; then
  bash -c "source '$root/usr/share/bash-completion/completions/citfee' && complete -p citfee" >/dev/null ||
    fail "the packaged completion does not register for citfee"
fi

# dpkg itself installs it into an empty root of its own. Its database there
# knows no library, hence --force-depends: the dependencies were checked above.
# dpkg wants root for that; without it this step is left out, and says so.
dpkg_root="$scratch/dpkg-root"
mkdir -p "$dpkg_root/var/lib/dpkg/info" "$dpkg_root/var/lib/dpkg/updates"
touch "$dpkg_root/var/lib/dpkg/status"
if ((EUID != 0)); then
  echo "not root: dpkg --root left out"
elif dpkg --root="$dpkg_root" --force-depends --force-script-chrootless -i "$deb" >"$scratch/dpkg.log" 2>&1; then
  dpkg --root="$dpkg_root" -s citfee 2>/dev/null | grep -x "Status: install ok installed" >/dev/null ||
    fail "dpkg does not list citfee as installed in its root"
  [[ -x "$dpkg_root/usr/bin/citfee" ]] || fail "dpkg installed no usr/bin/citfee"
else
  cat "$scratch/dpkg.log"
  fail "dpkg --root could not install the package"
fi

# As a user would: from another directory, with only the packaged files.
elsewhere="$scratch/elsewhere"
mkdir "$elsewhere"
cat >"$elsewhere/enti.csv" <<'CSV'
id,name,type,population
017003,Comune di Agnosine,comune,2550
017114,Comune di Montirone,comune,5001
017029,Comune di Brescia,capoluogo,196670
CSV
# By hand: 2,550 x 0.19 = 484.50 -> 485; 5,001 x 0.175 = 875.175 -> 875; the capoluogo pays 300.
cat >"$scratch/expected.csv" <<'CSV'
id,name,type,population,band,coefficient,computed,annual_fee,due_date
017003,Comune di Agnosine,comune,2550,0-5000,0.19,484.50,485.00,2027-03-31
017114,Comune di Montirone,comune,5001,5001-10000,0.175,875.175,875.00,2027-03-31
017029,Comune di Brescia,capoluogo,196670,,,300.00,300.00,2027-03-31
CSV
(
  cd "$elsewhere"
  env -u CITFEE_TODAY "$binary" --version >"$scratch/version.txt"
  env -u CITFEE_TODAY "$binary" annual --year 2027 --entities enti.csv -O csv >"$scratch/annual.csv"
  env -u CITFEE_TODAY "$binary" annual --year 2027 --entities enti.csv -o quote.xlsx
  env -u CITFEE_TODAY "$binary" annual --year 2027 --entities enti.csv -O csv --statements lettere --draft \
    >/dev/null
) || fail "citfee from the package failed"
grep -qx "citfee ${version}" "$scratch/version.txt" || fail "--version does not say $version: $(cat "$scratch/version.txt")"
grep -q "cit-2026" "$scratch/version.txt" || fail "--version does not name the built-in tariff"
cmp -s "$scratch/expected.csv" "$scratch/annual.csv" || {
  fail "the annual run differs from the fees worked out by hand"
  diff -u "$scratch/expected.csv" "$scratch/annual.csv" || true
}
[[ $(head -c 2 "$elsewhere/quote.xlsx" 2>/dev/null) == PK ]] || fail "no workbook written"
[[ $(head -c 4 "$elsewhere/lettere/017003-2027.pdf" 2>/dev/null) == %PDF ]] || fail "no statement written"

if ((failures > 0)); then
  exit 1
fi
echo "ok: $(basename "$deb") declares its dependencies and runs from another directory"
