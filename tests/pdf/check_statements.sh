#!/usr/bin/env bash
# Checks the PDF statements of the built citfee through the text that
# poppler's pdftotext extracts from them, and the pages pdfinfo counts.
#
#   check_statements.sh CITFEE DATA_DIR SHARED_DATA_DIR ARTIFACT_DIR CHECK
#
# CHECK is one of: annual, semester, all, long, names, rerun, draft, comuni, batch, late.
# Expected amounts are worked out by hand in this file (see the comments) or,
# for generated inputs, with shell integer arithmetic: never taken from citfee.
# A few pages are also rendered to PNG in ARTIFACT_DIR, for people to look at.
# Exits 77 (skipped) when poppler-utils is missing, or for `comuni` when the
# shared data is not there.
set -euo pipefail

if (($# != 5)); then
  echo "usage: $0 CITFEE DATA_DIR SHARED_DATA_DIR ARTIFACT_DIR CHECK" >&2
  exit 2
fi
citfee=$(realpath "$1")
data=$(realpath "$2")
shared=$3
artifacts=$4
check=$5

for tool in pdftotext pdfinfo pdftoppm; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIPPED: $tool not found (Debian package poppler-utils)"
    exit 77
  fi
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$artifacts"

failures=0
fail() {
  echo "FAIL $check: $*"
  failures=$((failures + 1))
}

iban=IT60X0542811101000000123456

# Runs citfee in DATA_DIR with a fixed "today"; stdout to $scratch/stdout.
run() {
  local status=0
  (cd "$data" && CITFEE_TODAY=2027-01-15 "$citfee" "$@") >"$scratch/stdout" 2>"$scratch/stderr" || status=$?
  if ((status != 0)); then
    echo "--- citfee $*"
    cat "$scratch/stderr"
    fail "citfee exited with status $status"
    exit 1
  fi
}

text() { pdftotext -layout "$1" -; }
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
page_text() { pdftotext -layout -f "$2" -l "$2" "$1" -; }

# Each argument after the file must appear in its text, as is.
expect_text() {
  local file=$1
  shift
  local content
  content=$(text "$file")
  for wanted in "$@"; do
    if ! grep -qF -- "$wanted" <<<"$content"; then
      fail "$(basename "$file") lacks: $wanted"
    fi
  done
}

# A line of the text must match the extended regular expression.
expect_line() {
  # Not grep -q: with pipefail, a writer cut short by it would count as failed.
  if ! text "$1" | grep -E -- "$2" >/dev/null; then
    fail "$(basename "$1") has no line matching: $2"
  fi
}

expect_file() { [[ -f "$1" ]] || fail "$(basename "$1") was not written"; }
expect_no_file() { [[ ! -e "$1" ]] || fail "$(basename "$1") should not exist"; }

# 123456 cents -> "1.234,56 €", the way a statement writes amounts.
euro() {
  local cents=$1 euros rest=""
  euros=$((cents / 100))
  while ((euros >= 1000)); do
    rest=$(printf '.%03d%s' $((euros % 1000)) "$rest")
    euros=$((euros / 1000))
  done
  printf '%d%s,%02d €' "$euros" "$rest" $((cents % 100))
}

png() { pdftoppm -r 100 -png -f "$2" -l "$2" -singlefile "$1" "$artifacts/$3"; }

expect_png() {
  local size
  size=$(stat -c %s "$artifacts/$1.png" 2>/dev/null || echo 0)
  ((size > 20000)) || fail "$1.png is missing or nearly empty ($size bytes)"
}

check_annual() {
  local out=$scratch/annual
  run annual --year 2027 --entities enti.csv --statements "$out" --iban "$iban" -O csv
  # Every entity owes something: one PDF each, and the combined one.
  for id in 017170 017144 CM01 017001 017002 017003 017029 017999; do expect_file "$out/$id-2027.pdf"; done
  expect_file "$out/quote-annuali-2027.pdf"
  local f=$out/017002-2027.pdf
  # Adro: 7,114 residents in the band 5,001-10,000 at 0.175: 1,244.95, rounded 1,245.
  expect_text "$f" "Comune di Adro" "Codice ente 017002" "CIT-QA-2027-017002" \
    "Quota annuale di adesione al CIT – anno 2027" "Brescia, 15 gennaio 2027" \
    "Popolazione residente al 31 dicembre 2026" "7.114 abitanti" "da 5.001 a 10.000 abitanti" \
    "0,175 € per abitante" "7.114 × 0,175 €" "1.244,95 €" "+0,05 €" "1.245,00 €" \
    "31 marzo 2027" "31/03/2027" "$iban" "Provincia di Brescia" "80008750178" \
    "Piazza Paolo VI, 29" "25125 Brescia" "Pagina 1 di 1"
  expect_line "$f" "Quota annuale 2027 dovuta +1\.245,00 €"
  expect_line "$f" "Importo +1\.245,00 €"
  # Salò: 10,535 x 0.145 = 1,527.575, rounded 1,528 (+0.425). Its population is
  # undated (no population_2026): the letter says so and names no year.
  expect_text "$out/017170-2027.pdf" "Comune di Salò" "1.527,575 €" "+0,425 €" "1.528,00 €" \
    "Popolazione residente (dato senza anno)"
  # Agnosine: 2,550 x 0.19 = 484.50 exactly, a half: 485.
  expect_text "$out/017003-2027.pdf" "2.550 × 0,19 €" "484,50 €" "485,00 €"
  # Palazzolo: 15,025 x 0.14 = 2,103.50: 2,104.
  expect_text "$out/017144-2027.pdf" "Comune di Palazzolo sull'Oglio" "2.103,50 €" "2.104,00 €"
  # Flat fees: the capoluogo and a Comunità Montana pay 300.
  expect_text "$out/017029-2027.pdf" "Comune di Brescia" "Comune capoluogo" "300,00 €" \
    "C.F. 00761890177" "PEC protocollo@pec.comune.brescia.it"
  expect_text "$out/CM01-2027.pdf" "Comunità Montana di Valle Camonica" "Quota fissa" "300,00 €"
  [[ "$(pages "$f")" == 1 ]] || fail "Adro's statement should be one page"
  pdfinfo "$f" | grep "595.276 x 841.89 pts (A4)" >/dev/null || fail "not an A4 page"
  pdfinfo "$f" | grep -E "CreationDate: +Fri Jan 15 00:00:00 2027" >/dev/null || fail "creation date is not the statement's"
  [[ "$(pages "$out/quote-annuali-2027.pdf")" == 8 ]] || fail "the combined PDF should have 8 pages"
  expect_text "$out/quote-annuali-2027.pdf" "Comune di Adro" "Comune di Salò" "1.245,00 €" "1.528,00 €"
  if text "$f" | grep BOZZA >/dev/null; then fail "a statement with an IBAN is marked BOZZA"; fi
  png "$f" 1 annual-page1
  expect_png annual-page1
}

check_semester() {
  local out=$scratch/semester
  run semester --period 2026-H1 --entities enti.csv --usage consumi.csv --usage formazione.csv \
    --statements "$out" --issuer emittente.toml --date 2026-07-10 -O csv --only-due
  expect_file "$out/017170-2026-H1.pdf"
  expect_file "$out/017144-2026-H1.pdf"
  expect_file "$out/CM01-2026-H1.pdf"
  expect_file "$out/quote-variabili-2026-H1.pdf"
  # Acquafredda's 100 consultations are within its 270: it owes nothing, and
  # with --only-due gets no letter.
  expect_no_file "$out/017001-2026-H1.pdf"
  expect_no_file "$out/017002-2026-H1.pdf"
  local f=$out/017170-2026-H1.pdf
  # Salò (10,535 residents): 5 kits, 3 free, 2 x 70 = 140; 6 PEC, 4 free,
  # 2 x 20 = 40; 1,000 consultations, 870 free, 130 x 0.70 = 91. Total 271.
  expect_text "$f" "Comune di Salò" "Codice ente 017170" "PEC protocollo@pec.comune.salo.bs.it" \
    "CIT-QV-2026-H1-017170" "Servizi erogati nel 1° semestre 2026 – quote variabili" \
    "Brescia, 10 luglio 2026" "31 luglio 2026" "31/07/2026" "$iban"
  expect_line "$f" "Kit di firma digitale +5 +3 +2 +70,00 € +140,00 €"
  expect_line "$f" "Casella PEC +6 +4 +2 +20,00 € +40,00 €"
  expect_line "$f" "Consultazione Registro Imprese +1\.000 +870 +130 +0,70 € +91,00 €"
  expect_line "$f" "Totale +271,00 €"
  expect_line "$f" "Importo +271,00 €"
  # Palazzolo (15,025): 4 renewals, 1 x 70; 1,200 consultations, 1,000 free, 200 x 0.70 = 140.
  expect_line "$out/017144-2026-H1.pdf" "Rinnovo certificato di firma +4 +3 +1 +70,00 € +70,00 €"
  expect_line "$out/017144-2026-H1.pdf" "Consultazione Registro Imprese +1\.200 +1\.000 +200 +0,70 € +140,00 €"
  expect_line "$out/017144-2026-H1.pdf" "Totale +210,00 €"
  # The Comunità Montana is not a Comune: 520 consultations free.
  # 20 kits: 17 x 70 = 1,190; 9 PEC: 5 x 20 = 100; 1,519: 999 x 0.70 = 699.30.
  local cm=$out/CM01-2026-H1.pdf
  expect_line "$cm" "Kit di firma digitale +20 +3 +17 +70,00 € +1\.190,00 €"
  expect_line "$cm" "Casella PEC +9 +4 +5 +20,00 € +100,00 €"
  expect_line "$cm" "Consultazione Registro Imprese +1\.519 +520 +999 +0,70 € +699,30 €"
  expect_line "$cm" "Totale +1\.989,30 €"
  [[ "$(pages "$out/quote-variabili-2026-H1.pdf")" == 3 ]] || fail "the combined PDF should have 3 pages"
  png "$f" 1 semester-page1
  expect_png semester-page1

  # July-December: Salò's free kits and consultations are used up.
  # 1 kit x 70; 300 consultations x 0.70 = 210; 2 training events x 45 = 90. Total 370.
  out=$scratch/semester-h2
  run semester --period 2026-H2 --entities enti.csv --usage consumi.csv --usage formazione.csv \
    --statements "$out" --iban "$iban" -O csv --only-due
  f=$out/017170-2026-H2.pdf
  expect_text "$f" "Servizi erogati nel 2° semestre 2026 – quote variabili" "31 gennaio 2027" "31/01/2027"
  expect_line "$f" "Kit di firma digitale +1 +0 +1 +70,00 € +70,00 €"
  expect_line "$f" "Consultazione Registro Imprese +300 +0 +300 +0,70 € +210,00 €"
  expect_line "$f" "Evento formativo a pagamento +2 +0 +2 +45,00 € +90,00 €"
  expect_line "$f" "Totale +370,00 €"
  expect_no_file "$out/017144-2026-H2.pdf"

  # A course the usage names is named on its line of the letter.
  printf 'id,period,service,quantity,unit_price,descrizione\n017170,2026-H2,formazione,2,45.00,Privacy e GDPR\n' \
    > "$scratch/corsi.csv"
  out=$scratch/semester-corsi
  run semester --period 2026-H2 --entities enti.csv --usage consumi.csv --usage "$scratch/corsi.csv" \
    --statements "$out" --iban "$iban" -O csv --only-due
  expect_line "$out/017170-2026-H2.pdf" "Evento formativo a pagamento: +2 +0 +2 +45,00 € +90,00 €"
  expect_line "$out/017170-2026-H2.pdf" "^ *Privacy e GDPR$"
}

check_all() {
  local out=$scratch/all
  run semester --period 2026-H1 --entities enti.csv --usage consumi.csv --statements "$out" --iban "$iban" \
    --all -O csv --date 2026-07-10
  # With --all, every entity: Acquafredda used 100 of its 270 free consultations.
  local n
  n=$(find "$out" -name '*-2026-H1.pdf' ! -name 'quote-*' | wc -l)
  [[ "$n" == 8 ]] || fail "--all should write 8 statements, wrote $n"
  # Without --all too: a semester letter goes to every member (Annex A).
  run semester --period 2026-H1 --entities enti.csv --usage consumi.csv --statements "$out-default" \
    --iban "$iban" -O csv --date 2026-07-10
  n=$(find "$out-default" -name '*-2026-H1.pdf' ! -name 'quote-*' | wc -l)
  [[ "$n" == 8 ]] || fail "every member should get a semester letter, wrote $n"
  # --only-due: only those with a fee to pay.
  run semester --period 2026-H1 --entities enti.csv --usage consumi.csv --statements "$out-due" \
    --iban "$iban" -O csv --owing --date 2026-07-10
  n=$(find "$out-due" -name '*-2026-H1.pdf' ! -name 'quote-*' | wc -l)
  ((n > 0 && n < 8)) || fail "--only-due should write fewer than 8 statements, wrote $n"
  local f=$out/017001-2026-H1.pdf
  expect_text "$f" "Comune di Acquafredda" "0,00 €" "non è dovuto alcun importo"
  expect_line "$f" "Consultazione Registro Imprese +100 +100 +0 +0,70 € +0,00 €"
  expect_text "$out/017002-2026-H1.pdf" "Nel semestre non risultano servizi utilizzati."
}

check_long() {
  # One Unione with 90 paid training events, each at its own price: line i
  # has 1 + i % 4 participants at 10.00 + i x 0.35 euro.
  {
    echo "id,period,service,quantity,unit_price"
    for ((i = 1; i <= 90; i++)); do
      cents=$((1000 + 35 * i))
      printf 'UC9,2026-H2,formazione,%d,%d.%02d\n' $((1 + i % 4)) $((cents / 100)) $((cents % 100))
    done
  } >"$scratch/lungo.csv"
  printf 'id,name,type\nUC9,"Unione dei Comuni della Bassa Bresciana Occidentale",unione_comuni\n' >"$scratch/enti.csv"
  local out=$scratch/long
  run semester --period 2026-H2 --entities "$scratch/enti.csv" --usage "$scratch/lungo.csv" \
    --statements "$out" --iban "$iban" -O csv
  local f=$out/UC9-2026-H2.pdf total=0 amount
  local content
  content=$(text "$f")
  for ((i = 1; i <= 90; i++)); do
    cents=$((1000 + 35 * i))
    amount=$(((1 + i % 4) * cents))
    total=$((total + amount))
    if ! grep -qE "Evento formativo a pagamento +$((1 + i % 4)) +0 +$((1 + i % 4)) +$(euro "$cents") +$(euro "$amount")" <<<"$content"; then
      fail "line $i ($(euro "$cents") x $((1 + i % 4)) = $(euro "$amount")) is missing"
    fi
  done
  expect_line "$f" "Totale +$(euro "$total")"
  expect_line "$f" "Importo +$(euro "$total")"
  local n
  n=$(pages "$f")
  ((n >= 3)) || fail "90 lines should take at least 3 pages, took $n"
  for ((p = 1; p <= n; p++)); do
    local page
    page=$(page_text "$f" "$p")
    grep -qF "Pagina $p di $n" <<<"$page" || fail "page $p lacks \"Pagina $p di $n\""
    grep -qF "CIT-QV-2026-H2-UC9" <<<"$page" || fail "page $p lacks the reference"
    # A page with rows of the table carries its header.
    if grep -q "Evento formativo a pagamento" <<<"$page"; then
      grep -qE "Servizio +Utilizzati +Gratuiti +A pagamento +Prezzo unitario +Importo" <<<"$page" ||
        fail "page $p has rows but no table header"
    fi
  done
  png "$f" 2 long-page2
  expect_png long-page2
}

check_names() {
  local out=$scratch/names
  run annual --year 2027 --entities enti.csv --statements "$out" --iban "$iban" -O csv
  expect_text "$out/017170-2027.pdf" "Comune di Salò"
  expect_text "$out/017144-2027.pdf" "Comune di Palazzolo sull'Oglio"
  expect_text "$out/CM01-2027.pdf" "Comunità Montana di Valle Camonica" "Comunità Montana"
  # Markup characters and guillemets are text, not markup. 4,999 x 0.19 = 949.81: 950.
  expect_text "$out/017999-2027.pdf" "Comune di Sant'Eufemia <Prova> & C., già «Test»" "949,81 €" "950,00 €"
  expect_text "$out/quote-annuali-2027.pdf" "Comune di Salò" "Comune di Palazzolo sull'Oglio" \
    "Comune di Sant'Eufemia <Prova> & C., già «Test»"
  # A long PEC address stays whole on the label's line (a smaller size); one
  # too long even then is broken without a hyphen, which would change it.
  printf 'id,name,type,population,pec\n%s\n%s\n' \
    'CM01,Comunità Montana di Valle Camonica,comunita_montana,,protocollo.comunitamontana@pec.cmvallecamonica.bs.it' \
    'CM02,Comunità Montana di Valle Trompia,comunita_montana,,segreteria.generale.protocollo.informatico.comunita@pec.cm.valletrompia.bs.it' \
    >"$scratch/pec.csv"
  run annual --year 2027 --entities "$scratch/pec.csv" --statements "$scratch/pec" --iban "$iban" -O csv
  expect_text "$scratch/pec/CM01-2027.pdf" "PEC protocollo.comunitamontana@pec.cmvallecamonica.bs.it"
  local joined
  joined=$(text "$scratch/pec/CM02-2027.pdf" | awk '/PEC / { sub(/.*PEC /, ""); a = $0; getline; print a $NF }')
  [[ $joined == segreteria.generale.protocollo.informatico.comunita@pec.cm.valletrompia.bs.it ]] ||
    fail "the long PEC address reads \"$joined\" across its lines"
}

check_rerun() {
  run annual --year 2027 --entities enti.csv --statements "$scratch/one" --iban "$iban" --date 2027-01-15 -O csv
  run annual --year 2027 --entities enti.csv --statements "$scratch/two" --iban "$iban" --date 2027-01-15 -O csv
  run annual --year 2027 --entities enti.csv --statements "$scratch/three" --iban "$iban" --date 2027-02-20 -O csv
  for f in "$scratch/one"/*.pdf; do
    local name
    name=$(basename "$f")
    cmp -s "$f" "$scratch/two/$name" || fail "$name differs between two runs on the same input"
    local a b
    a=$(text "$f" | grep -oE "CIT-QA-2027-[0-9A-Z]+" | sort -u)
    b=$(text "$scratch/three/$name" | grep -oE "CIT-QA-2027-[0-9A-Z]+" | sort -u)
    [[ -n "$a" && "$a" == "$b" ]] || fail "$name: references differ on another day: $a / $b"
  done
  expect_text "$scratch/three/017002-2027.pdf" "Brescia, 20 febbraio 2027" "CIT-QA-2027-017002"
  # A second run over the first replaces its files and adds none.
  run annual --year 2027 --entities enti.csv --statements "$scratch/one" --iban "$iban" --date 2027-01-15 -O csv
  local n
  n=$(find "$scratch/one" -type f | wc -l)
  [[ "$n" == 10 ]] || fail "the directory should hold 10 files after a re-run, holds $n"
  # A re-run that fails on one letter (a folder in its way) puts back every
  # letter it had replaced, and writes neither -o nor standard output.
  local before status=0
  rm "$scratch/one/CM01-2027.pdf"
  mkdir "$scratch/one/CM01-2027.pdf"
  before=$(cd "$scratch/one" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
  echo "old report" >"$scratch/report.csv"
  (cd "$data" && CITFEE_TODAY=2027-01-15 "$citfee" annual --year 2027 --entities enti.csv \
    --statements "$scratch/one" --iban "$iban" --date 2027-02-01 -o "$scratch/report.csv") \
    >"$scratch/stdout" 2>"$scratch/stderr" || status=$?
  [[ $status == 74 ]] || fail "a failed re-run exited $status, not 74"
  grep -q 'CM01-2027.pdf: cannot write: a directory is in the way' "$scratch/stderr" ||
    fail "the failed re-run does not say why"
  [[ "$(cd "$scratch/one" && find . -type f -print0 | sort -z | xargs -0 sha256sum)" == "$before" ]] ||
    fail "a failed re-run changed the letters"
  [[ "$(cat "$scratch/report.csv")" == "old report" ]] || fail "a failed re-run replaced -o"
  [[ ! -s "$scratch/stdout" ]] || fail "a failed re-run wrote to standard output"
  rmdir "$scratch/one/CM01-2027.pdf"
  # A corrected re-run that no longer bills a body of its entities (CM01 left
  # in 2026) takes its old letter away: the folder holds the bundle's letters.
  run annual --year 2027 --entities enti.csv --statements "$scratch/one" --iban "$iban" --date 2027-01-15 -O csv
  [[ -e "$scratch/one/CM01-2027.pdf" ]] || fail "no letter of CM01 after a full run"
  awk -F, -v OFS=, 'NR == 1 { print $0, "left"; next } { print $0, ($1 == "CM01" ? 2026 : "") }' \
    "$data/enti.csv" >"$scratch/enti-senza-cm.csv"
  run annual --year 2027 --entities "$scratch/enti-senza-cm.csv" --statements "$scratch/one" --iban "$iban" \
    --date 2027-01-15 -O csv
  [[ ! -e "$scratch/one/CM01-2027.pdf" ]] || fail "the old letter of CM01 is still there"
  grep -q 'letter(s) of an earlier run for bodies this run does not bill removed: CM01-2027.pdf' \
    "$scratch/stderr" || fail "the removal of CM01-2027.pdf is not told"
  n=$(find "$scratch/one" -name '*-2027.pdf' ! -name 'quote-*' | wc -l)
  [[ "$n" == 7 ]] || fail "7 letters expected after the corrected re-run, $n found"
  [[ $(find "$scratch/one" -name '.*' | wc -l) == 0 ]] || fail "hidden files left in the folder"
}

# invio.csv: one row per letter, its file, reference, amount, and a note for
# the bodies without PEC, which stderr also names.
check_sending() {
  local out=$scratch/sending err=$scratch/stderr
  run annual --year 2027 --entities enti.csv --statements "$out" --iban "$iban" --date 2027-01-15 -O csv
  local want
  want=$(
    cat <<'LIST'
id,name,pec,file,reference,amount,due_date,note
017170,Comune di Salò,protocollo@pec.comune.salo.bs.it,017170-2027.pdf,CIT-QA-2027-017170,1528.00,2027-03-31,
017144,Comune di Palazzolo sull'Oglio,,017144-2027.pdf,CIT-QA-2027-017144,2104.00,2027-03-31,senza PEC: indirizzo da trovare
CM01,Comunità Montana di Valle Camonica,,CM01-2027.pdf,CIT-QA-2027-CM01,300.00,2027-03-31,senza PEC: indirizzo da trovare
017001,Comune di Acquafredda,protocollo@pec.comune.acquafredda.bs.it,017001-2027.pdf,CIT-QA-2027-017001,300.00,2027-03-31,
017002,Comune di Adro,,017002-2027.pdf,CIT-QA-2027-017002,1245.00,2027-03-31,senza PEC: indirizzo da trovare
017003,Comune di Agnosine,,017003-2027.pdf,CIT-QA-2027-017003,485.00,2027-03-31,senza PEC: indirizzo da trovare
017029,Comune di Brescia,protocollo@pec.comune.brescia.it,017029-2027.pdf,CIT-QA-2027-017029,300.00,2027-03-31,
017999,"Comune di Sant'Eufemia <Prova> & C., già «Test»",,017999-2027.pdf,CIT-QA-2027-017999,950.00,2027-03-31,senza PEC: indirizzo da trovare
LIST
  )
  [[ "$(cat "$out/invio.csv")" == "$want" ]] || fail "invio.csv differs: $(diff <(echo "$want") "$out/invio.csv")"
  grep -qF "5 letter(s) for entities without a PEC address: 017144, CM01, 017002, 017003, 017999" "$err" ||
    fail "no warning for the letters without PEC: $(cat "$err")"
}

check_draft() {
  local out=$scratch/draft
  run semester --period 2026-H1 --entities enti.csv --usage consumi.csv --statements "$out" --draft -O csv
  for f in "$out"/*.pdf; do
    local n
    n=$(pages "$f")
    for ((p = 1; p <= n; p++)); do
      page_text "$f" "$p" | grep -F "BOZZA" >/dev/null || fail "$(basename "$f") page $p is not marked BOZZA"
    done
  done
  expect_text "$out/CM01-2026-H1.pdf" "non indicato (bozza)"
  png "$out/CM01-2026-H1.pdf" 1 draft-page1
  expect_png draft-page1
}

# The 205 Comuni of the Provincia (2011 census), each checked against a fee
# worked out here: population x coefficient in thousandths of a euro, rounded
# to the euro, halves up; 300 for the capoluogo.
check_comuni() {
  local csv=$shared/brescia_comuni_2011.csv
  if [[ ! -f "$csv" ]]; then
    echo "SKIPPED: $csv not found"
    exit 77
  fi
  awk -F, 'NR == 1 { print "id,name,type,population"; next }
           { type = ($1 == "017029") ? "capoluogo" : "comune"
             printf "%s,\"Comune di %s\",%s,%s\n", $1, $2, type, $4 }' "$csv" >"$scratch/comuni.csv"
  local out=$scratch/comuni start end
  start=$(date +%s.%N)
  run annual --year 2027 --entities "$scratch/comuni.csv" --statements "$out" --iban "$iban" -O csv
  end=$(date +%s.%N)
  echo "205 statements and the combined PDF in $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s"
  local checked=0
  while IFS=, read -r id name _ population; do
    [[ "$id" == istat ]] && continue
    population=${population%$'\r'}  # the file has Windows line ends
    local fee coefficient
    if [[ "$id" == 017029 ]]; then
      fee=300
    else
      if ((population <= 5000)); then coefficient=190
      elif ((population <= 10000)); then coefficient=175
      elif ((population <= 15000)); then coefficient=145
      else coefficient=140; fi
      fee=$(((population * coefficient + 500) / 1000))
    fi
    local content
    content=$(text "$out/$id-2027.pdf")
    grep -qF "Comune di $name" <<<"$content" || fail "$id: name \"Comune di $name\" missing"
    grep -qE "Quota annuale 2027 dovuta +$(euro $((fee * 100)))" <<<"$content" ||
      fail "$id ($name, $population): total $(euro $((fee * 100))) missing"
    grep -qF "31/03/2027" <<<"$content" || fail "$id: due date missing"
    checked=$((checked + 1))
  done <"$csv"
  [[ "$checked" == 205 ]] || fail "checked $checked Comuni, expected 205"
  [[ "$(pages "$out/quote-annuali-2027.pdf")" == 205 ]] || fail "the combined PDF should have 205 pages"
}

# The letters of a run are set up once per thread and made on several
# threads: each must have the bytes of the same letter written alone, by a
# run of its own for that one entity.
check_batch() {
  local ids=() line
  while IFS= read -r line; do ids+=("${line%%,*}"); done < <(tail -n +2 "$data/enti.csv")
  run annual --year 2027 --entities enti.csv --statements "$scratch/batch-a" --iban "$iban" -O csv
  run semester --period 2026-H1 --entities enti.csv --usage consumi.csv --usage formazione.csv \
    --all --statements "$scratch/batch-s" --iban "$iban" -O csv --date 2026-07-10
  local id file
  for id in "${ids[@]}"; do
    # The entity's rows alone: an id that is not in the entities file is an error.
    for file in enti consumi formazione; do
      { head -n 1 "$data/$file.csv"; grep "^$id," "$data/$file.csv" || true; } >"$scratch/one-$file.csv"
    done
    run annual --year 2027 --entities "$scratch/one-enti.csv" --statements "$scratch/alone-a" \
      --iban "$iban" -O csv
    run semester --period 2026-H1 --entities "$scratch/one-enti.csv" --usage "$scratch/one-consumi.csv" \
      --usage "$scratch/one-formazione.csv" --all --statements "$scratch/alone-s" --iban "$iban" -O csv \
      --date 2026-07-10
    cmp -s "$scratch/batch-a/$id-2027.pdf" "$scratch/alone-a/$id-2027.pdf" ||
      fail "$id-2027.pdf differs from the same letter written alone"
    cmp -s "$scratch/batch-s/$id-2026-H1.pdf" "$scratch/alone-s/$id-2026-H1.pdf" ||
      fail "$id-2026-H1.pdf differs from the same letter written alone"
  done
  ((${#ids[@]} == 8)) || fail "compared ${#ids[@]} entities' letters, expected 8"
}

# Letters dated after the due date: refused without --allow-late (see the
# end-to-end cases); with it they ask for payment 30 days after their date,
# or days_to_pay days from the issuer file.
check_late() {
  local out=$scratch/late
  run semester --period 2026-H2 --entities enti.csv --usage consumi.csv --statements "$out" \
    --iban "$iban" --date 2027-02-15 --allow-late -O csv
  expect_text "$out/017170-2026-H2.pdf" "Brescia, 15 febbraio 2027" "Da versare entro il 17 marzo 2027."
  grep -q "the letters are dated 15/02/2027, after the due date 31/01/2027" "$scratch/stderr" ||
    fail "a late run is not told"
  grep -q "^017170,.*,280.00,2027-03-17,$" "$out/invio.csv" || fail "invio.csv does not give the new due date"
  printf 'iban = "%s"\ndays_to_pay = 15\n' "$iban" >"$scratch/emittente-15.toml"
  run semester --period 2026-H2 --entities enti.csv --usage consumi.csv --statements "$out-15" \
    --issuer "$scratch/emittente-15.toml" --date 2027-02-15 --allow-late -O csv
  expect_text "$out-15/017170-2026-H2.pdf" "Da versare entro il 2 marzo 2027."
  # On time, the Convention's due date.
  run semester --period 2026-H2 --entities enti.csv --usage consumi.csv --statements "$out-on-time" \
    --iban "$iban" --date 2027-01-10 -O csv
  expect_text "$out-on-time/017170-2026-H2.pdf" "Da versare entro il 31 gennaio 2027."
  # The band behind a population-based allowance: Salò, 10,001 to 15,000 residents.
  [[ $(text "$out-on-time/017170-2026-H2.pdf" | tr '\n' ' ') == *"quantità gratuita 870 per anno solare (Comuni da 10.001 a 15.000 abitanti)"* ]] ||
    fail "the Telemaco allowance does not give its band"
}

case "$check" in
  annual | semester | all | long | names | rerun | sending | draft | comuni | batch | late) "check_$check" ;;
  *)
    echo "unknown check: $check" >&2
    exit 2
    ;;
esac

if ((failures > 0)); then
  exit 1
fi
echo "ok $check"
