// What a list may show of a party or unit (mart_shown_party): the rule the dashboard's case list,
// overdue and major hazards read through their marts, so that no individual's name reaches a page.
import { queryRows } from "@anjian/warehouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyModels } from "../src/models.ts";
import { insertRows, type TempWarehouse, tempWarehouse } from "./fixture.ts";

let t: TempWarehouse;
beforeAll(async () => {
  t = await tempWarehouse();
  await applyModels(t.warehouse.connection);
});
afterAll(() => t.cleanup());

const shown = async (name: string | null, partyType: string | null) =>
  (
    await queryRows<{ s: string }>(t.warehouse.connection, "SELECT mart_shown_party(CAST($n AS VARCHAR), CAST($t AS VARCHAR)) AS s", {
      n: name,
      t: partyType,
    })
  )[0]!.s;

describe("mart_shown_party", () => {
  it("shows an individual as 个人, whatever the name", async () => {
    expect(await shown("张建华", "个人")).toBe("个人");
    expect(await shown("莆田市某某鞋业有限公司", "个人")).toBe("个人");
  });

  it("shows a name that looks like a person's as 个人 even when the type says otherwise", async () => {
    expect(await shown("林海燕", "单位")).toBe("个人");
    expect(await shown("欧阳振华", null)).toBe("个人");
    expect(await shown("王·五", null)).toBe("个人");
    expect(await shown("\u3000林海燕 ", "单位")).toBe("个人"); // white space around it does not hide it
  });

  it("keeps businesses' names, and names that do not look like a person's", async () => {
    expect(await shown("莆田市荔城区捷顺超市有限公司", "单位")).toBe("莆田市荔城区捷顺超市有限公司");
    expect(await shown("荔城区镇海木兰便利店", "个体工商户")).toBe("荔城区镇海木兰便利店");
    expect(await shown("欧阳振华明", null)).toBe("欧阳振华明");
    expect(await shown(null, null)).toBe("");
  });
});

describe("the marts that lists read", () => {
  it("show parties and hazard units by the rule, never an individual's name", async () => {
    const c = t.warehouse.connection;
    await insertRows(c, "cases", [
      { case_no: "L1", party_name: "陈志强", party_type: "个人", decided_on: "2023-03-01", penalty_kinds: ["警告", "罚款"], fine_yuan: "500" },
      { case_no: "L2", party_name: "林海燕", party_type: "单位", decided_on: "2023-03-02" },
      { case_no: "L3", party_name: "莆田市荔城区捷顺超市有限公司", decided_on: "2023-03-03", penalty_kinds: [] },
    ]);
    await insertRows(c, "hazards", [
      { hazard_no: "H1", unit_name: "郑美玲", found_on: "2023-02-01", deadline: "2023-02-10", rectification: "整改中", level: "重大事故隐患" },
      { hazard_no: "H2", found_on: "2023-02-01", deadline: "2023-02-10", rectification: "整改中", level: "重大事故隐患" },
    ]);
    await applyModels(c); // the major hazards are a stored table
    expect(await queryRows(c, "SELECT case_no, party, party_type, penalties FROM mart_case_list ORDER BY case_no")).toEqual([
      { case_no: "L1", party: "个人", party_type: "个人", penalties: "警告、罚款" },
      { case_no: "L2", party: "个人", party_type: "单位", penalties: "罚款" },
      { case_no: "L3", party: "莆田市荔城区捷顺超市有限公司", party_type: "单位", penalties: "" },
    ]);
    const units = ["个人", "莆田市荔城区某某鞋业有限公司"];
    expect((await queryRows<{ u: string }>(c, "SELECT unit_shown AS u FROM mart_hazards_overdue(DATE '2023-03-01') ORDER BY 1")).map((r) => r.u)).toEqual(units);
    expect((await queryRows<{ u: string }>(c, "SELECT unit_shown AS u FROM mart_major_hazards ORDER BY 1")).map((r) => r.u)).toEqual(units);
  });
});
