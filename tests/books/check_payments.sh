#!/usr/bin/env bash
# Payments over several runs of the built citfee: import and matching,
# duplicates, balances at dates, assignment by hand, and the hledger journal
# audited by hledger itself.
#
#   check_payments.sh CITFEE EXAMPLES_DIR CHECK
#
# CHECK is one of: match, duplicates, camt, repeats, scale, balance, journal, ids, remind,
# summary. The bills are the
# annual fees of 2027 from examples/enti.csv; amounts worked out by hand:
# Acquafredda 1,571 x 0.19 = 298.49 -> 298.00 (QA-2027/0001, tax code
# 00848860175); Agnosine 2,541 x 0.19 = 482.79 -> 483.00 (QA-2027/0002);
# Breno 5,010 x 0.175 = 876.75 -> 877.00 (QA-2027/0003). All due 31 March 2027.
set -euo pipefail

citfee=$(realpath "$1")
examples=$(realpath "$2")
check=$3
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
books() { "$citfee" "$@" --books registro.db; }
CITFEE_TODAY=2027-01-15 books annual --year 2027 --entities "$examples/enti.csv" --issue -O csv \
  >/dev/null 2>&1

# A treasury's export in Italian: by tax code and exact amount, by number
# (an advance), a payment no rule matches, a debit, and by reference with
# its marks rewritten (the rest, paying 17.00 too much).
cat >tesoreria.csv <<'CSV'
Data;Importo;Causale;Ordinante;Codice fiscale;ID operazione
10/03/2027;298,00;Bonifico quota annuale;Comune di Acquafredda;00848860175;TX001
12/03/2027;200,00;Acconto QA-2027/0002;Comune di Agnosine;;TX002
15/03/2027;1.000,00;quota annuale CIT;Comune di Breno;;TX003
16/03/2027;-50,00;commissioni;Banca;;TX004
20/03/2027;300,00;CIT QA 2027 017003 saldo;Comune di Agnosine;;TX005
CSV

case $check in
match)
  books payments tesoreria.csv -O csv >got.csv 2>err.txt
  cat >want.csv <<'CSV'
payment,date,amount,payer,tax_code,description,bill,reference,id,name,match
P-000001,2027-03-10,298.00,Comune di Acquafredda,00848860175,Bonifico quota annuale,QA-2027/0001,CIT-QA-2027-017001,017001,Comune di Acquafredda,tax_code
P-000002,2027-03-12,200.00,Comune di Agnosine,,Acconto QA-2027/0002,QA-2027/0002,CIT-QA-2027-017003,017003,Comune di Agnosine,number
P-000003,2027-03-15,1000.00,Comune di Breno,,quota annuale CIT,,,,,none
P-000004,2027-03-20,300.00,Comune di Agnosine,,CIT QA 2027 017003 saldo,QA-2027/0002,CIT-QA-2027-017003,017003,Comune di Agnosine,reference
CSV
  same "first import" want.csv got.csv
  grep -q 'tesoreria.csv: 1 outgoing or zero amount(s) ignored' err.txt || fail "the debit is not told"
  grep -q '4 payment(s) recorded in registro.db: 3 matched to a bill, 1 unmatched (1000.00 EUR)' err.txt ||
    fail "the import is not summed up"
  # Acquafredda pays 298.00 again, with its tax code only.
  printf 'date,amount,description,tax_code\n2027-03-25,298.00,pagamento,00848860175\n' >cf.csv
  books payments cf.csv -O csv >cf-got.csv 2>/dev/null
  # Its only bill is paid already: 298.00 fits no open bill of that tax code.
  grep -q '^P-000005,2027-03-25,298.00,,00848860175,pagamento,,,,,none$' cf-got.csv ||
    fail "a tax code without an open bill of the amount matched"
  # The sospesi: Breno's 1,000.00 and Acquafredda's second 298.00.
  books payments --unmatched -O csv | tail -n +2 | cut -d, -f1,3 >sospesi.csv
  printf 'P-000003,1000.00\nP-000005,298.00\n' >want-sospesi.csv
  same "--unmatched" want-sospesi.csv sospesi.csv
  # The unmatched 1,000.00 settled by hand, by reference, then undone and redone by number.
  books payments --assign P-000003 CIT-QA-2027-017028 -O csv | tail -n 1 >a.csv
  grep -q '^P-000003,.*,QA-2027/0003,CIT-QA-2027-017028,017028,Comune di Breno,hand$' a.csv ||
    fail "--assign by reference"
  books payments --assign P-000003 QA-2027/0001 -O csv >/dev/null 2>e.txt && fail "re-assigned silently"
  grep -q 'P-000003 already pays QA-2027/0003: --unassign it first' e.txt || fail "no hint to unassign"
  books payments --unassign P-000003 -O csv | tail -n 1 | grep -q ',none$' || fail "--unassign"
  books payments --assign P-000003 qa-2027/0003 -O csv | tail -n 1 | grep -q ',hand$' ||
    fail "--assign by number"
  books payments --assign P-000099 QA-2027/0003 -O csv >/dev/null 2>e.txt && fail "unknown payment"
  grep -q 'no payment P-000099 in the books' e.txt || fail "unknown payment not told"
  # The list of every payment: five, the third now Breno's.
  [[ $(books payments -O csv | tail -n +2 | wc -l) == 5 ]] || fail "not 5 payments listed"
  ;;
