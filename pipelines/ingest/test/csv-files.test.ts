import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CASES_HEADER, caseRow, freshWarehouse, type TestWarehouse, writeCsv } from "./helpers.ts";

let w: TestWarehouse;
afterEach(() => w?.close());

describe("CSV exports", () => {
  it("reads a GB18030 CSV with title, export time, blank and footer rows, alias headers and odd values", async () => {
    w = await freshWarehouse();
    const header = CASES_HEADER.map((h) => ({ 案件编号: "案件号", 当事人名称: "被处罚人", 执法主体: "办案单位", 程序类型: "适用程序" })[h] ?? h);
    const file = writeCsv(
      path.join(w.dir, "案件台账.csv"),
      [
        ["荔城区应急管理局行政处罚案件台账（2023年度）"],
        ["导出时间：2024-01-05 09:12"],
        [],
        header,
        caseRow({ 案件编号: "A1", "罚款金额（元）": "1,200.00", 立案日期: "2023/3/1", 处罚决定日期: "2023年4月2日" }),
        caseRow({ 案件编号: "A2", "罚款金额（元）": "５０００元", 所属镇街: "荔城区黄石镇", 执法主体: "黄石镇安办", 程序类型: "简易" }),
        caseRow({ 案件编号: "A3", 违法行为: "第一行\n第二行，含逗号", 处罚决定日期: "20230405", 是否一案双罚: "√" }),
        [],
        ["合计", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "6200"],
        ["制表人：王某", "", "审核人：李某"],
      ],
      "gb18030",
    );
    const { files } = await w.run([file]);
    expect(files[0]).toMatchObject({ kind: "cases", status: "imported", encoding: "gb18030", read: 9, accepted: 3, rejected: 0, skipped: 6 });
    const rows = await w.rows<Record<string, string>>(
      "SELECT case_no, fine_yuan::VARCHAR AS fine, filed_on::VARCHAR AS filed, decided_on::VARCHAR AS decided, town, authority, authority_level, \"procedure\", violation, dual_penalty, row_no FROM cases ORDER BY case_no",
    );
    expect(rows).toEqual([
      expect.objectContaining({ case_no: "A1", fine: "1200.00", filed: "2023-03-01", decided: "2023-04-02", row_no: 5 }),
      expect.objectContaining({ case_no: "A2", fine: "5000.00", town: "黄石镇", authority: "黄石镇人民政府", authority_level: "town", procedure: "简易程序", row_no: 6 }),
      expect.objectContaining({ case_no: "A3", violation: "第一行\n第二行，含逗号", decided: "2023-04-05", dual_penalty: true, row_no: 7 }),
    ]);
    const [f] = await w.rows<{ export_time: string }>("SELECT export_time::VARCHAR AS export_time FROM files");
    expect(f!.export_time).toBe("2024-01-05 09:12:00");
  });

  it("reads UTF-16 (BOM) and UTF-8 with BOM alike, without mojibake", async () => {
    w = await freshWarehouse();
    const a = writeCsv(path.join(w.dir, "a.csv"), [CASES_HEADER, caseRow({ 案件编号: "U16", 当事人名称: "荔城区拱辰街道某某餐饮店" })], "utf-16le");
    const b = writeCsv(path.join(w.dir, "b.csv"), [CASES_HEADER, caseRow({ 案件编号: "U8", 当事人名称: "莆田市新度镇某某木业有限公司" })], "utf-8-bom");
    const { files } = await w.run([a, b]);
    expect(files.map((f) => [f.encoding, f.accepted])).toEqual([
      ["utf-16le", 1],
      ["utf-8", 1],
    ]);
    const names = await w.rows<{ party_name: string }>("SELECT party_name FROM cases ORDER BY case_no");
    expect(names.map((r) => r.party_name)).toEqual(["荔城区拱辰街道某某餐饮店", "莆田市新度镇某某木业有限公司"]);
  });

  it("detects GBK after an ASCII-only first megabyte", async () => {
    w = await freshWarehouse();
    const filler = Array.from({ length: 12000 }, (_, i) =>
      caseRow({ 案件编号: `ASCII-${i}`, 当事人名称: "ACME LTD", 违法行为: "x".repeat(60), 案件名称: "ascii" }).map((c) =>
        typeof c === "string" ? c.replace(/[^\x20-\x7e]/g, "") : c,
      ),
    );
    // Keep the required Chinese-only cells valid but ASCII: town and unit aliases have no ASCII form,
    // so the filler rows are rejected; what matters is the last row's Chinese text.
    const last = caseRow({ 案件编号: "GBK-LAST", 当事人名称: "莆田市北高镇某某石材厂" });
    const file = writeCsv(path.join(w.dir, "late.csv"), [CASES_HEADER, ...filler, last], "gb18030");
    const { files } = await w.run([file]);
    expect(files[0]!.encoding).toBe("gb18030");
    const [row] = await w.rows<{ party_name: string }>("SELECT party_name FROM cases WHERE case_no = 'GBK-LAST'");
    expect(row?.party_name).toBe("莆田市北高镇某某石材厂");
  });

  it("pads short rows, drops trailing empty cells, rejects rows wider than the header", async () => {
    w = await freshWarehouse();
    const file = path.join(w.dir, "ragged.csv");
    const good = caseRow({ 案件编号: "R1" }).map((c) => (c == null ? "" : String(c)));
    const text = [
      CASES_HEADER.join(","),
      `${good.join(",")},,,`,
      `${caseRow({ 案件编号: "R2" })
        .map((c) => (c == null ? "" : String(c)))
        .join(",")},多出来的值`,
      "R3,只有两列",
    ].join("\n");
    (await import("node:fs")).writeFileSync(file, text);
    const { files } = await w.run([file]);
    expect(files[0]).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
    const rejects = await w.rows<{ row_no: number; reason: string }>("SELECT row_no, reason FROM rejects ORDER BY row_no");
    expect(rejects[0]).toMatchObject({ row_no: 3 });
    expect(rejects[0]!.reason).toContain("多于表头");
    expect(rejects[1]).toMatchObject({ row_no: 4 });
    expect(rejects[1]!.reason).toContain("必填项为空");
  });
});
