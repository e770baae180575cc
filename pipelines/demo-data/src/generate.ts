// Dataset → plan → files.

import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { buildDataset } from "./dataset.ts";
import { buildPlan, type PlannedFile } from "./plan.ts";
import { writeCsv } from "./write-csv.ts";
import { writeXlsx } from "./write-xlsx.ts";

export interface Written {
  path: string;
  file: PlannedFile;
}

export async function generate(outDir: string): Promise<Written[]> {
  const plan = buildPlan(buildDataset());
  const out: Written[] = [];
  for (const f of plan) {
    const path = join(outDir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    if (f.format === "csv") writeCsv(path, f.rows, f.encoding);
    else await writeXlsx(path, { savedAt: f.savedAt, creator: "省行政执法一体化平台", sheets: f.xlsxSheets });
    out.push({ path, file: f });
  }
  return out;
}

/** One line per file (and sheet) for the console and the README. */
export function describe(written: readonly Written[]): string[] {
  const lines: string[] = [];
  for (const { file } of written) {
    const enc = file.format === "csv" ? file.encoding : "xlsx";
    for (const s of file.sheets) {
      const where = s.name ? `${file.path} [${s.name}]` : file.path;
      lines.push(`${where}\t${file.kind}\t${enc}\tdata ${s.data}\tbad ${s.bad}\tskipped ${s.skipped}`);
    }
  }
  return lines;
}
