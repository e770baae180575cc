// Hostile values in otherwise good files: a value that does not fit its type rejects its row (not
// the file), ID numbers anywhere are hashed before anything is made of the cell, and suspicious
// amounts are rejected or warned about.
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CASES_HEADER, caseRow, freshWarehouse, plainIdsIn, type TestWarehouse, VALID_IDS, writeCsv, writeXlsx } from "./helpers.ts";

let w: TestWarehouse;
afterEach(() => w?.close());

const [ID_A, ID_B, ID_C, ID_D] = VALID_IDS as [string, string, string, string];

async function rejectsOf(w: TestWarehouse) {
  return w.rows<{ row_no: number; columns: string; reason: string; original: string }>(
    "SELECT row_no, columns, reason, CAST(original AS VARCHAR) AS original FROM rejects ORDER BY row_no",
  );
}

describe("values that do not fit their type", () => {
  it("an amount of 10^16 or an ID number in 罚款金额 rejects that row only, in Chinese, without the value", async () => {
    w = await freshWarehouse();
    const file = writeCsv(path.join(w.dir, "big.csv"), [
      CASES_HEADER,
      caseRow({ 案件编号: "B1" }),
      caseRow({ 案件编号: "B2", "罚款金额（元）": "10000000000000000" }),
      caseRow({ 案件编号: "B3", "罚款金额（元）": "350304199001011230" }), // invalid check digit: a plain long number
      caseRow({ 案件编号: "B4", "罚款金额（元）": ID_A }),
      caseRow({ 案件编号: "B5", "罚款金额（元）": "1e30" }),
      caseRow({ 案件编号: "B6", "罚款金额（元）": "99999999999999999999999999999999999999999" }),
    ]);
    const [f] = (await w.run([file])).files;
    expect(f).toMatchObject({ status: "imported", read: 6, accepted: 1, rejected: 5, error: null });
    const rejects = await rejectsOf(w);
    expect(rejects.map((r) => r.row_no)).toEqual([3, 4, 5, 6, 7]);
    for (const r of rejects) {
      expect(r.columns).toBe("罚款金额（元）");
      expect(r.reason).toMatch(/^罚款金额（元）：/);
      expect(r.reason).not.toMatch(/Error|Casting|DECIMAL|Conversion/); // no DuckDB text
      expect(r.reason).not.toMatch(/\d{16,}/); // no long number from the cell
    }
    expect(rejects[0]!.reason).toContain("金额过大");
    const [stored] = await w.rows<{ error: string | null }>("SELECT error FROM files");
    expect(stored!.error).toBeNull();
    expect(await plainIdsIn(w)).toEqual([]);
  });
});

describe("ID numbers outside the mapped personal-data columns", () => {
  it("are hashed in unmapped columns, text columns, date columns, rejects and messages", async () => {
    w = await freshWarehouse();
    const header = [...CASES_HEADER, "联系人身份证", "备注"];
    const file = writeCsv(path.join(w.dir, "ids.csv"), [
      header,
      // accepted, with an ID in the party name and in the two unmapped columns
      [...caseRow({ 案件编号: "I1", 当事人名称: `张三${ID_A}` }), ID_B, `联系人 ${ID_C}，电话 13800000000`],
      // rejected: an ID in a date column (shown in the reason) and in 备注
      [...caseRow({ 案件编号: "I2", 立案日期: ID_D }), null, `身份证${ID_A.toLowerCase()}`],
      // rejected: an ID as the whole town cell
      [...caseRow({ 案件编号: "I3", 所属镇街: ID_B }), ID_C, null],
    ]);
    const [f] = (await w.run([file])).files;
    expect(f).toMatchObject({ accepted: 1, rejected: 2 });
    expect(await plainIdsIn(w)).toEqual([]);
    expect(await plainIdsIn(w, VALID_IDS.map((id) => id.toLowerCase()))).toEqual([]);
    const [party] = await w.rows<{ party_name: string }>("SELECT party_name FROM cases");
    expect(party!.party_name).toMatch(/^张三已脱敏:[0-9a-f]{64}$/);
    const rejects = await rejectsOf(w);
    expect(rejects[0]!.reason).toMatch(/立案日期：“已脱敏:[0-9a-f]{64}”不是可识别的日期/);
    expect(rejects[0]!.original).toContain("身份证已脱敏:");
    // Numbers that are no valid ID stay as they are (a phone number, a credit code).
    expect(rejects.map((r) => r.original).join()).not.toContain(ID_B);
  });

  it("the roster's 身份证号码 / 公民身份号码 / 证件号码 headers are the ID column: the person's hash is kept", async () => {
    w = await freshWarehouse();
    const files = [];
    for (const [i, head] of ["身份证号码", "公民身份号码", "证件号码"].entries())
      files.push(
        await writeXlsx(path.join(w.dir, `roster-${i}.xlsx`), [
          {
            name: "执法人员名册",
            rows: [
              ["姓名", head, "所属单位", "执法证号", "发证日期", "有效期至", "证件状态"],
              [`人员${i}`, VALID_IDS[i]!, "荔城区应急管理局", `3503000${i}`, "2022-01-01", "2027-01-01", "有效"],
            ],
          },
        ]),
      );
    const cases = writeCsv(path.join(w.dir, "c.csv"), [
      CASES_HEADER,
      caseRow({ 案件编号: "R1", 当事人名称: "某人", 当事人类型: "个人", 统一社会信用代码: null, 当事人证件号码: VALID_IDS[1]! }),
    ]);
    const result = await w.run([...files, cases]);
    expect(result.files.map((f) => [f.status, f.kind, f.accepted])).toEqual([
      ["imported", "enforcers", 1],
      ["imported", "enforcers", 1],
      ["imported", "enforcers", 1],
      ["imported", "cases", 1],
    ]);
    const hashes = await w.rows<{ h: string | null }>("SELECT person_id_hash AS h FROM enforcers ORDER BY certificate_no");
    expect(hashes.every((r) => /^[0-9a-f]{64}$/.test(r.h ?? ""))).toBe(true);
    const [join] = await w.rows<{ n: number }>("SELECT count(*)::INTEGER AS n FROM cases c JOIN enforcers e ON c.party_id_hash = e.person_id_hash");
    expect(join!.n).toBe(1);
    expect(await plainIdsIn(w)).toEqual([]);
  });

  it("a line set aside whole (more cells than the header) keeps no ID in clear", async () => {
    w = await freshWarehouse();
    const file = writeCsv(path.join(w.dir, "wide.csv"), [CASES_HEADER, caseRow({ 案件编号: "W1" }), [...caseRow({ 案件编号: "W2" }), ID_A, "x"]]);
    const [f] = (await w.run([file])).files;
    expect(f).toMatchObject({ accepted: 1, rejected: 1 });
    expect(await plainIdsIn(w)).toEqual([]);
  });
});

