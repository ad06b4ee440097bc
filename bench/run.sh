#!/usr/bin/env bash
# The benchmark of citfee on raw event logs (run it with `make bench`).
#
# 1. Builds citfee and the log generator in build/ (RelWithDebInfo, -O2).
# 2. Writes the entities: the 205 Comuni of Brescia and the 7,904 of Italy
#    from ../shared/data/ beside the repository when present, synthetic
#    ones (same counts, same id shapes) otherwise.
# 3. Writes a deterministic log of EVENTS events (default 10,000,000, about
#    285 MB) over the Comuni of Brescia: bench/gen_events.cpp says how.
# 4. Aggregates it (units per entity, semester and service) with citfee,
#    mawk and Miller, checks that the three agree, then times each with
#    hyperfine (warm cache: one warm-up run first) and prints the medians
#    and the ratios. Also DuckDB's CSV reader (its node API, 2 threads) when
#    npm can install it here (bench/agg_duckdb.js; skipped with a note
#    otherwise), citfee semester on the same log, citfee's peak memory, and
#    citfee annual as a whole process (start-up included: the program loads
#    its libraries, those of workbooks and letters too) on 205 and 7,904
#    entities, beside /bin/true: what starting any process costs on the
#    machine; and the peak memory of annual on the 7,904 Comuni with one
#    population column and with eleven (population_2016 to population_2026),
#    and their ratio.
# 5. The letters: 211 annual letters (the 205 Comuni and 6 Comunità
#    Montane) and their bundle, rendered in memory each document on its own
#    (a font set-up and a typesetting of its own: the bundle typesets every
#    letter again) and as citfee renders them (fonts set up once per thread,
#    each letter typeset once and played into its PDF and into the bundle),
#    checked byte for byte (bench/letters.cpp), with the processor time per
#    letter beside the figure measured before letters were typeset once;
#    then `citfee annual --statements` as a whole process, files written;
#    and `citfee summary` on the 7,904 Comuni.
#
# Environment: EVENTS, SEED (default 42), RUNS (citfee, default 10),
# SLOW_RUNS (mawk, default 3), MLR_RUNS (Miller, default 1), LETTER_RUNS
# (default 5), BUILD_DIR, SHARED (the reference data, default ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."

EVENTS=${EVENTS:-10000000}
SEED=${SEED:-42}
RUNS=${RUNS:-10}
SLOW_RUNS=${SLOW_RUNS:-3}
MLR_RUNS=${MLR_RUNS:-1}
LETTER_RUNS=${LETTER_RUNS:-5}
BUILD_DIR=${BUILD_DIR:-build}
SHARED=${SHARED:-../shared/data}  # reference data beside the repository
OUT=$BUILD_DIR/bench
CITFEE=$BUILD_DIR/citfee
mkdir -p "$OUT"

for tool in cmake hyperfine mawk mlr /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing: run 'make bench'" >&2; exit 1; }
done

cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j 2 --target citfee gen_events bench_letters >/dev/null

# Entities: id,name,type,population. The capoluogo of Brescia is 017029.
entities_from() {  # SOURCE_CSV (istat,nome,…,popolazione)
  awk -F, 'NR == 1 { print "id,name,type,population"; next }
           { printf "%s,Comune di %s,%s,%s\n", $1, $2, ($1 == "017029" ? "capoluogo" : "comune"), $4 }' "$1"
}
synthetic_entities() {  # COUNT PREFIX: ids PREFIX001…, populations 300 to 200,000
  awk -v n="$1" -v prefix="$2" 'BEGIN {
    print "id,name,type,population"; s = 7
    for (i = 1; i <= n; i++) {
      s = (s * 1103515245 + 12345) % 2147483648
      printf "%s%03d,Comune sintetico %d,comune,%d\n", prefix, i, i, 300 + s % 200000
    }
  }'
}
# Replaces FILE with standard input only if it differs: the log is written
# again only when its entities change.
update() {
  cat >"$1.new"
  if cmp -s "$1.new" "$1"; then rm "$1.new"; else mv "$1.new" "$1"; fi
}
if [[ -f $SHARED/brescia_comuni_2011.csv && -f $SHARED/italia_comuni_2011.csv ]]; then
  data="the Comuni of Brescia and of Italy (ISTAT, 2011 census), from $SHARED"
  entities_from "$SHARED/brescia_comuni_2011.csv" | update "$OUT/enti-brescia.csv"
  entities_from "$SHARED/italia_comuni_2011.csv" | update "$OUT/enti-italia.csv"
