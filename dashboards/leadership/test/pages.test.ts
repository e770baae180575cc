// Every page of the built site, in Chromium: it loads with no console error, no failed request and no
// request to another host; its charts are drawn; the year selector and the town filter change what
// the charts show; it prints on A4 without anything running off the page. Screenshots (screen and
// A4 print) go to test/screenshots/.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type Browser, launchBrowser, nonLocal, PAGES, recordPage, waitForCharts } from "./support/browser.ts";
import { SCREENSHOTS } from "./support/site.ts";

const site = inject("site");
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Each chart's drawing, by name. */
async function chartDrawings(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>("figure.chart")].map((f) => [f.dataset.chart ?? "", [...f.querySelectorAll("svg")].map((s) => s.outerHTML).join("")]),
    ),
  );
}

/** Waits until the named charts all differ from `before` (Framework re-runs the cells reactively). */
async function waitForChange(page: Page, before: Record<string, string>, names: string[]): Promise<Record<string, string>> {
  await page.waitForFunction(
    ({ before, names }) => {
      if (document.querySelector(".observablehq--loading")) return false;
      const now = Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>("figure.chart")].map((f) => [f.dataset.chart ?? "", [...f.querySelectorAll("svg")].map((s) => s.outerHTML).join("")]),
      );
      return names.every((n) => now[n] !== undefined && now[n] !== before[n]);
    },
    { before, names },
    { timeout: 30_000, polling: 100 },
  );
  await waitForCharts(page);
  return chartDrawings(page);
}

async function open(pathname: string): Promise<{ page: Page; log: ReturnType<typeof recordPage> }> {
  const page = await browser.context.newPage();
  const log = recordPage(page);
  await page.goto(new URL(pathname, site.url).href, { waitUntil: "load" });
  await waitForCharts(page);
  return { page, log };
}

/** Charts that do not depend on the year or the town (the import log). */
const FIXED: Record<string, string[]> = { quality: ["file-outcomes", "rejects-by-reason"] };

describe.each(PAGES)("$title", (p) => {
  test("loads cleanly, offline, with every chart drawn", async () => {
    const { page, log } = await open(p.path);
    await page.waitForLoadState("networkidle");
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("figure.chart")].map((f) => ({
        name: f.dataset.chart,
        marks: f.querySelectorAll("svg g[aria-label] > rect, svg g[aria-label] > path, svg g[aria-label] > circle, svg g[aria-label] > text, svg g[aria-label] > line").length,
      })),
    );
    for (const c of charts) expect(c.marks, `chart ${c.name} has no marks`).toBeGreaterThan(0);
    expect(await page.title()).toContain(p.title);
    if (await page.locator(".filter-bar").count()) {
      // a page of figures: charts, and the year and town to choose
      expect(charts.length).toBeGreaterThan(0);
      expect(await page.locator("select[name=year]").count()).toBe(1);
      expect(await page.locator("select[name=town]").count()).toBe(1);
    } else expect(p.name, "only the help page has no filter").toBe("help");
    await page.screenshot({ path: path.join(SCREENSHOTS, `${p.name}.png`), fullPage: true });

    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.failedRequests).toEqual([]);
    expect(log.badResponses).toEqual([]);
    expect(nonLocal(log.requests)).toEqual([]);
    await page.close();
  });

  test("the year selector and the town filter change the charts", async () => {
    const { page, log } = await open(`${p.path}?year=${site.defaultYear}&town=全区`);
    if ((await page.locator(".filter-bar").count()) === 0) {
      // the help page: nothing to choose
      expect(await page.locator("figure.chart").count()).toBe(0);
      await page.close();
      return;
    }
    const names = Object.keys(await chartDrawings(page));
    const moving = names.filter((n) => !(FIXED[p.name] ?? []).includes(n));
    expect(moving.length).toBeGreaterThan(0);

    let before = await chartDrawings(page);
    const otherYear = site.years.find((y) => y !== site.defaultYear)!;
    await page.selectOption("select[name=year]", String(otherYear));
    before = await waitForChange(page, before, moving);
    for (const n of FIXED[p.name] ?? []) expect(before[n]).toBeDefined();

    await page.selectOption("select[name=town]", "黄石镇");
    await waitForChange(page, before, moving);
    expect(new URL(page.url()).searchParams.get("town")).toBe("黄石镇");
    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  test("prints on A4: nothing wider than the page, no controls, the selection in the header, text of 9 pt or more", async () => {
    // opened on a desktop, as a reader prints it: the charts are drawn for the screen first
    const { page } = await open(`${p.path}?year=${site.defaultYear}&town=黄石镇`);
    await page.emulateMedia({ media: "print" });
    // A4 at 96 dpi is 794 px wide; less the 12 mm @page margins on each side, 703 px of content.
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.waitForTimeout(300);
    await waitForCharts(page);
    // what the browser does when printing: the charts are drawn again at their printed width
    await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
    const layout = await page.evaluate(() => {
      const shown = (e: Element) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).position === "fixed";
      // a chart's text as printed: its font size times the scale of its drawing on the page
      const chartText = [...document.querySelectorAll<SVGSVGElement>("#observablehq-main figure.chart svg[role=img]")].flatMap((svg) => {
        const scale = svg.getBoundingClientRect().width / (svg.width.baseVal.value || svg.getBoundingClientRect().width);
        return [...svg.querySelectorAll("text")].filter((t) => t.textContent?.trim()).map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale);
      });
      return {
        scrollWidth: document.documentElement.scrollWidth,
        sidebar: getComputedStyle(document.querySelector("#observablehq-sidebar") ?? document.body).display,
        widest: Math.max(...[...document.querySelectorAll("#observablehq-main svg, #observablehq-main table")].map((e) => e.getBoundingClientRect().right)),
        smallestFont: Math.min(
          ...[...document.querySelectorAll("#observablehq-main p, #observablehq-main td, #observablehq-main figcaption, #observablehq-main span, #observablehq-main div")]
            .filter((e) => shown(e) && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()))
            .map((e) => Number.parseFloat(getComputedStyle(e).fontSize)),
        ),
        smallestChartText: Math.min(...chartText),
        controls: [...document.querySelectorAll("#observablehq-main select, #observablehq-main button:not(th > button), #observablehq-main input, .hint")].filter(shown).length,
        header: document.querySelector("#observablehq-header")?.textContent ?? "",
      };
    });
    expect(layout.sidebar).toBe("none");
    expect(layout.scrollWidth).toBeLessThanOrEqual(703);
    expect(layout.widest).toBeLessThanOrEqual(703);
    expect(layout.smallestFont).toBeGreaterThanOrEqual(12); // 9 pt
    if (p.name !== "help") expect(layout.smallestChartText).toBeGreaterThanOrEqual(12);
    expect(layout.controls).toBe(0);
    if (p.name !== "help") expect(layout.header).toContain(`${site.defaultYear}年 · 黄石镇`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${p.name}-print.png`), fullPage: true });
    await page.close();
  });
});
