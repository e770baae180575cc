// The dashboard never shows a zero it does not know (issue: coverage). Every page × year × town, on
// the demo site and on a site whose hazard data stops early (hazard ledgers of 2023 and 2024 left
// out): no NaN, Infinity or empty axis anywhere; a kind whose data does not reach the year shows its
// empty state, with no figure, in place of each KPI, chart and table; a kind that stops early says up
// to when; zero-valued bars are zero-length on an axis of at least 0–1; the default year is the
// latest year every kind covers in full.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type Browser, launchBrowser, PAGES, recordPage } from "./support/browser.ts";
import type { KindCoverage } from "./support/site.ts";

const site = inject("site");
const uneven = inject("unevenSite");
const demoCoverage = inject("demoCoverage");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The kinds each page shows figures of. */
const PAGE_KINDS: Record<string, string[]> = {
  overview: ["cases", "hazards", "enforcers", "accidents", "random_checks"],
  cases: ["cases"],
  hazards: ["hazards"],
  enforcers: ["enforcers"],
  "random-checks": ["random_checks"],
  accidents: ["accidents"],
  activities: ["activities"],
  report: ["cases", "inspections", "hazards", "enforcers"],
  quality: [],
};

interface State {
  text: string;
  badAttributes: string[];
  emptyAxes: string[];
  charts: { name: string; drawn: boolean; empty: boolean }[];
  empties: { kind: string; text: string }[];
}

/** Waits until Framework has re-run every cell and the page stops changing, then reads it. */
async function settle(page: Page): Promise<State> {
  // ready: the filter bar is there, nothing is loading, every chart is drawn or says it is empty, and
  // the page has not changed for three looks in a row
  let last = "";
  let stable = 0;
  for (let i = 0; i < 200 && stable < 3; i++) {
    await page.waitForTimeout(100);
    const now = await page.evaluate(() => {
      // cells still to run: Framework's placeholders of inline values and of blocks
      if (!document.querySelector("select[name=year]") || document.querySelector(".observablehq--loading, observablehq-loading")) return "";
      const main = document.querySelector("#observablehq-main");
      if (!main?.querySelector(".kpi, figure.chart, .empty-state, .report-text, table")) return "";
      const charts = [...document.querySelectorAll("figure.chart")];
      if (!charts.every((f) => f.querySelector("svg") || f.querySelector(".chart-empty"))) return "";
      return main.innerHTML;
    });
    stable = now !== "" && now === last ? stable + 1 : 0;
    last = now;
  }
  return page.evaluate(() => {
    const main = document.querySelector<HTMLElement>("#observablehq-main")!;
    const badAttributes: string[] = [];
    for (const e of main.querySelectorAll("svg *"))
      for (const a of ["x", "y", "width", "height", "d", "transform", "x1", "x2", "y1", "y2", "cx", "cy"]) {
        const v = e.getAttribute(a);
        if (v && /NaN|Infinity/.test(v)) badAttributes.push(`${e.tagName}[${a}=${v}]`);
      }
    const emptyAxes: string[] = [];
    for (const f of main.querySelectorAll<HTMLElement>("figure.chart"))
      for (const g of f.querySelectorAll("g[aria-label$='axis tick label']"))
        if (![...g.querySelectorAll("text")].some((t) => t.textContent?.trim())) emptyAxes.push(`${f.dataset.chart} ${g.getAttribute("aria-label")}`);
    return {
      // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, not hidden nodes
      text: main.innerText,
      badAttributes,
      emptyAxes,
      charts: [...main.querySelectorAll<HTMLElement>("figure.chart")].map((f) => ({
        name: f.dataset.chart ?? "",
        drawn: f.querySelector("svg [aria-label] rect, svg [aria-label] path, svg [aria-label] text") !== null,
        empty: f.querySelector(".chart-empty") !== null,
      })),
      empties: [...main.querySelectorAll<HTMLElement>(".empty-state")].map((e) => ({ kind: e.dataset.empty ?? "", text: e.textContent ?? "" })),
    };
  });
}

function checkState(state: State, where: string, kinds: string[], coverage: Record<string, KindCoverage> | undefined) {
  expect(state.text, where).not.toMatch(/NaN|Infinity|undefined/);
  expect(state.badAttributes, where).toEqual([]);
  expect(state.emptyAxes, where).toEqual([]);
  for (const c of state.charts) expect(c.drawn || c.empty, `${where} chart ${c.name} is neither drawn nor says it is empty`).toBe(true);
  for (const kind of kinds) {
    const cov = coverage?.[kind];
    if (!cov) continue;
    if (cov.state === "none") expect(state.text, `${where}: ${kind} is none`).toContain(cov.empty!);
    else expect(state.empties.filter((e) => e.text === cov.empty), `${where}: ${kind} is ${cov.state}`).toEqual([]);
    if (cov.state === "partial") expect(state.text, `${where}: ${kind} is partial`).toContain(cov.note!);
  }
}

