#!/usr/bin/env bash
# The books over several runs of the built citfee: issuing, re-running,
# late usage settled (conguaglio), credits, annual corrections, gapless
# numbers, and runs that fail or are killed leaving the books as they were.
#
#   check_books.sh CITFEE EXAMPLES_DIR CHECK
#
# CHECK is one of: conguaglio, rerun, joined, credit, correction, failed,
# killed, busy, verify-good, verify-tampered, books-open-missing,
# books-open-foreign, books-open-empty, books-open-directory,
# books-open-hot-journal. The amounts expected are worked out by hand in the comments
# from examples/consumi.csv and the shipped tariff, never taken from citfee.
set -euo pipefail

citfee=$(realpath "$1")
examples=$(realpath "$2")
check=$3
if ! command -v sqlite3 >/dev/null; then
  echo "SKIPPED: sqlite3 not found (Debian package sqlite3)"
  exit 77
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
failures=0
fail() {
  echo "FAIL $check: $*"
  failures=$((failures + 1))
}
same() {  # same NAME EXPECTED_FILE ACTUAL_FILE
  if ! diff -u "$2" "$3"; then fail "$1 differs"; fi
}
entities=$examples/enti.csv
usage=$examples/consumi.csv
semester() {  # semester PERIOD TODAY [ARGS...]
  local period=$1 day=$2
  shift 2
  CITFEE_TODAY=$day "$citfee" semester --period "$period" --entities "$entities" --usage "$usage" "$@"
}
dump() { sqlite3 registro.db .dump; }
need() {  # need PROGRAM: skip the check where it is missing
  if ! command -v "$1" >/dev/null; then
    echo "SKIPPED: $1 not found"
    exit 77
  fi
}

# A late H1 row for Acquafredda: 100 Telemaco consultations more, reported
# after H1 was issued.
printf 'id,period,service,quantity\n017001,2026-H1,telemaco,100\n' >late.csv

case $check in
conguaglio)
  semester 2026-H1 2026-08-10 --books registro.db --issue -O csv >h1.csv 2>/dev/null
  # H1 of Acquafredda: 2 kits and 1 renewal of the 3 free over the
  # convention, 3 PEC boxes, 200 of the 270 Telemaco free a year: 0,00.
  grep '^017001,.*,2026-H1,.*,QV-2026/0001,issued$' h1.csv >/dev/null || fail "H1 not issued as QV-2026/0001"
  semester 2026-H2 2027-01-20 --usage late.csv --books registro.db --issue -O csv >h2.csv 2>h2.err
  # H2: 2 kits, 1 free (3 - 2 used), 70,00; 2 PEC boxes, 1 free, 20,00;
  # 150 Telemaco, none free now that H1 used 300 of 270: 105,00. The
  # conguaglio of H1: 30 consultations beyond 270 at 0,70 = 21,00.
  cat >want.csv <<'CSV'
017001,Comune di Acquafredda,2026-H2,firme,2,1,1,70.00,70.00,2027-01-31,QV-2026/0018,issued
017001,Comune di Acquafredda,2026-H2,pec,2,1,1,20.00,20.00,2027-01-31,QV-2026/0018,issued
017001,Comune di Acquafredda,2026-H2,telemaco,150,0,150,0.70,105.00,2027-01-31,QV-2026/0018,issued
017001,Comune di Acquafredda,2026-H1,conguaglio,,,,,21.00,2027-01-31,QV-2026/0018,issued
CSV
  grep '^017001,' h2.csv >got.csv
  same "H2 of 017001" want.csv got.csv
  grep -q '17 bill(s) issued in registro.db' h2.err || fail "no count of bills issued"
  # The invariant: what the bills of each entity add up to is what H1 and H2
  # come to from the final ledger, computed afresh without the books.
  CITFEE_TODAY=2027-01-20 "$citfee" bills --books registro.db -O csv |
    awk -F, 'NR > 1 { split($9, a, "."); s[$5] += a[1] * 100 + a[2] } END { for (k in s) print k, s[k] }' |
    sort >issued.txt
  for p in 2026-H1 2026-H2; do
    semester "$p" 2027-01-20 --usage late.csv --by entity -O csv 2>/dev/null | tail -n +2
  done | awk -F, '{ split($4, a, "."); s[$1] += a[1] * 100 + a[2] } END { for (k in s) print k, s[k] }' |
    sort >computed.txt
  same "sum of issued bills against the final ledger" computed.txt issued.txt
  # H1 shown again without the late row: what H1 was billed counts the
  # conguaglio of the H2 bill, and the message says where it stands.
  semester 2026-H1 2027-01-25 --books registro.db -O csv >/dev/null 2>h1-again.err
  grep -q '017001 2026-H1: billed 21.00 so far (QV-2026/0001 and the conguagli of later bills), recomputed 0.00' \
    h1-again.err || fail "the re-shown H1 does not say what was billed where: $(cat h1-again.err)"
  # Numbers gapless in QV-2026: 1 to 34, each once.
  sqlite3 registro.db "SELECT sequence FROM bill WHERE series = 'QV' AND year = 2026 ORDER BY sequence" >seq.txt
  seq 1 34 >want-seq.txt
  same "QV-2026 numbers" want-seq.txt seq.txt
  # The late row withdrawn again: explain tells what the 2027-H1 bill would
  # settle. H1 back to 0,00 against 21,00 billed; H2 back to 146,00 (80
  # consultations beyond the 70 left, 56,00, with 70,00 and 20,00) against 195,00.
  CITFEE_TODAY=2027-07-10 "$citfee" explain 017001 --period 2027-H1 --entities "$entities" --usage "$usage" \
    --books registro.db 2>/dev/null | tail -n 3 >got.txt
  cat >want.txt <<'TXT'
