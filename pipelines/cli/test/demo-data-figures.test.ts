// F1–F25 (docs/counting-rules.md §10) from the shipped demo data, imported with the real pipeline:
// exactly in the JSON, and in the report's words in the Markdown. Plus the models' generic tests and
// invariants on that data, for every year it holds.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReportData, computeFigures, modelsUpToDate, parseModels, type ReportData, reportDocx, reportMarkdown } from "@anjian/indicators";
import { genericChecks, INVARIANTS, rows } from "@anjian/indicators/model-checks";
import { HAVE_SAMPLES, importSamples } from "./demo-warehouse.ts";
import type { TempWarehouse } from "./imported.ts";
import { which } from "@anjian/testing";

const resolver = new ProfileResolver(loadProfile(repoPaths().profile));

const MAJOR = "重大事故隐患专项排查整治2023行动";
const SPRING = "春运安全专项督查";
const MEDICAL = "医疗机构安全专项督查";
const CONSTRUCTION = "在建工地安全专项督查";
const STADIUMS = "体育场馆安全专项检查";

/** F1–F25: the figure, where it sits in the JSON, and the report's words. */
const SEED_FIGURES: { id: string; value: number; path: string; words: string }[] = [
  { id: "F1", value: 132, path: "cases.total.count", words: "全区共办理安全生产行政处罚案件132起" },
  { id: "F2", value: 140.3, path: "cases.total.amount_wan", words: "行政处罚金额140.3万元" },
  { id: "F3", value: 59, path: "cases.bureau.count", words: "我局办理安全生产普通程序处罚案件59起" },
  { id: "F4", value: 121.8, path: "cases.bureau.amount_wan", words: "处罚金额121.8万元" },
  { id: "F5", value: 73, path: "cases.towns.count", words: "各镇街办理简易处罚案件73起" },
  { id: "F6", value: 18.5, path: "cases.towns.amount_wan", words: "处罚金额18.5万元" },
  { id: "F7", value: 59, path: "cases.legal_review", words: "共计对59起案件进行了法制审核" },
  { id: "F8", value: 5, path: "cases.dual_penalty", words: "涉及“一案双罚”5起" },
  { id: "F9", value: 4, path: "cases.stop_production_parties", words: "责令停产整顿4家" },
  { id: "F10", value: 199, path: `inspections.by_campaign.${MAJOR}.enterprises`, words: "我局共抽查检查企业199家" },
  { id: "F11", value: 1223, path: `hazards.by_campaign.${MAJOR}.general`, words: "排查一般隐患1223项" },
  { id: "F12", value: 19, path: `hazards.by_campaign.${MAJOR}.major`, words: "排查重大事故隐患19项" },
  { id: "F13", value: 19, path: `hazards.by_campaign.${MAJOR}.major_listed`, words: "排查重大事故隐患19项，全部实施挂牌督办" },
  { id: "F14", value: 36, path: `hazards.by_campaign.${SPRING}.total`, words: "督促道路交通企业整改问题和隐患36条" },
  { id: "F15", value: 137, path: `hazards.by_campaign.${MEDICAL}.total`, words: "督促医疗机构整改安全隐患137条" },
  { id: "F16", value: 126, path: `hazards.by_campaign.${CONSTRUCTION}.total`, words: "查找出安全隐患126条" },
  { id: "F17", value: 2, path: `hazards.by_campaign.${CONSTRUCTION}.units_with_major`, words: "存在重大事故隐患的2家施工单位" },
  { id: "F18a", value: 7, path: `inspections.by_campaign.${STADIUMS}.enterprises`, words: "检查7家体育馆" },
  { id: "F18b", value: 48, path: `hazards.by_campaign.${STADIUMS}.total`, words: "检查7家体育馆，督促整改安全隐患48条" },
  { id: "F19", value: 2, path: "enforcers.towns_new_certified", words: "镇街增加2名持证执法人员" },
  { id: "F20a", value: 40, path: "random_checks.completed", words: "完成计划抽查数40家" },
  { id: "F20b", value: 4, path: "random_checks.joint", words: "联合工信、镇街等部门抽查4家" },
  { id: "F21a", value: 3, path: "accidents.investigated", words: "牵头组织对镇海“1.24”坍塌事故、黄石镇“3.4”火灾事故和拱辰“10.9”透水事故开展事故调查" },
  { id: "F21b", value: 4, path: "accidents.accountable", words: "对4名相关责任人员进行问责" },
  { id: "F22a", value: 230, path: "activities.guidance.towns_villages", words: "帮助指导镇街、村居230个次" },
  { id: "F22b", value: 390, path: "activities.guidance.enterprises", words: "帮扶指导重点企业390家次" },
  { id: "F23a", value: 10, path: "activities.exposure_enterprises", words: "曝光约谈10家企业" },
  { id: "F23b", value: 4, path: "activities.typical_cases.莆田晚报", words: "在莆田晚报公布典型案例4起" },
  { id: "F23c", value: 5, path: "activities.typical_cases.区政府网站", words: "在区政府网站公布典型案例5起" },
  { id: "F24a", value: 3, path: "activities.case_file_review.files_with_problems", words: "3个案卷存在的16个问题" },
  { id: "F24b", value: 16, path: "activities.case_file_review.problems_found", words: "3个案卷存在的16个问题" },
  { id: "F25", value: 29, path: "activities.trainings.0.participants", words: "各执法业务股室和镇街安办执法人员29人参加" },
];

