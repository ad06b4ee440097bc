// DuckDB's CSV reader, through its node API (@duckdb/node-api) on 2 threads:
// events per entity, semester and service, from a log with the header
// id,date,service,quantity (dates YYYY-MM-DD or DD/MM/YYYY; an empty quantity
// is 1). Prints id,period,service,quantity, in no order, as bench/agg.awk.
//
//   node bench/agg_duckdb.js NODE_MODULES_PARENT LOG
"use strict";

const path = require("node:path");

const semester = (year, month) =>
  `${year} || '-H' || CASE WHEN CAST(${month} AS INTEGER) <= 6 THEN '1' ELSE '2' END`;

async function main() {
  const [modules, log] = process.argv.slice(2);
  const { DuckDBInstance } = require(path.resolve(modules, "node_modules", "@duckdb", "node-api"));
  const db = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await db.connect();
  const quoted = "'" + log.replace(/'/g, "''") + "'";
  const result = await connection.runAndReadAll(`
    SELECT id,
           CASE WHEN substr(date, 5, 1) = '-' THEN ${semester("substr(date, 1, 4)", "substr(date, 6, 2)")}
                ELSE ${semester("substr(date, 7, 4)", "substr(date, 4, 2)")} END AS period,
           service,
           SUM(COALESCE(quantity, 1)) AS quantity
    FROM read_csv(${quoted}, header = true,
                  columns = {'id': 'VARCHAR', 'date': 'VARCHAR', 'service': 'VARCHAR',
                             'quantity': 'BIGINT'})
    GROUP BY ALL`);
  const lines = result.getRows().map((r) => r.join(","));
  process.stdout.write(lines.join("\n") + "\n");
}

main().catch((e) => {
  console.error(`agg_duckdb: ${e.message}`);
  process.exit(1);
});