2026-H1: billed so far 21.00 EUR, recomputed from today's usage 0.00 EUR, difference -21.00 EUR (conguaglio)
2026-H2: billed so far 195.00 EUR, recomputed from today's usage 146.00 EUR, difference -49.00 EUR (conguaglio)
2027-H1 is not issued yet: its bill would settle the differences above
TXT
  same "explain with the books" want.txt got.txt
  ;;
rerun)
  semester 2026-H1 2026-08-10 --books registro.db --issue -O csv >first.csv 2>/dev/null
  dump >before.sql
  semester 2026-H1 2026-08-20 --books registro.db --issue -O csv >second.csv 2>second.err ||
    fail "second run exit $?"
  dump >after.sql
  same "books after a second run" before.sql after.sql
  sed 's/,issued$/,already_issued/' first.csv >want.csv
  same "second run's output" want.csv second.csv
  grep -q '17 bill(s) already issued in registro.db' second.err || fail "not told already issued"
  # A usage corrected since is told, not changed: 2 kits more for Adro in H1.
  printf 'id,period,service,quantity\n017002,2026-H1,firme,5\n' >more.csv
  semester 2026-H1 2026-08-20 --usage more.csv --books registro.db --issue -O csv >/dev/null 2>third.err
  grep -q '017002 2026-H1: billed 0.00 so far (QV-2026/0007), recomputed 140.00' third.err ||
    fail "change of an issued bill not told"
  dump >third.sql
  same "books after a changed re-run" before.sql third.sql
  ;;
joined)
  grep -v '^AS01,' "$entities" >fewer.csv
  CITFEE_TODAY=2026-08-10 "$citfee" semester --period 2026-H1 --entities fewer.csv --usage "$usage" \
    --books registro.db --issue -O csv >/dev/null 2>&1
  # The books named by the environment this time.
  CITFEE_BOOKS=registro.db semester 2026-H1 2026-08-20 --issue --by entity -O csv >second.csv 2>second.err
  grep -q '^AS01,.*,0.00,2026-07-31,QV-2026/0017,issued$' second.csv || fail "AS01 not issued QV-2026/0017"
  grep -q '16 bill(s) already issued' second.err || fail "others not already issued"
  [[ $(sqlite3 registro.db "SELECT COUNT(*) FROM bill") == 17 ]] || fail "not 17 bills"
  ;;
credit)
  # Adro reports 5 kits in H1 late, which are then found to be a mistake.
  printf 'id,period,service,quantity\n017002,2026-H1,firme,5\n' >late-adro.csv
  semester 2026-H1 2026-08-10 --books registro.db --issue -O csv >/dev/null 2>&1
  semester 2026-H2 2027-01-20 --usage late-adro.csv --books registro.db --issue -O csv >/dev/null 2>&1
  semester 2027-H1 2027-07-20 --books registro.db --issue -O csv >/dev/null 2>&1
  CITFEE_TODAY=2027-07-20 "$citfee" bills --books registro.db --entity 017002 -O csv >got.csv
  # H1: 0,00. H2: its own 38,50 (as without the late row) + 70,00 for its
  # one kit, no longer free after 5 in H1, + conguaglio of H1: 2 kits beyond
  # 3 at 70,00 = 140,00: 248,50. 2027-H1: nothing used; conguaglio of H1
  # -140,00 and of H2 -70,00: -210,00, a credit. (Longhena left in 2026:
  # Adro is the sixth member of 2027.)
  cat >want.csv <<'CSV'
number,reference,kind,period,id,name,date,due_date,amount,status
QV-2026/0007,CIT-QV-2026-H1-017002,semester,2026-H1,017002,Comune di Adro,2026-08-10,2026-07-31,0.00,issued
QV-2026/0024,CIT-QV-2026-H2-017002,semester,2026-H2,017002,Comune di Adro,2027-01-20,2027-01-31,248.50,issued
QV-2027/0006,CIT-QV-2027-H1-017002,semester,2027-H1,017002,Comune di Adro,2027-07-20,2027-07-31,-210.00,credit
CSV
  same "bills of 017002" want.csv got.csv
  ;;
