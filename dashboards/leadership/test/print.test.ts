// 总览 and 年报数据 printed to PDF on A4 as Chromium prints them (the page's own @page rules): the
// number of sheets stays small, no heading is the last line of a sheet (its chart or text would be
// on the next one), the first sheet names the selected year and town, and every sheet's foot the
// data's date and the page number. Needs poppler's pdfinfo and pdftotext. The PDFs stay in
// test/screenshots/ for review.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type Browser, launchBrowser, waitForCharts } from "./support/browser.ts";
import { SCREENSHOTS } from "./support/site.ts";

const site = inject("site");
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser({ name: "desktop", width: 1440, height: 900 });
});

afterAll(async () => {
  await browser?.close();
});

/** The text of each sheet of a PDF, line by line, blank lines dropped. */
function sheets(pdf: string): string[][] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], { encoding: "utf8" })
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean),
  );
}

const squash = (s: string) => s.replace(/\s+/g, "");

describe.each([
  { name: "overview", path: "", maxSheets: 3 },
  { name: "report", path: "report.html", maxSheets: 8 },
])("$name on A4", ({ name, path: pathname, maxSheets }) => {
  test("few sheets, headings with what follows them, header and footer", async () => {
    const page = await browser.context.newPage();
    await page.goto(new URL(`${pathname}?year=${site.defaultYear}&town=全区`, site.url).href);
    await waitForCharts(page);
    const headings = (await page.locator("#observablehq-main :is(h1, h2, h3, h4, figcaption)").allTextContents()).map(squash).filter((h) => h.length >= 4);
    const pdf = path.join(SCREENSHOTS, `${name}-A4.pdf`);
    await page.pdf({ path: pdf, format: "A4", printBackground: true, preferCSSPageSize: true });
    await page.close();

    const text = sheets(pdf);
    expect(text.length).toBeGreaterThanOrEqual(1);
    expect(text.length).toBeLessThanOrEqual(maxSheets);
    expect(squash(text[0]!.slice(0, 3).join(" "))).toContain(`${site.defaultYear}年·全区`);
    for (const [i, lines] of text.entries()) {
      const footer = lines.at(-1) ?? "";
      expect(footer, `sheet ${i + 1} footer`).toMatch(/数据截至\d{4}年\d+月\d+日/);
      expect(footer).toContain(`第 ${i + 1} 页，共 ${text.length} 页`);
      // the last line of the sheet's content: neither a heading nor the first or last part of one
      // (a part of six characters or more: a table label wrapped onto a line of its own, such as
      // “执法人员”, may end like a heading)
      const last = squash(lines.at(-2) ?? "");
      if (i === text.length - 1 || last.length < 4) continue;
      const heading = headings.find((h) => h === last || (last.length >= 6 && (h.startsWith(last) || h.endsWith(last))));
      expect(heading, `sheet ${i + 1} ends with the heading “${last}”`).toBeUndefined();
    }
  });
});
