// Every page listed in the config, on a phone in WeChat (390×844) and on a desktop (1440×900): the
// page fits the screen, no chart label overlaps another, the text is Chinese (lang zh-CN, no Latin
// word outside table data and file names, Chinese tooltips), controls are large enough to tap on a
// phone, the heading outline is in order, every chart and table is described for a screen reader,
// text meets WCAG AA contrast, and the keyboard focus is visible. Screenshots of both widths go to
// test/screenshots/ for review (git-ignored).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type Browser, launchBrowser, PAGES, SCREENS, waitForCharts } from "./support/browser.ts";
import { inspectPage } from "./support/inspect.ts";
import { SCREENSHOTS } from "./support/site.ts";

const site = inject("site");
const uneven = inject("unevenSite");
// the demo data, and exports whose hazard data stops early (empty states, partial years)
const SITES = [
  { label: "demo", url: site.url, suffix: "" },
  { label: "hazards stop early", url: uneven.url, suffix: "-uneven" },
];

describe.each(SCREENS)("$name", (screen) => {
  let browser: Browser;
  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchBrowser(screen);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test.each(SITES.flatMap((s) => PAGES.map((p) => ({ ...p, site: s, what: `${p.title} (${s.label})` }))))("$what reads well", async (p) => {
    const page = await browser.context.newPage();
    await page.goto(new URL(p.path, p.site.url).href, { waitUntil: "load" });
    await waitForCharts(page);
    await page.waitForTimeout(200); // charts drawn again once the layout settles (ResizeObserver)
    await waitForCharts(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${p.name}-${screen.name}${p.site.suffix}.png`), fullPage: true });
    const r = await inspectPage(page);

    expect(r.lang).toBe("zh-CN");
    expect(r.scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(r.viewport);
    expect(r.overflowing).toEqual([]);
    expect(r.overlaps).toEqual([]);
    expect(r.latin).toEqual([]);
    expect(r.lowContrast).toEqual([]);

    expect(r.headings.filter((h) => h.level === 1)).toHaveLength(1);
    expect(r.headings[0]?.level).toBe(1);
    for (let i = 1; i < r.headings.length; i++)
      expect(r.headings[i]!.level - r.headings[i - 1]!.level, `heading “${r.headings[i]!.text}” skips a level`).toBeLessThanOrEqual(1);
    expect(r.headingsInKpis).toBe(0);

    for (const c of r.charts.filter((c) => !c.empty)) {
      expect(c.images, `chart ${c.name} is one image`).toBe(1);
      expect(c.label, `chart ${c.name} states its main figure in Chinese`).toMatch(/[\u4e00-\u9fff].*[0-9０-９]|[0-9].*[\u4e00-\u9fff]/);
    }
    for (const t of r.tables) {
      expect(t.caption).not.toBe("");
      expect(t.scoped).toBe(t.headers);
    }

    if (screen.name === "phone") {
      expect(r.smallTargets).toEqual([]);
      // the menu button is at the top of the screen and opens the page list
      const menu = page.locator("label.menu-button");
      const box = await menu.boundingBox();
      expect(box?.y ?? 999).toBeLessThan(60);
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      await menu.click();
      const link = page.locator("#observablehq-sidebar a", { hasText: PAGES[1]!.title });
      await expect.poll(async () => (await link.boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0);
      expect((await link.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
      expect(await page.locator("#observablehq-sidebar-toggle").getAttribute("title")).toBe("打开或关闭菜单");
    } else {
      // the keyboard focus is drawn: tab to the first control of the page
      let outline = "";
      for (let i = 0; i < 20 && !outline; i++) {
        await page.keyboard.press("Tab");
        outline = await page.evaluate(() => {
          const e = document.activeElement;
          if (!e?.closest("#observablehq-main")) return "";
          const s = getComputedStyle(e);
          return `${s.outlineStyle} ${s.outlineWidth}`;
        });
      }
      expect(outline).toMatch(/^solid [2-9]/);
    }
    await page.close();
  });
});