else
  data="synthetic entities ($SHARED is not there)"
  synthetic_entities 205 017 | update "$OUT/enti-brescia.csv"
  synthetic_entities 7904 I | update "$OUT/enti-italia.csv"
fi

# The 7,904 Comuni with one population column, and with eleven (the residents
# at 31 December of 2016 to 2026, each year a little apart): the memory of
# annual should hardly grow with the years an entities file keeps.
awk -F, 'NR == 1 { print "id,name,type,population_2026"; next } { print }' "$OUT/enti-italia.csv" |
  update "$OUT/enti-italia-1-year.csv"
awk -F, 'NR == 1 { printf "id,name,type"; for (y = 2016; y <= 2026; y++) printf ",population_%d", y; print ""; next }
         { printf "%s,%s,%s", $1, $2, $3; for (y = 2016; y <= 2026; y++) printf ",%d", $4 + (2026 - y) * ($4 % 7); print "" }' \
  "$OUT/enti-italia.csv" | update "$OUT/enti-italia-11-years.csv"

# The letters' entities: the Comuni of Brescia and six Comunità Montane (flat fee).
{ cat "$OUT/enti-brescia.csv"; for i in 1 2 3 4 5 6; do echo "CM0$i,Comunità Montana $i,comunita_montana,"; done; } |
  update "$OUT/enti-lettere.csv"
letters=$(($(wc -l <"$OUT/enti-lettere.csv") - 1))

# DuckDB's node API from npm, if it installs here. The package "duckdb"
# downloads its library from DuckDB's own server at install time, and failing
# that compiles DuckDB from source, which is not worth a benchmark: its successor,
# @duckdb/node-api, carries the library in an npm package of its own.
duckdb_dir=$OUT/duckdb
duckdb_note=""
duckdb_ok() { (cd "$duckdb_dir" 2>/dev/null && node -e 'require("@duckdb/node-api")' 2>/dev/null); }
if command -v node >/dev/null && command -v npm >/dev/null; then
  if ! duckdb_ok; then
    mkdir -p "$duckdb_dir"
    [[ -f $duckdb_dir/package.json ]] || echo '{"private": true}' >"$duckdb_dir/package.json"
    echo "bench: npm install @duckdb/node-api" >&2
    (cd "$duckdb_dir" && timeout 300 npm install --no-audit --no-fund @duckdb/node-api >npm.log 2>&1) || true
  fi
  duckdb_ok || duckdb_note="skipped: npm install @duckdb/node-api failed (see $duckdb_dir/npm.log)"
else
  duckdb_note="skipped: node and npm are not installed"
fi

log=$OUT/events-$EVENTS-$SEED.csv
if [[ ! -s $log || $log -ot $OUT/enti-brescia.csv || $log -ot $BUILD_DIR/gen_events ]]; then
  echo "bench: writing $EVENTS events to $log" >&2
  "$BUILD_DIR/gen_events" "$OUT/enti-brescia.csv" "$EVENTS" "$SEED" >"$log.part"
  mv "$log.part" "$log"
fi

citfee_ledger=("$CITFEE" ledger --entities "$OUT/enti-brescia.csv" --events "$log" -O tsv)
citfee_semester=("$CITFEE" semester --period 2028-H2 --entities "$OUT/enti-brescia.csv" --events "$log" --by entity -O csv)
mawk_agg=(mawk -f bench/agg.awk "$log")
mlr_agg=(mlr --icsv --ocsv --from "$log" put -f bench/agg.mlr then stats1 -a sum -f quantity -g id,period,service)

# The three must agree, count for count: id,period,service,quantity, sorted.
echo "bench: checking that citfee, mawk and Miller agree" >&2
"${citfee_ledger[@]}" | awk -F'\t' 'NR > 1 { print $1 "," $3 "," $4 "," $5 }' | LC_ALL=C sort >"$OUT/citfee.counts"
"${mawk_agg[@]}" | LC_ALL=C sort >"$OUT/mawk.counts"
"${mlr_agg[@]}" | tail -n +2 | LC_ALL=C sort >"$OUT/mlr.counts"
if ! cmp -s "$OUT/citfee.counts" "$OUT/mawk.counts" || ! cmp -s "$OUT/citfee.counts" "$OUT/mlr.counts"; then
  echo "bench: FAIL: the counts differ (see $OUT/*.counts)" >&2
  exit 1