describe("suspicious amounts", () => {
  it("a unit in the cell that contradicts the header's is a row error; an amount under one fen a warning", async () => {
    w = await freshWarehouse();
    const header = CASES_HEADER.map((h) => (h === "罚款金额（元）" ? "罚款金额（万元）" : h));
    const wan = writeCsv(path.join(w.dir, "wan.csv"), [
      header,
      caseRow({ 案件编号: "U1", "罚款金额（元）": "1.2" }),
      caseRow({ 案件编号: "U2", "罚款金额（元）": "12000元" }),
    ]);
    const yuan = writeCsv(path.join(w.dir, "yuan.csv"), [
      CASES_HEADER,
      caseRow({ 案件编号: "U3", "罚款金额（元）": "1.2万" }),
      caseRow({ 案件编号: "U4", "罚款金额（元）": "0.001" }),
    ]);
    const [a, b] = (await w.run([wan, yuan])).files;
    expect(a).toMatchObject({ accepted: 1, rejected: 1 });
    expect(b).toMatchObject({ accepted: 1, rejected: 1, warnings: 1 });
    const rejects = await w.rows<{ reason: string }>("SELECT reason FROM rejects ORDER BY path, row_no");
    expect(rejects[0]!.reason).toContain("写的是元，而表头的单位是万元");
    expect(rejects[1]!.reason).toContain("写的是万元，而表头的单位是元");
    const rows = await w.rows<{ case_no: string; fine_yuan: number; warnings: string[] }>(
      "SELECT case_no, fine_yuan::DOUBLE AS fine_yuan, warnings FROM cases ORDER BY case_no",
    );
    expect(rows.map((r) => [r.case_no, r.fine_yuan])).toEqual([
      ["U1", 12000],
      ["U4", 0],
    ]);
    expect(rows[1]!.warnings.join()).toContain("不足 1 分");
  });
});

describe("control characters", () => {
  it("a NUL or other control character in a key rejects the row (UTF-16 CSV, where no binary test applies)", async () => {
    w = await freshWarehouse();
    const file = writeCsv(
      path.join(w.dir, "nul.csv"),
      [CASES_HEADER, caseRow({ 案件编号: "N1\u0000" }), caseRow({ 案件编号: "N2\u001b" }), caseRow({ 案件编号: "N3" })],
      "utf-16le",
    );
    const [f] = (await w.run([file])).files;
    expect(f).toMatchObject({ status: "imported", accepted: 1, rejected: 2 });
    const reasons = await w.rows<{ reason: string }>("SELECT reason FROM rejects ORDER BY row_no");
    for (const r of reasons) expect(r.reason).toContain("控制字符");
    const keys = await w.rows<{ case_no: string }>("SELECT case_no FROM cases");
    expect(keys).toEqual([{ case_no: "N3" }]);
  });
});
