#!/usr/bin/env bash
# A signal while citfee writes letters takes back everything the run wrote:
#
#   check_signals.sh CITFEE
#
# INT, TERM and HUP sent while the letters are being staged: the run ends by
# that signal, leaves no temporary file, removes the folder it made, and an
# earlier set of letters stays as it was, byte for byte. KILL cannot be caught:
# its leftovers are removed by the next run of the same kind and period.
set -euo pipefail
set -m  # background runs in their own group, where INT is not ignored

citfee=$(realpath "$1")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# Enough bodies for the staging of their letters to take a while: the signal
# goes as soon as the first temporary file shows, a few milliseconds in, and a
# run that still finished first is tried again. Every full run costs them all.
bodies=250
awk -v n=$bodies 'BEGIN { print "id,name,type,population"
             for (i = 1; i <= n; i++) printf "%06d,Comune %d,comune,%d\n", 100000 + i, i, 1000 + 7 * i }' \
  >enti.csv

letters() { citfee_run "$@" & }
citfee_run() {
  exec "$citfee" annual --year 2027 --entities enti.csv --statements "$1" --draft -o "$2" 2>/dev/null
}

# Runs citfee into folder $2, sends signal $1 once its first temporary file
# shows; sets $status. Tries again (three times) if the run was done first.
signal_run() {
  local sig=$1 dir=$2 out=$3
  for _ in 1 2 3; do
    letters "$dir" "$out"
    local pid=$!
    for _ in $(seq 1 6000); do
      compgen -G "$dir/.citfee-*" >/dev/null && break
      sleep 0.005
    done
    kill "-$sig" "$pid" 2>/dev/null || true
    status=0
    wait "$pid" || status=$?
    ((status == 0)) || return 0
    rm -rf "$dir" "$out"  # finished before the signal: again
  done
}

leftovers() { find "$1" -name '.citfee-*' 2>/dev/null | wc -l; }

# Into a new folder: the folder goes, and the report is not written.
for pair in INT:130 TERM:143 HUP:129; do
  sig=${pair%%:*} want=${pair##*:}
  signal_run "$sig" "new-$sig" "new-$sig.csv"
  ((status == want)) || fail "$sig: status $status, not $want"
  [[ ! -e new-$sig ]] || fail "$sig: the folder it made is still there ($(ls -a "new-$sig" | wc -l) entries)"
  [[ ! -e new-$sig.csv ]] || fail "$sig: the report was written"
done

# Over an earlier set: every letter as it was.
"$citfee" annual --year 2027 --entities enti.csv --statements old --draft -o old.csv 2>/dev/null
(cd old && sha256sum -- * | sort) >before.sum
signal_run TERM old old.csv
((status == 143)) || fail "TERM over an earlier set: status $status"
(cd old && sha256sum -- * | sort) >after.sum
cmp -s before.sum after.sum || fail "TERM over an earlier set changed it: $(diff before.sum after.sum | head -3)"
(($(leftovers old) == 0)) || fail "TERM over an earlier set left $(leftovers old) temporary files"

# KILL leaves its temporary files; the next run of the period removes them.
signal_run KILL killed killed.csv
((status == 137)) || fail "KILL: status $status"
kept=$(leftovers killed)
((kept > 0)) || fail "KILL left no temporary file: the check below proves nothing"
touch killed/.citfee-notes.txt.ABCDEF killed/.hidden-by-someone
"$citfee" annual --year 2027 --entities enti.csv --statements killed --draft -o killed.csv 2>/dev/null
remaining=$(find killed -name '.citfee-*' | sort)
[[ $remaining == killed/.citfee-notes.txt.ABCDEF ]] ||
  fail "after a KILL, the next run left: $(echo "$remaining" | head -3) (of $kept)"
[[ -e killed/.hidden-by-someone ]] || fail "another hidden file was removed"
((($(ls killed | wc -l)) == bodies + 2)) ||
  fail "the run after a KILL wrote $(ls killed | wc -l) files, not $((bodies + 2))"

if ((failures > 0)); then
  echo "$failures failure(s)"
  exit 1
fi
echo "signals: all checks passed"
