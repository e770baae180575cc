import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CASES_HEADER, caseRow, freshWarehouse, type TestWarehouse, writeCsv, writeXlsx } from "./helpers.ts";

let w: TestWarehouse;
afterEach(() => w?.close());

const IDS = ["11010519491231002X", "440524188001010014", "350304199001011234"];

describe("personal data", () => {
  it("never stores an ID number in clear, in accepted or rejected rows, and the same person joins across files", async () => {
    w = await freshWarehouse();
    const a = writeCsv(path.join(w.dir, "a.csv"), [
      CASES_HEADER,
      caseRow({ 案件编号: "P1", 当事人名称: "张三", 当事人类型: "个人", 统一社会信用代码: null, 当事人证件号码: IDS[0]! }),
      // an ID number in free text, stored as text: masked there too (CSV)
      caseRow({ 案件编号: "P3", 案件名称: `张三（${IDS[1]!}）未按规定佩戴劳动防护用品案`, 当事人名称: "张三", 当事人类型: "个人", 统一社会信用代码: null, 当事人证件号码: IDS[0]! }),
      caseRow({ 案件编号: "P2", 当事人名称: "李四", 当事人类型: "自然人", 统一社会信用代码: null, 当事人证件号码: IDS[1]!, 所属镇街: "不存在镇" }),
    ]);
    const b = await writeXlsx(path.join(w.dir, "b.xlsx"), [
      {
        name: "执法人员名册",
        rows: [
          ["姓名*", "身份证号", "所属单位", "执法证号", "发证日期", "有效期至", "证件状态"],
          ["王五", IDS[2]!, "荔城区应急管理局执法大队", "35030001", "2022-01-01", "2027-01-01", "有效"],
          ["张三", IDS[0]!.toLowerCase(), "黄石镇安办", "35030002", "2023-01-01", "2028-01-01", "有效"],
          // an ID number in a stored code column (XLSX)
          ["赵六", null, "黄石镇安办", `证${IDS[1]!}`, "2023-01-01", "2028-01-01", "有效"],
        ],
      },
    ]);
    const { files } = await w.run([a, b]);
    expect(files.map((f) => [f.accepted, f.rejected])).toEqual([
      [2, 1],
      [3, 0],
    ]);
    const masked = await w.rows<{ v: string }>(
      "SELECT case_name AS v FROM cases WHERE case_no = 'P3' UNION ALL SELECT certificate_no FROM enforcers WHERE person_name = '赵六'",
    );
    expect(masked.map((r) => r.v.replace(/已脱敏:\S+?(?=）|$)/, "已脱敏:…"))).toEqual(["张三（已脱敏:…）未按规定佩戴劳动防护用品案", "证已脱敏:…"]);
    // Every text cell of every table, JSON included.
    const columns = await w.rows<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() AND NOT internal",
    );
    for (const { table_name, column_name } of columns) {
      for (const id of IDS) {
        const [hit] = await w.rows<{ n: number }>(
          `SELECT count(*)::INTEGER AS n FROM "${table_name}" WHERE upper(CAST("${column_name}" AS VARCHAR)) LIKE '%' || $id || '%'`,
          { id },
        );
        expect(hit!.n, `${table_name}.${column_name}`).toBe(0);
      }
    }
    const [join] = await w.rows<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM cases c JOIN enforcers e ON c.party_id_hash = e.person_id_hash",
    );
    expect(join!.n).toBe(2); // P1 and P3, both 张三's
    const [rej] = await w.rows<{ original: string }>("SELECT CAST(original AS VARCHAR) AS original FROM rejects");
    expect(rej!.original).toContain("已脱敏:");
  });
});
