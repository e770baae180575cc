// Generates the demo exports twice into temporary folders and checks the files themselves:
// reproducibility, encodings, shapes, and the check digits of every code in them.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidCreditCode, isValidIdCard } from "@anjian/codes";
import { buildDataset } from "../src/dataset.ts";
import { generate } from "../src/generate.ts";
import { decodeCsv, parseCsv } from "./csv.ts";

let dirA: string;
let dirB: string;

beforeAll(async () => {
  dirA = mkdtempSync(join(tmpdir(), "demo-data-a-"));
  dirB = mkdtempSync(join(tmpdir(), "demo-data-b-"));
  await generate(dirA);
  await generate(dirB);
});

afterAll(() => {
  for (const d of [dirA, dirB]) if (d) rmSync(d, { recursive: true, force: true });
});

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

// Reading the big workbooks takes seconds: read each file once.
const books = new Map<string, Promise<ExcelJS.Workbook>>();
function readBook(path: string): Promise<ExcelJS.Workbook> {
  let wb = books.get(path);
  if (!wb) {
    const book = new ExcelJS.Workbook();
    wb = book.xlsx.readFile(path).then(() => book);
    books.set(path, wb);
  }
  return wb;
}

type Cell = ExcelJS.CellValue;
function sheetValues(ws: ExcelJS.Worksheet): Cell[][] {
  const out: Cell[][] = [];
  const width = ws.columnCount; // a getter that walks every row: read it once
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const vals: Cell[] = [];
    for (let c = 1; c <= width; c++) vals.push(row.getCell(c).value);
    out[n - 1] = vals;
  });
  return out;
}

const toHalf = (s: string) => s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const normHeader = (s: string) => toHalf(String(s)).replace(/\s+/g, "").replace(/\*+$/, "");
const CODE_HEADERS = new Set(["统一社会信用代码", "信用代码", "社会信用代码"]);
const ID_HEADERS = new Set(["当事人证件号码", "证件号码", "身份证号"]);

/** Every table in the output as header + rows of raw values, found by its code or name columns. */
async function tables(dir: string): Promise<{ where: string; header: string[]; rows: Cell[][] }[]> {
  const out: { where: string; header: string[]; rows: Cell[][] }[] = [];
  const isHeader = (r: Cell[]) => r.some((v) => typeof v === "string" && /^(案件编号|案件号|检查编号|检查记录编号|隐患编号|姓名)\*?$/.test(normHeader(v)));
  for (const f of files(dir)) {
    const path = join(dir, f);
    const grids: { where: string; grid: Cell[][] }[] = [];
    if (f.endsWith(".csv")) grids.push({ where: f, grid: parseCsv(decodeCsv(readFileSync(path))) });
    else for (const ws of (await readBook(path)).worksheets) grids.push({ where: `${f} [${ws.name}]`, grid: sheetValues(ws) });
    for (const { where, grid } of grids) {
      const h = grid.findIndex((r) => r && isHeader(r));
      if (h < 0) continue;
      out.push({ where, header: grid[h]!.map((v) => normHeader(String(v ?? ""))), rows: grid.slice(h + 1).filter(Boolean) });
    }
  }
  return out;
}

describe("reproducibility", () => {
  it("writes the same files twice", () => {
    expect(files(dirA)).toEqual(files(dirB));
    expect(files(dirA).length).toBe(13);
  });

  it("CSV files are byte-identical", () => {
    for (const f of files(dirA).filter((x) => x.endsWith(".csv"))) {
      expect(readFileSync(join(dirA, f)).equals(readFileSync(join(dirB, f))), f).toBe(true);
    }
  });

  it("XLSX sheets have identical cell values, and the files identical bytes", async () => {
    for (const f of files(dirA).filter((x) => x.endsWith(".xlsx"))) {
      const [a, b] = await Promise.all([readBook(join(dirA, f)), readBook(join(dirB, f))]);
      expect(a.worksheets.map((w) => w.name)).toEqual(b.worksheets.map((w) => w.name));
      for (const ws of a.worksheets) expect(sheetValues(ws), `${f} ${ws.name}`).toEqual(sheetValues(b.getWorksheet(ws.name)!));
      expect(readFileSync(join(dirA, f)).equals(readFileSync(join(dirB, f))), f).toBe(true);
    }
  });

  it("the committed data/samples are exactly what the generator writes (npm run demo-data after a change)", () => {
    const samples = join(import.meta.dirname, "../../../data/samples");
    expect(files(samples)).toEqual(files(dirA));
    for (const f of files(dirA)) expect(readFileSync(join(samples, f)).equals(readFileSync(join(dirA, f))), f).toBe(true);
  });
});