duplicates)
  books payments tesoreria.csv -O csv >/dev/null 2>&1
  before=$(sqlite3 registro.db 'SELECT COUNT(*) FROM payment')
  cp tesoreria.csv copia-rinominata.csv
  books payments tesoreria.csv copia-rinominata.csv -O csv >again.csv 2>err.txt
  [[ $(tail -n +2 again.csv | wc -l) == 0 ]] || fail "a re-import added rows"
  grep -q 'tesoreria.csv: already imported (as tesoreria.csv): nothing added' err.txt || fail "re-import not told"
  grep -q 'copia-rinominata.csv: already imported (as tesoreria.csv)' err.txt || fail "renamed copy not told"
  # Another export with one row of the first (same bank id) and a new one.
  printf 'data;importo;causale;id_operazione\n10/03/2027;298,00;CIT-QA-2027-017001;TX001\n01/04/2027;10,00;x;TX900\n' >altro.csv
  books payments altro.csv -O csv >altro-got.csv 2>err2.txt
  [[ $(tail -n +2 altro-got.csv | wc -l) == 1 ]] || fail "the known bank id was added again"
  grep -q 'altro.csv: 1 payment(s) already in the books (same bank id)' err2.txt || fail "known bank id not told"
  # Rows without bank id: two equal transfers in one file are two payments;
  # one like a payment of another file is imported and warned about.
  printf 'date,amount,description\n2027-04-02,50.00,quota\n2027-04-02,50.00,quota\n' >senza-id.csv
  books payments senza-id.csv -O csv >s1.csv 2>/dev/null
  [[ $(tail -n +2 s1.csv | wc -l) == 2 ]] || fail "two equal transfers are not two payments"
  printf 'date,amount,description,note\n2027-04-02,50.00,quota,bis\n' >senza-id-2.csv
  books payments senza-id-2.csv -O csv >s2.csv 2>s2.err
  [[ $(tail -n +2 s2.csv | wc -l) == 1 ]] || fail "the possible duplicate was not imported"
  grep -q 'looks like P-00000[67] (from senza-id.csv)' s2.err || fail "possible duplicate not warned"
  # Next month's export under the same name: its rows are another file's too.
  printf 'date,amount,description,mese\n2027-04-02,50.00,quota,maggio\n' >senza-id.csv
  books payments senza-id.csv -O csv >s3.csv 2>s3.err
  grep -q 'senza-id.csv:2: 50.00 EUR of "quota" on 2027-04-02 looks like P-00000[678]' s3.err ||
    fail "a duplicate from a file of the same name is not warned"
  after=$(sqlite3 registro.db 'SELECT COUNT(*) FROM payment')
  [[ $after == $((before + 5)) ]] || fail "$after payments, expected $((before + 5))"
  # A failed import (a bad row) records nothing, also of the good files before it.
  printf 'date,amount,description\n2027-04-03,12.00,ok\n' >buono.csv
  printf 'date,amount,description\n2027-04-03,12,5,bad\n' >cattivo.csv
  books payments buono.csv cattivo.csv -O csv >/dev/null 2>&1 && fail "a bad file was accepted"
  [[ $(sqlite3 registro.db 'SELECT COUNT(*) FROM payment') == "$after" ]] || fail "a failed run recorded payments"
  ;;
