// Debian's Chromium driven by playwright-core (never a browser download), on a fresh profile, with
// everything a page does recorded: console errors, failed requests, every request's host.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.ANJIAN_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1360, height: 900 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  badResponses: string[];
  requests: string[];
}

export function recordPage(page: Page): PageLog {
  const log: PageLog = { consoleErrors: [], pageErrors: [], failedRequests: [], badResponses: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") log.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => log.pageErrors.push(e.message));
  page.on("request", (r) => log.requests.push(r.url()));
  page.on("requestfailed", (r) => log.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("response", (r) => {
    if (r.status() >= 400) log.badResponses.push(`${r.status()} ${r.url()}`);
  });
  return log;
}

/** Requests to anything but this machine (data: and blob: URLs never leave the page). */
export function nonLocal(requests: string[]): string[] {
  return requests.filter((u) => {
    if (u.startsWith("data:") || u.startsWith("blob:")) return false;
    const host = new URL(u).hostname;
    return !["127.0.0.1", "localhost", "[::1]", "::1"].includes(host);
  });
}

/** Waits until every chart of the page holds an SVG with marks, and Framework has no cell pending. */
export async function waitForCharts(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const figures = [...document.querySelectorAll("figure.chart")];
      if (figures.length === 0) return false;
      if (document.querySelector(".observablehq--loading")) return false;
      return figures.every((f) => f.querySelector("svg [aria-label] rect, svg [aria-label] path, svg [aria-label] circle, svg [aria-label] text"));
    },
    undefined,
    { timeout, polling: 100 },
  );
}

export const PAGES = [
  { path: "", name: "overview", title: "总览" },
  { path: "cases.html", name: "cases", title: "行政处罚" },
  { path: "hazards.html", name: "hazards", title: "隐患排查" },
  { path: "enforcers.html", name: "enforcers", title: "执法队伍" },
  { path: "random-checks.html", name: "random-checks", title: "双随机抽查" },
  { path: "accidents.html", name: "accidents", title: "事故调查" },
  { path: "activities.html", name: "activities", title: "工作台账" },
  { path: "report.html", name: "report", title: "年报数据" },
  { path: "quality.html", name: "quality", title: "数据质量" },
] as const;