describe("encodings", () => {
  const bytes = (f: string) => readFileSync(join(dirA, f));

  it("the 2023 cases ledger is GB18030 without BOM, not UTF-8", () => {
    const buf = bytes("案件/荔城区应急管理局行政处罚案件台账_2023年度.csv");
    expect([buf[0], buf[1], buf[2]]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(buf)).toThrow();
    const text = new TextDecoder("gb18030", { fatal: true }).decode(buf);
    expect(text.startsWith("荔城区应急管理局行政处罚案件台账（2023年度）")).toBe(true);
    expect(text).toContain("导出时间：2024-01-05 09:12");
  });

  it("the accidents ledger is GB18030 without BOM, with a title and an export time", () => {
    const buf = bytes("事故/事故调查台账_2021-2024.csv");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(buf)).toThrow();
    const text = new TextDecoder("gb18030", { fatal: true }).decode(buf);
    expect(text.startsWith("荔城区应急管理局生产安全事故调查处理台账")).toBe(true);
    expect(text).toContain("导出时间：2025-01-10 16:20");
    expect(text).toContain("镇海“1.24”坍塌事故");
  });

  it("the 2022 hazards ledger is UTF-16LE with BOM", () => {
    const buf = bytes("隐患/隐患排查治理台账_2022.csv");
    expect([buf[0], buf[1]]).toEqual([0xff, 0xfe]);
    expect(new TextDecoder("utf-16le").decode(buf.subarray(2))).toContain("隐患编号,检查编号,单位名称");
  });

  it("UTF-8 files: with BOM for cases 2021–2022, without for hazards 2021 and 2024", () => {
    expect([...bytes("案件/行政处罚案件台账_2021-2022.csv").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    for (const f of ["隐患/隐患排查治理台账_2021.csv", "隐患/隐患排查治理台账_2024.csv"]) {
      const buf = bytes(f);
      expect(buf[0]).not.toBe(0xef);
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(buf)).not.toThrow();
    }
  });
});

