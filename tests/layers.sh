#!/usr/bin/env bash
# The layers of src/ include only the layers below them, so data flows one
# way: files -> records -> core -> run -> rows -> writers. Also: CLI11 is
# included by src/cli/flags.hpp alone, and a command compares no bill state
# by its word.
#
#   layers.sh SOURCE_DIR
set -euo pipefail
src=$1/src
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

declare -A allowed=(
  [core]="core"
  [input]="core input"
  [present]="core present"
  [output]="core present output"
  [books]="core books"
  [run]="core input present output books run"
  [cli]="core input present output books run cli"
)
for layer in "${!allowed[@]}"; do
  while IFS=: read -r file line include; do
    target=$(sed -E 's|#include "([a-z_]+)/.*|\1|' <<<"$include")
    [[ " ${allowed[$layer]} " == *" $target "* ]] ||
      fail "$file:$line includes $target, above $layer: $include"
  done < <(grep -rnoE '#include "[a-z_]+/[^"]+"' "$src/$layer" || true)
done

while IFS= read -r file; do
  [[ $file == "$src/cli/flags.hpp" ]] || fail "$file includes CLI11 itself: include cli/flags.hpp"
done < <(grep -rl 'CLI/CLI.hpp' "$src" || true)

# The states of a bill are an enum: no word of one compared in a command.
if grep -rnE '(==|!=) *"(issued|already_issued|credit|corrected|not_issued)"' "$src/cli" "$src/run"; then
  fail "a bill state compared by its word"
fi
if grep -rn 'apply_books' "$src"; then fail "apply_books is back"; fi

if ((failures)); then exit 1; fi
echo "layers: every include runs down"