correction)
  CITFEE_TODAY=2027-01-20 "$citfee" annual --year 2027 --entities "$entities" --books registro.db --issue -O csv >/dev/null 2>&1
  # ISTAT corrects Acquafredda's 31 December 2026 to 1,600: 1,600 x 0,19 =
  # 304,00 against 298,00 issued (1,571 x 0,19 = 298,49, rounded).
  sed 's/^017001,Comune di Acquafredda,comune,1579,1571,/017001,Comune di Acquafredda,comune,1579,1600,/' \
    "$entities" >corrected.csv
  CITFEE_TODAY=2027-03-15 "$citfee" annual --year 2027 --entities corrected.csv --books registro.db --issue \
    --statements rettifiche --draft -O csv >out.csv 2>err.txt
  grep -q '017001 2027: issued 298.00, recomputed 304.00 (difference 6.00): correction bill CIT-QA-2027-017001-R1' err.txt ||
    fail "correction not told"
  CITFEE_TODAY=2027-03-15 "$citfee" bills --books registro.db --entity 017001 -O csv >got.csv
  # Dated 15 March, due 30 days later (14 April): after the original 31 March.
  cat >want.csv <<'CSV'
number,reference,kind,period,id,name,date,due_date,amount,status
QA-2027/0001,CIT-QA-2027-017001,annual,2027,017001,Comune di Acquafredda,2027-01-20,2027-03-31,298.00,issued
QA-2027/0018,CIT-QA-2027-017001-R1,annual_correction,2027,017001,Comune di Acquafredda,2027-03-15,2027-04-14,6.00,issued
CSV
  same "bills of 017001" want.csv got.csv
  # Its letter, alone with the bundle: the first bill, the new fee, the difference.
  ls rettifiche >files.txt
  printf '017001-2027-R1.pdf\ninvio.csv\nquote-annuali-2027.pdf\n' >want-files.txt
  same "letters of the correction run" want-files.txt files.txt
  if command -v pdftotext >/dev/null; then
    pdftotext -layout rettifiche/017001-2027-R1.pdf letter.txt
    grep -q 'QA-2027/0018' letter.txt || fail "no number in the letter"
    grep -q 'già comunicata *documento QA-2027/0001 *298,00 €' letter.txt || fail "no first bill"
    grep -q 'rideterminata *304,00 €' letter.txt || fail "no new fee"
    grep -q 'Da versare entro il 14 aprile 2027' letter.txt || fail "no due date"
  fi
  # Once corrected, nothing more to correct.
  dump >before.sql
  CITFEE_TODAY=2027-03-20 "$citfee" annual --year 2027 --entities corrected.csv --books registro.db --issue \
    -O csv >/dev/null 2>&1
  dump >after.sql
  same "books after the corrected re-run" before.sql after.sql
  ;;
failed)
  semester 2026-H1 2026-08-10 --books registro.db --issue -O csv >/dev/null 2>&1
  dump >before.sql
  # The report cannot be written: no bill of H2 is kept.
  status=0
  semester 2026-H2 2027-01-20 --books registro.db --issue -o missing/dir/out.csv >/dev/null 2>err.txt || status=$?
  [[ $status == 74 ]] || fail "exit $status, not 74"
  dump >after.sql
  same "books after a failed run" before.sql after.sql
  # The letters cannot be written (a file where the folder should be).
  touch lettere
  status=0
  semester 2026-H2 2027-01-20 --books registro.db --issue --statements lettere --draft -O csv \
    >/dev/null 2>err.txt || status=$?
  [[ $status != 0 ]] || fail "letters into a file succeeded"
  dump >after2.sql
  same "books after failed letters" before.sql after2.sql
  ;;
killed)
  # Many entities, so that the run is still issuing when it is killed; the
  # books then hold all of its bills or none, and are sound.
  {
    echo "id,name,type,population"
    for i in $(seq 1 6000); do printf 'X%05d,Comune %d,comune,%d\n' "$i" "$i" $((1000 + i)); done
  } >many.csv
  CITFEE_TODAY=2027-01-20 "$citfee" annual --year 2027 --entities many.csv --books registro.db --issue -O csv >/dev/null 2>&1
  before=$(sqlite3 registro.db "SELECT COUNT(*) FROM bill")
  sed 's/^\(X0000[1-9],.*\),\([0-9]*\)$/\1,9\2/' many.csv >changed.csv
  for delay in 0.05 0.1 0.2 0.4; do
    CITFEE_TODAY=2027-02-20 "$citfee" annual --year 2027 --entities changed.csv --books registro.db --issue \
      -O csv >/dev/null 2>&1 &
    sleep "$delay"
    kill -KILL $! 2>/dev/null || true
    wait $! 2>/dev/null || true
    [[ $(sqlite3 registro.db "PRAGMA integrity_check") == ok ]] || fail "books damaged after kill at $delay s"
    n=$(sqlite3 registro.db "SELECT COUNT(*) FROM bill")
    [[ $n == "$before" || $n == $((before + 9)) ]] || fail "$n bills after kill at $delay s"
    "$citfee" verify --books registro.db >/dev/null || fail "books not verified after kill at $delay s"
  done
  ;;
