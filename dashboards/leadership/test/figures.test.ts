// The numbers leaders see are the numbers of the annual report: on 总览 the KPI cards, and on 年报数据
// every figure, the paragraphs and the downloads, equal `anjian figures` for the same year.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type Browser, launchBrowser, recordPage, waitForCharts } from "./support/browser.ts";
import { readZipEntries } from "@anjian/exports";

const site = inject("site");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Figures {
  cases: { total: { count: number; amount_wan: number } };
  hazards: { total: number; rectification_rate: number; major_listed: number };
  enforcers: { certified: number };
  [key: string]: unknown;
}

function leaves(value: unknown, prefix: string[] = []): [string, number][] {
  if (typeof value === "number") return [[prefix.join("."), value]];
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => (prefix.length === 0 && k === "period" ? [] : leaves(v, [...prefix, k])));
  return [];
}

async function openAt(pathname: string, year: number): Promise<Page> {
  const page = await browser.context.newPage();
  recordPage(page);
  await page.goto(new URL(`${pathname}?year=${year}&town=全区`, site.url).href);
  await waitForCharts(page);
  return page;
}

describe("总览 KPI cards", () => {
  test.each(site.years)("%i equal anjian figures --format json", async (year) => {
    const cli = JSON.parse(site.figures[String(year)]!.json) as Figures;
    const page = await openAt("", year);
    await page.waitForFunction((y) => document.querySelector("h2")?.textContent?.includes(`${y}年`), year);
    const cards = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll<HTMLElement>("[data-kpi]")].map((c) => [c.dataset.kpi, { value: Number(c.dataset.value), text: c.querySelector(".big")?.textContent }])),
    );
    expect(cards.cases?.value).toBe(cli.cases.total.count);
    expect(cards.amount_wan?.value).toBe(cli.cases.total.amount_wan);
    expect(cards.hazards?.value).toBe(cli.hazards.total);
    expect(cards.rectification_rate?.value).toBe(cli.hazards.rectification_rate);
    expect(cards.major_listed?.value).toBe(cli.hazards.major_listed);
    expect(cards.certified?.value).toBe(cli.enforcers.certified);
    // and as shown: 万元 with one decimal, the rate as a percentage with two
    expect(cards.amount_wan?.text).toBe(new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(cli.cases.total.amount_wan));
    expect(cards.rectification_rate?.text).toBe(`${(cli.hazards.rectification_rate * 100).toFixed(2)}%`);
    expect(cards.cases?.text).toBe(cli.cases.total.count.toLocaleString("zh-CN"));
    await page.close();
  });
});

describe("年报数据", () => {
  test.each(site.years)("%i: every figure equals anjian figures --format json", async (year) => {
    const cli = JSON.parse(site.figures[String(year)]!.json);
    const page = await openAt("report.html", year);
    await page.waitForFunction((y) => document.querySelector(`[data-report="${y}"]`), year);
    const shown = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>("td[data-path]")].map((td) => [td.dataset.path, Number(td.dataset.value)] as [string, number]));
    expect(shown).toEqual(leaves(cli));

    // every paragraph on the page is a paragraph of `anjian figures --format md`
    const md = site.figures[String(year)]!.md;
    const paragraphs = await page.locator(".report-text .para p").allTextContents();
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const text of paragraphs) expect(md).toContain(text);
    await page.close();
  });

  test("downloads: the json and md are anjian figures' output; the docx is a Word document", async () => {
    const year = site.defaultYear;
    const page = await openAt("report.html", year);
    const fetchDownload = async (kind: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-download="${kind}"]`)]);
      const file = await download.path();
      return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
    };
    const json = await fetchDownload("json");
    expect(json.name).toBe(`年报数据-${year}.json`);
    expect(json.bytes.toString("utf8")).toBe(site.figures[String(year)]!.json);
    const md = await fetchDownload("md");
    expect(md.name).toBe(`年报数据-${year}.md`);
    expect(md.bytes.toString("utf8").trimEnd()).toBe(site.figures[String(year)]!.md.trimEnd());
    const docx = await fetchDownload("docx");
    expect(docx.name).toBe(`年报数据-${year}.docx`);
    const parts = await readZipEntries(docx.bytes);
    const body = parts.get("word/document.xml")?.toString("utf8") ?? "";
    expect(body).toContain(`${year}年度安全生产行政执法数据`);
    await page.close();
  });

  test("copy buttons put the paragraph on the clipboard", async () => {
    const page = await openAt("report.html", site.defaultYear);
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(site.url).origin });
    const first = page.locator(".report-text .para").first();
    const text = await first.locator("p").textContent();
    await first.locator("button.copy").click();
    await expect.poll(() => first.locator(".copied").textContent()).toBe("已复制");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await page.close();
  });
});
