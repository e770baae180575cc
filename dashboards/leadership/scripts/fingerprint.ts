// Ties Framework's data-loader cache to the state of the warehouse. Framework reuses a loader's cached
// output (src/.observablehq/cache) whenever it is newer than the loader file, whatever happened to
// the warehouse since. So before every build or preview we compute a fingerprint of everything the
// loader's output depends on — the warehouse's content (read-only query: batches, row counts and a
// hash over every row's row_hash), the models, rules and figures code, the district profile and the
// loader code itself — and clear the loader cache when it differs from the one stored beside the cache.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Context } from "@anjian/config";
import { queryRows } from "@anjian/warehouse";
import { dashboardContext, openReadOnly } from "../src/data/lib/warehouse.ts";

export const PACKAGE_DIR = path.resolve(import.meta.dirname, "..");
export const SOURCE_ROOT = path.join(PACKAGE_DIR, "src");
/** Framework's cache of loader outputs (the _node folder beside it holds bundled libraries: kept). */
export const LOADER_CACHE = path.join(SOURCE_ROOT, ".observablehq", "cache", "data");
export const FINGERPRINT_FILE = path.join(SOURCE_ROOT, ".observablehq", "warehouse-fingerprint.json");
/** Where the site is built: dist/, or ANJIAN_DASHBOARD_DIST (the tests build into a temporary folder). */
export function outputDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.ANJIAN_DASHBOARD_DIST ? path.resolve(env.INIT_CWD ?? process.cwd(), env.ANJIAN_DASHBOARD_DIST) : path.join(PACKAGE_DIR, "dist");
}

const TABLES = ["cases", "inspections", "hazards", "enforcers"] as const;

/** The warehouse's state, read on a read-only open (openWarehouse, like every reader). */
export async function warehouseState(file: string, context: Context = dashboardContext()): Promise<Record<string, string>> {
  const warehouse = await openReadOnly(file, context);
  try {
    const parts = [
      "(SELECT coalesce(max(batch_id), '') FROM batches) AS last_batch",
      "(SELECT count(*) FROM batches) AS batches",
      "(SELECT count(*) FROM files) AS files",
      "(SELECT count(*) FROM rejects) AS rejects",
      "(SELECT coalesce(string_agg(key || '=' || value, ';' ORDER BY key), '') FROM meta) AS meta",
      ...TABLES.map((t) => `(SELECT count(*) || ':' || coalesce(bit_xor(hash(row_hash)), 0) FROM ${t}) AS ${t}`),
    ];
    const [row] = await queryRows(warehouse.connection, `SELECT ${parts.join(", ")}`);
    return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, String(v)]));
  } finally {
    warehouse.close();
  }
}

function hashTree(h: crypto.Hash, root: string, dir: string, filter: (name: string) => boolean = () => true): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(h, root, full, filter);
    else if (filter(entry.name)) h.update(`${path.relative(root, full)}\0`).update(fs.readFileSync(full)).update("\0");
  }
}

/** Everything besides the warehouse that the loader's output depends on. */
export function codeHash(context: Context = dashboardContext()): string {
  const h = crypto.createHash("sha256");
  const root = context.root;
  hashTree(h, root, path.join(SOURCE_ROOT, "data"));
  for (const pkg of ["indicators", "warehouse", "profile"]) {
    hashTree(h, root, path.join(root, "packages", pkg, "src"), (n) => !n.endsWith(".test.ts"));
    // the models, and the warehouse's rules (cleaning macros, views) re-applied by hash
    hashTree(h, root, path.join(root, "packages", pkg, "models"));
    hashTree(h, root, path.join(root, "packages", pkg, "sql"));
  }
  const profile = context.profile;
  h.update(profile).update("\0");
  if (fs.existsSync(profile)) h.update(fs.readFileSync(profile));
  return h.digest("hex");
}

export interface Fingerprint {
  warehouse: string;
  state: Record<string, string>;
  code: string;
  hash: string;
}

export async function fingerprint(file: string, context: Context = dashboardContext()): Promise<Fingerprint> {
  const state = await warehouseState(file, context);
  // Any write to the file (even one that bypasses the import) changes its size or time; reading it
  // read-only, as above, changes neither.
  const stat = fs.statSync(file);
  state.file = `${stat.size}:${Math.round(stat.mtimeMs)}`;
  const code = codeHash(context);
  const hash = crypto.createHash("sha256").update(JSON.stringify({ warehouse: file, state, code })).digest("hex");
  return { warehouse: file, state, code, hash };
}

/**
 * Clears the loader cache when the fingerprint changed; returns whether it did. The new fingerprint is
 * recorded first, so a build that fails halfway leaves a cache that matches it (Framework writes each
 * loader output atomically).
 */
export async function tieCacheToWarehouse(
  file: string,
  {
    log = () => {},
    cacheDir = LOADER_CACHE,
    fingerprintFile = FINGERPRINT_FILE,
  }: { log?: (line: string) => void; cacheDir?: string; fingerprintFile?: string } = {},
): Promise<boolean> {
  const now = await fingerprint(file);
  let before: Fingerprint | null = null;
  try {
    before = JSON.parse(fs.readFileSync(fingerprintFile, "utf8")) as Fingerprint;
  } catch {
    before = null;
  }
  const changed = before?.hash !== now.hash;
  if (changed) {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    log(before ? "数据仓库或计算口径已变化，已清除驾驶舱数据缓存，将重新计算。" : "首次构建（或缓存记录缺失），将计算驾驶舱数据。");
  }
  fs.mkdirSync(path.dirname(fingerprintFile), { recursive: true });
  fs.writeFileSync(fingerprintFile, `${JSON.stringify(now, null, 2)}\n`);
  return changed;
}
