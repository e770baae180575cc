// npm run bench:figures [-- --scale 0.1] [--runs 9] [--threads N]
// Times the figures of one year (2023) on a province-size warehouse made directly in SQL
// (bench/province.sql: 1 000 000 cases, 2 000 000 inspections, 5 000 000 hazards, 20 000
// certificates at --scale 1), against the floor: one hand-written query that computes only the
// case totals by unit. Prints both and their ratio (target ≤ 2). The generated warehouse is kept in
// bench-out/ (ignored by git) and reused by later runs of the same scale.
//
// As after a real import, the models are stored (applyModels: the materialised day slices, visits and
// lookups computed as tables); that refresh is timed and printed too. Each timed run then does what
// `anjian figures` does: open the warehouse read-only, useModels (the stored tables, being current),
// compute every figure; the floor is timed the same way, cold and warm. For comparison, one run computes the models on the spot instead, as a reader
// of a warehouse whose stored models are not current would.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { DuckDBConnection } from "@duckdb/node-api";
import { readContext } from "@anjian/config";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { openWarehouse, queryRows, sqlStatements, type Warehouse } from "@anjian/warehouse";
import { computeFigures } from "../src/figures.ts";
import { applyModels, modelsUpToDate } from "../src/models.ts";
import { openReaders } from "../src/readers.ts";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "1" }, runs: { type: "string", default: "9" }, threads: { type: "string" } },
});
const scale = Number(values.scale);
const runs = Math.max(1, Number(values.runs));
if (!(scale > 0 && scale <= 10)) throw new Error("--scale must be a number in (0, 10]");

const dir = path.join(import.meta.dirname, "..", "bench-out");
const file = path.join(dir, `province-${scale}.duckdb`);
const period = { from: "2023-01-01", to: "2023-12-31" };
// Like every app: the profile and DuckDB's memory limit from the environment (ANJIAN_PROFILE, ANJIAN_MEMORY_LIMIT).
const context = readContext(process.env);
const resolver = new ProfileResolver(loadProfile(context.profile));

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number) => `${x.toFixed(0)} ms`;

async function setThreads(c: DuckDBConnection) {
  if (values.threads) await c.run(`SET threads = ${Number(values.threads)}`);
}

async function generate(): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of [file, `${file}.wal`]) fs.rmSync(f, { force: true });
  const w = await openWarehouse(file, { memoryLimit: context.memoryLimit });
  try {
    await setThreads(w.connection);
    const sql = fs.readFileSync(path.join(import.meta.dirname, "province.sql"), "utf8");
    const statements = sqlStatements(sql);
    const t0 = performance.now();
    for (const s of statements) {
      const code = s.replace(/--.*$/gm, "");
      await w.connection.run(code, code.includes("$scale") ? { scale } : undefined);
    }
    await w.connection.run("INSERT OR REPLACE INTO meta VALUES ('bench_scale', $s)", { s: String(scale) });
    await w.connection.run("CHECKPOINT");
    console.log(`generated in ${fmt(ms(t0))}`);
  } finally {
    w.close();
  }
}

async function isGenerated(): Promise<boolean> {
  if (!fs.existsSync(file)) return false;
  const w = await openWarehouse(file, { readOnly: true, memoryLimit: context.memoryLimit });
  try {
    const [row] = await queryRows<{ value: string }>(w.connection, "SELECT value FROM meta WHERE key = 'bench_scale'");
    return row?.value === String(scale);
  } finally {
    w.close();
  }
}

const FLOOR_SQL = `SELECT authority_level, count(*) AS cases, sum(fine_yuan) AS fine_yuan
FROM cases WHERE decided_on BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
GROUP BY authority_level`;

if (!(await isGenerated())) {
  console.log(`generating a province-size warehouse (scale ${scale}) in ${file} …`);
  await generate();
}

