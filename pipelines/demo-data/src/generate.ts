// Dataset → plan → files; or, at any scale but 1, the bulk exports (bulk/scaled.ts).

import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { generateScaled } from "./bulk/scaled.ts";
import { buildDataset } from "./dataset.ts";
import { buildPlan, type SheetSummary } from "./plan.ts";
import type { Kind } from "./records/types.ts";
import { type CsvEncoding, writeCsv } from "./write-csv.ts";
import { writeXlsx } from "./write-xlsx.ts";

/** What was written where, for the console, the README and the tests. */
export interface WrittenFile {
  /** Relative to the output folder. */
  path: string;
  kind: Kind;
  format: "csv" | "xlsx";
  encoding?: CsvEncoding;
  sheets: SheetSummary[];
}

export interface Written {
  path: string;
  file: WrittenFile;
}

export interface GenerateOptions {
  /** 1 (the default): the bundled demo exports of data/samples; otherwise the bulk exports, sized N× the demo's. */
  scale?: number;
}

export async function generate(outDir: string, options: GenerateOptions = {}): Promise<Written[]> {
  const scale = options.scale ?? 1;
  return scale === 1 ? generateDemo(outDir) : generateScaled(outDir, scale);
}

async function generateDemo(outDir: string): Promise<Written[]> {
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
