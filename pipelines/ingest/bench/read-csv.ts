// The yardstick: DuckDB's own read_csv on the same records saved as UTF-8, all VARCHAR, into a
// fresh database file. Run as a child process so its peak RSS is its own. Prints one JSON line:
//   {"rows":…,"querySeconds":…,"maxRssKb":…}
// Usage: node --import tsx pipelines/ingest/bench/read-csv.ts UTF8_CSV DB_FILE
import { DuckDBInstance } from "@duckdb/node-api";

const [csv, db] = process.argv.slice(2);
if (!csv || !db) {
  process.stderr.write("usage: read-csv.ts UTF8_CSV DB_FILE\n");
  process.exit(2);
}
const instance = await DuckDBInstance.create(db);
const connection = await instance.connect();
const quoted = `'${csv.replaceAll("'", "''")}'`;
const t0 = performance.now();
await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv(${quoted}, header = true, all_varchar = true)`);
const querySeconds = (performance.now() - t0) / 1000;
const reader = await connection.runAndReadAll("SELECT count(*) FROM t");
const rows = Number(reader.getRows()[0]![0]);
connection.closeSync();
instance.closeSync();
process.stdout.write(`${JSON.stringify({ rows, querySeconds, maxRssKb: process.resourceUsage().maxRSS })}\n`);