camt)
  # A statement made here: two booked credits and one debit.
  cat >estratto.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>CIT-2027-03</MsgId><CreDtTm>2027-04-01T08:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>2027-03</Id>
      <Ntry>
        <Amt Ccy="EUR">298.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2027-03-10</Dt></BookgDt><AcctSvcrRef>B-1</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <RltdPties><Dbtr><Nm>Comune di Acquafredda</Nm></Dbtr></RltdPties>
          <RmtInf><Ustrd>CIT-QA-2027-017001</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">12.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2027-03-11</Dt></BookgDt><AcctSvcrRef>B-2</AcctSvcrRef>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">483.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2027-03-12</Dt></BookgDt><AcctSvcrRef>B-3</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <RltdPties><Dbtr><Nm>Comune di Agnosine</Nm></Dbtr></RltdPties>
          <RmtInf><Ustrd>Fattura QA-2027/0002</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
XML
  books payments estratto.xml -O csv >got.csv 2>err.txt
  cat >want.csv <<'CSV'
payment,date,amount,payer,tax_code,description,bill,reference,id,name,match
P-000001,2027-03-10,298.00,Comune di Acquafredda,,CIT-QA-2027-017001,QA-2027/0001,CIT-QA-2027-017001,017001,Comune di Acquafredda,reference
P-000002,2027-03-12,483.00,Comune di Agnosine,,Fattura QA-2027/0002,QA-2027/0002,CIT-QA-2027-017003,017003,Comune di Agnosine,number
CSV
  same "camt.053 import" want.csv got.csv
  grep -q 'estratto.xml: 1 outgoing or zero amount(s) ignored' err.txt || fail "the debit entry is not told"
  # A credit of zero pays nothing: left out and told; the same statement in
  # UTF-16, as some banks send it, is read as XML.
  sed 's/>483.00</>0.00</; s/B-3/B-4/; s/B-1/B-5/' estratto.xml >zero.xml
  books payments zero.xml -O csv >zero.csv 2>zero.err || fail "a zero credit stopped the import"
  [[ $(tail -n +2 zero.csv | wc -l) == 1 ]] || fail "a zero credit recorded"
  grep -q 'zero.xml: 2 outgoing or zero amount(s) ignored' zero.err || fail "the zero credit is not told"
  sed 's/UTF-8/UTF-16/; s/B-1/U-1/; s/B-3/U-3/; s/2027-03-1/2027-04-1/' estratto.xml |
    iconv -f UTF-8 -t UTF-16 >utf16.xml
  books payments utf16.xml -O csv >utf16.csv 2>utf16.err || fail "a UTF-16 statement: $(cat utf16.err)"
  [[ $(tail -n +2 utf16.csv | wc -l) == 2 ]] || fail "not 2 payments from the UTF-16 statement"
  ;;
