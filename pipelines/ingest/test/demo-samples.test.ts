// The shipped demo exports, imported by the real pipeline, hold the 2023 report's figures F1–F25
// (docs/counting-rules.md §10) under the counting rules of that document. The SQL
// here is written from the rules on purpose, independent of the indicator models it cross-checks.
import { repoPaths } from "@anjian/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshWarehouse, type TestWarehouse } from "./helpers.ts";

const SAMPLES = repoPaths().samples;
let w: TestWarehouse;
let files: Awaited<ReturnType<TestWarehouse["run"]>>["files"];

beforeAll(async () => {
  w = await freshWarehouse();
  ({ files } = await w.run([SAMPLES]));
});
afterAll(() => w?.close());

const identity = `
  WITH coded AS (
    SELECT anj_name_key(party_name) AS nk, credit_code FROM cases WHERE anj_gb32100_ok(credit_code)
    UNION ALL SELECT anj_name_key(target_name), credit_code FROM inspections WHERE anj_gb32100_ok(credit_code)
    UNION ALL SELECT anj_name_key(unit_name), credit_code FROM hazards WHERE anj_gb32100_ok(credit_code)
  )
  SELECT nk, any_value(credit_code) AS code FROM coded GROUP BY nk HAVING count(DISTINCT credit_code) = 1`;
const who = (name: string, code: string) =>
  `CASE WHEN anj_gb32100_ok(${code}) THEN ${code} ELSE coalesce(nc.code, anj_name_key(${name})) END`;

async function one(sql: string): Promise<Record<string, unknown>> {
  const [row] = await w.rows(sql);
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, typeof v === "string" && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v]));
}

