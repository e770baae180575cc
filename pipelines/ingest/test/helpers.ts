// Test helpers: temp folders, export files in the odd encodings and shapes, and a fresh real
// warehouse to import them into.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { kindByName, loadAliasTable } from "@anjian/exports";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { openWarehouse, queryRows, type Warehouse } from "@anjian/warehouse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { csvCell } from "@anjian/exports";
import { type IngestResult, ingest } from "../src/index.ts";

export const HASH_KEY = "test-key-0123456789abcdef0123456789";

export function tempDir(prefix = "anjian-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type Row = (string | number | Date | null)[];

export function csvText(rows: Row[], eol = "\r\n"): string {
  return rows.map((r) => r.map((c) => csvCell(c == null ? "" : String(c))).join(",")).join(eol) + eol;
}

export function writeCsv(file: string, rows: Row[], encoding: "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" = "utf-8"): string {
  const text = csvText(rows);
  let bytes: Buffer;
  if (encoding === "gb18030") bytes = iconv.encode(text, "gb18030");
  else if (encoding === "utf-16le") bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
  else if (encoding === "utf-8-bom") bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
  else bytes = Buffer.from(text, "utf8");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

export interface SheetSpec {
  name: string;
  rows: Row[];
  merges?: string[];
  /** 1-based column numbers whose cells get a date format. */
  dateColumns?: number[];
}

export async function writeXlsx(file: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const c of s.dateColumns ?? []) ws.getColumn(c).numFmt = "yyyy-mm-dd";
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

export interface TestWarehouse {
  dir: string;
  path: string;
  run(paths: string[]): Promise<IngestResult>;
  rows<T = Record<string, unknown>>(sql: string, params?: Record<string, string | number | null>): Promise<T[]>;
  close(): void;
}

const aliases = loadAliasTable(repoPaths().aliases);
const resolver = new ProfileResolver(loadProfile(repoPaths().profile));

export async function freshWarehouse(options: { chunkRows?: number } = {}): Promise<TestWarehouse> {
  const dir = tempDir();
  const file = path.join(dir, "wh.duckdb");
  let warehouse: Warehouse | null = await openWarehouse(file);
  const get = () => {
    if (!warehouse) throw new Error("closed");
    return warehouse;
  };
  return {
    dir,
    path: file,
    run: (paths) => ingest({ warehouse: get(), paths, hashKey: HASH_KEY, resolver, aliases, chunkRows: options.chunkRows }),
    rows: (sql, params) => queryRows(get().connection, sql, params),
    close() {
      warehouse?.close();
      warehouse = null;
    },
  };
}

/** The canonical cases header of docs/import.md §5.1, as the importer declares it. */
export const CASES_HEADER = kindByName("cases").columns.map((c) => c.header);

/** A valid case row; override cells by header. */
export function caseRow(overrides: Record<string, string | number | Date | null> = {}): Row {
  const base: Record<string, string | number | Date | null> = {
    案件编号: "LC2023-001",
    案件名称: "未按规定开展安全培训案",
    当事人名称: "莆田市荔城区鑫达鞋业有限公司",
    当事人类型: "单位",
    统一社会信用代码: "91350100M000100Y43",
    当事人证件号码: null,
    所属镇街: "镇海街道",
    行业领域: "工贸",
    违法行为: "未如实记录安全生产教育和培训情况",
    执法主体: "荔城区应急管理局",
    程序类型: "普通程序",
    立案日期: "2023-03-01",
    处罚决定书文号: "（荔）应急罚〔2023〕3号",
    处罚决定日期: "2023-04-02",
    处罚种类: "罚款",
    "罚款金额（元）": "12000",
    是否一案双罚: "否",
    是否法制审核: "是",
    案件状态: "已结案",
    结案日期: "2023-05-01",
    更新时间: null,
  };
  const merged = { ...base, ...overrides };
  return CASES_HEADER.map((h) => merged[h] ?? null);
}

export async function countAll(w: TestWarehouse): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ["cases", "inspections", "hazards", "enforcers", "rejects"]) {
    const [r] = await w.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${t}`);
    out[t] = r!.n;
  }
  return out;
}

/** Valid GB 11643 ID numbers (check digit right) for privacy tests. */
export const VALID_IDS = ["11010519491231002X", "440524188001010014", "350304199001011231", "350302198512203019"];

/** Every (table.column, id) where an ID number appears in clear in the warehouse, JSON included. */
export async function plainIdsIn(w: TestWarehouse, ids: readonly string[] = VALID_IDS): Promise<string[]> {
  const columns = await w.rows<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() AND NOT internal",
  );
  const hits: string[] = [];
  for (const { table_name, column_name } of columns)
    for (const id of ids) {
      const [hit] = await w.rows<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM "${table_name}" WHERE upper(CAST("${column_name}" AS VARCHAR)) LIKE '%' || $id || '%'`,
        { id },
      );
      if (hit!.n > 0) hits.push(`${table_name}.${column_name}: ${id}`);
    }
  return hits;
}
