// Coverage (cli-and-figures.md, "Coverage: what the data reaches") on real warehouses made by the
// import from uneven exports (uneven-exports.ts): a kind whose data does not reach the period has a null
// section and says so in words; one that stops early says up to when; year-on-year change only
// where both periods are full.
import fs from "node:fs";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appendixBlocks,
  buildReportData,
  computeFigures,
  coverageWarnings,
  FiguresSchema,
  missingSentence,
  reportMarkdown,
} from "@anjian/indicators";
import { type TempWarehouse, tempWarehouse } from "./imported.ts";
import { GAP_FILES, importFiles, writeGapExports } from "./uneven-exports.ts";

const resolver = new ProfileResolver(loadProfile(repoPaths().profile));
const year = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });

let t: TempWarehouse;

beforeAll(async () => {
  t = await tempWarehouse("anjian-gap-");
  await importFiles(t.warehouse, writeGapExports(path.join(t.dir, "exports")));
});
afterAll(() => t.cleanup());

const SPANS = {
  cases: { from: "2022-01-10", to: "2025-01-06" }, // first 立案日期 .. the ledger's export day
  inspections: { from: "2023-02-01", to: "2023-12-26" },
  hazards: { from: "2023-02-01", to: "2023-12-26" },
  enforcers: { from: "2023-02-10", to: "2025-01-06" }, // first 发证日期 .. the roster's export day
};
const withStates = (cases: string, inspections: string, hazards: string, enforcers: string) => ({
  cases: { ...SPANS.cases, state: cases },
  inspections: { ...SPANS.inspections, state: inspections },
  hazards: { ...SPANS.hazards, state: hazards },
  enforcers: { ...SPANS.enforcers, state: enforcers },
  // the bureau's ledgers: none imported here
  random_checks: { from: null, to: null, state: "none" },
  accidents: { from: null, to: null, state: "none" },
  activities: { from: null, to: null, state: "none" },
});

describe("coverage in the figures JSON", () => {
  it("2024: hazards and inspections stop in December 2023, so their sections are null", async () => {
    const f = await computeFigures(t.warehouse.connection, year(2024), resolver);
    expect(() => FiguresSchema.parse(f)).not.toThrow();
    expect(f.coverage).toEqual(withStates("full", "none", "none", "full"));
    expect(f.hazards).toBeNull();
    expect(f.inspections).toBeNull();
    expect(f.cases!.total).toEqual({ count: 2, amount_wan: 11 });
    expect(f.cases!.pending).toBe(2); // C7 undecided, C8 decided only in 2025
    expect(f.enforcers!.certified).toBe(3);
  });

  it("2022: nothing but cases", async () => {
    const f = await computeFigures(t.warehouse.connection, year(2022), resolver);
    expect(f.coverage).toEqual(withStates("full", "none", "none", "none"));
    expect([f.inspections, f.hazards, f.enforcers]).toEqual([null, null, null]);
    expect(f.cases!.total).toEqual({ count: 2, amount_wan: 3 });
  });

  it("2023: every kind full", async () => {
    const f = await computeFigures(t.warehouse.connection, year(2023), resolver);
    expect(f.coverage).toEqual(withStates("full", "full", "full", "full"));
    expect(f.hazards).toMatchObject({ total: 3, major: 1, rectified: 2 });
    expect(f.inspections!.enterprises).toBe(2);
  });

  it("2025: cases and the roster reach only 6 January (partial); the others none", async () => {
    const f = await computeFigures(t.warehouse.connection, year(2025), resolver);
    expect(f.coverage).toEqual(withStates("partial", "none", "none", "partial"));
    expect(f.cases!.total).toEqual({ count: 1, amount_wan: 0.7 }); // the numbers stand
  });

  it("partial is decided by the period's end: a span ending 31 days before it is still full", async () => {
    // hazards reach 26 December 2023
    const states = async (to: string) => (await computeFigures(t.warehouse.connection, { from: "2023-06-01", to }, resolver)).coverage.hazards!.state;
    expect(await states("2024-01-26")).toBe("full"); // exactly 31 days
    expect(await states("2024-01-27")).toBe("partial"); // 32 days
    expect(await states("2023-12-01")).toBe("full");
  });

  it("a later export of the same rows (all duplicates) extends the span to its export time", async () => {
    const u = await tempWarehouse("anjian-gap2-");
    try {
      const dir = path.join(u.dir, "exports");
      await importFiles(u.warehouse, writeGapExports(dir, ["隐患排查治理台账_2023.csv"]));
      const again = path.join(dir, "再次导出.csv");
      const text = GAP_FILES["隐患排查治理台账_2023.csv"]!.replace("2023-12-26 10:00", "2024-03-02 08:00");
      fs.writeFileSync(again, text);
      await importFiles(u.warehouse, [again]);
      const f = await computeFigures(u.warehouse.connection, year(2024), resolver);
      expect(f.coverage.hazards).toEqual({ from: "2023-02-01", to: "2024-03-02", state: "partial" });
      expect(f.hazards!.total).toBe(0); // a real zero: the ledger of 2 March 2024 has no 2024 hazard
      expect(f.coverage.cases).toEqual({ from: null, to: null, state: "none" });
      expect(f.cases).toBeNull();
    } finally {
      u.cleanup();
    }
  });
});

