// Debian's Chromium driven by playwright-core (never a browser download), on a fresh profile, with
// everything a page does recorded: console errors, failed requests, every request's host.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import config from "../../observablehq.config.js";

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

/** A phone in WeChat's browser, as leaders open the dashboard's links. */
export const WECHAT_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN";

export interface Screen {
  name: string;
  width: number;
  height: number;
  userAgent?: string;
  mobile?: boolean;
}

/** The two screens every page is checked on: a phone (390×844, WeChat) and a desktop (1440×900). */
export const SCREENS: Screen[] = [
  { name: "phone", width: 390, height: 844, userAgent: WECHAT_IPHONE, mobile: true },
  { name: "desktop", width: 1440, height: 900 },
];

export async function launchBrowser(screen: Screen = { name: "default", width: 1360, height: 900 }): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: screen.width, height: screen.height },
    ...(screen.userAgent ? { userAgent: screen.userAgent } : {}),
    ...(screen.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : {}),
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

/**
 * Waits until Framework has no cell pending and every chart of the page holds an SVG with marks or
 * its sentence for nothing to draw (data-chart-empty) (a page that draws no chart, such as the help
 * page, once its cells have run).
 */
export async function waitForCharts(page: Page, timeout = 30_000, expectCharts?: boolean): Promise<void> {
  // A Framework page that draws charts calls figure(...) in its cells; a page that is not one of
  // ours (the benchmark's floor) says so with expectCharts, or the wait would end before it draws.
  const charts = expectCharts ?? (await page.evaluate(() => [...document.scripts].some((s) => /\bfigure\(/.test(s.textContent ?? ""))));
  await page.waitForFunction(
    (charts) => {
      if (document.querySelector(".observablehq--loading, observablehq-loading")) return false;
      const figures = [...document.querySelectorAll("figure.chart")];
      if (!charts) return true;
      if (figures.length === 0) return false;
      // a chart with nothing to draw for the selection (no accidents in a town) says so in words
      return figures.every((f) => f.querySelector("svg [aria-label] rect, svg [aria-label] path, svg [aria-label] circle, svg [aria-label] text, [data-chart-empty]"));
    },
    charts,
    { timeout, polling: 100 },
  );
}

export interface SitePage {
  /** the URL relative to the site's root ("" for the home page) */
  path: string;
  /** the built file, index.html for the home page */
  file: string;
  /** a short Latin name for screenshots ("overview" for the home page) */
  name: string;
  /** the page's name in the sidebar */
  title: string;
}

/** Every page listed in observablehq.config.js, so that a page added there is tested like the rest. */
export const PAGES: SitePage[] = config.pages.map((p: { name: string; path: string }) => {
  const slug = p.path.replace(/^\//, "");
  return slug === "" ? { path: "", file: "index.html", name: "overview", title: p.name } : { path: `${slug}.html`, file: `${slug}.html`, name: slug, title: p.name };
});