describe("demo data", () => {
  it("imports every sample file, with counts that add up", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      expect(f.status, f.path).toBe("imported");
      expect(f.read).toBe(f.accepted + f.rejected + f.skipped + f.duplicate);
    }
    const total = files.reduce((a, f) => a + f.rejected, 0);
    expect(total).toBeGreaterThan(0);
  });

  it("F1–F9: cases of 2023", async () => {
    expect(
      await one(`
      SELECT count(*) AS f1, round(sum(fine_yuan) / 10000, 1) AS f2,
             count(*) FILTER (authority_level = 'bureau') AS f3,
             round(sum(fine_yuan) FILTER (authority_level = 'bureau') / 10000, 1) AS f4,
             count(*) FILTER (authority_level = 'town') AS f5,
             round(sum(fine_yuan) FILTER (authority_level = 'town') / 10000, 1) AS f6,
             count(*) FILTER (legal_review) AS f7, count(*) FILTER (dual_penalty) AS f8
      FROM cases WHERE year(decided_on) = 2023`),
    ).toEqual({ f1: 132, f2: 140.3, f3: 59, f4: 121.8, f5: 73, f6: 18.5, f7: 59, f8: 5 });
    expect(
      await one(`
      WITH nc AS (${identity})
      SELECT count(DISTINCT CASE WHEN party_type = '个人' THEN 'person:' || party_name ELSE ${who("party_name", "c.credit_code")} END) AS f9
      FROM cases c LEFT JOIN nc ON nc.nk = anj_name_key(c.party_name)
      WHERE year(decided_on) = 2023 AND list_contains(penalty_kinds, '责令停产停业')`),
    ).toEqual({ f9: 4 });
  });

  it("F10–F18: inspections and hazards of the 2023 campaigns", async () => {
    const enterprises = (campaign: string) => `
      WITH nc AS (${identity})
      SELECT count(DISTINCT ${who("target_name", "i.credit_code")}) AS n
      FROM inspections i LEFT JOIN nc ON nc.nk = anj_name_key(i.target_name)
      WHERE year(inspected_on) = 2023 AND campaign = '${campaign}'`;
    expect(await one(enterprises("重大事故隐患专项排查整治2023行动"))).toEqual({ n: 199 });
    expect(
      await one(`
      SELECT count(*) FILTER (level = '一般隐患') AS f11, count(*) FILTER (level = '重大事故隐患') AS f12,
             count(*) FILTER (level = '重大事故隐患' AND listed) AS f13
      FROM hazards WHERE year(found_on) = 2023 AND campaign = '重大事故隐患专项排查整治2023行动'`),
    ).toEqual({ f11: 1223, f12: 19, f13: 19 });
    const hazards = async (campaign: string) =>
      (await one(`SELECT count(*) AS n FROM hazards WHERE year(found_on) = 2023 AND campaign = '${campaign}'`)).n;
    expect(await hazards("春运安全专项督查")).toBe(36);
    expect(await hazards("医疗机构安全专项督查")).toBe(137);
    expect(await hazards("在建工地安全专项督查")).toBe(126);
    expect(
      await one(`
      WITH nc AS (${identity})
      SELECT count(DISTINCT ${who("unit_name", "h.credit_code")}) AS f17
      FROM hazards h LEFT JOIN nc ON nc.nk = anj_name_key(h.unit_name)
      WHERE year(found_on) = 2023 AND campaign = '在建工地安全专项督查' AND level = '重大事故隐患'`),
    ).toEqual({ f17: 2 });
    expect(await one(enterprises("体育场馆安全专项检查"))).toEqual({ n: 7 });
    expect(await hazards("体育场馆安全专项检查")).toBe(48);
  });

  it("F19: new certified enforcers in the towns in 2023", async () => {
    expect(
      await one(`
      WITH holder AS (SELECT *, coalesce(person_id_hash, person_name) AS who FROM enforcers)
      SELECT count(*) AS f19 FROM holder e
      WHERE year(issued_on) = 2023 AND unit_level = 'town'
        AND NOT EXISTS (SELECT 1 FROM holder p WHERE p.who = e.who AND p.issued_on < e.issued_on)`),
    ).toEqual({ f19: 2 });
  });

  it("F20: random checks of the 2023 plan", async () => {
    expect(
      await one(`
      SELECT count(*) FILTER (task_status = '已完成') AS completed,
             count(*) FILTER (task_status = '已完成' AND joint) AS joint,
             count(*) FILTER (task_status <> '已取消') AS planned
      FROM random_checks WHERE plan_year = 2023`),
    ).toEqual({ completed: 40, joint: 4, planned: 42 });
    const [departments] = await w.rows<{ names: string[] }>(`
      SELECT list(DISTINCT trim(d) ORDER BY trim(d)) AS names
      FROM (SELECT unnest(regexp_split_to_array(joint_departments, '[、，,；;]')) AS d
            FROM random_checks WHERE plan_year = 2023 AND task_status = '已完成' AND joint)`);
    expect(departments!.names).toEqual(["工信", "镇街"].sort());
  });

  it("F21: the three accidents of 2023 investigated by the bureau, four persons held accountable", async () => {
    const rows = await w.rows<{ accident_name: string; lead_unit_level: string | null }>(
      "SELECT accident_name, lead_unit_level FROM accidents WHERE year(occurred_on) = 2023 ORDER BY occurred_on",
    );
    expect(rows).toEqual([
      { accident_name: "镇海“1.24”坍塌事故", lead_unit_level: "bureau" },
      { accident_name: "黄石镇“3.4”火灾事故", lead_unit_level: "bureau" },
      { accident_name: "拱辰“10.9”透水事故", lead_unit_level: "bureau" },
    ]);
    expect(await one("SELECT sum(accountable) AS f21 FROM accidents WHERE year(occurred_on) = 2023")).toEqual({ f21: 4 });
  });

  it("F22–F25: the 2023 work ledger", async () => {
    const n = "coalesce(objects, 1)";
    expect(
      await one(`
      SELECT sum(${n}) FILTER (category = '帮扶指导' AND object_type IN ('镇街', '村居')) AS towns_villages,
             sum(${n}) FILTER (category = '帮扶指导' AND object_type = '企业') AS enterprises,
             sum(${n}) FILTER (category = '约谈曝光' AND object_type = '企业') AS exposure,
             sum(${n}) FILTER (category = '典型案例公布' AND channel = '莆田晚报') AS newspaper,
             sum(${n}) FILTER (category = '典型案例公布' AND channel = '区政府网站') AS website,
             sum(${n}) FILTER (category = '案卷评查' AND problems_found > 0) AS files,
             sum(problems_found) FILTER (category = '案卷评查') AS problems
      FROM activities WHERE year(held_on) = 2023`),
    ).toEqual({ towns_villages: 230, enterprises: 390, exposure: 10, newspaper: 4, website: 5, files: 3, problems: 16 });
    expect(
      await w.rows("SELECT held_on::VARCHAR AS d, participants FROM activities WHERE category = '执法培训' AND year(held_on) = 2023 AND month(held_on) = 8"),
    ).toEqual([{ d: "2023-08-23", participants: 29 }]);
  });
});
