import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { afterEach, describe, expect, it } from "vitest";
import { countAll, freshWarehouse, type TestWarehouse, writeXlsx } from "./helpers.ts";

let w: TestWarehouse;
afterEach(() => w?.close());

const HAZARD_HEADER = ["隐患编号", "单位名称", "统一社会信用代码", "所属镇街", "发现日期", "隐患级别", "隐患类型", "专项行动", "整改期限", "整改状态", "整改完成日期", "是否挂牌督办"];

function hazard(no: string, overrides: Partial<Record<string, unknown>> = {}) {
  const base: Record<string, unknown> = {
    隐患编号: no,
    单位名称: "莆田市荔城区鑫达鞋业有限公司",
    统一社会信用代码: "91350100M000100Y43",
    所属镇街: "西天尾",
    发现日期: new Date(Date.UTC(2023, 4, 12)),
    隐患级别: "一般",
    隐患类型: "消防",
    专项行动: "重大事故隐患专项排查整治2023行动",
    整改期限: "2023-06-30",
    整改状态: "已完成",
    整改完成日期: "2023年6月1日",
    是否挂牌督办: "否",
  };
  const merged = { ...base, ...overrides };
  return HAZARD_HEADER.map((h) => (merged[h] ?? null) as string | number | Date | null);
}

describe("XLSX exports", () => {
  it("reads a workbook with a merged title, an export-time row, date cells, serials, and a notes sheet", async () => {
    w = await freshWarehouse();
    const file = await writeXlsx(path.join(w.dir, "隐患.xlsx"), [
      { name: "填表说明", rows: [["本表由平台导出，请勿修改表头。"], ["隐患级别：一般 / 重大"]] },
      {
        name: "隐患台账",
        rows: [
          ["荔城区隐患排查治理台账"],
          ["导出时间：2024-01-05 09:12"],
          HAZARD_HEADER,
          hazard("H1"),
          hazard("H2", { 发现日期: 45058, 隐患级别: "重大隐患", 是否挂牌督办: "是", 隐患类型: "用电安全" }),
          hazard("H3", { 隐患类型: "奇怪的类别", 整改状态: "整改中", 整改完成日期: null }),
          ["合计：3 项"],
        ],
        merges: ["A1:L1"],
        dateColumns: [5],
      },
    ]);
    const { files } = await w.run([file]);
    expect(files[0]).toMatchObject({ kind: "hazards", status: "imported", read: 6, accepted: 3, skipped: 3, rejected: 0, warnings: 1 });
    expect(files[0]!.sheets).toEqual(["隐患台账"]);
    expect(files[0]!.notes.join()).toContain("填表说明");
    const rows = await w.rows<Record<string, unknown>>(
      "SELECT hazard_no, found_on::VARCHAR AS found, level, category, category_raw, town, listed, sheet, row_no, warnings FROM hazards ORDER BY hazard_no",
    );
    expect(rows).toEqual([
      expect.objectContaining({ hazard_no: "H1", found: "2023-05-12", level: "一般隐患", category: "消防安全", town: "西天尾镇", sheet: "隐患台账", row_no: 4 }),
      expect.objectContaining({ hazard_no: "H2", found: "2023-05-12", level: "重大事故隐患", category: "电气安全", listed: true }),
      expect.objectContaining({ hazard_no: "H3", category: "其他", category_raw: "奇怪的类别" }),
    ]);
    expect(String((rows[2]!.warnings as string[])[0])).toContain("已归入“其他”");
    const [f] = await w.rows<{ export_time: string }>("SELECT export_time::VARCHAR AS export_time FROM files");
    expect(f!.export_time).toBe("2024-01-05 09:12:00");
  });

  it("fills a vertically merged cell in the data area for every row it spans", async () => {
    w = await freshWarehouse();
    const file = await writeXlsx(path.join(w.dir, "merged.xlsx"), [
      {
        name: "Sheet1",
        rows: [HAZARD_HEADER, hazard("M1", { 所属镇街: "新度镇" }), hazard("M2", { 所属镇街: null }), hazard("M3", { 所属镇街: null })],
        merges: ["D2:D4"],
      },
    ]);
    await w.run([file]);
    const towns = await w.rows<{ town: string }>("SELECT town FROM hazards ORDER BY hazard_no");
    expect(towns.map((r) => r.town)).toEqual(["新度镇", "新度镇", "新度镇"]);
  });

  it("treats a long code saved as a number as missing, with a warning; rejects a key lost that way", async () => {
    w = await freshWarehouse();
    const file = await writeXlsx(path.join(w.dir, "numbers.xlsx"), [
      {
        name: "Sheet1",
        rows: [HAZARD_HEADER, hazard("N1", { 统一社会信用代码: 913503049095165000 }), hazard("N2"), [913503049095165000, ...hazard("x").slice(1)]],
      },
    ]);
    const { files } = await w.run([file]);
    expect(files[0]).toMatchObject({ accepted: 2, rejected: 1 });
    const [n1] = await w.rows<{ credit_code: string | null; warnings: string[] }>("SELECT credit_code, warnings FROM hazards WHERE hazard_no = 'N1'");
    expect(n1!.credit_code).toBeNull();
    expect(n1!.warnings.join()).toContain("设为文本格式");
    const [reject] = await w.rows<{ reason: string }>("SELECT reason FROM rejects");
    expect(reject!.reason).toContain("末几位已丢失");
  });

  it("a workbook that fails half-way leaves the warehouse exactly as before", async () => {
    w = await freshWarehouse();
    const good = await writeXlsx(path.join(w.dir, "good.xlsx"), [{ name: "A", rows: [HAZARD_HEADER, hazard("G1")] }]);
    await w.run([good]);
    const before = await countAll(w);
    const snapshot = await w.rows("SELECT * EXCLUDE (batch_id) FROM hazards ORDER BY hazard_no");
    // Two data sheets; the second one's XML is cut off in the middle of a row.
    const bad = await writeXlsx(path.join(w.dir, "bad.xlsx"), [
      { name: "一", rows: [HAZARD_HEADER, hazard("B1"), hazard("B2")] },
      { name: "二", rows: [HAZARD_HEADER, ...Array.from({ length: 50 }, (_, i) => hazard(`C${i}`))] },
    ]);
    const zip = await JSZip.loadAsync(fs.readFileSync(bad));
    const sheet2 = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    zip.file("xl/worksheets/sheet2.xml", sheet2.slice(0, Math.floor(sheet2.length / 2)));
    fs.writeFileSync(bad, await zip.generateAsync({ type: "nodebuffer" }));
    const { files } = await w.run([bad]);
    expect(files[0]!.status).toBe("refused");
    expect(files[0]!.error).toMatch(/不完整|损坏/);
    expect(await countAll(w)).toEqual(before);
    expect(await w.rows("SELECT * EXCLUDE (batch_id) FROM hazards ORDER BY hazard_no")).toEqual(snapshot);
  });
});
