// Odd shapes: hundreds of columns, huge cells, XML that tries to expand. Imported, or refused row
// by row or file by file in Chinese, within DuckDB's import budget (256 MB).
import fs from "node:fs";
import path from "node:path";
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
