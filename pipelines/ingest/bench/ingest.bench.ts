// `npm run bench:ingest`: the import as users run it (`anjian ingest FILE --json --warehouse W`,
// a child process each), on generated exports of realistic size, side by side with DuckDB's own
// read_csv on the same records. Reports seconds, rows/s and peak RSS per run, the CSV import's
// ratio to read_csv, and whether peak RSS grows with file size: CSV 1M against 2M rows, XLSX
// 200k against 400k. A smaller file (CSV 250k, XLSX 50k; also run and shown) does not fill
// DuckDB's memory budget yet and so uses less; what matters is that memory stops growing. Writes the results to bench-out/ingest.json at the repository root.
//
// Options: --scale F   multiply every row count by F (e.g. 0.01 for a quick try)
//          --keep      keep the temp folder with the generated files and warehouses
//
// Exit code: 0 whatever the targets say (a benchmark, not a test); 1 when an import failed.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BULK_SEED, writeCasesCsv, writeHazardsXlsx } from "@anjian/demo-data";
import { DuckDBInstance } from "@duckdb/node-api";
import { childMessages, measureReport, runTsChild } from "./run-child.ts";

const BENCH_DIR = import.meta.dirname;
const REPO = path.resolve(BENCH_DIR, "..", "..", "..");
const CLI_BIN = path.join(REPO, "pipelines", "cli", "bin", "anjian.js");
/**
 * The CLI's own harness that runs `anjian` in its process and reports peak RSS: run as a child, not
 * imported (the CLI depends on this package; importing it here would make the two a circle).
 */
const CLI_MEASURE = path.join(REPO, "pipelines", "cli", "bench", "measure.ts");
/** 32 characters, fixed: the personal-data hash key of the throw-away warehouses. */
const BENCH_KEY = "anjian-bench-key-0123456789abcde";
/** The exports come from the project's one data generator (pipelines/demo-data, its bulk writers). */
const SEED = BULK_SEED;

const TARGET_RATIO = 3;
const TARGET_RSS_MIB = 1024;
/** Peak RSS "grows" with file size when the big file's exceeds the small one's by more than this. */
const GROWTH_TOLERANCE = 0.25;

const log = (s: string) => process.stderr.write(`${s}\n`);

interface RunResult {
  name: string;
  kind: "read_csv" | "csv" | "xlsx";
  file: string;
  fileBytes: number;
  rows: number;
  /** Spawn to exit of the child process. */
  wallSeconds: number;
  /** Inside the child: CLI main(), or the CREATE TABLE … read_csv statement. */
  innerSeconds: number | null;
  rowsPerSecond: number;
  peakRssMiB: number | null;
  ok: boolean;
  error: string | null;
  counts: Record<string, number | string | null> | null;
}

function scaled(n: number, scale: number): number {
  return Math.max(10, Math.round(n * scale));
}

async function timed<T>(label: string, work: () => T | Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await work();
  const seconds = (performance.now() - t0) / 1000;
  log(`  ${label}: ${seconds.toFixed(1)} s`);
  return { value, seconds };
}

async function topRejects(warehouse: string): Promise<string[]> {
  try {
    const instance = await DuckDBInstance.create(warehouse, { access_mode: "READ_ONLY" });
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(
        "SELECT reason, count(*) AS n, min(row_no) AS first_row FROM rejects GROUP BY reason ORDER BY n DESC LIMIT 5",
      );
      return reader.getRows().map(([reason, n, row]) => `${String(n)} × ${String(reason)} (first at row ${String(row)})`);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  } catch (e) {
    return [`(could not read rejects: ${(e as Error).message.split("\n")[0]})`];
  }
}

/**
 * Waits until the files just written are on disk: otherwise the kernel writes back the generated
 * exports (about 1 GB) during the first runs, and those runs pay for it (seen: 23 s for an import
 * that takes 18 s on a quiet disk).
 */
