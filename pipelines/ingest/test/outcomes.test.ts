import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CASES_HEADER, caseRow, freshWarehouse, type TestWarehouse, writeCsv } from "./helpers.ts";

let w: TestWarehouse;
afterEach(() => w?.close());

const sumOk = (f: { read: number; accepted: number; rejected: number; skipped: number; duplicate: number }) =>
  f.read === f.accepted + f.rejected + f.skipped + f.duplicate;

describe("row outcomes and upserts", () => {
  it("every row ends in exactly one outcome, and the counts add up", async () => {
    w = await freshWarehouse();
    const file = writeCsv(path.join(w.dir, "mix.csv"), [
      ["标题"],
      CASES_HEADER,
      caseRow({ 案件编号: "K1" }),
      caseRow({ 案件编号: "K1" }), // same key, same content: duplicate
      caseRow({ 案件编号: "K2", 所属镇街: "火星镇" }), // rejected
      [],
      caseRow({ 案件编号: "K3", 处罚决定日期: "2023-02-01", 立案日期: "2023-03-01" }), // decision before filing
      ["合计"],
    ]);
    const { files } = await w.run([file]);
    const f = files[0]!;
    expect(f).toMatchObject({ read: 7, accepted: 1, duplicate: 1, rejected: 2, skipped: 3 });
    expect(sumOk(f)).toBe(true);
    const [stored] = await w.rows<{ n: number }>("SELECT count(*)::INTEGER AS n FROM cases");
    const [rejected] = await w.rows<{ n: number }>("SELECT count(*)::INTEGER AS n FROM rejects");
    expect(stored!.n).toBe(f.accepted);
    expect(rejected!.n).toBe(f.rejected);
    const reasons = await w.rows<{ reason: string }>("SELECT reason FROM rejects ORDER BY row_no");
    expect(reasons[0]!.reason).toContain("“火星镇”不是本区镇街（本区镇街：镇海街道、拱辰街道、西天尾镇、黄石镇、新度镇、北高镇）");
    expect(reasons[1]!.reason).toContain("处罚决定日期早于立案日期");
  });

  it("a newer 更新时间 replaces the stored row; an older one is a duplicate", async () => {
    w = await freshWarehouse();
    const v1 = writeCsv(path.join(w.dir, "v1.csv"), [CASES_HEADER, caseRow({ 案件编号: "U1", 案件状态: "执行中", 更新时间: "2023-06-01 10:00:00" })]);
    const v2 = writeCsv(path.join(w.dir, "v2.csv"), [CASES_HEADER, caseRow({ 案件编号: "U1", 案件状态: "已结案", 更新时间: "2023-07-01 10:00:00" })]);
    const v0 = writeCsv(path.join(w.dir, "v0.csv"), [CASES_HEADER, caseRow({ 案件编号: "U1", 案件状态: "调查中", 更新时间: "2023-05-01 10:00:00" })]);
    await w.run([v1]);
    const r2 = await w.run([v2]);
    expect(r2.files[0]).toMatchObject({ accepted: 1, replaced: 1, duplicate: 0 });
    const r0 = await w.run([v0]);
    expect(r0.files[0]).toMatchObject({ accepted: 0, replaced: 0, duplicate: 1 });
    const rows = await w.rows<{ status: string; n: number }>("SELECT status, count(*) OVER ()::INTEGER AS n FROM cases");
    expect(rows).toEqual([{ status: "已结案", n: 1 }]);
  });

  it("without 更新时间, the newer export time wins; an older export is a duplicate", async () => {
    w = await freshWarehouse();
    const jan = writeCsv(path.join(w.dir, "jan.csv"), [["导出时间：2024-01-05 09:12"], CASES_HEADER, caseRow({ 案件编号: "E1", 案件状态: "执行中" })]);
    const mar = writeCsv(path.join(w.dir, "mar.csv"), [["导出时间：2024-03-01 08:00"], CASES_HEADER, caseRow({ 案件编号: "E1", 案件状态: "已结案" })]);
    const dec = writeCsv(path.join(w.dir, "dec.csv"), [["导出时间：2023-12-01 08:00"], CASES_HEADER, caseRow({ 案件编号: "E1", 案件状态: "调查中" })]);
    await w.run([jan]);
    expect((await w.run([mar])).files[0]).toMatchObject({ replaced: 1 });
    expect((await w.run([dec])).files[0]).toMatchObject({ duplicate: 1, accepted: 0 });
    const [row] = await w.rows<{ status: string }>("SELECT status FROM cases");
    expect(row!.status).toBe("已结案");
  });

  it("within one file, the newest version of a key wins and the others are duplicates", async () => {
    w = await freshWarehouse();
    const file = writeCsv(path.join(w.dir, "twice.csv"), [
      CASES_HEADER,
      caseRow({ 案件编号: "W1", 案件状态: "执行中", 更新时间: "2023-06-01" }),
      caseRow({ 案件编号: "W1", 案件状态: "已结案", 更新时间: "2023-08-01" }),
    ]);
    const { files } = await w.run([file]);
    expect(files[0]).toMatchObject({ accepted: 1, duplicate: 1 });
    const [row] = await w.rows<{ status: string; row_no: number }>("SELECT status, row_no FROM cases");
    expect(row).toEqual({ status: "已结案", row_no: 3 });
  });

  it("the same file twice is a no-op that says so", async () => {
    w = await freshWarehouse();
    const file = writeCsv(path.join(w.dir, "once.csv"), [CASES_HEADER, caseRow({ 案件编号: "S1" })]);
    await w.run([file]);
    const before = await w.rows("SELECT * FROM cases");
    const again = await w.run([file]);
    expect(again.files[0]).toMatchObject({ status: "already_imported", read: 0, accepted: 0 });
    expect(await w.rows("SELECT * FROM cases")).toEqual(before);
  });

  it("a file of the same size but other content is imported, and each file's SHA-256 is recorded", async () => {
    // A file is hashed before reading only when one of the same size was imported; otherwise on a
    // worker thread while it is read. Both ways must record the file's own hash.
    w = await freshWarehouse();
    const a = writeCsv(path.join(w.dir, "a.csv"), [CASES_HEADER, caseRow({ 案件编号: "Z1" })]);
    const b = writeCsv(path.join(w.dir, "b.csv"), [CASES_HEADER, caseRow({ 案件编号: "Z2" })]);
    expect(fs.statSync(a).size).toBe(fs.statSync(b).size);
    const first = await w.run([a]);
    const second = await w.run([b]);
    expect(second.files[0]).toMatchObject({ status: "imported", accepted: 1 });
    const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
    expect(first.files[0]!.sha256).toBe(sha(a));
    expect(second.files[0]!.sha256).toBe(sha(b));
    const stored = await w.rows<{ file_sha256: string }>("SELECT DISTINCT file_sha256 FROM cases ORDER BY file_sha256");
    expect(stored.map((r) => r.file_sha256)).toEqual([sha(a), sha(b)].sort());
  });

  it("records lineage on every row and one batch per run", async () => {
    w = await freshWarehouse();
    const file = writeCsv(path.join(w.dir, "lineage.csv"), [CASES_HEADER, caseRow({ 案件编号: "L1" })]);
    const { batch, files } = await w.run([file]);
    const [row] = await w.rows<Record<string, unknown>>("SELECT batch_id, file_sha256, row_no FROM cases");
    expect(row).toEqual({ batch_id: batch, file_sha256: files[0]!.sha256, row_no: 2 });
    const batches = await w.rows<{ batch_id: string; finished: boolean }>(
      "SELECT batch_id, finished_at IS NOT NULL AS finished FROM batches",
    );
    expect(batches).toEqual([{ batch_id: batch, finished: true }]);
  });
});