describe("coverage in words", () => {
  it("the 2024 Markdown says how far hazard and inspection data reach, and prints no figure for them", async () => {
    const md = reportMarkdown(await buildReportData(t.warehouse.connection, year(2024), resolver));
    expect(md).toContain("隐患排查数据只导入到2023年12月26日，本期未统计。");
    expect(md).toContain("执法检查数据只导入到2023年12月26日，本期未统计。");
    expect(md).not.toMatch(/检查企业\d+家/);
    expect(md).not.toMatch(/排查各类隐患\d+项/);
    expect(md).not.toMatch(/整改率\d/);
    // cases are full in 2023 and 2024: compared
    expect(md).toContain("全区共办理安全生产行政处罚案件2起，同比持平，行政处罚金额11.0万元，同比增长57.1%");
    // the roster is full in 2023 and 2024 (its first 发证日期 is in February 2023)
    expect(md).toContain("全区共有持证执法人员3名，同比增长50.0%，其中");
    expect(md).toContain("### （三）隐患排查\n\n> 隐患排查数据只导入到2023年12月26日，本期未统计。");
  });

  it("2022: only cases speak; the rest say what is imported", async () => {
    const md = reportMarkdown(await buildReportData(t.warehouse.connection, year(2022), resolver));
    expect(md).toContain("执法人员数据从2023年2月10日起才有（已导入2023年2月10日至2025年1月6日），本期未统计。");
    expect(md).toContain("全区共办理安全生产行政处罚案件2起，行政处罚金额3.0万元。"); // 2021: none, no change
    expect(md).not.toContain("持证执法人员");
  });

  it("2023 compares only the kinds full in both years", async () => {
    const data = await buildReportData(t.warehouse.connection, year(2023), resolver);
    expect(data.previous.has).toEqual({
      cases: true,
      inspections: false,
      hazards: false,
      enforcers: false,
      random_checks: false,
      accidents: false,
      activities: false,
    });
    const md = reportMarkdown(data);
    expect(md).toContain("排查各类隐患3项，其中");
    expect(md).toContain("全区共办理安全生产行政处罚案件2起，同比持平");
    const blocks = appendixBlocks(data);
    const at = blocks.findIndex((b) => b.kind === "heading2" && b.text === "（三）隐患排查");
    const table = blocks[at + 1]!;
    if (table.kind !== "table") throw new Error("no hazard table");
    expect(table.rows.map((r) => r[3])).toEqual(Array(6).fill("—"));
    const cases = blocks[1 + blocks.findIndex((b) => b.kind === "heading2" && b.text === "（一）行政处罚案件")]!;
    // 全区: count, last year, change (then the amount's)
    expect(cases.kind === "table" && cases.rows[0]?.slice(0, 4)).toEqual(["全区", "2", "2", "持平"]);
  });

  it("2025: partial figures carry the date the data reaches", async () => {
    const md = reportMarkdown(await buildReportData(t.warehouse.connection, year(2025), resolver));
    expect(md).toContain("全区共办理安全生产行政处罚案件1起（数据截至2025年1月6日），行政处罚金额0.7万元。");
    expect(md).toContain("### （一）行政处罚案件（数据截至2025年1月6日）");
    expect(md).toContain("| 全区 | 1 | — | — | 0.7 | — | — |");
  });

  it("missingSentence when nothing is imported at all", () => {
    expect(missingSentence("hazards", { from: null, to: null, state: "none" }, year(2024))).toBe("尚未导入隐患排查数据，本期未统计。");
  });

  it("warnings for the CLI: none, partial, a future period, a period without any data", async () => {
    const c = t.warehouse.connection;
    const w2025 = coverageWarnings((await computeFigures(c, year(2025), resolver)).coverage, year(2025), "2025-03-01");
    expect(w2025[0]).toBe("统计期2025年1月1日至2025年12月31日尚未结束（今天是2025年3月1日），数字只到目前为止。");
    expect(w2025.join("\n")).toContain("行政处罚案件数据只导入到2025年1月6日，早于统计期末（2025年12月31日）一个月以上");
    expect(w2025.join("\n")).toContain("隐患排查数据只导入到2023年12月26日：本期隐患排查各项为“未统计”（JSON 中为 null）");
    const w2019 = coverageWarnings((await computeFigures(c, year(2019), resolver)).coverage, year(2019), "2026-01-01");
    expect(w2019).toEqual([
      "数据仓库中没有统计期2019年1月1日至2019年12月31日的任何数据：各项均为“未统计”，不是零。请先用 anjian ingest 导入该时期的台账。",
    ]);
    const w2030 = coverageWarnings((await computeFigures(c, year(2030), resolver)).coverage, year(2030), "2026-01-01");
    expect(w2030).toEqual(["统计期2030年1月1日至2030年12月31日尚未到来（今天是2026年1月1日），没有可统计的数据：各项均为“未统计”，不是零。"]);
    // 2023: the four platform kinds are full; the bureau's ledgers were never imported here.
    expect(coverageWarnings((await computeFigures(c, year(2023), resolver)).coverage, year(2023), "2026-01-01")).toEqual(
      ["双随机抽查", "事故调查", "工作台账"].map((n) => `尚未导入${n}数据：本期${n}各项为“未统计”（JSON 中为 null）。如有该时期的台账，请先导入。`),
    );
  });
});
