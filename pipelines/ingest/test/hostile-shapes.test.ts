// Odd shapes: hundreds of columns, huge cells, XML that tries to expand. Imported, or refused row
// by row or file by file in Chinese, within DuckDB's import budget (256 MB).
import fs from "node:fs";
import path from "node:path";
import { RefusedFileError } from "@anjian/errors";
import { readXlsx, XLSX_LIMITS } from "@anjian/exports";
import JSZip from "jszip";
import { afterEach, describe, expect, it } from "vitest";
import { CASES_HEADER, caseRow, freshWarehouse, plainIdsIn, type TestWarehouse, VALID_IDS, writeCsv, writeXlsx } from "./helpers.ts";

let w: TestWarehouse;
afterEach(() => w?.close());

function wideRows(width: number, rows: number, id: string) {
  const extra = Array.from({ length: width - CASES_HEADER.length }, (_, i) => `附加列${i + 1}`);
  const out: (string | null)[][] = [[...CASES_HEADER, ...extra]];
  for (let r = 0; r < rows; r++)
    out.push([...caseRow({ 案件编号: `W${r}`, 所属镇街: r === 0 ? "火星镇" : "镇海街道" }), ...extra.map((_, i) => (i === 7 ? id : `值${i}`))] as string[]);
  out.push(["合计", ...Array.from({ length: width - 1 }, () => null)]);
  return out;
}

describe("wide files", () => {
  it("a CSV of 1,000 columns imports; the blank/footer rule and rejects still work; no ID in clear", async () => {
    w = await freshWarehouse();
    const file = writeCsv(path.join(w.dir, "wide.csv"), wideRows(1000, 5, VALID_IDS[0]!));
    const [f] = (await w.run([file])).files;
    expect(f).toMatchObject({ status: "imported", read: 6, accepted: 4, rejected: 1, skipped: 1 });
    const [reject] = await w.rows<{ reason: string; original: string }>("SELECT reason, CAST(original AS VARCHAR) AS original FROM rejects");
    expect(reject!.reason).toContain("火星镇");
    expect(reject!.original).toContain("案件编号");
    expect(await plainIdsIn(w)).toEqual([]);
  });

  it("an XLSX of 300 columns imports", async () => {
    w = await freshWarehouse();
    const file = await writeXlsx(path.join(w.dir, "wide.xlsx"), [{ name: "案件", rows: wideRows(300, 5, VALID_IDS[1]!) }]);
    const [f] = (await w.run([file])).files;
    expect(f).toMatchObject({ status: "imported", accepted: 4, rejected: 1, skipped: 1 });
    expect(await plainIdsIn(w)).toEqual([]);
  });
});

describe("big cells", () => {
  it("a 50 MB cell rejects its row with the reason; the rows around it import", async () => {
    w = await freshWarehouse();
    const file = path.join(w.dir, "big-cell.csv");
    const before = writeCsv(path.join(w.dir, "head.csv"), [CASES_HEADER, caseRow({ 案件编号: "G1" })]);
    const head = fs.readFileSync(before, "utf8");
    const row = (no: string, violation: string) =>
      caseRow({ 案件编号: no, 违法行为: violation })
        .map((c) => (c == null ? "" : String(c)))
        .join(",");
    fs.writeFileSync(file, `${head}${row("G2", `${VALID_IDS[2]}${"长".repeat(17 << 20)}`)}\r\n${row("G3", "正常")}\r\n`);
    const [f] = (await w.run([file])).files;
    expect(f).toMatchObject({ status: "imported", read: 3, accepted: 2, rejected: 1 });
    const [reject] = await w.rows<{ row_no: number; reason: string; n: number }>(
      "SELECT row_no, reason, length(CAST(original AS VARCHAR))::INTEGER AS n FROM rejects",
    );
    expect(reject!.row_no).toBe(3);
    expect(reject!.reason).toMatch(/该行长 5\d\.\d MB，超过每行 1 MB 的上限/);
    expect(reject!.n).toBeLessThan(10_000);
    expect(await plainIdsIn(w)).toEqual([]);
  }, 120_000);
});

