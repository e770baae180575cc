// The bulk exports (src/bulk/): the ingest benchmark's files and `--scale N`. Written to temporary
// folders and read back as the bytes, the way a user's spreadsheet program or the importer would.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isValidCreditCode, isValidIdCard } from "@anjian/codes";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASES_EXPORT_TIME, CASES_HEADER, CASES_TITLE, writeCasesCsv } from "../src/bulk/cases-csv.ts";
import { HAZARDS_HEADER, HAZARDS_TITLE, writeHazardsXlsx } from "../src/bulk/hazards-xlsx.ts";
import { BULK_SEED, generateScaled, scaledCounts } from "../src/bulk/scaled.ts";
import { buildDataset } from "../src/dataset.ts";
import { describe as describeWritten, generate } from "../src/generate.ts";
import { parseCsv } from "./csv.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "demo-data-bulk-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const gb18030 = (file: string) => new TextDecoder("gb18030").decode(readFileSync(file));
const cents = (amount: string) => (amount === "" ? 0 : Math.round(Number(amount) * 100));

/** Rows of the first sheet as plain values (dates as Date), 1-based like Excel. */
async function sheetRows(file: string): Promise<{ ws: ExcelJS.Worksheet; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = Array.from({ length: HAZARDS_HEADER.length }, (_, i) => row.getCell(i + 1).value);
  });
  return { ws, rows };
}

describe("bulk cases CSV", () => {
  it("is GB18030 with the title, export-time and header rows, every row complete, and a 合计 footer that adds up", () => {
    const file = join(dir, "cases-300.csv");
    const result = writeCasesCsv({ rows: 300, seed: BULK_SEED, gb18030File: file, batchRows: 64 });
    const bytes = readFileSync(file);
    expect(result.gb18030Bytes).toBe(bytes.length);
    // Not UTF-8: Chinese text in GB18030 has no valid UTF-8 reading.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const rows = parseCsv(gb18030(file));
    expect(rows[0]![0]).toBe(CASES_TITLE);
    expect(rows[1]![0]).toBe(CASES_EXPORT_TIME);
    expect(rows[2]).toEqual(CASES_HEADER);
    const data = rows.slice(3, -1);
    expect(data).toHaveLength(300);
    for (const r of data) expect(r).toHaveLength(CASES_HEADER.length);
    const footer = rows.at(-1)!;
    expect(footer.slice(0, 2)).toEqual(["合计", "共300件"]);
    const amount = CASES_HEADER.indexOf("罚款金额（元）");
    expect(cents(footer[amount]!)).toBe(data.reduce((s, r) => s + cents(r[amount]!), 0));
    // Case numbers unique; quoted fields (违法行为 with a comma) survive.
    expect(new Set(data.map((r) => r[0])).size).toBe(300);
    expect(data.some((r) => r[CASES_HEADER.indexOf("违法行为")]!.includes(","))).toBe(true);
  });

  it("carries only valid credit codes and ID numbers", () => {
    const rows = parseCsv(gb18030(join(dir, "cases-300.csv"))).slice(3, -1);
    const code = CASES_HEADER.indexOf("统一社会信用代码");
    const id = CASES_HEADER.indexOf("当事人证件号码");
    for (const r of rows) {
      if (r[code]) expect(isValidCreditCode(r[code]!), r[code]).toBe(true);
      if (r[id]) expect(isValidIdCard(r[id]!), r[id]).toBe(true);
    }
    expect(rows.filter((r) => r[id]).length).toBeGreaterThan(0);
  });

  it("is reproducible, and a smaller file is the start of a bigger one", () => {
    const a = join(dir, "a.csv");
    const b = join(dir, "b.csv");
    const big = join(dir, "big.csv");
    writeCasesCsv({ rows: 120, seed: BULK_SEED, gb18030File: a });
    writeCasesCsv({ rows: 120, seed: BULK_SEED, gb18030File: b, batchRows: 7 });
    writeCasesCsv({ rows: 200, seed: BULK_SEED, gb18030File: big });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(parseCsv(gb18030(big)).slice(0, 123)).toEqual(parseCsv(gb18030(a)).slice(0, 123));
    writeCasesCsv({ rows: 120, seed: BULK_SEED + 1, gb18030File: b });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(false);
  });

  it("writes the same records as plain UTF-8 (header and data only) for the read_csv yardstick", () => {
    const gb = join(dir, "y-gb.csv");
    const utf8 = join(dir, "y-utf8.csv");
    const result = writeCasesCsv({ rows: 50, seed: BULK_SEED, gb18030File: gb, utf8File: utf8 });
    const text = readFileSync(utf8, "utf8");
    expect(result.utf8Bytes).toBe(Buffer.byteLength(text));
    expect(parseCsv(text)).toEqual(parseCsv(gb18030(gb)).slice(2, -1));
  });
});

