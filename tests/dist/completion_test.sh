#!/usr/bin/env bash
# The bash completion: it offers exactly the commands and options that
# citfee's own --help lists, the values they accept, periods and files.
#
#   completion_test.sh CITFEE COMPLETION_SCRIPT
set -euo pipefail
citfee=$1
source "$(dirname "$0")/help_options.sh"
# The completion asks the citfee on the command line (COMP_WORDS[0]) itself.
PATH="$(dirname "$(realpath "$citfee")"):$PATH"
source "$2"

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# What completing the command line $1 offers (a trailing space: a new word),
# sorted, on one line.
complete_line() {
  local -a words
  read -ra words <<<"$1"
  [[ $1 == *" " ]] && words+=("")
  COMP_WORDS=("${words[@]}")
  COMP_CWORD=$((${#words[@]} - 1))
  COMP_LINE=$1
  COMP_POINT=${#1}
  COMPREPLY=()
  _citfee
  printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | xargs
}

sorted() {
  printf '%s\n' "$@" | LC_ALL=C sort | xargs
}

expect() {
  local actual
  actual=$(complete_line "$1")
  [[ "$actual" == "$2" ]] || fail "[$1] offers \"$actual\", expected \"$2\""
}

expect "citfee " "$(sorted $(help_commands))"
expect "citfee sem" "semester"
expect "citfee -" "--help --version"

for command in $(help_commands); do
  expect "citfee $command -" "$(sorted $(help_options "$command"))"
  for option in -O --method --by --lang; do
    choices=$(help_choices "$command" "$option")
    [[ -n $choices ]] && expect "citfee $command $option " "$(sorted $choices)"
  done
done
expect "citfee annual -O x" "xlsx"
expect "citfee annual --output-format " "csv json table tsv xlsx"
# --by=e: bash splits the word at '=', as "--by" "=" "e".
expect "citfee semester --entities enti.csv --by = " "entity line"
expect "citfee semester --entities enti.csv --by = e" "entity"

export CITFEE_TODAY=2027-01-15
expect "citfee semester --period " "2026-H1 2026-H2 2027-H1 2027-H2"
expect "citfee semester --period 2027-" "2027-H1 2027-H2"
expect "citfee annual --year " "2026 2027 2028"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/old"
touch "$scratch/enti.csv" "$scratch/CONSUMI.CSV" "$scratch/cit-2028.toml" "$scratch/notes.txt"
cd "$scratch"
expect "citfee annual --entities " "CONSUMI.CSV enti.csv old"
expect "citfee semester --usage c" ""
expect "citfee semester --usage C" "CONSUMI.CSV"
expect "citfee tariff --tariff " "cit-2028.toml old"
expect "citfee annual -o " "CONSUMI.CSV cit-2028.toml enti.csv notes.txt old"

if ((failures > 0)); then
  exit 1
fi
echo "ok: the completion offers what citfee --help lists"