repeats)
  # A statement with one transaction written twice: kept once, told as a
  # repeat of its line, not as "already in the books".
  entry() {  # entry AMOUNT ID DATE
    printf '<Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>\n' "$1"
    printf '<BookgDt><Dt>%s</Dt></BookgDt><AcctSvcrRef>%s</AcctSvcrRef></Ntry>\n' "$3" "$2"
  }
  statement() {  # statement ENTRIES... > FILE
    printf '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n'
    printf '<BkToCstmrStmt><Stmt>\n'
    printf '%s\n' "$@"
    printf '</Stmt></BkToCstmrStmt></Document>\n'
  }
  statement "$(entry 298.00 B-1 2027-03-10)" "$(entry 298.00 B-1 2027-03-10)" \
    "$(entry 10.00 B-2 2027-03-11)" >doppio.xml
  books payments doppio.xml -O csv >d.csv 2>d.err || fail "a repeated transaction stopped the import"
  [[ $(tail -n +2 d.csv | wc -l) == 2 ]] || fail "not 2 payments from the statement with a repeat"
  grep -q 'doppio.xml:6: transaction B-1 repeats line 4 of the same file (same amount and date): kept once' d.err ||
    fail "the repeat is not told with its line"
  grep -q 'already in the books' d.err && fail "a repeat in the file told as already in the books"
  # The same id on another amount: refused, naming both lines; nothing recorded.
  statement "$(entry 298.00 C-1 2027-03-10)" "$(entry 300.00 C-1 2027-03-10)" >conteso.xml
  books payments conteso.xml -O csv >/dev/null 2>c.err && fail "an id on two amounts accepted"
  grep -q 'conteso.xml:6: transaction C-1 of 300.00 EUR on 2027-03-10 has the id of line 4 of the same file, 298.00 EUR on 2027-03-10' c.err ||
    fail "the contested id is not told with both lines"
  [[ $(sqlite3 registro.db 'SELECT COUNT(*) FROM payment') == 2 ]] || fail "a refused file recorded payments"
  # The same CSV rows in a treasury export: a repeat and a contested id.
  printf 'date,amount,description,transaction_id\n2027-04-01,5.00,x,T9\n2027-04-01,5.00,x,T9\n' >r.csv
  books payments r.csv -O csv 2>r.err | tail -n +2 | wc -l | grep -qx 1 || fail "a repeated CSV row is not kept once"
  grep -q 'r.csv:3: transaction T9 repeats line 2 of the same file' r.err || fail "the CSV repeat is not told"
  # An id of a file read before in the same run is not "already in the books".
  printf 'date,amount,description,transaction_id\n2027-04-02,6.00,y,T10\n' >a.csv
  printf 'date,amount,description,transaction_id\n2027-04-02,6.00,y,T10\n2027-04-03,7.00,z,T11\n' >b.csv
  books payments a.csv b.csv -O csv >ab.csv 2>ab.err
  [[ $(tail -n +2 ab.csv | wc -l) == 2 ]] || fail "not 2 payments from a.csv and b.csv"
  grep -q 'b.csv: 1 payment(s) with the bank id of one in a file before it: not added again' ab.err ||
    fail "an id of an earlier file of the run is not told so"
  grep -q 'already in the books' ab.err && fail "an id of this run told as already in the books"
  ;;
