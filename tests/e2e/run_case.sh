#!/usr/bin/env bash
# Runs one end-to-end case: the built citfee on files, whole outputs compared.
#
#   run_case.sh CITFEE CASE_DIR DATA_DIR
#
# A case directory holds:
#   args             the command line after `citfee`, one argument per line
#   stdin            optional: fed to standard input (else /dev/null)
#   env              optional: KEY=VALUE lines added to the environment
#   status           optional: the expected exit status (default 0)
#   stdout           optional: the whole expected standard output; without it,
#                    standard output must be empty
#   stderr           optional: the whole expected standard error
#   stderr_contains  optional: lines that must each appear in standard error
#                    (without `stderr` or `stderr_contains`, standard error must
#                    be empty on success and not empty on failure)
#   output_file      optional: a file the command writes (with -o), relative to
#                    the working directory; its whole content is `expected_output`
#   no_output_file   optional: a file that must NOT exist after the run
#   disabled         optional: the case is skipped (exit 77); the file says why
#
# A golden file may be a symbolic link to another case's, when the same output
# is expected from other input or options (e.g. ../annual-csv/stdout).
#
# citfee runs in DATA_DIR, so file names in messages are short (enti.csv:14:).
# A case that names an output file runs in a fresh temporary copy of DATA_DIR,
# and no other file may appear there (no temporary file left behind).
#
# CITFEE_UPDATE_GOLDEN=1 rewrites `stdout` (and `expected_output`, and `stderr`
# where it exists) from what citfee printed. Check every change by hand.
set -euo pipefail