async function settle(): Promise<void> {
  try {
    execFileSync("sync");
  } catch {
    // no sync(1) here: go on, the figures are then only noisier
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

async function runImport(name: string, kind: "csv" | "xlsx", file: string, rows: number, warehouse: string): Promise<RunResult> {
  log(`▶ ${name}: anjian ingest ${path.basename(file)} --json --warehouse ${path.basename(warehouse)}`);
  const child = await runTsChild(CLI_MEASURE, ["ingest", file, "--json", "--warehouse", warehouse], {
    cwd: REPO,
    env: { ...process.env, ANJIAN_KEY: BENCH_KEY },
  });
  const measure = measureReport(child.stderr);
  const result: RunResult = {
    name,
    kind,
    file: path.basename(file),
    fileBytes: fs.statSync(file).size,
    rows,
    wallSeconds: child.wallSeconds,
    innerSeconds: measure?.mainSeconds ?? null,
    rowsPerSecond: rows / child.wallSeconds,
    peakRssMiB: measure ? measure.maxRssKb / 1024 : null,
    ok: false,
    error: null,
    counts: null,
  };
  let parsed: { files?: Record<string, number | string | null>[] } | null = null;
  try {
    parsed = JSON.parse(child.stdout);
  } catch {
    parsed = null;
  }
  const f = parsed?.files?.[0] ?? null;
  if (f) {
    const { path: _p, sha256: _s, ...counts } = f;
    result.counts = counts;
  }
  const problems: string[] = [];
  if (child.code !== 0) problems.push(`exit code ${child.code ?? child.signal}`);
  if (!f) problems.push("no JSON result on stdout");
  else {
    if (f.status !== "imported") problems.push(`status ${String(f.status)}${f.error ? `: ${String(f.error)}` : ""}`);
    if (f.accepted !== rows) problems.push(`accepted ${String(f.accepted)} ≠ ${rows} (rejected ${String(f.rejected)})`);
  }
  if (!measure) problems.push("no peak-RSS report from measure.ts");
  if (problems.length === 0) {
    result.ok = true;
    log(`  ${child.wallSeconds.toFixed(1)} s, peak RSS ${result.peakRssMiB!.toFixed(0)} MiB`);
    return result;
  }
  result.error = problems.join("; ");
  log(`✘ ${name} FAILED: ${result.error}`);
  const messages = childMessages(child.stderr);
  if (messages) log(`  child stderr:\n${messages.replace(/^/gm, "    ")}`);
  if (f && Number(f.rejected) > 0) for (const r of await topRejects(warehouse)) log(`  reject: ${r}`);
  return result;
}

async function runReadCsv(file: string, rows: number, db: string): Promise<RunResult> {
  log(`▶ read_csv yardstick: CREATE TABLE t AS SELECT * FROM read_csv('${path.basename(file)}', header = true, all_varchar = true)`);
  const child = await runTsChild(path.join(BENCH_DIR, "read-csv.ts"), [file, db], { cwd: REPO, env: process.env });
  let report: { rows: number; querySeconds: number; maxRssKb: number } | null = null;
  try {
    report = JSON.parse(child.stdout.trim().split("\n").pop() ?? "");
  } catch {
    report = null;
  }
  const ok = child.code === 0 && report !== null && report.rows === rows;
  const result: RunResult = {
    name: "read_csv yardstick (UTF-8)",
    kind: "read_csv",
    file: path.basename(file),
    fileBytes: fs.statSync(file).size,
    rows,
    wallSeconds: child.wallSeconds,
    innerSeconds: report?.querySeconds ?? null,
    rowsPerSecond: rows / child.wallSeconds,
    peakRssMiB: report ? report.maxRssKb / 1024 : null,
    ok,
    error: ok ? null : `read_csv run failed (exit ${child.code ?? child.signal}, rows ${report?.rows ?? "?"}): ${child.stderr.trim()}`,
    counts: report ? { rows: report.rows } : null,
  };
  if (ok) log(`  ${child.wallSeconds.toFixed(1)} s (query ${report!.querySeconds.toFixed(1)} s), peak RSS ${result.peakRssMiB!.toFixed(0)} MiB`);
  else log(`✘ ${result.error}`);
  return result;
}

// ---------------------------------------------------------------------------------------------

const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US");
const fmtNum = (n: number | null, digits: number) => (n === null || !Number.isFinite(n) ? "—" : n.toFixed(digits));

function table(headers: string[], rows: string[][], rightAlign: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (rightAlign[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

interface Growth {
  bigMiB: number | null;
  smallMiB: number | null;
  growth: number | null;
  grows: boolean | null;
}

function growth(big: RunResult, small: RunResult): Growth {
  if (!big.ok || !small.ok || big.peakRssMiB === null || small.peakRssMiB === null)
    return { bigMiB: big.peakRssMiB, smallMiB: small.peakRssMiB, growth: null, grows: null };
  const g = big.peakRssMiB / small.peakRssMiB - 1;
  return { bigMiB: big.peakRssMiB, smallMiB: small.peakRssMiB, growth: g, grows: g > GROWTH_TOLERANCE };
}

const verdict = (pass: boolean | null) => (pass === null ? "n/a " : pass ? "PASS" : "FAIL");

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { scale: { type: "string" }, keep: { type: "boolean" } },
  });
  const scale = values.scale ? Number(values.scale) : 1;
  if (!(scale > 0)) throw new Error(`--scale must be a positive number, got ${values.scale}`);
  const sizes = {
    csvBig: scaled(1_000_000, scale),
    csvSmall: scaled(250_000, scale),
    csvLarge: scaled(2_000_000, scale),
    xlsxBig: scaled(200_000, scale),
    xlsxSmall: scaled(50_000, scale),
    xlsxLarge: scaled(400_000, scale),
  };

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-bench-"));
  const cleanup = () => {
    if (!values.keep) fs.rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = () => {
    cleanup();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    log(`anjian ingest benchmark — temp folder ${tmp}${values.keep ? " (kept)" : ""}`);
    const files = {
      csvBig: path.join(tmp, `cases-${sizes.csvBig}-gb18030.csv`),
      csvBigUtf8: path.join(tmp, `cases-${sizes.csvBig}-utf8.csv`),
      csvSmall: path.join(tmp, `cases-${sizes.csvSmall}-gb18030.csv`),
      csvLarge: path.join(tmp, `cases-${sizes.csvLarge}-gb18030.csv`),
      xlsxBig: path.join(tmp, `hazards-${sizes.xlsxBig}.xlsx`),
      xlsxSmall: path.join(tmp, `hazards-${sizes.xlsxSmall}.xlsx`),
      xlsxLarge: path.join(tmp, `hazards-${sizes.xlsxLarge}.xlsx`),
    };
    log("Generating exports (seeded, deterministic):");
    const gen = {
      csvBig: await timed(`cases CSV ${fmtInt(sizes.csvBig)} rows, GB18030 + UTF-8 copy`, () =>
        writeCasesCsv({ rows: sizes.csvBig, seed: SEED, gb18030File: files.csvBig, utf8File: files.csvBigUtf8 }),
      ),
      csvSmall: await timed(`cases CSV ${fmtInt(sizes.csvSmall)} rows, GB18030`, () =>
        writeCasesCsv({ rows: sizes.csvSmall, seed: SEED, gb18030File: files.csvSmall }),
      ),
      csvLarge: await timed(`cases CSV ${fmtInt(sizes.csvLarge)} rows, GB18030`, () =>
        writeCasesCsv({ rows: sizes.csvLarge, seed: SEED, gb18030File: files.csvLarge }),
      ),
      xlsxBig: await timed(`hazards XLSX ${fmtInt(sizes.xlsxBig)} rows`, () =>
        writeHazardsXlsx({ rows: sizes.xlsxBig, seed: SEED, file: files.xlsxBig }),
      ),
      xlsxSmall: await timed(`hazards XLSX ${fmtInt(sizes.xlsxSmall)} rows`, () =>
        writeHazardsXlsx({ rows: sizes.xlsxSmall, seed: SEED, file: files.xlsxSmall }),
      ),
      xlsxLarge: await timed(`hazards XLSX ${fmtInt(sizes.xlsxLarge)} rows`, () =>
        writeHazardsXlsx({ rows: sizes.xlsxLarge, seed: SEED, file: files.xlsxLarge }),
      ),
    };

    // One at a time, so that no run competes with another for CPU, memory or disk.
    const wh = (name: string) => path.join(tmp, `${name}.duckdb`);
    await settle();
    const yard = await runReadCsv(files.csvBigUtf8, sizes.csvBig, wh("read-csv"));
    await settle();
    const csvBig = await runImport("CSV import (GB18030)", "csv", files.csvBig, sizes.csvBig, wh("wh-csv-big"));
    await settle();
    const csvSmall = await runImport("CSV import (GB18030), small", "csv", files.csvSmall, sizes.csvSmall, wh("wh-csv-small"));
    await settle();
    const csvLarge = await runImport("CSV import (GB18030), large", "csv", files.csvLarge, sizes.csvLarge, wh("wh-csv-large"));
    await settle();
    const xlsxBig = await runImport("XLSX import", "xlsx", files.xlsxBig, sizes.xlsxBig, wh("wh-xlsx-big"));
    await settle();
    const xlsxSmall = await runImport("XLSX import, small", "xlsx", files.xlsxSmall, sizes.xlsxSmall, wh("wh-xlsx-small"));
    await settle();
    const xlsxLarge = await runImport("XLSX import, large", "xlsx", files.xlsxLarge, sizes.xlsxLarge, wh("wh-xlsx-large"));
    const runs = [yard, csvBig, csvSmall, csvLarge, xlsxBig, xlsxSmall, xlsxLarge];

    const ratio = yard.ok && csvBig.ok ? csvBig.wallSeconds / yard.wallSeconds : null;
    const innerRatio =
      yard.ok && csvBig.ok && yard.innerSeconds && csvBig.innerSeconds ? csvBig.innerSeconds / yard.innerSeconds : null;
    const csvGrowth = growth(csvLarge, csvBig);
    const xlsxGrowth = growth(xlsxLarge, xlsxBig);
    const under = (r: RunResult) => (r.ok && r.peakRssMiB !== null ? r.peakRssMiB <= TARGET_RSS_MIB : null);
    const both = (a: boolean | null, b: boolean | null) => (a === null || b === null ? null : a && b);
    const targets = {
      csvRatio: { value: ratio, target: TARGET_RATIO, pass: ratio === null ? null : ratio <= TARGET_RATIO },
      csvRss: {
        bigMiB: csvBig.peakRssMiB,
        smallMiB: csvSmall.peakRssMiB,
        largeMiB: csvLarge.peakRssMiB,
        target: TARGET_RSS_MIB,
        pass: both(both(under(csvBig), under(csvSmall)), under(csvLarge)),
      },
      csvRssFlat: { ...csvGrowth, tolerance: GROWTH_TOLERANCE, pass: csvGrowth.grows === null ? null : !csvGrowth.grows },
      xlsxRss: {
        bigMiB: xlsxBig.peakRssMiB,
        smallMiB: xlsxSmall.peakRssMiB,
        largeMiB: xlsxLarge.peakRssMiB,
        target: TARGET_RSS_MIB,
        pass: both(both(under(xlsxBig), under(xlsxSmall)), under(xlsxLarge)),
      },
      xlsxRssFlat: { ...xlsxGrowth, tolerance: GROWTH_TOLERANCE, pass: xlsxGrowth.grows === null ? null : !xlsxGrowth.grows },
    };

    const mib = (n: number) => `${(n / 1048576).toFixed(0)} MiB`;
    const out: string[] = [];
    out.push("");
    out.push(`anjian ingest benchmark — node ${process.version}, ${os.cpus().length} CPUs, ${mib(os.totalmem())} RAM${scale !== 1 ? `, scale ${scale}` : ""}`);
    out.push("");
    out.push(
      table(
        ["run", "file", "rows", "seconds", "inner s", "rows/s", "peak RSS MiB", "result"],
        runs.map((r) => [
          r.name,
          `${r.file} (${mib(r.fileBytes)})`,
          fmtInt(r.rows),
          fmtNum(r.wallSeconds, 1),
          fmtNum(r.innerSeconds, 1),
          fmtInt(r.rowsPerSecond),
          fmtNum(r.peakRssMiB, 0),
          r.ok ? "ok" : "FAILED",
        ]),
        [false, false, true, true, true, true, true, false],
      ),
    );
    out.push("");
    out.push("seconds: child process spawn to exit (node + tsx start included, as users run it).");
    out.push("inner s: inside the child — the CLI's main() / the CREATE TABLE … read_csv statement alone.");
    out.push("");
    const growthText = (g: Growth) =>
      g.growth === null
        ? "n/a"
        : `${fmtNum(g.smallMiB, 0)} → ${fmtNum(g.bigMiB, 0)} MiB (${g.growth >= 0 ? "+" : ""}${(g.growth * 100).toFixed(0)}%), ${g.grows ? "grows" : "flat"}`;
    out.push(
      table(
        ["target", "measured", "verdict"],
        [
          [
            `CSV import / read_csv ≤ ${TARGET_RATIO}`,
            ratio === null ? "n/a" : `${ratio.toFixed(2)}× (inner ${fmtNum(innerRatio, 2)}×)`,
            verdict(targets.csvRatio.pass),
          ],
          [
            `CSV peak RSS ≤ 1 GiB`,
            `${fmtNum(csvSmall.peakRssMiB, 0)} MiB (${fmtInt(sizes.csvSmall)}), ${fmtNum(csvBig.peakRssMiB, 0)} MiB (${fmtInt(sizes.csvBig)}), ${fmtNum(csvLarge.peakRssMiB, 0)} MiB (${fmtInt(sizes.csvLarge)})`,
            verdict(targets.csvRss.pass),
          ],
          [`CSV peak RSS flat (≤ +${GROWTH_TOLERANCE * 100}%)`, growthText(csvGrowth), verdict(targets.csvRssFlat.pass)],
          [
            `XLSX peak RSS ≤ 1 GiB`,
            `${fmtNum(xlsxSmall.peakRssMiB, 0)} MiB (${fmtInt(sizes.xlsxSmall)}), ${fmtNum(xlsxBig.peakRssMiB, 0)} MiB (${fmtInt(sizes.xlsxBig)}), ${fmtNum(xlsxLarge.peakRssMiB, 0)} MiB (${fmtInt(sizes.xlsxLarge)})`,
            verdict(targets.xlsxRss.pass),
          ],
          [`XLSX peak RSS flat (≤ +${GROWTH_TOLERANCE * 100}%)`, growthText(xlsxGrowth), verdict(targets.xlsxRssFlat.pass)],
        ],
        [false, false, false],
      ),
    );
    const failed = runs.filter((r) => !r.ok);
    if (failed.length > 0) {
      out.push("");
      for (const r of failed) out.push(`FAILED ${r.name}: ${r.error}`);
    }
    process.stdout.write(`${out.join("\n")}\n`);

    const outDir = path.join(REPO, "bench-out");
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, "ingest.json");
    const json = {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      totalMemMiB: Math.round(os.totalmem() / 1048576),
      command: `node --import tsx ${path.relative(REPO, CLI_MEASURE)} ingest FILE --json --warehouse W  (= node ${path.relative(REPO, CLI_BIN)} ingest …)`,
      scale,
      seed: SEED,
      generation: {
        csvBig: { seconds: gen.csvBig.seconds, ...gen.csvBig.value },
        csvSmall: { seconds: gen.csvSmall.seconds, ...gen.csvSmall.value },
        csvLarge: { seconds: gen.csvLarge.seconds, ...gen.csvLarge.value },
        xlsxBig: { rows: sizes.xlsxBig, seconds: gen.xlsxBig.seconds, bytes: fs.statSync(files.xlsxBig).size },
        xlsxSmall: { rows: sizes.xlsxSmall, seconds: gen.xlsxSmall.seconds, bytes: fs.statSync(files.xlsxSmall).size },
        xlsxLarge: { rows: sizes.xlsxLarge, seconds: gen.xlsxLarge.seconds, bytes: fs.statSync(files.xlsxLarge).size },
      },
      runs,
      ratio: { wall: ratio, inner: innerRatio },
      targets,
    };
    fs.writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
    log(`\nResults written to ${path.relative(REPO, outFile)} (at the repository root)`);
    // Non-zero only when an import failed; a failed yardstick shows as FAILED and n/a above.
    return failed.some((r) => r.kind !== "read_csv") ? 1 : 0;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    cleanup();
  }
}

process.exitCode = await main();