scale)
  # A large export: its import time grows with its rows, not their square,
  # including the check of each bank id against the books.
  rows() {  # rows N PREFIX
    awk -v n="$1" -v p="$2" 'BEGIN {
      print "Data;Importo;Causale;Ordinante;ID operazione"
      for (i = 1; i <= n; i++)
        printf "%02d/03/2027;%d,%02d;quota CIT-QA-2027-0170%02d rata %d;Comune %d;%s%d\n",
          i % 28 + 1, i % 900 + 1, i % 100, i % 17 + 1, i, i % 300, p, i
    }'
  }
  # timed FILE: imports FILE into fresh books copied from base.db, and prints
  # the milliseconds it took, then those of processor time (user and system):
  # the machine may be busy with other work, which the latter leaves out.
  timed() {
    cp base.db registro.db
    local start end TIMEFORMAT='%3U %3S' cpu
    start=$(date +%s%N)
    # Run in a command substitution: a failure is told by its status.
    cpu=$({ time books payments "$1" -O csv >/dev/null 2>"$1.err"; } 2>&1) || return 1
    end=$(date +%s%N)
    read -r user system <<<"$cpu"
    echo "$(((end - start) / 1000000)) $(awk -v u="$user" -v s="$system" 'BEGIN { printf "%d", (u + s) * 1000 }')"
  }
  cp registro.db base.db
  rows 25000 S >small.csv
  rows 100000 L >large.csv
  times_small=$(timed small.csv) || fail "small.csv not imported: $(head -3 small.csv.err)"
  times_large=$(timed large.csv) || fail "large.csv not imported: $(head -3 large.csv.err)"
  read -r small small_cpu <<<"${times_small:-0 0}"
  read -r large large_cpu <<<"${times_large:-0 0}"
  echo "25,000 rows: ${small} ms (${small_cpu} ms of processor); 100,000 rows: ${large} ms (${large_cpu} ms)"
  ((large < 60000)) || fail "100,000 rows took ${large} ms"
  # Four times the rows in no more than six times the processor time (with a
  # floor for the start of the program on a fast machine).
  ((large_cpu <= 6 * (small_cpu > 200 ? small_cpu : 200))) ||
    fail "4x the rows took $large_cpu ms of processor against $small_cpu ms"
  [[ $(sqlite3 registro.db 'SELECT COUNT(*) FROM payment') == 100000 ]] || fail "not 100,000 payments"
  # The same export again under another content: every bank id already there.
  { cat large.csv; echo '01/04/2027;1,00;altro;Comune 1;NEW1'; } >again.csv
  start=$(date +%s%N)
  books payments again.csv -O csv >/dev/null 2>again.err || fail "again.csv not imported"
  again=$((($(date +%s%N) - start) / 1000000))
  echo "100,000 known bank ids: ${again} ms"
  ((again < 60000)) || fail "100,000 known bank ids took ${again} ms"
  grep -q 'again.csv: 100000 payment(s) already in the books (same bank id)' again.err || fail "known ids not told"
  # Progress is shown on a terminal only: not in the file above, and on a
  # pseudo-terminal made by script(1) where there is one.
  grep -q 'of 100000 payments' again.err && fail "progress written to a file"
  if command -v script >/dev/null; then
    { head -n 1 large.csv && echo '01/04/2027;1,00;altro;Comune 1;NEW2' && tail -n +2 large.csv; } >tty.csv
    script -qec "'$citfee' payments --books registro.db tty.csv -O csv >/dev/null" /dev/null >tty.out </dev/null || true
    grep -q 'citfee: tty.csv: [0-9]* of 100001 payments' tty.out || fail "no progress on a terminal"
  fi
  ;;