fi
duckdb_agg=(node bench/agg_duckdb.js "$duckdb_dir" "$log")
agreeing="citfee, mawk and Miller"
if [[ -z $duckdb_note ]]; then
  "${duckdb_agg[@]}" | LC_ALL=C sort >"$OUT/duckdb.counts"
  if ! cmp -s "$OUT/citfee.counts" "$OUT/duckdb.counts"; then
    echo "bench: FAIL: DuckDB's counts differ (see $OUT/duckdb.counts)" >&2
    exit 1
  fi
  agreeing="citfee, mawk, Miller and DuckDB"
fi
counts=$(wc -l <"$OUT/citfee.counts")
units=$(awk -F, '{ s += $4 } END { print s }' "$OUT/citfee.counts")

# Median and minimum wall time, in seconds, of a command run by hyperfine.
time_it() {  # NAME RUNS WARMUP COMMAND...
  local name=$1 runs=$2 warmup=$3
  shift 3
  hyperfine -N --style none --warmup "$warmup" --runs "$runs" --export-csv "$OUT/$name.times" "$*" \
    >/dev/null 2>"$OUT/$name.warnings"
  # command,mean,stddev,median,user,system,min,max: the command may hold commas.
  awk -F, 'NR == 2 { printf "%.4f %.4f\n", $(NF - 4), $(NF - 1) }' "$OUT/$name.times"
}
echo "bench: timing (citfee $RUNS runs, mawk $SLOW_RUNS, Miller $MLR_RUNS)" >&2
read -r t_citfee min_citfee < <(time_it citfee "$RUNS" 1 "${citfee_ledger[@]}")
read -r t_semester min_semester < <(time_it semester "$RUNS" 1 "${citfee_semester[@]}")
read -r t_mawk min_mawk < <(time_it mawk "$SLOW_RUNS" 0 "${mawk_agg[@]}")
read -r t_mlr min_mlr < <(time_it mlr "$MLR_RUNS" 0 "${mlr_agg[@]}")
rss=$(/usr/bin/time -f %M "${citfee_ledger[@]}" 2>&1 >/dev/null | tail -n 1)
# Peak memory (KiB) of annual on the 7,904 Comuni, one population column and eleven.
peak_kib() { /usr/bin/time -f %M "$CITFEE" annual --year 2027 --entities "$1" -O csv 2>&1 >/dev/null | tail -n 1; }
rss_1_year=$(peak_kib "$OUT/enti-italia-1-year.csv")
rss_11_years=$(peak_kib "$OUT/enti-italia-11-years.csv")
read -r t_annual min_annual < <(time_it annual-205 200 20 "$CITFEE" annual --year 2027 --entities "$OUT/enti-brescia.csv" -O csv)
read -r t_italy min_italy < <(time_it annual-7904 50 5 "$CITFEE" annual --year 2027 --entities "$OUT/enti-italia.csv" -O csv)
if [[ -z $duckdb_note ]]; then
  read -r t_duckdb min_duckdb < <(time_it duckdb "$SLOW_RUNS" 1 "${duckdb_agg[@]}")
fi
read -r t_summary min_summary < <(time_it summary-7904 50 5 "$CITFEE" summary --year 2027 --entities "$OUT/enti-italia.csv" -O csv)

# The letters: in memory, each document on its own and as citfee renders
# them (the fastest of LETTER_RUNS each), then the whole run, files written
# (hyperfine). The processor time per letter of citfee's way, letters and
# bundle, is set beside the figure of the code before letters were typeset
# once (the bundle typeset again, every text laid out in each pass), measured
# with this benchmark on the same 211 letters and machine, 2 processors
# shared with other builds (load average 5 to 8): the fastest of 5 runs,
# 1,195 ms for 211 letters and their bundle.
OLD_LETTER_CPU_MS=5.66
OLD_LETTER_CPU_DATE=2026-12-07
echo "bench: timing $letters letters" >&2
read -r l_before l_after l_before_cpu l_after_cpu l_count l_same < <("$BUILD_DIR/bench_letters" "$OUT/enti-lettere.csv" "$LETTER_RUNS" || true)
read -r t_letters min_letters < <(time_it letters "$LETTER_RUNS" 1 "$CITFEE" annual --year 2027 \
  --entities "$OUT/enti-lettere.csv" -O csv -o "$OUT/lettere.csv" --statements "$OUT/lettere" \
  --date 2027-01-15 --iban IT60X0542811101000000123456)
