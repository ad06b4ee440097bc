#!/usr/bin/env bash
# Runs every fuzz target built in BUILD_DIR for SECONDS each, from the seed
# files of the repository. Exits non-zero on the first crash or sanitizer
# report; the input that caused it is left in BUILD_DIR/fuzz/crash-*.
#
#   fuzz/run.sh BUILD_DIR SECONDS
set -euo pipefail
build=$(cd "$1" && pwd)
seconds=$2
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
  grep -E "stat::number_of_executed_units" "$build/fuzz/$target.log" || true
}

run csv 4096 "$root/examples" "$root/tests/data"
run usage 4096 "$root/examples" "$root/tests/data"
run events 4096 "$root/examples" "$root/tests/data"
run tariff 16384 "$root/data/tariffs" "$root/tests/data"
run xlsx 8192 "$root/tests/data"
run payments 8192 "$root/tests/data/pagamenti"
