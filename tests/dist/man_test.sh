#!/usr/bin/env bash
# The man page: groff reads it without a warning, and it describes every
# command and every option that citfee's own --help lists.
#
#   man_test.sh CITFEE MAN_PAGE SCDOC_SOURCE
set -euo pipefail
citfee=$1
page=$2
source=$3
source "$(dirname "$0")/help_options.sh"

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

if ! warnings=$(groff -man -ww -z "$page" 2>&1); then
  fail "groff cannot read $page: $warnings"
elif [[ -n $warnings ]]; then
  fail "groff warns about $page: $warnings"
fi

commands=$(help_commands)
[[ -n $commands ]] || fail "no command found in citfee --help"
for command in $commands; do
  grep -qE "^\*$command\*" "$source" || fail "no entry for the command $command"
  options=$(help_options "$command")
  [[ -n $options ]] || fail "no option found in citfee $command --help"
  for option in $options; do
    grep -qF -- "*$option*" "$source" || fail "$option (citfee $command) is not described"
  done
done
grep -qF -- "*--version*" "$source" || fail "--version is not described"

# The page as a reader sees it, formatted.
rendered=$(groff -man -Tutf8 -P -cbou "$page" 2>/dev/null)
for word in NAME SYNOPSIS "EXIT STATUS" EXAMPLES xlsx; do
  grep -qF -- "$word" <<<"$rendered" || fail "the formatted page lacks $word"
done

if ((failures > 0)); then
  exit 1
fi
echo "ok: the man page builds cleanly and covers $(echo $commands | wc -w) commands"
