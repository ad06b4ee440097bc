#!/usr/bin/env bash
# Runs every fuzz target built in BUILD_DIR for SECONDS each, from the seed
# files of the repository, JOBS of them at a time (default 2: a target runs on
# one processor, so each still has SECONDS of a whole one). Exits non-zero if
# any crashed or had a sanitizer report; the input that caused it is left in
# BUILD_DIR/fuzz/crash-*.
#
#   fuzz/run.sh BUILD_DIR SECONDS [JOBS]
set -euo pipefail
build=$(cd "$1" && pwd)
seconds=$2
jobs=${3:-2}
root=$(cd "$(dirname "$0")/.." && pwd)

run() {
  local target=$1 max_len=$2
  shift 2
  local corpus="$build/fuzz/corpus-$target"
  mkdir -p "$corpus"
  echo "fuzz: $target for ${seconds}s"
  (cd "$build/fuzz" && ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 \
    "./${target}_fuzz" -max_total_time="$seconds" -max_len="$max_len" -print_final_stats=1 \
    "$corpus" "$@" 2>"$target.log") || {
    tail -n 60 "$build/fuzz/$target.log"
    echo "fuzz: $target FAILED; the input is in $build/fuzz/crash-*" >&2
    exit 1
  }
  grep -E "stat::number_of_executed_units" "$build/fuzz/$target.log" | sed "s/^/fuzz: $target: /" || true
}

# Each target in the background, at most $jobs at once; every one runs to its
# end, and the script fails if any failed.
running=0
failed=0
start() {
  if ((running >= jobs)); then
    wait -n || failed=1
    running=$((running - 1))
  fi
  run "$@" &
  running=$((running + 1))
}

start csv 4096 "$root/examples" "$root/tests/data"
start usage 4096 "$root/examples" "$root/tests/data"
start events 4096 "$root/examples" "$root/tests/data"
start tariff 16384 "$root/data/tariffs" "$root/tests/data"
start xlsx 8192 "$root/tests/data"
start payments 8192 "$root/tests/data/pagamenti"
while ((running > 0)); do
  wait -n || failed=1
  running=$((running - 1))
done
exit "$failed"
