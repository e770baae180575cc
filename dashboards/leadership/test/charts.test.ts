// One chart per page as a golden SVG (Plot's snapshot style): the demo data's 2023, whole district,
// on a fixed desktop viewport. Any change to what a chart draws — its data (the loader, the marts)
// or its drawing (components/charts.js) — fails here and writes test/golden/charts/<page>-changed.svg
// to compare; GOLDEN_UPDATE=1 accepts it. Every page of observablehq.config.js is covered: a page
// with charts must name its golden chart below, a page without charts must draw none.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type Browser, launchBrowser, PAGES, waitForCharts } from "./support/browser.ts";
import { expectGolden, GOLDEN_DIR } from "./support/golden.ts";

const site = inject("site");
const YEAR = 2023;
let browser: Browser;

/**
 * The chart each page is pinned by (data-chart of its figure): where the page has one, a chart
 * drawn from the loader's per-town or per-unit rows, which a change of counting rule moves first.
 */
const GOLDEN_CHART: Record<string, string | null> = {
  overview: "town-multiples",
  cases: "by-town",
  hazards: "by-category",
  enforcers: "certified-by-unit",
  "random-checks": "checks-by-town",
  accidents: "accidents-by-town",
  activities: "activities-by-category",
  report: "report-by-town",
  quality: "coverage",
  help: null,
};

beforeAll(async () => {
  // a fixed viewport: the charts are drawn at their card's width
  browser = await launchBrowser({ name: "golden", width: 1440, height: 900 });
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The figure's SVGs as stable text: Plot's class name (plot-d6a7b5, fixed per Plot release) and its
 * clip-path ids (a counter over every chart the page drew before) are renamed in order of first
 * appearance; one element per line, so that a diff points at the mark that moved.
 */
function stableSvg(svgs: string[]): string {
  const ids = new Map<string, string>();
  const text = svgs
    .join("\n")
    .replace(/\bplot-[0-9a-f]{6}\b/g, "plot")
    .replace(/\bplot-clip-\d+\b/g, (id) => {
      if (!ids.has(id)) ids.set(id, `plot-clip-${ids.size + 1}`);
      return ids.get(id)!;
    });
  return `${text.replace(/></g, ">\n<")}\n`;
}

async function chartSvg(page: Page, chart: string): Promise<string[]> {
  return page.evaluate(
    (name) => [...document.querySelectorAll(`figure.chart[data-chart="${name}"] svg`)].map((s) => s.outerHTML),
    chart,
  );
}

describe("chart goldens", () => {
  test("every page of the configuration has its entry", () => {
    expect(Object.keys(GOLDEN_CHART).sort()).toEqual(PAGES.map((p) => p.name).sort());
  });

  for (const p of PAGES) {
    test(`${p.title} (${p.name})`, async () => {
      const chart = GOLDEN_CHART[p.name];
      expect(chart, `${p.name}: name its golden chart in GOLDEN_CHART`).not.toBeUndefined();
      const page = await browser.context.newPage();
      try {
        await page.goto(new URL(`${p.path}?year=${YEAR}&town=全区`, site.url).href, { waitUntil: "load" });
        await waitForCharts(page);
        if (chart === null) {
          expect(await page.locator("figure.chart").count()).toBe(0);
          return;
        }
        const svgs = await chartSvg(page, chart!);
        expect(svgs.length, `${p.name}: chart ${chart} has no SVG`).toBeGreaterThan(0);
        expectGolden(`charts/${p.name}.svg`, stableSvg(svgs));
      } finally {
        await page.close();
      }
    });
  }

  test("no golden file is left without its page", () => {
    const files = fs.readdirSync(path.join(GOLDEN_DIR, "charts")).filter((f) => f.endsWith(".svg") && !f.endsWith("-changed.svg"));
    const expected = Object.entries(GOLDEN_CHART)
      .filter(([, chart]) => chart !== null)
      .map(([name]) => `${name}.svg`);
    expect(files.sort()).toEqual(expected.sort());
  });
});
