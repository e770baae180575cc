// Long files are staged and typed in chunks; nothing about the result may depend on where a
// chunk ends. These tests use chunks of 2–3 rows to cross the boundaries.
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CASES_HEADER, caseRow, freshWarehouse, type TestWarehouse, writeCsv, writeXlsx } from "./helpers.ts";

let w: TestWarehouse;
afterEach(() => w?.close());

describe("chunked import", () => {
  it("a CSV across chunks: row numbers, outcomes and counts as in one piece", async () => {
    w = await freshWarehouse({ chunkRows: 2 });
    const file = writeCsv(path.join(w.dir, "long.csv"), [
      ["标题"],
      CASES_HEADER,
      caseRow({ 案件编号: "C1", 案件状态: "执行中", 更新时间: "2023-06-01" }),
      caseRow({ 案件编号: "C2" }),
      caseRow({ 案件编号: "C3", 所属镇街: "火星镇" }),
      caseRow({ 案件编号: "C1", 案件状态: "已结案", 更新时间: "2023-07-01" }), // newer, in a later chunk
      caseRow({ 案件编号: "C2" }), // identical, in a later chunk
      ["合计"],
    ]);
    const { files } = await w.run([file]);
    const f = files[0]!;
    expect(f.read).toBe(f.accepted + f.rejected + f.skipped + f.duplicate);
    // As in one piece: the newer C1 wins within the file; the older one and the second C2 are
    // duplicates, and nothing stored was replaced.
    expect(f).toMatchObject({ read: 7, accepted: 2, rejected: 1, skipped: 2, duplicate: 2, replaced: 0 });
    const rows = await w.rows<{ case_no: string; status: string; row_no: number }>("SELECT case_no, status, row_no FROM cases ORDER BY case_no");
    expect(rows).toEqual([
      { case_no: "C1", status: "已结案", row_no: 6 },
      { case_no: "C2", status: "已结案", row_no: 4 },
    ]);
    const [reject] = await w.rows<{ row_no: number }>("SELECT row_no FROM rejects");
    expect(reject!.row_no).toBe(5);

    // The same file in one chunk gives the same counts and rows.
    const whole = await freshWarehouse();
    try {
      const [g] = (await whole.run([file])).files;
      for (const k of ["read", "accepted", "rejected", "skipped", "duplicate", "replaced", "warnings"] as const) expect(g![k], k).toBe(f[k]);
      expect(await whole.rows("SELECT case_no, status, row_no FROM cases ORDER BY case_no")).toEqual(rows);
    } finally {
      whole.close();
    }
  });

  it("a GB18030 CSV that turns out unreadable after some chunks were loaded leaves the warehouse as before", async () => {
    w = await freshWarehouse({ chunkRows: 2 });
    const good = writeCsv(path.join(w.dir, "good.csv"), [CASES_HEADER, caseRow({ 案件编号: "G1" })]);
    await w.run([good]);
    const rows = Array.from({ length: 7 }, (_, i) => caseRow({ 案件编号: `B${i}` }));
    const text = `${[CASES_HEADER, ...rows].map((r) => r.map((c) => (c == null ? "" : String(c))).join(",")).join("\n")}\nB9,"未闭合的引号\n`;
    const bad = path.join(w.dir, "broken.csv");
    // GB18030, so chunks are loaded while the rest is still being read.
    (await import("node:fs")).writeFileSync(bad, (await import("iconv-lite")).default.encode(text, "gb18030"));
    const { files } = await w.run([bad]);
    expect(files[0]).toMatchObject({ status: "refused", accepted: 0 });
    expect(files[0]!.error).toContain("引号未闭合");
    const stored = await w.rows<{ case_no: string }>("SELECT case_no FROM cases ORDER BY case_no");
    expect(stored).toEqual([{ case_no: "G1" }]);
  });

  it("a merged block in an XLSX that crosses a chunk boundary fills every row it spans", async () => {
    w = await freshWarehouse({ chunkRows: 2 });
    const header = ["隐患编号", "单位名称", "所属镇街", "发现日期", "隐患等级", "隐患类别", "整改状态"];
    const row = (no: string, town: string | null) => [no, "某公司", town, "2023-05-12", "一般隐患", "消防安全", "整改中"];
    const file = await writeXlsx(path.join(w.dir, "merged.xlsx"), [
      { name: "S", rows: [header, row("H1", "黄石镇"), row("H2", null), row("H3", null), row("H4", null), row("H5", "北高镇")], merges: ["C2:C5"] },
    ]);
    const { files } = await w.run([file]);
    expect(files[0]).toMatchObject({ accepted: 5, rejected: 0 });
    const towns = await w.rows<{ town: string }>("SELECT town FROM hazards ORDER BY hazard_no");
    expect(towns.map((r) => r.town)).toEqual(["黄石镇", "黄石镇", "黄石镇", "黄石镇", "北高镇"]);
  });
});