function at(obj: unknown, dotted: string): unknown {
  // Campaign names hold no dots, so a plain split is safe here.
  return dotted.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

describe.skipIf(!HAVE_SAMPLES)("the shipped demo data (data/samples)", () => {
  let t: TempWarehouse;
  let data: ReportData;
  let markdown: string;

  beforeAll(async () => {
    t = await importSamples(); // the import stores the models: what follows reads the stored tables
    data = await buildReportData(t.warehouse.connection, { from: "2023-01-01", to: "2023-12-31" }, resolver);
    markdown = reportMarkdown(data);
  });
  afterAll(() => t?.cleanup());

  it("gives F1–F25 of the 2023 report exactly in the JSON, from the models the import stored", async () => {
    expect(await modelsUpToDate(t.warehouse.connection)).toBe(true);
    const figures = await computeFigures(t.warehouse.connection, { from: "2023-01-01", to: "2023-12-31" }, resolver);
    for (const f of SEED_FIGURES) expect(at(figures, f.path), `${f.id} ${f.path}`).toBe(f.value);
    // F3 + F5 = F1 and F4 + F6 = F2, each amount rounded from its own exact sum.
    expect(figures.cases!.bureau.count + figures.cases!.towns.count).toBe(figures.cases!.total.count);
    expect(Math.round((figures.cases!.bureau.amount_wan + figures.cases!.towns.amount_wan) * 10)).toBe(
      Math.round(figures.cases!.total.amount_wan * 10),
    );
  });

  it("is full for every kind in every year of the demo data, and says how far it reaches after", async () => {
    for (const y of [2021, 2022, 2023, 2024]) {
      const f = await computeFigures(t.warehouse.connection, { from: `${y}-01-01`, to: `${y}-12-31` }, resolver);
      expect(Object.entries(f.coverage).map(([k, c]) => `${k}:${c.state}`), String(y)).toEqual([
        "cases:full",
        "inspections:full",
        "hazards:full",
        "enforcers:full",
        "random_checks:full",
        "accidents:full",
        "activities:full",
      ]);
    }
    const f2025 = await computeFigures(t.warehouse.connection, { from: "2025-01-01", to: "2025-12-31" }, resolver);
    expect(f2025.coverage.hazards).toMatchObject({ to: "2025-01-07", state: "partial" }); // the 2024 ledger's export day
    const f2020 = await computeFigures(t.warehouse.connection, { from: "2020-01-01", to: "2020-12-31" }, resolver);
    expect([f2020.inspections, f2020.hazards]).toEqual([null, null]);
    // a few 2021 cases were filed late in 2020: the case data starts inside 2020 (the spec's rule
    // makes a span that starts late but reaches the period's end full)
    expect(f2020.coverage.cases!.from! < "2020-12-31").toBe(true);
  });

  it("says each of F1–F25 in the report's words in the Markdown", () => {
    for (const f of SEED_FIGURES) expect(markdown, f.id).toContain(f.words);
    expect(markdown).toContain("5月份以来，我局共抽查检查企业199家，排查一般隐患1223项，排查重大事故隐患19项，全部实施挂牌督办");
    expect(markdown).toMatch(/全区共办理安全生产行政处罚案件132起，同比(增长|下降)\d+\.\d%/);
  });

  // The Word document as LibreOffice renders it (PDF → text per page): the appendix on at most three
  // A4 pages, GB/T 9704 page numbers, 28 characters a line. PNGs of the pages are left in
  // test/rendered/ for a person to look at (npx vitest run test/demo-data-figures.test.ts).
  it.skipIf(!which("soffice") || !which("pdftotext"))("renders as an official document with an appendix of at most 3 pages", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-docx-"));
    try {
      const file = path.join(dir, "年报数据-2023.docx");
      fs.writeFileSync(file, await reportDocx(data));
      execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], {
        stdio: "ignore",
        timeout: 180_000,
      });
      const pdf = path.join(dir, "年报数据-2023.pdf");
      // the pictures first, so that a failing layout can be looked at
      if (which("pdftoppm")) {
        const out = path.join(import.meta.dirname, "rendered");
        fs.mkdirSync(out, { recursive: true });
        execFileSync("pdftoppm", ["-r", "60", "-png", pdf, path.join(out, "年报数据-2023")]);
      }
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
      const text = (i: number, layout = false) =>
        execFileSync("pdftotext", [...(layout ? ["-layout"] : []), "-f", String(i), "-l", String(i), pdf, "-"], { encoding: "utf8" });
      const plain = Array.from({ length: pages }, (_, i) => text(i + 1).replace(/\s+/g, ""));
      const appendixFrom = plain.findIndex((t) => t.startsWith("附表：各项数据及口径")) + 1;
      expect(appendixFrom).toBeGreaterThan(1);
      // all seven kinds, their cross-tables and one rule per group
      expect(pages - appendixFrom + 1).toBeLessThanOrEqual(3);
      // (contains, not ends with: an even page's number sits on the left, and pdftotext may read it
      // before the right-hand columns of a table that ends the page)
      for (const [i, t] of plain.entries()) expect(t, `page ${i + 1}`).toContain(`—${i + 1}—`);
      for (const f of SEED_FIGURES) expect(plain.join(""), f.id).toContain(f.words);
      // a full body line holds 28 characters (the first paragraph's second line)
      const lines = text(1, true).split("\n").map((l) => l.replace(/\s+/g, ""));
      const at = lines.findIndex((l) => l.startsWith("今年以来，各镇街"));
      expect(lines[at + 1]!.length).toBeGreaterThanOrEqual(27);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("states the data's as-of date and its import batches and files", () => {
    expect(markdown).toMatch(/数据截至\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d（最新导出时间）；来源：导入批次[^，]+，文件/);
    for (const f of data.sources.files) expect(markdown).toContain(f.name);
    expect(data.sources.files.length).toBeGreaterThanOrEqual(4);
  });

  it("holds no individual's name in any output", async () => {
    const people = await rows(
      t.warehouse.connection,
      "SELECT DISTINCT party_name AS name FROM cases WHERE party_type = '个人' UNION SELECT DISTINCT person_name FROM enforcers",
      { from: "", to: "" },
    );
    expect(people.length).toBeGreaterThan(0);
    const json = JSON.stringify(await computeFigures(t.warehouse.connection, { from: "2023-01-01", to: "2023-12-31" }, resolver));
    for (const p of people) {
      expect(markdown).not.toContain(String(p.name));
      expect(json).not.toContain(String(p.name));
    }
  });

  const decls = parseModels().filter((d) => d.object !== "scalar");
  const years = [2021, 2022, 2023, 2024].map((y) => ({ from: `${y}-01-01`, to: `${y}-12-31` }));
  it("passes every model's generic tests for each year", async () => {
    for (const d of decls)
      for (const p of d.args === "none" ? [years[0]!] : years)
        for (const check of genericChecks(d))
          expect(await rows(t.warehouse.connection, check.sql, p), `${d.name} ${check.name} ${p.from}`).toEqual([]);
  });

  it("keeps every invariant for each year", async () => {
    for (const inv of INVARIANTS)
      for (const p of [...years, { from: "2023-05-01", to: "2023-08-31" }])
        expect(await rows(t.warehouse.connection, inv.sql, p), `${inv.name} ${p.from}`).toEqual([]);
  });
});