describe("bulk hazards XLSX", () => {
  it("has a merged title row, the canonical header, date cells, and the same bytes every time", async () => {
    const a = join(dir, "h-a.xlsx");
    const b = join(dir, "h-b.xlsx");
    await writeHazardsXlsx({ rows: 150, seed: BULK_SEED, file: a });
    await writeHazardsXlsx({ rows: 150, seed: BULK_SEED, file: b });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);

    const { ws, rows } = await sheetRows(a);
    expect(ws.name).toBe("隐患排查治理台账");
    expect(rows[0]![0]).toBe(HAZARDS_TITLE);
    expect(ws.getCell(1, HAZARDS_HEADER.length).isMerged).toBe(true);
    expect(rows[1]).toEqual(HAZARDS_HEADER);
    const data = rows.slice(2);
    expect(data).toHaveLength(150);
    const found = HAZARDS_HEADER.indexOf("发现日期");
    const deadline = HAZARDS_HEADER.indexOf("整改期限");
    for (const r of data) {
      expect(r[found]).toBeInstanceOf(Date);
      expect(r[deadline]).toBeInstanceOf(Date);
      expect((r[deadline] as Date) >= (r[found] as Date)).toBe(true);
    }
    expect(ws.getCell(3, found + 1).numFmt).toBe("yyyy-mm-dd");
    expect(data[0]![0]).toMatch(/^YH202[1-4]-0000001$/);
  });

  it("stamps the workbook and its zip entries with the fixed save time, not the clock", () => {
    const file = join(dir, "h-a.xlsx");
    const listing = execFileSync("unzip", ["-l", file], { encoding: "utf8" });
    const stamps = [...listing.matchAll(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g)].map((m) => m[0]);
    expect(stamps.length).toBeGreaterThan(5);
    expect(new Set(stamps)).toEqual(new Set(["2025-01-07 14:45"]));
    expect(execFileSync("unzip", ["-p", file, "docProps/core.xml"], { encoding: "utf8" })).toContain("2025-01-07T14:45:00Z");
  });
});

describe("--scale", () => {
  it("sizes the bulk exports as N× the demo's cases and hazards", () => {
    const ds = buildDataset();
    expect(scaledCounts(2)).toEqual({ cases: 2 * ds.cases.length, hazards: 2 * ds.hazards.length });
    expect(scaledCounts(0.0001)).toEqual({ cases: 1, hazards: 1 });
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 10_001]) expect(() => scaledCounts(bad)).toThrow(RangeError);
  });

  it("writes a cases CSV and a hazards workbook, split into parts when one would be too long", async () => {
    const out = join(dir, "scaled");
    const counts = scaledCounts(0.02);
    const written = await generateScaled(out, 0.02, 80);
    const parts = Math.ceil(counts.hazards / 80);
    expect(written.map((w) => w.file.path)).toEqual([
      "行政处罚案件台账.csv",
      ...Array.from({ length: parts }, (_, k) => `隐患排查治理台账_${k + 1}.xlsx`),
    ]);
    expect(parseCsv(gb18030(join(out, "行政处罚案件台账.csv"))).slice(3, -1)).toHaveLength(counts.cases);
    let total = 0;
    const numbers = new Set<unknown>();
    for (let k = 0; k < parts; k++) {
      const { rows } = await sheetRows(join(out, `隐患排查治理台账_${k + 1}.xlsx`));
      const data = rows.slice(2);
      total += data.length;
      for (const r of data) numbers.add(r[0]);
    }
    expect(total).toBe(counts.hazards);
    expect(numbers.size).toBe(counts.hazards);
    expect(describeWritten(written)[0]).toBe(`行政处罚案件台账.csv\tcases\tgb18030\tdata ${counts.cases}\tbad 0\tskipped 3`);
  });

  it("at 1 is the demo data, through the same entry", async () => {
    const written = await generate(join(dir, "demo"), { scale: 1 });
    expect(written.map((w) => w.file.path)).toContain("案件/荔城区应急管理局行政处罚案件台账_2023年度.csv");
  });

  it("as a command: refuses a bad scale or a scaled run into data/samples, in Chinese, with exit code 2", () => {
    const run = (...args: string[]) => {
      try {
        execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "../src/main.ts"), ...args], {
          encoding: "utf8",
          stdio: "pipe",
        });
        return { code: 0, stderr: "" };
      } catch (e) {
        const err = e as { status: number; stderr: string };
        return { code: err.status, stderr: err.stderr };
      }
    };
    const zero = run("--scale", "0");
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("--scale 应为大于 0");
    const noOut = run("--scale", "3");
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("请用 --out 指定输出文件夹");
    expect(run("--sclae", "3").stderr).toContain("只认识 --out 和 --scale");
  });
});
