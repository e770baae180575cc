// Exactness: amounts are summed in 元 as DECIMAL and rounded half up once, at the end, to 万元 with
// one decimal. Each case below sits where floating-point arithmetic gets the answer wrong.
import { repoPaths } from "@anjian/config";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { queryRows } from "@anjian/warehouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeFigures } from "../src/figures.ts";
import { applyModels } from "../src/models.ts";
import { cents, change, percent, rateChange, spanZh, wan } from "../src/report-text.ts";
import { insertRows, type TempWarehouse, tempWarehouse } from "./fixture.ts";

const resolver = new ProfileResolver(loadProfile(repoPaths().profile));

let t: TempWarehouse;
beforeAll(async () => {
  t = await tempWarehouse();
  await applyModels(t.warehouse.connection);
});
afterAll(() => t.cleanup());

const wanOf = async (yuan: string) =>
  (
    await queryRows<{ w: string }>(t.warehouse.connection, "SELECT CAST(mart_wan(CAST($y AS DECIMAL(18, 2))) AS VARCHAR) AS w", {
      y: yuan,
    })
  )[0]!.w;

describe("mart_wan: 元 → 万元, half up, on DECIMAL", () => {
  it("rounds the examples of the issue", async () => {
    expect(await wanOf("12345000.00")).toBe("1234.5");
    expect(await wanOf("1234550.00")).toBe("123.5");
    expect(await wanOf("1234500.00")).toBe("123.5"); // 123.45 exactly: half up
    expect(await wanOf("1234499.99")).toBe("123.4");
    expect(await wanOf("0.00")).toBe("0.0");
  });

  it("is right on .x5 boundaries where float rounding is wrong", async () => {
    // 14 500 元 = 1.45 万元. As a double 1.45 is 1.4499999999999999556…, so toFixed(1) says 1.4.
    expect((14500 / 10000).toFixed(1)).toBe("1.4");
    expect(await wanOf("14500.00")).toBe("1.5");
    for (const yuan of [1500, 3500, 8500, 9500, 11500, 16500, 20500, 26500]) {
      const exact = (Math.floor(yuan / 1000) + 1) / 10; // every one ends in 5 00 元: rounds up
      expect(await wanOf(`${yuan}.00`), `${yuan}`).toBe(exact.toFixed(1));
    }
  });

  it("keeps its result a DECIMAL (dividing by 10000 would make a DOUBLE)", async () => {
    const [r] = await queryRows<{ a: string; b: string }>(
      t.warehouse.connection,
      "SELECT typeof(mart_wan(CAST(1 AS DECIMAL(18, 2)))) AS a, typeof(CAST(1 AS DECIMAL(18, 2)) / 10000) AS b",
    );
    expect(r).toEqual({ a: "DECIMAL(38,1)", b: "DOUBLE" });
  });
});

describe("the figures sum exactly and round once", () => {
  beforeAll(async () => {
    // Five fines that add up to exactly 6 500.00 元 = 0.65 万元 → 0.7. Added as doubles they make
    // 6499.999999999999, which rounds to 0.6.
    const fines = ["2289.25", "1948.06", "85.15", "678.28", "1499.26"];
    await insertRows(
      t.warehouse.connection,
      "cases",
      fines.map((f, i) => ({ case_no: `R${i}`, decided_on: "2021-03-0" + (i + 1), fine_yuan: f })),
    );
    // The bureau's 650 元 (0.065 → 0.1) and the towns' 650 元 (0.1): the district's 1 300 元 is 0.13 → 0.1,
    // not the 0.2 that adding the rounded parts would give.
    await insertRows(t.warehouse.connection, "cases", [
      { case_no: "S1", decided_on: "2020-05-01", fine_yuan: "650" },
      { case_no: "S2", decided_on: "2020-05-02", fine_yuan: "650", authority: "黄石镇人民政府", authority_level: "town", procedure: "简易程序" },
      // 12 345 000.00 元 in three parts: 1234.5 万元
      { case_no: "T1", decided_on: "2019-01-10", fine_yuan: "4115000.01" },
      { case_no: "T2", decided_on: "2019-02-10", fine_yuan: "4115000.01" },
      { case_no: "T3", decided_on: "2019-03-10", fine_yuan: "4114999.98" },
    ]);
    await applyModels(t.warehouse.connection); // as the import does after it changed data
  });

  it("where a float sum goes wrong", async () => {
    const float = [2289.25, 1948.06, 85.15, 678.28, 1499.26].reduce((a, b) => a + b, 0);
    expect(float).not.toBe(6500);
    expect(Math.round(float / 1000) / 10).toBe(0.6);
    const f = await computeFigures(t.warehouse.connection, { from: "2021-01-01", to: "2021-12-31" }, resolver);
    expect(f.cases!.total).toEqual({ count: 5, amount_wan: 0.7 });
  });

  it("from the exact total, never from the rounded parts", async () => {
    const f = await computeFigures(t.warehouse.connection, { from: "2020-01-01", to: "2020-12-31" }, resolver);
    expect(f.cases!.bureau.amount_wan).toBe(0.1);
    expect(f.cases!.towns.amount_wan).toBe(0.1);
    expect(f.cases!.total.amount_wan).toBe(0.1);
    const g = await computeFigures(t.warehouse.connection, { from: "2019-01-01", to: "2019-12-31" }, resolver);
    expect(g.cases!.total.amount_wan).toBe(1234.5);
  });
});

describe("numbers in the text", () => {
  it("万元 always with one decimal; rates as percentages", () => {
    expect(wan(18)).toBe("18.0");
    expect(wan(140.3)).toBe("140.3");
    expect(percent(0.5714)).toBe("57.14%");
    expect(percent(1)).toBe("100.00%");
  });

  it("year-on-year change is exact and half up", () => {
    expect(change(132, 110)).toBe("同比增长20.0%");
    expect(change(1, 8)).toBe("同比下降87.5%");
    expect(change(59, 59)).toBe("同比持平");
    expect(change(3, 0)).toBeNull();
    // 0.05% exactly: half up to 0.1%
    expect(change(20001, 20000)).toBe("同比基本持平");
    expect(change(10005n, 10000n)).toBe("同比增长0.1%");
    // 140.3 vs 119.3 万元 compared on the exact 元, not on the rounded 万元
    expect(change(cents("1402940.00"), cents("1192900.00"))).toBe("同比增长17.6%");
    expect(cents("12345.6")).toBe(1234560n);
  });

  it("a rise of 100 % or more in 倍, rates in 百分点, short spans for periods of whole months", () => {
    expect(change(1, 1)).toBe("同比持平");
    expect(change(199, 100)).toBe("同比增长99.0%");
    expect(change(200, 100)).toBe("同比增长1.0倍");
    expect(change(6345, 1000)).toBe("同比增长5.3倍"); // 534.5 %
    expect(change(1, 10)).toBe("同比下降90.0%");
    expect(rateChange(0.6123, 0.5714)).toBe("同比上升4.09个百分点");
    expect(rateChange(0.5, 0.5)).toBe("同比持平");
    expect(rateChange(0.1304, 1)).toBe("同比下降86.96个百分点");
    expect(spanZh({ from: "2023-05-01", to: "2023-12-31" })).toBe("2023年5月至12月");
    expect(spanZh({ from: "2023-05-01", to: "2023-05-31" })).toBe("2023年5月");
    expect(spanZh({ from: "2023-05-12", to: "2023-08-31" })).toBe("2023年5月12日至8月31日");
    expect(spanZh({ from: "2023-11-01", to: "2024-02-29" })).toBe("2023年11月1日至2024年2月29日");
  });
});