describe("shapes", () => {
  it("the 2023 cases ledger: title rows, alias headers, quoted commas and line breaks, footers", () => {
    const rows = parseCsv(decodeCsv(readFileSync(join(dirA, "案件/荔城区应急管理局行政处罚案件台账_2023年度.csv"))));
    expect(rows[0]![0]).toBe("荔城区应急管理局行政处罚案件台账（2023年度）");
    expect(rows[2]!.every((v) => v === "")).toBe(true);
    const header = rows[3]!;
    for (const h of ["案件号", "被处罚人", "办案单位", "适用程序", "决定日期", "处罚类别", "一案双罚", "法制审核"]) expect(header).toContain(h);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([header.length]));
    const cells = rows.slice(4).flat();
    expect(cells.some((v) => v.includes("\n"))).toBe(true);
    expect(cells.some((v) => v.includes(",") && !/^[\d,.]+$/.test(v))).toBe(true);
    expect(rows.at(-2)![0]).toBe("合计");
    expect(rows.at(-1)![0]!.startsWith("制表人：")).toBe(true);
    const col = (name: string) => rows.slice(4, -3).map((r) => r[header.indexOf(name)]!);
    const dates = col("决定日期").join("|");
    for (const re of [/2023-\d\d-\d\d(\||$)/, /2023\/\d{1,2}\/\d{1,2}/, /2023\.\d{1,2}\.\d{1,2}/, /2023年\d{1,2}月\d{1,2}日/, /2023\d{4}(\||$)/, /2023-\d\d-\d\d \d\d:\d\d:\d\d/]) {
      expect(dates).toMatch(re);
    }
    const amounts = col("罚款金额(元)");
    expect(amounts.some((v) => /^\d{1,3}(,\d{3})+\.00$/.test(v))).toBe(true);
    expect(amounts.some((v) => v.endsWith("元"))).toBe(true);
    expect(amounts.some((v) => /^[０-９]+$/.test(v))).toBe(true);
    expect(amounts).toContain("-2000");
    expect(new Set(col("法制审核"))).toEqual(new Set(["是", "否", "√", "×", "Y", "N", ""]));
    expect(col("镇街")).toEqual(expect.arrayContaining(["镇海", "荔城区某某镇"]));
    expect(col("镇街").some((v) => v.startsWith("荔城区") && v !== "荔城区某某镇")).toBe(true);
    expect(col("当事人类型")).toEqual(expect.arrayContaining(["法人及非法人组织", "自然人", "个体工商户"]));
    const docs = col("决定书文号").join("|");
    expect(docs).toMatch(/（荔）应急罚〔2023〕\d+号/);
    expect(docs).toMatch(/\(荔\)应急罚\[2023\]\d+号/);
    expect(docs).toMatch(/﹝2023﹞/);
    expect(col("决定书文号")).toContain("预立案");
    expect(col("案件号")).toContain("");
  });

  it("the overlapping cases export: canonical headers, amounts in 万元", async () => {
    const ws = (await readBook(join(dirA, "案件/行政处罚案件_2023年10月至2024年3月.xlsx"))).worksheets[0]!;
    const grid = sheetValues(ws);
    expect(grid[0]).toContain("罚款金额（万元）");
    const col = grid[0]!.indexOf("罚款金额（万元）");
    const amounts = grid.slice(1).map((r) => r[col]).filter((v) => v !== null);
    expect(amounts.every((v) => typeof v === "number" && v < 10)).toBe(true);
    expect(amounts).toContain(0.3);
  });

  it("inspections: merged title, export time, date cells, serials, text, a numeric code, a notes sheet", async () => {
    const wb = await readBook(join(dirA, "检查/执法检查记录_2021-2024.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["2021年", "2022年", "2023年", "2024年", "填表说明"]);
    for (const ws of wb.worksheets.slice(0, 4)) {
      expect(ws.model.merges).toContain(`A1:${ws.getColumn(ws.columnCount).letter}1`);
      expect(String(ws.getCell("A2").value)).toMatch(/^导出时间：/);
    }
    const grid = sheetValues(wb.getWorksheet("2023年")!);
    const dateCol = grid[2]!.indexOf("检查日期");
    const dates = grid.slice(3).map((r) => r[dateCol]);
    expect(dates.filter((v) => v instanceof Date).length).toBeGreaterThan(dates.length * 0.7);
    expect(dates.some((v) => typeof v === "number" && v > 44900 && v < 45300)).toBe(true);
    expect(dates.some((v) => typeof v === "string")).toBe(true);
    const codeCol = grid[2]!.indexOf("统一社会信用代码");
    expect(grid.slice(3).filter((r) => typeof r[codeCol] === "number").length).toBe(1);
  });

  it("enforcers: two sheets, required markers and full-width brackets in the header", async () => {
    const wb = await readBook(join(dirA, "执法人员/执法人员名册.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["执法人员名册", "说明"]);
    const header = sheetValues(wb.worksheets[0]!)[2]!;
    expect(header).toEqual(expect.arrayContaining(["姓名*", "执法证号*", "备注（注销原因）"]));
  });

  it("hazards 2023: alias headers and values", async () => {
    const grid = sheetValues((await readBook(join(dirA, "隐患/隐患排查治理台账_2023.xlsx"))).worksheets[0]!);
    const header = grid[2]!;
    expect(header).toEqual(expect.arrayContaining(["隐患级别", "隐患类型", "排查日期"]));
    const col = (h: string) => grid.slice(3, -1).map((r) => r[header.indexOf(h)]);
    expect(grid.at(-1)![0]).toMatch(/^合计/);
    expect(new Set(col("隐患级别"))).toEqual(new Set(["一般", "一般隐患", "重大", "重大隐患", "重大事故隐患"]));
    expect(col("整改状态")).toContain("已完成");
    expect(grid.length).toBeGreaterThan(2900);
  });
});

describe("codes in the files", () => {
  it("every credit code and ID number has a valid check digit, except the deliberate ones", async () => {
    const flawed = buildDataset().pool.flawed.map((e) => e.code);
    const badCodes = new Set<string>();
    let numericCodes = 0;
    let codes = 0;
    let ids = 0;
    for (const t of await tables(dirA)) {
      t.header.forEach((h, i) => {
        for (const r of t.rows) {
          const v = r[i];
          if (v === null || v === undefined || v === "") continue;
          if (CODE_HEADERS.has(h)) {
            if (typeof v === "number") {
              numericCodes++;
              continue;
            }
            const code = toHalf(String(v)).trim().toUpperCase();
            codes++;
            if (!isValidCreditCode(code)) badCodes.add(code);
          } else if (ID_HEADERS.has(h)) {
            ids++;
            expect(isValidIdCard(toHalf(String(v)).trim().toUpperCase()), `${t.where}: ${v}`).toBe(true);
          }
        }
      });
    }
    expect(codes).toBeGreaterThan(10000);
    expect(ids).toBeGreaterThan(40);
    expect([...badCodes].sort()).toEqual([...flawed].sort());
    expect(numericCodes).toBe(1);
  });
});
