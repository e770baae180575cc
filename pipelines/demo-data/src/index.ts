export { buildDataset, type Dataset } from "./dataset.ts";
export { describe, generate, type Written } from "./generate.ts";
export { buildPlan, type PlannedFile } from "./plan.ts";
export { caseAsOf, currentCase } from "./records/cases.ts";
export type * from "./records/types.ts";
export { type CsvEncoding, writeCsv } from "./write-csv.ts";
export { type XBook, type XCell, type XSheet, writeXlsx, xlsxBuffer } from "./write-xlsx.ts";