async function rewriteSheet(file: string, change: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file("xl/worksheets/sheet1.xml", change(sheet));
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

describe("workbooks", () => {
  it("a formula saved without its result, or an Excel error value, rejects the row", async () => {
    w = await freshWarehouse();
    const file = await writeXlsx(path.join(w.dir, "formula.xlsx"), [
      {
        name: "案件",
        rows: [
          CASES_HEADER,
          caseRow({ 案件编号: "X1" }),
          caseRow({ 案件编号: "X2", "罚款金额（元）": "FORMULA" }),
          caseRow({ 案件编号: "X3", 当事人名称: "#N/A" }),
        ],
      },
    ]);
    await rewriteSheet(file, (xml) => xml.replace(/<c r="(P3)"([^>]*)><is><t>FORMULA<\/t><\/is><\/c>|<c r="(P3)"([^>]*)><v>\d+<\/v><\/c>/, '<c r="P3"><f>SUM(A1:A2)</f></c>'));
    const [f] = (await w.run([file])).files;
    expect(f).toMatchObject({ status: "imported", accepted: 1, rejected: 2 });
    const reasons = await w.rows<{ row_no: number; reason: string }>("SELECT row_no, reason FROM rejects ORDER BY row_no");
    expect(reasons.map((r) => r.row_no)).toEqual([3, 4]);
    for (const r of reasons) expect(r.reason).toContain("是公式的错误值或没有计算结果");
  });

  it("XML with an entity expansion (billion laughs) is refused in Chinese, quickly", async () => {
    w = await freshWarehouse();
    const file = await writeXlsx(path.join(w.dir, "bomb.xlsx"), [{ name: "案件", rows: [CASES_HEADER, caseRow({ 案件编号: "E1" })] }]);
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
    await rewriteSheet(file, (xml) =>
      xml.replace("?>", `?><!DOCTYPE worksheet [${entities.join("")}]>`).replace("<sheetData>", "<sheetData><!-- &lol9; -->").replace(/<t>LC2023-001<\/t>|E1/, "&lol9;"),
    );
    const started = Date.now();
    const [f] = (await w.run([file])).files;
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(f!.status).toBe("refused");
    expect(f!.error).toMatch(/不是有效的 XML|未找到|表头/);
    expect(f!.error).not.toMatch(/Error|entity|undefined|lol/i);
  });
});

describe("zip bombs", () => {
  it("a sheet inflating about 1,000 times (64 MB from a few KB) is refused in Chinese before it is inflated", async () => {
    w = await freshWarehouse();
    const file = await writeXlsx(path.join(w.dir, "zip-bomb.xlsx"), [{ name: "案件", rows: [CASES_HEADER, caseRow({ 案件编号: "Z1" })] }]);
    await rewriteSheet(file, (xml) => xml.replace("</sheetData>", `${"<row/>".repeat(11 << 20)}</sheetData>`));
    expect(fs.statSync(file).size).toBeLessThan(1 << 20);
    const started = Date.now();
    const [f] = (await w.run([file])).files;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(f!.status).toBe("refused");
    expect(f!.error).toMatch(/xl\/worksheets\/sheet1\.xml 解压后是压缩时的 [\d,]+ 倍（[\d,.]+ MB），超过 200 倍的上限/);
    expect(f!.error).toContain("另存为 CSV");
    const [rows] = await w.rows<{ n: number }>("SELECT count(*)::INTEGER AS n FROM cases");
    expect(rows!.n).toBe(0);
  }, 120_000);

  it("shared strings and sheets over their size bounds are refused before they are read (small bounds)", async () => {
    w = await freshWarehouse();
    const rows: string[][] = [CASES_HEADER];
    for (let r = 0; r < 8_000; r++) rows.push(caseRow({ 案件编号: `S${r}`, 当事人名称: `莆田市荔城区第${r}号有限公司` }) as string[]);
    const file = await writeXlsx(path.join(w.dir, "shared.xlsx"), [{ name: "案件", rows }]);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    expect(zip.file("xl/sharedStrings.xml")).not.toBeNull();
    const readAll = async (limits = XLSX_LIMITS) => {
      let n = 0;
      for await (const sheet of readXlsx(file, limits)) for await (const _ of sheet.rows()) n++;
      return n;
    };
    expect(await readAll()).toBe(8_001);
    const sharedFails = await readAll({ ...XLSX_LIMITS, sharedStringsBytes: 256 * 1024 }).catch((e: unknown) => e);
    expect(sharedFails).toBeInstanceOf(RefusedFileError);
    expect((sharedFails as Error).message).toMatch(/共享字符串表（xl\/sharedStrings\.xml）解压后有 [\d.]+ MB，超过 0.3 MB 的上限.*另存为 CSV/);
    const sheetFails = await readAll({ ...XLSX_LIMITS, sheetBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect(sheetFails).toBeInstanceOf(RefusedFileError);
    expect((sheetFails as Error).message).toMatch(/xl\/worksheets\/sheet1\.xml 解压后有 [\d.]+ MB，超过 1.0 MB 的上限/);
  }, 120_000);
});