async function walk(url: string, years: number[], coverage: Record<string, Record<string, KindCoverage>>, label: string) {
  const towns = ["全区", "镇海街道", "拱辰街道", "西天尾镇", "黄石镇", "新度镇", "北高镇"];
  // the help page shows no figures and has nothing to choose
  for (const p of PAGES.filter((p) => p.name !== "help")) {
    const page = await browser.context.newPage();
    const log = recordPage(page);
    for (const year of years) {
      await page.goto(new URL(`${p.path}?year=${year}&town=全区`, url).href, { waitUntil: "load" });
      for (const town of towns) {
        if (town !== "全区") await page.selectOption("select[name=town]", town);
        const state = await settle(page);
        checkState(state, `${label} ${p.name} ${year} ${town}`, PAGE_KINDS[p.name]!, coverage[String(year)]);
      }
    }
    expect(log.pageErrors, `${label} ${p.name}`).toEqual([]);
    expect(log.consoleErrors, `${label} ${p.name}`).toEqual([]);
    await page.close();
  }
}

describe("every page, year and town", () => {
  test("on the demo data", async () => {
    await walk(site.url, site.years, demoCoverage, "demo");
  });

  test("on exports whose hazard data stops early", async () => {
    expect(uneven.coverage["2024"]!.hazards!.state).toBe("none");
    expect(uneven.coverage["2023"]!.hazards!.state).toBe("partial");
    await walk(uneven.url, uneven.years, uneven.coverage, "uneven");
  });
});

describe("where the hazard data stops early", () => {
  test("the default year is the latest year every kind covers in full", () => {
    expect(site.defaultYear).toBe(2024);
    expect(uneven.defaultYear).toBe(2022);
    for (const y of uneven.years.filter((y) => y > 2022)) expect(Object.values(uneven.coverage[String(y)]!).some((c) => c.state !== "full")).toBe(true);
  });

  test("2024: the hazard page shows only empty states, and no figure", async () => {
    const page = await browser.context.newPage();
    await page.goto(new URL("hazards.html?year=2024&town=全区", uneven.url).href, { waitUntil: "load" });
    const state = await settle(page);
    expect(state.charts).toEqual([]);
    expect(state.empties.length).toBeGreaterThanOrEqual(10); // 3 KPIs, 9 charts, 2 tables
    for (const e of state.empties) expect(e.text).toBe("2024年暂无隐患排查数据（已导入至2023年1月9日）");
    expect(state.text).not.toMatch(/\d项|0\.00%|个百分点/);
    await page.close();
  });

  test("2024: the overview's hazard KPIs show the empty state; cases and enforcers still compare", async () => {
    const page = await browser.context.newPage();
    await page.goto(new URL("?year=2024&town=全区", uneven.url).href, { waitUntil: "load" });
    await settle(page);
    for (const metric of ["hazards", "rectification_rate", "major_listed"]) {
      const card = page.locator(`[data-kpi=${metric}]`);
      expect(await card.getAttribute("data-state")).toBe("none");
      expect(await card.textContent()).toContain("2024年暂无隐患排查数据（已导入至2023年1月9日）");
    }
    expect(await page.locator("[data-kpi=cases] .kpi-yoy").textContent()).toMatch(/同比(增长|下降)\d+\.\d(%|倍)/);
    await page.close();
  });

  test("2023 (partial, no hazard found before 9 January): zero-length bars on a 0–1 axis, no rate, the date shown", async () => {
    const page = await browser.context.newPage();
    await page.goto(new URL("hazards.html?year=2023&town=全区", uneven.url).href, { waitUntil: "load" });
    const state = await settle(page);
    expect(state.text).toContain("隐患排查数据截至2023年1月9日，2023年的数字只统计到该日");
    expect(await page.locator("[data-kpi=rectification_rate]").textContent()).toContain("本期没有排查出隐患，不计整改率");
    const bars = await page.evaluate(() =>
      ["by-level", "by-town", "status-by-town", "major-status", "major-by-town"].map((name) => {
        const f = document.querySelector(`figure.chart[data-chart=${name}]`)!;
        const widths = [...f.querySelectorAll("g[aria-label=bar] rect")].map((r) => Number(r.getAttribute("width") ?? 0));
        const ticks = [...f.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((t) => t.textContent);
        return { name, bars: widths.length, widest: Math.max(0, ...widths), ticks };
      }),
    );
    for (const b of bars) {
      expect(b.bars, b.name).toBeGreaterThan(0);
      expect(b.widest, b.name).toBeLessThan(0.5);
      expect(b.ticks, b.name).toContain("1");
    }
    await page.close();
  });
});
