// The shipped demo data (data/samples), imported with the real pipeline into a temporary warehouse.
import fs from "node:fs";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { importPaths, type TempWarehouse, tempWarehouse } from "./imported.ts";

export const SAMPLES = repoPaths().samples;

function hasFiles(dir: string): boolean {
  if (!fs.existsSync(dir)) return false;
  return fs.readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? hasFiles(path.join(dir, e.name)) : /\.(csv|xlsx)$/i.test(e.name)));
}

export const HAVE_SAMPLES = hasFiles(SAMPLES);

export async function importSamples(): Promise<TempWarehouse> {
  const t = await tempWarehouse("anjian-demo-");
  const result = await importPaths(t.warehouse, [SAMPLES], "test: import data/samples");
  const refused = result.files.filter((f) => f.status === "refused");
  if (refused.length > 0) throw new Error(`demo files refused: ${refused.map((f) => `${f.path}: ${f.error}`).join("; ")}`);
  return t;
}