balance)
  books payments tesoreria.csv -O csv >/dev/null 2>&1
  # On the due day Breno's bill, unpaid, is open; the day after, overdue by 1.
  books balance --as-of 2027-03-31 --by bill -O csv >due.csv 2>/dev/null
  grep -q '^QA-2027/0003,CIT-QA-2027-017028,017028,Comune di Breno,2027-01-15,2027-03-31,877.00,0.00,877.00,0.00,0,0,,open$' due.csv ||
    fail "Breno is not open on the due day"
  books balance --as-of 2027-04-01 --by bill -O csv >after.csv 2>after.err
  grep -q '^QA-2027/0003,.*,877.00,0.00,877.00,0.00,1,0,,overdue$' after.csv || fail "Breno is not overdue the day after"
  # Agnosine paid 200.00 + 300.00 for 483.00: 17.00 in credit.
  grep -q '^QA-2027/0002,.*,483.00,500.00,0.00,17.00,0,0,,credit$' after.csv || fail "Agnosine's over-payment"
  grep -q '^QA-2027/0001,.*,298.00,298.00,0.00,0.00,0,0,,paid$' after.csv || fail "Acquafredda is not paid"
  grep -q '1 payment(s) of 1000.00 EUR match no bill (sospesi)' after.err || fail "the sospeso is not told"
  # On 11 March only Acquafredda's payment is in: Agnosine is open.
  books balance --as-of 2027-03-11 -O csv 2>/dev/null | grep -q '^017003,Comune di Agnosine,1,483.00,0.00,483.00,0.00,open$' ||
    fail "a payment counted before its date"
  # 13 March: Agnosine has paid its advance: partial.
  books balance --as-of 2027-03-13 -O csv 2>/dev/null | grep -q '^017003,Comune di Agnosine,1,483.00,200.00,283.00,0.00,partial$' ||
    fail "Agnosine is not partial"
  # --overdue: every entity but the three that paid (17 bills, 2 settled).
  n=$(books balance --as-of 2027-04-01 --overdue -O csv 2>/dev/null | tail -n +2 | wc -l)
  [[ $n == 15 ]] || fail "--overdue lists $n entities, not 15"
  # The totals: billed 18,645.00 in all (the sum of the 17 bills).
  want=$(books bills -O csv | awk -F, 'NR > 1 { split($9, a, "."); s += a[1] * 100 + a[2] } END { printf "%d.%02d", s / 100, s % 100 }')
  books balance --as-of 2027-04-01 -O json 2>/dev/null | grep -q "\"total_billed\": \"$want\"" || fail "the billed total is not $want"
  ;;
journal)
  if ! command -v hledger >/dev/null; then
    echo "SKIPPED: hledger not found (Debian package hledger)"
    exit 77
  fi
  books payments tesoreria.csv -O csv >/dev/null 2>&1
  books journal -o registro.journal
  hledger -f registro.journal check --strict || fail "hledger check --strict"
  # Each entity's account is its outstanding less its credit, in citfee's balance.
  hledger -f registro.journal balance crediti:enti --flat --empty --no-total -O csv |
    tail -n +2 | tr -d '"' | sed 's/crediti:enti://; s/ EUR$//' | awk -F, '{ printf "%s,%.2f\n", $1, $2 }' |
    sort >hledger.txt
  books balance --as-of 2099-12-31 -O csv 2>/dev/null | tail -n +2 | grep -v '^Totale' |
    awk -F, '{ printf "%s,%.2f\n", $1, $6 - $7 }' | sort >citfee.txt
  same "hledger's balance of each entity" citfee.txt hledger.txt
  # The sospeso sits in its own account; the bank has every payment.
  hledger -f registro.journal balance sospesi --no-total -O csv | grep -q '"-1000.00 EUR"' || fail "sospesi"
  hledger -f registro.journal balance banca --no-total -O csv | grep -q '"1798.00 EUR"' || fail "banca"
  # A year's journal opens with what the years before left, and checks too.
  books journal --year 2028 | hledger -f - check --strict || fail "the journal of 2028"
  ;;