letter_files=$(find "$OUT/lettere" -name '*.pdf' | wc -l)
# What starting any process costs on this machine, for scale.
read -r t_true min_true < <(time_it true 200 20 /bin/true)

linkage=$(ldd "$CITFEE" >/dev/null 2>&1 && echo dynamically || echo statically)
ms() { awk -v t="$1" 'BEGIN { printf "%.1f ms", t * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
msec() { awk -v t="$1" 'BEGIN { printf "%.1f ms", t }'; }
cat <<EOF

citfee benchmark: $(date -u +%Y-%m-%d), $(nproc) processors ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load average before: $(cut -d' ' -f1-3 /proc/loadavg)
data: $data
log: $EVENTS events, $(stat -c %s "$log") bytes, seed $SEED
agreement: $agreeing give the same $counts counts ($units units)

aggregation (units per entity, semester, service)   median      min   vs citfee
  citfee ledger                                  $(printf '%10s %10s' "$(ms "$t_citfee")" "$(ms "$min_citfee")")      1.0x
  citfee semester --by entity                    $(printf '%10s %10s' "$(ms "$t_semester")" "$(ms "$min_semester")")
  mawk                                           $(printf '%10s %10s %9s' "$(ms "$t_mawk")" "$(ms "$min_mawk")" "$(ratio "$t_mawk" "$t_citfee")")
  Miller (mlr)                                   $(printf '%10s %10s %9s' "$(ms "$t_mlr")" "$(ms "$min_mlr")" "$(ratio "$t_mlr" "$t_citfee")")
$(if [[ -z $duckdb_note ]]; then
  printf '  DuckDB (node API, 2 threads)                   %10s %10s %9s' "$(ms "$t_duckdb")" "$(ms "$min_duckdb")" "$(ratio "$t_duckdb" "$t_citfee")"
else
  printf '  DuckDB: %s' "$duckdb_note"
fi)
citfee peak resident memory: $((rss / 1024)) MiB

citfee annual, whole process ($linkage linked)   median      min
  205 Comuni of Brescia                          $(printf '%10s %10s' "$(ms "$t_annual")" "$(ms "$min_annual")")
  7,904 Comuni of Italy                          $(printf '%10s %10s' "$(ms "$t_italy")" "$(ms "$min_italy")")
  /bin/true, for scale                           $(printf '%10s %10s' "$(ms "$t_true")" "$(ms "$min_true")")
citfee summary, 7,904 Comuni of Italy            $(printf '%10s %10s' "$(ms "$t_summary")" "$(ms "$min_summary")")

citfee annual, 7,904 Comuni of Italy, peak resident memory
  one population column (population_2026)        $(awk -v k="$rss_1_year" 'BEGIN { printf "%7.1f MiB", k / 1024 }')
  eleven (population_2016 to population_2026)    $(awk -v k="$rss_11_years" 'BEGIN { printf "%7.1f MiB", k / 1024 }')  $(awk -v a="$rss_11_years" -v b="$rss_1_year" 'BEGIN { printf "%.2fx", a / b }') (target: 1.3x at most)

letters: $l_count annual letters and their bundle ($letter_files files); same bytes before and after: $l_same
  in memory                                         clock  processor
  each document on its own (before)              $(printf '%10s %10s' "$(msec "$l_before")" "$(msec "$l_before_cpu")")
  as citfee renders them, $(nproc) threads (after)        $(printf '%10s %10s %9s' "$(msec "$l_after")" "$(msec "$l_after_cpu")" "$(ratio "$l_before" "$l_after")")
  processor time per letter, with the bundle: $(awk -v t="$l_after_cpu" -v n="$l_count" 'BEGIN { printf "%.2f ms", t / n }'); before letters were typeset once: $OLD_LETTER_CPU_MS ms (measured $OLD_LETTER_CPU_DATE, a constant)
  citfee annual --statements, whole process      $(printf '%10s %10s' "$(ms "$t_letters")" "$(ms "$min_letters")")  $(awk -v n="$l_count" -v t="$t_letters" 'BEGIN { printf "%.0f letters/s", n / t }')
EOF
[[ $l_same == yes ]] || { echo "bench: FAIL: the letters differ before and after" >&2; exit 1; }