// The refresh that `anjian ingest` runs after an import that changed data.
{
  const w = await openWarehouse(file, { memoryLimit: context.memoryLimit });
  try {
    await setThreads(w.connection);
    const fresh = await modelsUpToDate(w.connection);
    const t0 = performance.now();
    await applyModels(w.connection);
    await w.connection.run("CHECKPOINT");
    console.log(`stored the models (the refresh after an import): ${fmt(ms(t0))}${fresh ? " (they were current already)" : ""}`);
  } finally {
    w.close();
  }
}

const w = await openWarehouse(file, { readOnly: true, memoryLimit: context.memoryLimit });
try {
  await setThreads(w.connection);
  const counts = await queryRows<{ t: string; n: number }>(
    w.connection,
    `SELECT 'cases' AS t, CAST(count(*) AS INTEGER) AS n FROM cases UNION ALL SELECT 'inspections', CAST(count(*) AS INTEGER) FROM inspections
     UNION ALL SELECT 'hazards', CAST(count(*) AS INTEGER) FROM hazards UNION ALL SELECT 'enforcers', CAST(count(*) AS INTEGER) FROM enforcers`,
  );
  const [threads] = await queryRows<{ t: string }>(w.connection, "SELECT current_setting('threads') AS t");
  console.log(`warehouse: ${counts.map((c) => `${c.t} ${c.n.toLocaleString("en")}`).join(", ")}; DuckDB threads ${threads!.t}`);
} finally {
  w.close();
}

// Each run measures the floor and the figures the same way, each in a warehouse just opened
// read-only (as `anjian figures` is): the first execution (cold: DuckDB reads the tables it needs)
// and a second one in the same instance (warm).
const floorCold: number[] = [];
const floorWarm: number[] = [];
const figuresCold: number[] = [];
const figuresWarm: number[] = [];
async function timedOpen(work: (w: Warehouse) => Promise<unknown>, cold: number[], warm: number[]): Promise<void> {
  const w = await openWarehouse(file, { readOnly: true, memoryLimit: context.memoryLimit });
  try {
    await setThreads(w.connection);
    for (const into of [cold, warm]) {
      const t0 = performance.now();
      await work(w);
      into.push(ms(t0));
    }
  } finally {
    w.close();
  }
}
for (let r = 0; r < runs; r++) {
  await timedOpen((w) => queryRows(w.connection, FLOOR_SQL, period), floorCold, floorWarm);
  // What `anjian figures` does: take the stored models (current after the refresh) and compute
  // every figure of 2023, its independent queries on a few connections at once.
  await timedOpen(
    async (w) => {
      const pool = await openReaders(w);
      if (pool.models !== "stored") throw new Error("the stored models were not current");
      await computeFigures(pool.readers, period, resolver);
    },
    figuresCold,
    figuresWarm,
  );
}

// For comparison: the same figures with the models computed on the spot (temporary objects).
const w3 = await openWarehouse(file, { readOnly: true, memoryLimit: context.memoryLimit });
let onTheSpot: number;
try {
  await setThreads(w3.connection);
  const t0 = performance.now();
  await applyModels(w3.connection, { temporary: true });
  await computeFigures(w3.connection, period, resolver);
  onTheSpot = ms(t0);
} finally {
  w3.close();
}

const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(2);
console.log(`median of ${runs} runs          cold (first execution)   warm (second)`);
console.log(`floor (case totals by unit)   ${fmt(median(floorCold)).padStart(8)}                 ${fmt(median(floorWarm)).padStart(8)}`);
console.log(`all figures of 2023           ${fmt(median(figuresCold)).padStart(8)}                 ${fmt(median(figuresWarm)).padStart(8)}`);
console.log(`ratio (target ≤ 2)            ${ratio(figuresCold, floorCold).padStart(8)}                 ${ratio(figuresWarm, floorWarm).padStart(8)}`);
console.log(`for comparison, models computed on the spot (not stored): ${fmt(onTheSpot)}, ${(onTheSpot / median(floorCold)).toFixed(0)}× the cold floor`);
