// Once for all browser tests: temporary warehouses made with the CLI — from data/samples, and from
// data/samples less the hazard ledgers of 2023 and 2024 (one kind stopping early) — the site built
// from each with the package's own build script (into temporary folders), `anjian figures` for every
// year of the demo, and a static server for each site on a free localhost port.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { startServer } from "../scripts/serve.js";
import { ANJIAN_BIN } from "./support/anjian-bin.ts";
import { type CliFigures, PACKAGE_DIR, REPO_ROOT, type Site, UNEVEN_LEFT_OUT, type UnevenSite } from "./support/site.ts";

const run = promisify(execFile);
const MAX_BUFFER = 64 * 1024 * 1024;

async function anjian(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [ANJIAN_BIN, ...args], { cwd: REPO_ROOT, maxBuffer: MAX_BUFFER });
  return stdout;
}

/** Imports a folder into a new warehouse with the CLI and builds the site from it into dist. */
async function buildSite(input: string, warehouse: string, dist: string): Promise<{ years: number[]; defaultYear: number }> {
  try {
    await run(process.execPath, [ANJIAN_BIN, "ingest", input, "--json", "--warehouse", warehouse], { cwd: REPO_ROOT, maxBuffer: MAX_BUFFER });
  } catch (e) {
    // exit code 1 means a file was refused after all others were imported: still a usable warehouse
    if ((e as { code?: number }).code !== 1) throw e;
  }
  const env = { ...process.env, ANJIAN_WAREHOUSE: warehouse, ANJIAN_DASHBOARD_DIST: dist, OBSERVABLE_TELEMETRY_DISABLE: "true" };
  try {
    await run(process.execPath, ["--import", "tsx", path.join("scripts", "build.ts")], { cwd: PACKAGE_DIR, env, maxBuffer: MAX_BUFFER });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`dashboard build failed:\n${err.stderr ?? ""}\n${(err.stdout ?? "").slice(-4000)}`);
  }
  return readMeta(dist);
}

function readDash(dist: string, name: string, ext: string): unknown {
  const dir = path.join(dist, "_file", "data", "dash");
  const file = fs.readdirSync(dir).find((f) => new RegExp(`^${name}\\.\\w+\\.${ext}$`).test(f));
  if (!file) throw new Error(`${name}.${ext} missing from the build`);
  return JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
}

function readMeta(dist: string): { years: number[]; defaultYear: number } {
  return readDash(dist, "meta", "json") as { years: number[]; defaultYear: number };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-dashboard-test-"));
  const warehouse = path.join(dir, "anjian.duckdb");
  const dist = path.join(dir, "dist");
  const samples = path.join(REPO_ROOT, "data", "samples");
  if (!fs.existsSync(samples) || fs.readdirSync(samples).length === 0) throw new Error(`no demo data in ${samples}`);

  const meta = await buildSite(samples, warehouse, dist);

  const figures: Record<string, CliFigures> = {};
  for (const year of meta.years) {
    const [json, md] = await Promise.all([
      anjian(["figures", "--year", String(year), "--format", "json", "--warehouse", warehouse]),
      anjian(["figures", "--year", String(year), "--format", "md", "--warehouse", warehouse]),
    ]);
    figures[String(year)] = { json, md };
  }

  const server = await startServer({ dir: dist, host: "127.0.0.1", port: 0 });
  const site: Site = { url: server.url, dist, warehouse, years: meta.years, defaultYear: meta.defaultYear, figures };
  project.provide("site", site);

  // The same exports with the hazard ledgers of 2023 and 2024 left out: hazard data stops at the 2022
  // ledger's export (9 January 2023), while the other kinds go on into 2025.
  const uneven = path.join(dir, "uneven-exports");
  fs.cpSync(samples, uneven, { recursive: true });
  for (const f of UNEVEN_LEFT_OUT) fs.rmSync(path.join(uneven, f));
  const unevenDist = path.join(dir, "uneven-dist");
  const unevenMeta = await buildSite(uneven, path.join(dir, "uneven.duckdb"), unevenDist);
  const unevenServer = await startServer({ dir: unevenDist, host: "127.0.0.1", port: 0 });
  const unevenSite: UnevenSite = {
    url: unevenServer.url,
    dist: unevenDist,
    years: unevenMeta.years,
    defaultYear: unevenMeta.defaultYear,
    coverage: readDash(unevenDist, "coverage", "json") as UnevenSite["coverage"],
  };
  project.provide("unevenSite", unevenSite);
  project.provide("demoCoverage", readDash(dist, "coverage", "json") as UnevenSite["coverage"]);

  return async () => {
    await server.close();
    await unevenServer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