ids)
  if ! command -v hledger >/dev/null; then
    echo "SKIPPED: hledger not found (Debian package hledger)"
    exit 77
  fi
  # Ids hledger would misread (':' splits an account, ';' starts a comment,
  # spaces end it) meet in one books over three years; each keeps its account.
  ids() { "$citfee" "$@" --books ids.db; }
  printf 'id,name,type\nA:1,Ente A due punti,comunita_montana\nB 2,Ente B spazio,comunita_montana\nC;3,Ente C,comunita_montana\nD%%3A4,Ente D,comunita_montana\nE(5),Ente E,comunita_montana\n' >ids-2027.csv
  printf 'id,name,type\nA_1,Ente A trattino,comunita_montana\nB_2,Ente B trattino,comunita_montana\nD:4,Ente D due punti,comunita_montana\n' >ids-2028.csv
  printf 'id,name,type\nA 1,Ente A spazio,comunita_montana\nA;1b,Ente A bis,comunita_montana\n' >ids-2029.csv
  for year in 2027 2028 2029; do
    CITFEE_TODAY=$year-01-15 ids annual --year $year --entities ids-$year.csv --issue -O csv >/dev/null ||
      fail "the bills of $year"
  done
  ids journal -o ids.journal
  hledger -f ids.journal check --strict || fail "hledger check --strict"
  n=$(hledger -f ids.journal accounts crediti:enti | wc -l)
  [[ $n == 10 ]] || fail "$n accounts of entities, not 10"
  # Each entity's account holds its own bill: 10 accounts of one bill each.
  hledger -f ids.journal balance crediti:enti --flat --no-total -O csv | tail -n +2 >bal.csv
  [[ $(wc -l <bal.csv) == 10 ]] || fail "the balance has not 10 accounts"
  grep -q '"crediti:enti:A%3A1"' bal.csv || fail "A:1 has no account of its own"
  grep -q '"crediti:enti:A_1"' bal.csv || fail "A_1 has no account of its own"
  grep -q '"crediti:enti:A%201"' bal.csv || fail "A 1 has no account of its own"
  ;;
remind)
  if ! command -v pdftotext >/dev/null; then
    echo "SKIPPED: pdftotext not found (Debian package poppler-utils)"
    exit 77
  fi
  # Breno pays 500.00 of its 877.00; Acquafredda all of its 298.00.
  printf 'date,amount,description\n2027-03-20,500.00,acconto QA-2027/0003\n2027-03-21,298.00,CIT-QA-2027-017001\n' >p.csv
  books payments p.csv -O csv >/dev/null 2>&1
  remind() {  # remind DATE [ARGS...]
    local day=$1
    shift
    books remind --statements solleciti --iban IT60X0542811101000000123456 --date "$day" "$@"
  }
  # 10 May is 40 days past the due date: with --after 45, nothing yet.
  remind 2027-05-10 --after 45 -O csv >none.csv 2>none.err
  [[ $(tail -n +2 none.csv | wc -l) == 0 ]] || fail "reminders before --after days"
  grep -q 'no bill is overdue by more than 45 day(s) at 2027-05-10' none.err || fail "no reminder not told"
  remind 2027-05-10 -O csv >first.csv 2>first.err
  # Every bill of 2027 but Acquafredda's (paid): 16 reminders.
  [[ $(tail -n +2 first.csv | wc -l) == 16 ]] || fail "not 16 reminders"
  grep -q '^QA-2027/0003,CIT-QA-2027-017028,017028,Comune di Breno,2027-03-31,377.00,1,2027-05-10,2027-06-09,sent$' first.csv ||
    fail "Breno's first reminder"
  [[ -e solleciti/CIT-QA-2027-017001-S1.pdf ]] && fail "a reminder for a bill paid"
  [[ -e solleciti/solleciti-2027-05-10.pdf && -e solleciti/invio.csv ]] || fail "no bundle or sending list"
  letter=solleciti/CIT-QA-2027-017028-S1.pdf
  text=$(pdftotext -layout "$letter" -)
  for want in "Sollecito di pagamento – quota annuale 2027" "QA-2027/0003" "CIT-QA-2027-017028" \
    "Documento QA-2027/0003 +15/01/2027 +877,00 €" "Pagamento ricevuto \(P-000001\) +20/03/2027 +-500,00 €" \
    "Importo ancora dovuto +377,00 €" "Scadenza originaria: 31 marzo 2027. Sollecito n. 1." \
    "Da versare entro il 9 giugno 2027" "Brescia, 10 maggio 2027"; do
    grep -Eq "$want" <<<"$text" || fail "Breno's letter lacks: $want"
  done
  [[ $(sqlite3 registro.db 'SELECT COUNT(*) FROM reminder') == 16 ]] || fail "16 reminders not recorded"
  # The same day again: the same letters, byte for byte, and nothing recorded.
  cp "$letter" first.pdf
  remind 2027-05-10 -O csv >again.csv 2>/dev/null
  grep -q ',1,2027-05-10,2027-06-09,already_sent$' again.csv || fail "not told as already sent"
  cmp -s first.pdf "$letter" || fail "the letter changed on a second run the same day"
  [[ $(sqlite3 registro.db 'SELECT COUNT(*) FROM reminder') == 16 ]] || fail "a second run recorded reminders"
  # Later, the second reminder; the balance counts them.
  remind 2027-06-20 -O csv >second.csv 2>/dev/null
  grep -q '^QA-2027/0003,.*,377.00,2,2027-06-20,2027-07-20,sent$' second.csv || fail "Breno's second reminder"
  pdftotext -layout solleciti/CIT-QA-2027-017028-S2.pdf - | grep -q 'Sollecito n. 2.' || fail "the second letter"
  [[ -e solleciti/CIT-QA-2027-017028-S1.pdf ]] || fail "the first reminder was removed"
  books balance --as-of 2027-06-30 --by bill -O csv 2>/dev/null |
    grep -q '^QA-2027/0003,.*,877.00,500.00,377.00,0.00,91,2,2027-06-20,overdue$' || fail "the balance's reminders"
  ;;