letters)
  if ! command -v pdftotext >/dev/null; then
    echo "SKIPPED: pdftotext not found (Debian package poppler-utils)"
    exit 77
  fi
  semester 2026-H1 2026-08-10 --books registro.db --issue --statements h1 --draft -O csv >/dev/null 2>&1
  semester 2026-H2 2027-01-20 --usage late.csv --books registro.db --issue --statements h2 --draft \
    -O csv >/dev/null 2>&1
  # Every member has its letter, each with the number of its bill.
  [[ $(find h2 -name '*-2026-H2.pdf' ! -name 'quote-*' | wc -l) == 17 ]] || fail "not 17 letters"
  pdftotext -layout h2/017001-2026-H2.pdf letter.txt
  grep -q 'QV-2026/0018' letter.txt || fail "no number in the letter"
  grep -q 'Conguaglio 1° semestre 2026 *21,00 €' letter.txt || fail "no conguaglio line"
  grep -q 'già fatturato 0,00 €, ricalcolato sui consumi aggiornati 21,00 €' letter.txt ||
    fail "no conguaglio note"
  grep -q '216,00 €' letter.txt || fail "no total of 216,00"
  # Re-run: nothing issued, no letter made again, the letters left as they were.
  sum_before=$(cat h2/*.pdf | sha256sum)
  status=0
  semester 2026-H2 2027-01-25 --usage late.csv --books registro.db --issue --statements h2 --draft \
    -O csv >/dev/null 2>err.txt || status=$?
  [[ $status == 0 ]] || fail "re-run exit $status"
  grep -q 'no statement written: no bill was issued by this run' err.txt || fail "re-run not told"
  [[ $(cat h2/*.pdf | sha256sum) == "$sum_before" ]] || fail "letters changed by a re-run"
  ;;
copies)
  # Letters made again from the books, after the usage changed, are the
  # letters sent: byte for byte, the bundle and the sending list too.
  semester 2026-H1 2026-08-10 --books registro.db --issue --statements sent --draft -O csv >/dev/null 2>&1
  dump >before.sql
  semester 2026-H1 2026-09-30 --usage late.csv --books registro.db --statements again --draft \
    -O csv >out.csv 2>err.txt
  grep -q '17 bill(s) already issued in registro.db: their letters are copies from the books' err.txt ||
    fail "copies not told"
  diff -r sent again >/dev/null || fail "copies differ from the letters sent"
  [[ $(find again -name '*.pdf' | wc -l) == 18 ]] || fail "not 17 letters and the bundle"
  grep -q '^017001,.*,2026-H1,telemaco,200,200,0,0.70,0.00,2026-07-31,QV-2026/0001,already_issued$' out.csv ||
    fail "the report is not the bill issued"
  dump >after.sql
  same "books after copies" before.sql after.sql
  CITFEE_TODAY=2027-01-10 "$citfee" annual --year 2027 --entities "$entities" --books registro.db --issue \
    --statements annual-sent --draft -O csv >/dev/null 2>&1
  sed 's/^017001,Comune di Acquafredda,comune,1579,1571,/017001,Comune di Acquafredda,comune,1579,1600,/' \
    "$entities" >corrected.csv
  CITFEE_TODAY=2027-02-10 "$citfee" annual --year 2027 --entities corrected.csv --books registro.db \
    --statements annual-again --draft -O csv >/dev/null 2>&1
  diff -r annual-sent annual-again >/dev/null || fail "annual copies differ from the letters sent"
  ;;
busy)
  semester 2026-H1 2026-08-10 --books registro.db --issue -O csv >/dev/null 2>&1
  # Another run holds the books until this one is done; this one waits 300 ms,
  # then stops. The holder reads from a pipe left open, so it keeps its lock
  # without a fixed sleep, and is known to hold it once its write lock shows.
  mkfifo hold
  sqlite3 registro.db <hold >/dev/null 2>&1 &
  holder=$!
  exec 3>hold
  printf '.timeout 5000\nBEGIN IMMEDIATE;\nSELECT 1;\n' >&3
  for _ in $(seq 1 100); do
    sqlite3 -cmd '.timeout 0' registro.db 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1 || break
    sleep 0.05
  done
  ! sqlite3 -cmd '.timeout 0' registro.db 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1 ||
    fail "the other run never held the books"
  status=0
  CITFEE_BUSY_TIMEOUT_MS=300 semester 2026-H2 2027-01-20 --books registro.db --issue -O csv \
    >/dev/null 2>err.txt || status=$?
  printf 'COMMIT;\n' >&3
  exec 3>&-
  wait "$holder"
  [[ $status == 75 ]] || fail "exit $status, not 75"
  grep -q 'registro.db: the books are in use by another run of citfee (waited 300 ms)' err.txt ||
    fail "not told in use"
  ;;
verify-good)
  # Sound books over a year: bills of two series, payments, a reminder.
  semester 2026-H1 2026-08-10 --books registro.db --issue -O csv >/dev/null 2>&1
  CITFEE_TODAY=2027-01-15 "$citfee" annual --year 2027 --entities "$entities" --books registro.db --issue \
    -O csv >/dev/null 2>&1
  "$citfee" payments --books registro.db "$examples/tesoreria.csv" -O csv >/dev/null 2>&1
  "$citfee" remind --books registro.db --statements solleciti --iban IT60X0542811101000000123456 \
    --date 2027-05-10 -O csv >/dev/null 2>&1
  bills=$(sqlite3 registro.db "SELECT COUNT(*) FROM bill")
  payments=$(sqlite3 registro.db "SELECT COUNT(*) FROM payment")
  reminders=$(sqlite3 registro.db "SELECT COUNT(*) FROM reminder")
  ((payments > 0 && reminders > 0)) || fail "no payments or no reminders to verify"
  status=0
  "$citfee" verify --books registro.db >out.txt 2>err.txt || status=$?
  [[ $status == 0 ]] || fail "exit $status, not 0: $(cat err.txt)"
  [[ ! -s err.txt ]] || fail "verify said something on stderr"
  [[ $(head -n 1 out.txt) == "books verified: $bills bills, $payments payments, $reminders reminders" ]] ||
    fail "not verified: $(cat out.txt)"
  links=$(sqlite3 registro.db "SELECT COUNT(*) FROM chain")
  tail=$(sqlite3 registro.db "SELECT hash FROM chain ORDER BY seq DESC LIMIT 1")
  grep -qx "chain: $links links, the last $tail" out.txt || fail "chain's tail not told"
  # Reading changes nothing.
  dump >before.sql
  CITFEE_BOOKS=registro.db "$citfee" verify >/dev/null
  dump >after.sql
  same "books after verify" before.sql after.sql
  ;;
verify-tampered)
  semester 2026-H1 2026-08-10 --books registro.db --issue -O csv >/dev/null 2>&1
  "$citfee" payments --books registro.db "$examples/tesoreria.csv" -O csv >/dev/null 2>&1
  cp registro.db pristine.db
  verify() {  # verify EXPECTED_LINE...: exit 65, each line in stderr, nothing on stdout
    local status=0 line
    "$citfee" verify --books registro.db >out.txt 2>err.txt || status=$?
    [[ $status == 65 ]] || fail "exit $status, not 65"
    [[ ! -s out.txt ]] || fail "a failed verify wrote on stdout"
    for line in "$@"; do grep -qF -- "$line" err.txt || fail "not found: $line"; done
  }
  # A bill's total changed by hand, after dropping the trigger that refuses it.
  # (QV-2026/0001 of Acquafredda: 0.00 in four lines; QV-2026/0007 of Adro: one line.)
  sqlite3 registro.db "DROP TRIGGER bill_never_changes; UPDATE bill SET total = '0.01' WHERE number = 'QV-2026/0001'"
  verify "citfee: registro.db: trigger bill_never_changes is missing: the rows it guards can be changed" \
    "citfee: registro.db: bill QV-2026/0001: total 0.01 differs from the sum of its 4 line(s), 0.00" \
    "citfee: registro.db: bill QV-2026/0001 was changed since it was written (link 1 of the chain" \
    "citfee: 3 problems found"
  # A bill deleted, lines and all.
  cp pristine.db registro.db
  sqlite3 registro.db "DROP TRIGGER bill_never_deleted; DROP TRIGGER bill_line_never_deleted;
    DELETE FROM bill_line WHERE number = 'QV-2026/0007'; DELETE FROM bill WHERE number = 'QV-2026/0007'"
  verify "citfee: registro.db: trigger bill_never_deleted is missing" \
    "citfee: registro.db: trigger bill_line_never_deleted is missing" \
    "citfee: registro.db: series QV-2026: number 7 is missing" \
    "citfee: registro.db: bill QV-2026/0007 was deleted (link" \
    "citfee: registro.db: line 1 of bill QV-2026/0007 was deleted (link"
  # The record of a payments file's import deleted.
  cp pristine.db registro.db
  sqlite3 registro.db "DROP TRIGGER payment_import_never_deleted; DELETE FROM payment_import"
  verify "citfee: registro.db: trigger payment_import_never_deleted is missing" \
    "citfee: registro.db: payment P-000001: its import record (payments file 1) is missing"
  # A payment deleted: the last rows written, so a writer refuses the books too.
  cp pristine.db registro.db
  last=$(sqlite3 registro.db "SELECT MAX(id) FROM payment")
  sqlite3 registro.db "DROP TRIGGER payment_never_deleted; DELETE FROM payment WHERE id = $last"
  verify "citfee: registro.db: payment P-$(printf '%06d' "$last") was deleted (link"
  dump >before.sql
  status=0
  printf 'date,amount,description\n2027-04-01,10.00,altro\n' >more.csv
  "$citfee" payments --books registro.db more.csv -O csv >/dev/null 2>err.txt || status=$?
  [[ $status == 65 ]] || fail "payments into tampered books: exit $status, not 65"
  grep -q 'registro.db: the books were changed outside citfee' err.txt || fail "writer not told of the change"
  dump >after.sql
  same "tampered books after a refused import" before.sql after.sql
  ;;
books-open-missing)
  # Only --issue makes books: every other command, on a path mistyped, says
  # there are none there and makes no file.
  printf 'date,amount,description\n2027-04-01,10.00,altro\n' >pay.csv
  for args in "payments pay.csv -O csv" "payments -O csv" "payments --assign P-000001 QA-2027/0001 -O csv" \
    "remind --statements solleciti --iban IT60X0542811101000000123456 -O csv" "balance -O csv" \
    "bills -O csv" "journal" "verify"; do
    status=0
    # shellcheck disable=SC2086
    "$citfee" $args --books registro.db >/dev/null 2>err.txt || status=$?
    [[ $status == 66 ]] || fail "$args: exit $status, not 66"
    grep -q 'registro.db: no books there' err.txt || fail "$args: not told: $(cat err.txt)"
    [[ ! -e registro.db ]] || { fail "$args made registro.db"; rm -f registro.db; }
  done
  # An issuing run refused after the books were opened takes back the file it made.
  status=0
  semester 2026-H1 2026-08-10 --books registro.db --issue -o missing/dir/out.csv >/dev/null 2>&1 || status=$?
  [[ $status == 74 ]] || fail "issuing into a missing folder: exit $status, not 74"
  [[ ! -e registro.db ]] || fail "a failed first issuing run left registro.db"
  ;;
books-open-foreign)
  # Another application's SQLite file given as the books, even to issue: refused, left as it is.
  sqlite3 registro.db "CREATE TABLE contatti (nome TEXT, pec TEXT); INSERT INTO contatti VALUES ('Rossi', 'r@pec.it')"
  dump >before.sql
  for run in issue payments balance; do
    status=0
    case $run in
    issue) semester 2026-H1 2026-08-10 --books registro.db --issue -O csv >/dev/null 2>err.txt || status=$? ;;
    payments) "$citfee" payments --books registro.db "$examples/tesoreria.csv" >/dev/null 2>err.txt || status=$? ;;
    balance) "$citfee" balance --books registro.db -O csv >/dev/null 2>err.txt || status=$? ;;
    esac
    [[ $status == 65 ]] || fail "$run: exit $status, not 65"
    grep -q "registro.db: not citfee's books" err.txt || fail "$run: not told: $(cat err.txt)"
  done
  dump >after.sql
  same "another application's file" before.sql after.sql
  [[ $(sqlite3 registro.db "PRAGMA user_version") == 0 ]] || fail "its version changed"
  ;;
books-open-empty)
  # A first issuing run killed before it committed leaves an empty file.
  : >registro.db
  for run in balance payments; do
    status=0
    case $run in
    balance) "$citfee" balance --books registro.db -O csv >/dev/null 2>err.txt || status=$? ;;
    payments) "$citfee" payments --books registro.db "$examples/tesoreria.csv" >/dev/null 2>err.txt || status=$? ;;
    esac
    [[ $status == 66 ]] || fail "$run: exit $status, not 66"
    grep -qF 'books at registro.db were never completed: no bill was ever committed; remove the file or issue again' \
      err.txt || fail "$run: not told: $(cat err.txt)"
    [[ -f registro.db && ! -s registro.db ]] || fail "$run changed the empty file"
  done
  # An issuing run takes it over.
  semester 2026-H1 2026-08-10 --books registro.db --issue -O csv >/dev/null 2>err.txt ||
    fail "issuing into the empty file: $(cat err.txt)"
  [[ $(sqlite3 registro.db "SELECT COUNT(*) FROM bill") == 17 ]] || fail "not 17 bills"
  "$citfee" verify --books registro.db >/dev/null || fail "not verified"
  ;;
books-open-directory)
  mkdir registro
  for run in "balance -O csv" "payments" "verify"; do
    status=0
    # shellcheck disable=SC2086
    "$citfee" $run --books registro >/dev/null 2>err.txt || status=$?
    [[ $status == 66 ]] || fail "$run: exit $status, not 66"
    grep -q 'registro: is a directory, not a books file' err.txt || fail "$run: not told: $(cat err.txt)"
  done
  status=0
  semester 2026-H1 2026-08-10 --books registro --issue -O csv >/dev/null 2>err.txt || status=$?
  [[ $status == 66 ]] || fail "issue: exit $status, not 66"
  [[ -z $(ls registro) ]] || fail "files made in the directory"
  ;;
books-open-hot-journal)
  # A writer killed in the middle of a large transaction leaves its journal.
  semester 2026-H1 2026-08-10 --books registro.db --issue -O csv >/dev/null 2>&1
  dump >before.sql
  # It reads from a pipe left open, so it is still in its transaction when killed.
  mkfifo feed
  sqlite3 registro.db <feed >/dev/null 2>&1 &
  writer=$!
  exec 3>feed
  printf 'PRAGMA cache_size = 2;\nBEGIN IMMEDIATE;\nCREATE TABLE spill (x);\n' >&3
  printf 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) ' >&3
  printf 'INSERT INTO spill SELECT randomblob(200) FROM n;\n' >&3
  for _ in $(seq 1 100); do
    [[ -s registro.db-journal ]] && (($(stat -c %s registro.db) > 500000)) && break
    sleep 0.1
  done
  kill -KILL "$writer"
  wait "$writer" 2>/dev/null || true
  exec 3>&-
  [[ -e registro.db-journal ]] || fail "no journal left to roll back"
  status=0
  CITFEE_TODAY=2026-09-01 "$citfee" bills --books registro.db -O csv >bills.csv 2>err.txt || status=$?
  [[ $status == 0 ]] || fail "reading after a killed writer: exit $status: $(cat err.txt)"
  [[ $(tail -n +2 bills.csv | wc -l) == 17 ]] || fail "not 17 bills read"
  [[ ! -e registro.db-journal ]] || fail "the journal was not rolled back"
  dump >after.sql
  same "books after the rollback" before.sql after.sql
  ;;
killed-commit)
  # A KILL at the books' first fdatasync of an issuing run with letters: no
  # letter is in place without its bill. Then a KILL once the books are
  # committed: the re-run of the same command writes the letters it lacks,
  # each with the number of its bill in the books.
  need strace
  need pdftotext
  letters_match_books() {  # 17 letters, each with the number of its entity's bill
    [[ $(find lettere -name '*-2027.pdf' ! -name 'quote-*' | wc -l) == 17 ]] || fail "not 17 letters"
    sqlite3 -separator ' ' registro.db "SELECT entity_id, series || '-' || year || '/' ||
      printf('%04d', sequence) FROM bill" >numbers.txt
    [[ $(wc -l <numbers.txt) == 17 ]] || fail "not 17 bills"
    while read -r id number; do
      letter=$(pdftotext -layout "lettere/$id-2027.pdf" -)
      [[ $letter == *"$number"* ]] || fail "letter of $id lacks $number"
    done <numbers.txt
  }
  issue_letters() {  # issue_letters PREFIX... (the command run under the prefix)
    CITFEE_TODAY=2027-01-20 "$@" "$citfee" annual --year 2027 --entities "$entities" \
      --books registro.db --issue --statements lettere --draft -o out.csv
  }
  status=0
  issue_letters strace -f -o /dev/null -e trace=fdatasync,fsync -e inject=fdatasync:signal=KILL:when=1 \
    2>err.txt || status=$?
  [[ $status != 0 ]] || fail "the run killed at its first fdatasync succeeded"
  bills=$(sqlite3 registro.db "SELECT COUNT(*) FROM bill" 2>/dev/null || echo 0)
  letters=$(find lettere -name '*-2027.pdf' ! -name 'quote-*' 2>/dev/null | wc -l)
  [[ $bills == 0 && $letters == 0 ]] || fail "killed before the commit: $bills bill(s), $letters letter(s)"
  [[ ! -e out.csv ]] || fail "the report written by a run killed before the commit"
  # The re-run issues the bills, and every letter bears its own bill's number.
  issue_letters 2>err.txt || fail "re-run after a kill before the commit: exit $?"
  letters_match_books
  # The books' commit done, the run killed at its first rename, which puts
  # the first letter in place.
  rm -rf lettere registro.db registro.db-journal
  status=0
  issue_letters strace -f -o /dev/null -e trace=fdatasync,rename \
    -e inject=rename:signal=KILL:when=1 2>err.txt || status=$?
  [[ $status != 0 ]] || fail "the run killed at its first rename succeeded"
  bills=$(sqlite3 registro.db "SELECT COUNT(*) FROM bill")
  letters=$(find lettere -name '*-2027.pdf' ! -name 'quote-*' | wc -l)
  [[ $bills == 17 && $letters == 0 ]] || fail "killed after the commit: $bills bill(s), $letters letter(s)"
  status=0
  issue_letters 2>err.txt || status=$?
  [[ $status == 0 ]] || fail "re-run exit $status"
  [[ $(find lettere -name '*-2027.pdf' ! -name 'quote-*' | wc -l) == 17 ]] ||
    fail "the re-run did not write the 17 letters"
  [[ -z $(find lettere -name '.citfee-*') ]] || fail "temporary files left in the folder"
  letters_match_books
  [[ $(sqlite3 registro.db "SELECT COUNT(*) FROM bill") == 17 ]] || fail "the re-run issued bills again"
  ;;
commit-fails)
  # The books' commit fails (an I/O error at its first fdatasync): nothing is
  # written anywhere; -o keeps its old content, stdout stays empty.
  need strace
  echo "old report" >out.csv
  status=0
  CITFEE_TODAY=2027-01-20 strace -f -o /dev/null -e trace=fdatasync -e inject=fdatasync:error=EIO:when=1 \
    "$citfee" annual --year 2027 --entities "$entities" --books registro.db --issue \
    --statements lettere --draft -o out.csv 2>err.txt || status=$?
  [[ $status != 0 ]] || fail "a failed commit exited 0"
  [[ $(cat out.csv) == "old report" ]] || fail "-o changed by a run whose books did not commit"
  [[ ! -e lettere ]] || fail "letters written by a run whose books did not commit"
  status=0
  CITFEE_TODAY=2027-01-20 strace -f -o /dev/null -e trace=fdatasync -e inject=fdatasync:error=EIO:when=1 \
    "$citfee" annual --year 2027 --entities "$entities" --books other.db --issue -O csv \
    >stdout.txt 2>err.txt || status=$?
  [[ $status != 0 ]] || fail "a failed commit exited 0 (stdout)"
  [[ ! -s stdout.txt ]] || fail "stdout written by a run whose books did not commit"
  ;;
outputs-inputs)
  # No output replaces an input: the books as the sending list or as a
  # reminder's bundle, the entities as the letters' bundle. Exit 2, both named.
  mkdir L
  CITFEE_TODAY=2027-01-20 "$citfee" annual --year 2027 --entities "$entities" --books L/invio.csv \
    --issue -O csv >/dev/null 2>&1
  sqlite3 L/invio.csv .dump >before.sql
  status=0
  CITFEE_TODAY=2027-01-20 "$citfee" annual --year 2027 --entities "$entities" --books L/invio.csv \
    --statements L --draft -O csv >/dev/null 2>err.txt || status=$?
  [[ $status == 2 ]] || fail "books as invio.csv: exit $status, not 2"
  grep -q 'is also the input --books L/invio.csv' err.txt || fail "books as invio.csv: not told"
  sqlite3 L/invio.csv .dump >after.sql
  same "books after a refused run" before.sql after.sql
  mkdir E
  cp "$entities" E/quote-annuali-2027.pdf
  status=0
  "$citfee" annual --year 2027 --entities E/quote-annuali-2027.pdf --statements E --draft -O csv \
    >/dev/null 2>err.txt || status=$?
  [[ $status == 2 ]] || fail "entities as the bundle: exit $status, not 2"
  cmp -s "$entities" E/quote-annuali-2027.pdf || fail "the entities file was replaced"
  [[ $(ls E) == quote-annuali-2027.pdf ]] || fail "files written beside the refused bundle: $(ls E)"
  # The books as the bundle of the reminders of 10 May 2027.
  mkdir R
  CITFEE_TODAY=2027-01-20 "$citfee" annual --year 2027 --entities "$entities" \
    --books R/solleciti-2027-05-10.pdf --issue -O csv >/dev/null 2>&1
  sqlite3 R/solleciti-2027-05-10.pdf .dump >before.sql
  status=0
  "$citfee" remind --books R/solleciti-2027-05-10.pdf --statements R --date 2027-05-10 --draft \
    -O csv >/dev/null 2>err.txt || status=$?
  [[ $status == 2 ]] || fail "books as the reminders' bundle: exit $status, not 2"
  sqlite3 R/solleciti-2027-05-10.pdf .dump >after.sql
  same "books after a refused reminder run" before.sql after.sql
  ;;
stale-ours)
  # Without the books, a run retires the earlier letters of its own
  # entities only: Longhena (in the file, gone in 2026) loses its old
  # letter; a user's file, or a letter of an id the file does not hold,
  # with the same ending stays.
  mkdir L
  echo "appunti" >L/appunti-2027.pdf
  echo "old letter" >L/XYZ-2027.pdf
  echo "old letter" >L/017093-2027.pdf
  "$citfee" annual --year 2027 --entities "$entities" --statements L --draft -O csv >/dev/null 2>err.txt
  [[ $(cat L/appunti-2027.pdf) == appunti ]] || fail "a user's file was removed"
  [[ -e L/XYZ-2027.pdf ]] || fail "a file of no entity of the run was removed"
  [[ ! -e L/017093-2027.pdf ]] || fail "the old letter of an entity no longer billed stays"
  grep -q '1 letter(s) of an earlier run for bodies this run does not bill removed: 017093-2027.pdf' err.txt ||
    fail "the removal not told"
  ;;
leftovers)
  # What a KILL left of any kind of letter (corrections, reminders) is
  # removed by the next run that writes into the folder.
  mkdir L
  touch L/.citfee-017001-2027-R1.pdf.Ab12Cd L/.citfee-CIT-QA-2027-017001-S1.pdf.Xy34Zw \
    L/.citfee-017001-2027.pdf.old.Qq11Rr
  "$citfee" annual --year 2027 --entities "$entities" --statements L --draft -O csv >/dev/null 2>&1
  [[ -z $(find L -name '.citfee-*') ]] || fail "leftovers stay: $(find L -name '.citfee-*')"
  ;;
*)
  echo "unknown check $check" >&2
  exit 2
  ;;
esac

if ((failures)); then exit 1; fi
echo "ok $check"
