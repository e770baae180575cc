// Running Observable Framework's own CLI (from node_modules) with telemetry off and the context's
// paths resolved, so that the data loader reads the same warehouse and profile as the fingerprint.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Context } from "@anjian/config";
import { UserError } from "@anjian/errors";
import { dashboardContext } from "../src/data/lib/warehouse.ts";
import { outputDir, PACKAGE_DIR, tieCacheToWarehouse } from "./fingerprint.ts";

const require = createRequire(import.meta.url);

/**
 * Framework's client and standard library name optional libraries as npm: imports (loaded only if a
 * page uses them; ours import from node_modules instead). To write those names into the bundle,
 * the build resolves each one's version with a request to the npm registry — unless a version is
 * already in its cache, which it reads from the folder names under .observablehq/cache/_npm/.
 * Seeding those folders keeps the build off the network, as an intranet requires.
 */
const FRAMEWORK_OPTIONAL_LIBRARIES: Record<string, string> = {
  "@observablehq/inputs": "0.12.0",
  "@observablehq/plot": "0.6.17",
  "@observablehq/sample-datasets": "1.0.1",
  "apache-arrow": "21.2.0",
  arquero: "8.0.3",
  d3: "7.9.0",
  "d3-dsv": "3.0.2",
  echarts: "6.1.0",
  htl: "1.0.0",
  leaflet: "1.9.4",
  lodash: "4.18.1",
  "mapbox-gl": "3.32.0",
  "parquet-wasm": "0.8.0",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "topojson-client": "3.1.0",
};

export function seedNpmVersionCache(): void {
  const root = path.join(PACKAGE_DIR, "src", ".observablehq", "cache", "_npm");
  for (const [name, fallback] of Object.entries(FRAMEWORK_OPTIONAL_LIBRARIES)) {
    let version = fallback;
    try {
      version = require(require.resolve(`${name}/package.json`, { paths: [PACKAGE_DIR] })).version;
    } catch {
      // not installed: the library is never loaded, any valid version will do
    }
    fs.mkdirSync(path.join(root, `${name}@${version}`), { recursive: true });
  }
}

export function frameworkBin(): string {
  const pkg = require.resolve("@observablehq/framework/package.json", { paths: [PACKAGE_DIR] });
  return path.join(path.dirname(pkg), "dist", "bin", "observable.js");
}

export function frameworkEnv(context: Context): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // absolute: the loader runs in this package's folder, not where the build was started
    ANJIAN_WAREHOUSE: context.warehouse,
    ANJIAN_PROFILE: context.profile,
    ANJIAN_DASHBOARD_DIST: outputDir(),
    OBSERVABLE_TELEMETRY_DISABLE: "true",
    DO_NOT_TRACK: "1",
  };
}

/** Checks the warehouse, ties the loader cache to it, then runs `observable <command> …args`. */
export async function runFramework(command: "build" | "preview", args: string[]): Promise<number> {
  let context: Context;
  try {
    context = dashboardContext();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    console.error(e.message);
    return 1;
  }
  const warehouse = context.warehouse;
  if (!fs.existsSync(warehouse)) {
    console.error(`数据仓库 ${warehouse} 不存在。请先导入数据：npx anjian ingest data/samples（或设置 ANJIAN_WAREHOUSE）。`);
    return 1;
  }
  try {
    await tieCacheToWarehouse(warehouse, { log: (line) => console.log(line) });
  } catch (e) {
    // Chinese only: DuckDB's own text is English and may quote values.
    console.error(e instanceof UserError ? e.message : `无法读取数据仓库 ${warehouse}。`);
    console.error("如果正在导入数据，请等导入完成后再构建。");
    if (context.debug) console.error((e as Error)?.stack ?? e);
    return 1;
  }
  seedNpmVersionCache();
  return await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [frameworkBin(), command, ...args], {
      cwd: PACKAGE_DIR,
      env: frameworkEnv(context),
      stdio: "inherit",
    });
    // Stopping this script (Ctrl+C, a service manager) stops Framework too.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("close", (code) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? 1);
    });
    child.on("error", () => resolve(1));
  });
}
