import { repoPaths } from "@anjian/config";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { queryRows } from "@anjian/warehouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeFigures } from "../src/figures.ts";
import { FiguresSchema } from "../src/figures-schema.ts";
import type { TempWarehouse } from "./fixture.ts";
import { PERIODS } from "../src/model-checks.ts";
import { EXPECTED_2023, scenarioWarehouse } from "./scenario.ts";

const resolver = new ProfileResolver(loadProfile(repoPaths().profile));

let t: TempWarehouse;

beforeAll(async () => {
  t = await scenarioWarehouse();
});
afterAll(() => t.cleanup());

describe("computeFigures on the hand-made district", () => {
  it("gives the 2023 figures worked out by hand", async () => {
    const figures = await computeFigures(t.warehouse.connection, { from: "2023-01-01", to: "2023-12-31" }, resolver);
    expect(figures).toEqual(EXPECTED_2023);
    expect(JSON.stringify(Object.keys(figures.cases!.by_town))).toBe(JSON.stringify(Object.keys(EXPECTED_2023.cases!.by_town)));
    expect(() => FiguresSchema.parse(figures)).not.toThrow();
  });

  it("gives each campaign as mart_campaigns does, in its order, on several connections at once", async () => {
    const c = t.warehouse.connection;
    const pool = [c, await t.warehouse.connect(), await t.warehouse.connect()];
    for (const p of PERIODS) {
      const figures = await computeFigures(pool, p, resolver);
      expect(figures).toEqual(await computeFigures(c, p, resolver));
      const rows = await queryRows<Record<string, number | string>>(
        c,
        `SELECT campaign, inspections, enterprises, total, general, major, major_listed, units_with_major
         FROM mart_campaigns(CAST($from AS DATE), CAST($to AS DATE)) ORDER BY first_on, campaign`,
        { from: p.from, to: p.to },
      );
      expect(Object.keys(figures.inspections!.by_campaign), `${p.from}..${p.to}`).toEqual(rows.map((r) => r.campaign));
      for (const r of rows) {
        expect(figures.inspections!.by_campaign[r.campaign as string]).toEqual({ inspections: r.inspections, enterprises: r.enterprises });
        expect(figures.hazards!.by_campaign[r.campaign as string]).toEqual({
          total: r.total,
          general: r.general,
          major: r.major,
          major_listed: r.major_listed,
          units_with_major: r.units_with_major,
        });
      }
    }
  });

  it("gives every key, zeros included, for a period the data covers but where nothing happened", async () => {
    // June 2022: C11 decided on 1 June; no inspection or hazard, but every kind's data spans the month
    const figures = await computeFigures(t.warehouse.connection, { from: "2022-06-01", to: "2022-06-30" }, resolver);
    // (the work ledger starts in August 2022: none)
    expect(Object.values(figures.coverage).map((c) => c.state)).toEqual(["full", "full", "full", "full", "full", "full", "none"]);
    expect(figures.cases!.total).toEqual({ count: 1, amount_wan: 5 });
    expect(Object.keys(figures.cases!.by_procedure)).toEqual(["简易程序", "普通程序"]);
    expect(Object.keys(figures.cases!.by_town)).toHaveLength(6);
    expect(figures.cases!.by_town["拱辰街道"]).toEqual({ count: 0, amount_wan: 0 });
    expect(Object.keys(figures.enforcers!.by_unit)).toHaveLength(7);
    expect(figures.hazards).toMatchObject({ total: 0, rectification_rate: 0, by_category: {}, by_campaign: {} });
    expect(figures.inspections).toEqual({ enterprises: 0, by_campaign: {} });
    // R08, checked on 1 June 2022 (a part of a year goes by 抽查日期)
    expect(figures.random_checks).toMatchObject({ planned: 1, completed: 1, joint: 0, joint_departments: [] });
    expect(Object.values(figures.random_checks!.by_town)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(figures.accidents).toMatchObject({ count: 0, direct_loss_wan: 0, by_type: {}, list: [] });
    expect(figures.activities).toBeNull();
  });

  it("gives null sections, never zeros, for a period no data reaches", async () => {
    const figures = await computeFigures(t.warehouse.connection, { from: "2015-01-01", to: "2015-12-31" }, resolver);
    expect(figures).toEqual({
      period: { from: "2015-01-01", to: "2015-12-31" },
      cases: null,
      inspections: null,
      hazards: null,
      enforcers: null,
      random_checks: null,
      accidents: null,
      activities: null,
      coverage: {
        cases: { from: "2022-05-01", to: "2024-01-03", state: "none" },
        inspections: { from: "2022-03-01", to: "2024-01-10", state: "none" },
        hazards: { from: "2022-05-01", to: "2024-01-10", state: "none" },
        enforcers: { from: "2017-09-05", to: "2023-10-23", state: "none" },
        random_checks: { from: "2022-06-01", to: "2024-01-08", state: "none" },
        accidents: { from: "2022-05-05", to: "2024-01-15", state: "none" },
        activities: { from: "2022-08-01", to: "2024-01-10", state: "none" },
      },
    });
    const future = await computeFigures(t.warehouse.connection, { from: "2030-01-01", to: "2030-12-31" }, resolver);
    expect([future.cases, future.inspections, future.hazards, future.enforcers]).toEqual([null, null, null, null]);
  });

  it("counts the year before on its own dates, and any part of a year", async () => {
    const y2022 = await computeFigures(t.warehouse.connection, { from: "2022-01-01", to: "2022-12-31" }, resolver);
    expect(y2022.cases!.total).toEqual({ count: 1, amount_wan: 5 });
    expect(y2022.cases!.pending).toBe(1); // C07: filed 2022-12-20, decided only in 2023
    expect(y2022.inspections!.enterprises).toBe(2); // F by two different codes: two enterprises
    expect(y2022.enforcers!).toMatchObject({ certified: 5, new_certified: 0 });
    const spring = await computeFigures(t.warehouse.connection, { from: "2023-05-01", to: "2023-06-30" }, resolver);
    expect(spring.cases!.total.count).toBe(2); // C03, C04
    expect(spring.inspections!.by_campaign).toEqual({ 重大事故隐患专项排查整治2023行动: { inspections: 5, enterprises: 4 } });
    expect(spring.hazards!.by_campaign["重大事故隐患专项排查整治2023行动"]).toEqual({
      total: 5,
      general: 2,
      major: 3,
      major_listed: 2,
      units_with_major: 2,
    });
    // E01 E03 E05 E09 E10 E12 valid on 30 June; E10 (issued 12 June) is new
    expect(spring.enforcers!).toMatchObject({ certified: 6, new_certified: 1, towns_new_certified: 0 });
    // Ledgers: a year is the random-check plan's year; the accidents and the work ledger go by date.
    expect(y2022.random_checks).toMatchObject({ planned: 2, completed: 2, published: 2 }); // R07 (checked in 2023) and R08
    expect(y2022.accidents).toMatchObject({ count: 1, investigated: 1, accountable: 1 });
    expect(y2022.activities!.trainings).toEqual([{ date: "2022-08-01", title: "2022年执法业务培训", participants: 20 }]);
    expect(spring.random_checks).toMatchObject({ planned: 1, completed: 1, joint: 1, joint_departments: ["镇街", "市场监管"] }); // R02
    expect(spring.activities!.case_file_review).toEqual({ files_with_problems: 2, problems_found: 9, problems_fixed: 9 });
    const january = await computeFigures(t.warehouse.connection, { from: "2023-01-01", to: "2023-01-31" }, resolver);
    expect(january.random_checks!.completed).toBe(1); // R07, checked on 5 January, whatever its plan
    expect(january.accidents!.list.map((a) => a.name)).toEqual(["镇海“1.24”坍塌事故"]);
  });
});
