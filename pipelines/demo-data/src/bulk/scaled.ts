// `--scale N` for any N but 1: the bulk exports, N times the demo's volume of the two big kinds.
// The demo's records are laid out by hand so that 2023 gives exactly F1–F25; they cannot simply be
// multiplied. The bulk exports are the other end: plain records, any number of them, in the shape
// of real downloads — the same writers that the ingest benchmark uses (pipelines/ingest/bench).
//
//   行政处罚案件台账.csv        cases: N × the demo's cases, GB18030, title and export-time rows, 合计 footer
//   隐患排查治理台账.xlsx       hazards: N × the demo's hazards, merged title row, date cells; split into
//                              隐患排查治理台账_1.xlsx, _2.xlsx … of at most XLSX_MAX_ROWS rows each
//                              (an Excel sheet holds 1,048,576 rows, and real exports are split alike)

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildDataset } from "../dataset.ts";
import type { Written } from "../generate.ts";
import { writeCasesCsv } from "./cases-csv.ts";
import { writeHazardsXlsx } from "./hazards-xlsx.ts";

/** The seed of every bulk export (also the ingest benchmark's). */
export const BULK_SEED = 20240105;

/** Rows per hazards workbook. */
export const XLSX_MAX_ROWS = 1_000_000;

/** The largest --scale: about 4.7 million cases (1.5 GB of CSV) and 96 million hazards (97 workbooks). */
export const MAX_SCALE = 10_000;

export const CASES_FILE = "行政处罚案件台账.csv";
export const HAZARDS_FILE = "隐患排查治理台账";

export interface ScaledCounts {
  cases: number;
  hazards: number;
}

let demoCounts: ScaledCounts | undefined;

/** Rows of each bulk export at a scale: N × the demo's cases and hazards (at least one each). */
export function scaledCounts(scale: number): ScaledCounts {
  if (!(Number.isFinite(scale) && scale > 0 && scale <= MAX_SCALE))
    throw new RangeError(`scale must be a number in (0, ${MAX_SCALE}], got ${scale}`);
  demoCounts ??= (() => {
    const ds = buildDataset();
    return { cases: ds.cases.length, hazards: ds.hazards.length };
  })();
  return {
    cases: Math.max(1, Math.round(scale * demoCounts.cases)),
    hazards: Math.max(1, Math.round(scale * demoCounts.hazards)),
  };
}

export async function generateScaled(outDir: string, scale: number, xlsxMaxRows = XLSX_MAX_ROWS): Promise<Written[]> {
  const counts = scaledCounts(scale);
  mkdirSync(outDir, { recursive: true });
  const out: Written[] = [];

  const casesPath = join(outDir, CASES_FILE);
  writeCasesCsv({ rows: counts.cases, seed: BULK_SEED, gb18030File: casesPath });
  out.push({
    path: casesPath,
    file: {
      path: CASES_FILE,
      kind: "cases",
      format: "csv",
      encoding: "gb18030",
      sheets: [{ name: "", data: counts.cases, bad: 0, skipped: 3, note: "title, export-time and 合计 rows" }],
    },
  });

  const parts = Math.ceil(counts.hazards / xlsxMaxRows);
  for (let k = 0; k < parts; k++) {
    const rows = Math.min(xlsxMaxRows, counts.hazards - k * xlsxMaxRows);
    const name = parts === 1 ? `${HAZARDS_FILE}.xlsx` : `${HAZARDS_FILE}_${k + 1}.xlsx`;
    const path = join(outDir, name);
    // Each part its own stream (the first one the benchmark's), numbers going on from the last part,
    // the enterprises those of the cases export.
    await writeHazardsXlsx({ rows, seed: BULK_SEED + k, partiesSeed: BULK_SEED, file: path, firstSeq: k * xlsxMaxRows + 1 });
    out.push({
      path,
      file: {
        path: name,
        kind: "hazards",
        format: "xlsx",
        sheets: [{ name: "隐患排查治理台账", data: rows, bad: 0, skipped: 1, note: "merged title row" }],
      },
    });
  }
  return out;
}
