// Once for all browser tests: a temporary warehouse made from data/samples with the CLI, the site
// built from it with the package's own build script (into a temporary folder), `anjian figures` for
// every year, and a static server for the site on a free localhost port.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { startServer } from "../scripts/serve.js";
import { type CliFigures, PACKAGE_DIR, REPO_ROOT, type Site } from "./support/site.ts";

const run = promisify(execFile);
const CLI = path.join(REPO_ROOT, "packages", "cli", "bin", "anjian.js");
const MAX_BUFFER = 64 * 1024 * 1024;

async function anjian(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, maxBuffer: MAX_BUFFER });
  return stdout;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-dashboard-test-"));
  const warehouse = path.join(dir, "anjian.duckdb");
  const dist = path.join(dir, "dist");
  const samples = path.join(REPO_ROOT, "data", "samples");
  if (!fs.existsSync(samples) || fs.readdirSync(samples).length === 0) throw new Error(`no demo data in ${samples}`);

  try {
    await run(process.execPath, [CLI, "ingest", samples, "--json", "--warehouse", warehouse], { cwd: REPO_ROOT, maxBuffer: MAX_BUFFER });
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

  const metaFile = fs.readdirSync(path.join(dist, "_file", "data", "dash")).find((f) => /^meta\.\w+\.json$/.test(f));
  if (!metaFile) throw new Error("meta.json missing from the build");
  const meta = JSON.parse(fs.readFileSync(path.join(dist, "_file", "data", "dash", metaFile), "utf8")) as { years: number[]; defaultYear: number };

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

  return async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