summary)
  books payments tesoreria.csv -O csv >/dev/null 2>&1
  # Billed: the 17 bills; paid: 298.00 + 200.00 + 300.00 matched (the 1,000.00
  # sospeso is no bill's); outstanding 18,645.00 - 298.00 - 483.00 = 17,864.00,
  # all overdue on 2 April; Agnosine's 17.00 in credit.
  CITFEE_TODAY=2027-04-02 books summary --year 2027 --entities "$examples/enti.csv" -O csv >s.csv 2>/dev/null
  grep -q '^2027,annual,17,18645.00,798.00,17864.00,17864.00,17.00$' s.csv || fail "the year's collection"
  grep -q '^2027-H1,semester,0,0.00,0.00,0.00,0.00,0.00$' s.csv || fail "no semester bill of 2027"
  # Before the due date nothing is overdue.
  CITFEE_TODAY=2027-03-30 books summary --year 2027 --entities "$examples/enti.csv" -O csv 2>/dev/null |
    grep -q '^2027,annual,17,18645.00,798.00,17864.00,0.00,17.00$' || fail "overdue before the due date"
  # The workbook: the sheet Riscossione, Italian headers, numbers, and its chart
  # of billed, paid and outstanding over the three rows.
  if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
    CITFEE_TODAY=2027-04-02 books summary --year 2027 --entities "$examples/enti.csv" -o sintesi.xlsx \
      2>/dev/null
    /usr/bin/python3 - <<'PY' || fail "the collection sheet of the workbook"
import openpyxl
ws = openpyxl.load_workbook("sintesi.xlsx")["Riscossione"]
assert [c.value for c in ws[1]] == ["Periodo", "Tipo documento", "Documenti", "Fatturato",
                                    "Pagato", "Da pagare", "Scaduto", "Credito"], ws[1]
assert [c.value for c in ws[2]] == ["2027", "annual", 17, 18645, 798, 17864, 17864, 17], ws[2]
assert len(ws._charts) == 1, ws._charts
refs = [(s.cat.strRef.f, s.val.numRef.f) for s in ws._charts[0].series]
assert refs == [("Riscossione!$A$2:$A$4", "Riscossione!$%s$2:$%s$4" % (c, c)) for c in "DEF"], refs
PY
  fi
  ;;
*)
  echo "unknown check $check" >&2
  exit 2
  ;;
esac

if ((failures)); then exit 1; fi
echo "ok $check"
