#!/usr/bin/env bash
# Every --lang it output whose layout is an input's is a valid input: the
# ledger written in Italian (headers, service labels, decimal comma, BOM) and
# read back as usage bills exactly what the original usage bills.
#
#   ledger_read_back.sh CITFEE DATA_DIR
set -euo pipefail
citfee=$1
data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$data"
usage=(--usage consumi.csv --usage formazione-corsi.csv)
"$citfee" ledger --entities enti.csv "${usage[@]}" --lang it --decimal-comma -O csv \
  > "$work/registro.csv" 2> /dev/null
grep -q '^.*Codice;Denominazione;Periodo;Servizio;Quantità;Prezzo unitario;Descrizione' \
  "$work/registro.csv"
grep -q ';Casella PEC;' "$work/registro.csv"
for period in 2026-H1 2026-H2 2027-H1; do
  "$citfee" semester --period "$period" --entities enti.csv "${usage[@]}" -O csv \
    > "$work/from-usage.csv" 2> /dev/null
  "$citfee" semester --period "$period" --entities enti.csv --usage "$work/registro.csv" -O csv \
    > "$work/from-ledger.csv" 2> /dev/null
  if ! diff -u "$work/from-usage.csv" "$work/from-ledger.csv"; then
    echo "FAIL: $period billed from the Italian ledger differs from the usage it came from" >&2
    exit 1
  fi
  test -s "$work/from-usage.csv"
done
echo "ok: the Italian ledger bills 2026-H1, 2026-H2 and 2027-H1 as its usage does"