if (($# != 3)); then
  echo "usage: $0 CITFEE CASE_DIR DATA_DIR" >&2
  exit 2
fi
citfee=$(realpath "$1")
case_dir=$(realpath "$2")
data_dir=$(realpath "$3")
name=$(basename "$case_dir")
update=${CITFEE_UPDATE_GOLDEN:-0}

if [[ -f "$case_dir/disabled" ]]; then
  echo "SKIPPED $name: $(cat "$case_dir/disabled")"
  exit 77
fi
if [[ ! -f "$case_dir/args" ]]; then
  echo "FAIL $name: no args file" >&2
  exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

failures=0
fail() {
  echo "FAIL $name: $*"
  failures=$((failures + 1))
}

# Shows expected (a file) against actual (a file) as a unified diff.
show_diff() {
  diff -u --text --label "expected $1" --label "actual $1" "$2" "$3" || true
}

# The command line: one argument per line, so an argument may hold spaces.
mapfile -t args <"$case_dir/args"

# The environment: the caller's (sanitizer options stay), less what would make
# a run depend on the day, plus the case's own.
env_args=(-u CITFEE_TODAY)
if [[ -f "$case_dir/env" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    env_args+=("$line")
  done <"$case_dir/env"
fi

# Where to run: the data directory itself, or a copy if the case writes files.
output_file=""
no_output_file=""
[[ -f "$case_dir/output_file" ]] && output_file=$(head -n1 "$case_dir/output_file")
[[ -f "$case_dir/no_output_file" ]] && no_output_file=$(head -n1 "$case_dir/no_output_file")
workdir="$data_dir"
if [[ -n "$output_file" || -n "$no_output_file" ]]; then
  workdir="$scratch/work"
  cp -a "$data_dir" "$workdir"
  if [[ -n "$no_output_file" && -e "$workdir/$no_output_file" ]]; then
    fail "$no_output_file exists before the run"
  fi
  (cd "$workdir" && find . -print | LC_ALL=C sort) >"$scratch/files-before"
fi

stdin_file=/dev/null
[[ -f "$case_dir/stdin" ]] && stdin_file="$case_dir/stdin"

set +e
(cd "$workdir" && exec env "${env_args[@]}" "$citfee" "${args[@]}") \
  <"$stdin_file" >"$scratch/stdout" 2>"$scratch/stderr"
status=$?
set -e

expected_status=0
[[ -f "$case_dir/status" ]] && expected_status=$(tr -d '[:space:]' <"$case_dir/status")

# Golden files: rewrite them from this run when asked.
# A golden file that is a symbolic link is shared with another case (the same
# output expected from other input): it is left alone, and still compared.
update_golden() {
  if [[ -L "$2" ]]; then
    echo "NOT UPDATED $name: $(basename "$2") is shared, a link to $(readlink "$2")"
  else
    cp "$1" "$2"
  fi
}
if [[ "$update" == 1 ]]; then
  if [[ -f "$case_dir/stdout" || -s "$scratch/stdout" ]]; then
    update_golden "$scratch/stdout" "$case_dir/stdout"
  fi
  if [[ -f "$case_dir/stderr" ]]; then
    update_golden "$scratch/stderr" "$case_dir/stderr"
  fi
  if [[ -n "$output_file" && -f "$workdir/$output_file" ]]; then
    update_golden "$workdir/$output_file" "$case_dir/expected_output"
  fi
  echo "UPDATED $name: check every change by hand (git diff) before committing it"
fi

if [[ "$status" != "$expected_status" ]]; then
  fail "exit status $status, expected $expected_status"
fi

if [[ -f "$case_dir/stdout" ]]; then
  if ! cmp -s "$case_dir/stdout" "$scratch/stdout"; then
    fail "standard output differs"
    show_diff stdout "$case_dir/stdout" "$scratch/stdout"
  fi
elif [[ -s "$scratch/stdout" ]]; then
  fail "standard output should be empty"
  show_diff stdout /dev/null "$scratch/stdout"
fi

if [[ -f "$case_dir/stderr" ]]; then
  if ! cmp -s "$case_dir/stderr" "$scratch/stderr"; then
    fail "standard error differs"
    show_diff stderr "$case_dir/stderr" "$scratch/stderr"
  fi
fi
if [[ -f "$case_dir/stderr_contains" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ -z "$line" ]] && continue
    if ! grep -qF -- "$line" "$scratch/stderr"; then
      fail "standard error lacks: $line"
    fi
  done <"$case_dir/stderr_contains"
fi
if [[ ! -f "$case_dir/stderr" && ! -f "$case_dir/stderr_contains" ]]; then
  if [[ "$expected_status" == 0 && -s "$scratch/stderr" ]]; then
    fail "standard error should be empty"
  elif [[ "$expected_status" != 0 && ! -s "$scratch/stderr" ]]; then
    fail "a failed run should say why on standard error"
  fi
fi

expected_files="$scratch/files-before"
if [[ -n "$output_file" ]]; then
  if [[ ! -f "$workdir/$output_file" ]]; then
    fail "$output_file was not written"
  elif [[ ! -f "$case_dir/expected_output" ]]; then
    fail "no expected_output file"
  elif ! cmp -s "$case_dir/expected_output" "$workdir/$output_file"; then
    fail "$output_file differs"
    show_diff "$output_file" "$case_dir/expected_output" "$workdir/$output_file"
  fi
  { cat "$scratch/files-before" && echo "./$output_file"; } | LC_ALL=C sort -u >"$scratch/files-expected"
  expected_files="$scratch/files-expected"
fi
if [[ -n "$no_output_file" && -e "$workdir/$no_output_file" ]]; then
  fail "$no_output_file was created"
fi
if [[ "$workdir" != "$data_dir" ]]; then
  (cd "$workdir" && find . -print | LC_ALL=C sort) >"$scratch/files-after"
  if ! cmp -s "$expected_files" "$scratch/files-after"; then
    fail "files appeared or vanished in the working directory"
    show_diff "file list" "$expected_files" "$scratch/files-after"
  fi
fi

if ((failures > 0)); then
  echo "--- command (in $(basename "$workdir")): citfee ${args[*]}"
  echo "--- stderr:"
  cat "$scratch/stderr"
  exit 1
fi
echo "ok $name"
