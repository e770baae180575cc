export { csvCell, parseCsvText, spreadsheetSafe } from "./csv-text.ts";
export { type BadRecord, type CsvChunk, DIRTY_BITS, MAX_PREAMBLE_ROWS, type PreparedCsv, prepareCsv } from "./csv-prepare.ts";
export { type CsvEncoding, detectEncoding, isUtf8 } from "./encoding.ts";
export { type AliasTable, type HeaderMatch, type HeaderVerdict, loadAliasTable, matchHeader } from "./headers.ts";
export { kindTable, LINEAGE_COLUMNS, type TableColumn, type TableDecl, tableColumns } from "./kind-tables.ts";
export {
  ACCIDENT_TYPES,
  ACTIVITY_CATEGORIES,
  type ColumnDecl,
  type ColumnType,
  type KindDecl,
  type KindName,
  kindByName,
  kinds,
  type RowRule,
} from "./kinds.ts";
export { type FileFormat, sniffFile } from "./sniff.ts";
export { normaliseHeader, toHalfWidth, trimCell } from "./text.ts";
export {
  FORMULA_WITHOUT_VALUE,
  isDateFormat,
  readXlsx,
  serialToIso,
  XLSX_LIMITS,
  type XlsxLimits,
  type XlsxMerge,
  type XlsxRow,
  type XlsxSheet,
} from "./xlsx-reader.ts";
export { readZipEntries } from "./zip-entries.ts";
export { dropDown, TEMPLATE_ROWS, TEMPLATE_SHEET_LISTS, TEMPLATE_SHEET_NOTES, templateBuffer, templateWorkbook } from "./template.ts";
