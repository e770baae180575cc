// What a reader meets on a page, measured in the browser: the page's width against the screen's,
// chart labels that overlap, Latin words, touch targets, the heading outline, the charts' text
// alternatives, tables' headers and captions, and text contrast (WCAG 2 relative luminance).
import type { Page } from "playwright-core";

export interface PageReport {
  lang: string;
  viewport: number;
  scrollWidth: number;
  /** elements of the page reaching past the right edge of the screen */
  overflowing: string[];
  /** pairs of chart labels whose boxes overlap, by chart */
  overlaps: string[];
  /** Latin words in the page's text, titles and labels, outside table data and file names */
  latin: string[];
  /** controls smaller than 44×44 px (links inside running text excepted) */
  smallTargets: string[];
  headings: { level: number; text: string }[];
  headingsInKpis: number;
  /** charts drawn (a chart with nothing to draw says so in words, data-chart-empty) */
  charts: { name: string; images: number; label: string; empty: boolean }[];
  tables: { caption: string; headers: number; scoped: number }[];
  /** text below AA contrast: text, ratio, required */
  lowContrast: string[];
}

/** Words that may appear in Latin letters: file types and the formats offered for download. */
export const ALLOWED_LATIN = ["Word", "Markdown", "JSON", "Excel", "docx", "md", "json", "csv", "xlsx", "xls", "A4"];

export async function inspectPage(page: Page): Promise<PageReport> {
  return page.evaluate((allowed) => {
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none" && Number(s.opacity) > 0;
    };
    const describe = (e: Element) => {
      const text = (e.textContent ?? "").trim().slice(0, 30);
      return `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.className && typeof e.className === "string" ? `.${e.className.split(" ")[0]}` : ""} “${text}”`;
    };
    const main = document.querySelector("#observablehq-main") ?? document.body;
    const width = document.documentElement.clientWidth;

    const overflowing = [...document.querySelectorAll("#observablehq-center *")]
      .filter((e) => visible(e) && !e.closest(".table-scroll") && e.getBoundingClientRect().right > width + 1)
      .map(describe)
      .slice(0, 10);

    // Chart labels: every <text> drawn in a chart, against every other one of the same chart.
    const overlaps: string[] = [];
    for (const figure of document.querySelectorAll<HTMLElement>("figure.chart")) {
      const boxes = [...figure.querySelectorAll("svg text")]
        .filter((t) => (t.textContent ?? "").trim() !== "" && visible(t) && !t.closest("[aria-label='tip']"))
        .map((t) => ({ text: (t.textContent ?? "").trim(), r: t.getBoundingClientRect() }));
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.r;
          const b = boxes[j]!.r;
          const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          // a pixel of touching glyph boxes is not an overlap a reader sees
          if (dx > 1.5 && dy > 1.5) overlaps.push(`${figure.dataset.chart}: “${boxes[i]!.text}” / “${boxes[j]!.text}”`);
        }
    }

    // Latin words: the rendered text (innerText follows CSS: nothing hidden is read), every title
    // attribute (tooltips) and every aria-label outside the charts' drawings, less the table cells
    // of data and file names (name.xlsx).
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const td of clone.querySelectorAll("tbody td")) td.remove();
    const hidden = document.createElement("div");
    hidden.style.cssText = "position:absolute;left:-99999px;top:0;width:1200px";
    const texts: string[] = [];
    document.body.append(hidden);
    hidden.append(clone);
    // biome-ignore lint/performance/useDomNodeTextContent: innerText leaves out what CSS hides
    texts.push(clone.innerText);
    hidden.remove();
    texts.push(document.title);
    for (const e of document.querySelectorAll("[title]")) texts.push(e.getAttribute("title") ?? "");
    for (const e of document.querySelectorAll("[aria-label]")) if (!e.closest("svg[role=img]") || e.matches("svg[role=img]")) texts.push(e.getAttribute("aria-label") ?? "");
    for (const e of document.querySelectorAll("input[placeholder]")) texts.push(e.getAttribute("placeholder") ?? "");
    const latin = texts
      .join("\n")
      .replace(/[^\s，、：；（）“”]+\.(csv|xlsx|xls|docx|md|json)\b/gi, "")
      .match(/[A-Za-z]{2,}/g)
      ?.filter((w) => !allowed.includes(w)) ?? [];

    const smallTargets = [...document.querySelectorAll("a, button, select, input:not([type=hidden]), summary, label[for]")]
      .filter((e) => visible(e) && !(e.tagName === "A" && e.closest("p, li:not(.observablehq-link), h1, h2, h3, h4, td")) && e.id !== "observablehq-sidebar-toggle")
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width < 44 || r.height < 44;
      })
      .map((e) => `${describe(e)} ${Math.round(e.getBoundingClientRect().width)}×${Math.round(e.getBoundingClientRect().height)}`);

    const headings = [...main.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? "").trim() }));
    const headingsInKpis = main.querySelectorAll(".kpi :is(h1, h2, h3, h4, h5, h6)").length;

    const charts = [...document.querySelectorAll<HTMLElement>("figure.chart")].map((f) => {
      const images = [...f.querySelectorAll("[role=img]")];
      return { name: f.dataset.chart ?? "", images: images.length, label: images[0]?.getAttribute("aria-label") ?? "", empty: !!f.querySelector("[data-chart-empty]") };
    });

    const tables = [...main.querySelectorAll("table")].map((t) => {
      const ths = [...t.querySelectorAll("thead th")];
      return { caption: (t.querySelector("caption")?.textContent ?? "").trim(), headers: ths.length, scoped: ths.filter((th) => th.getAttribute("scope") === "col").length };
    });

    // Contrast of every visible piece of HTML text against the first opaque background behind it.
    const parse = (c: string): [number, number, number, number] | null => {
      let m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(c);
      if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
      m = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(c);
      if (m) return [Number(m[1]) * 255, Number(m[2]) * 255, Number(m[3]) * 255, m[4] === undefined ? 1 : Number(m[4])];
      return null;
    };
    const luminance = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (e: Element | null): number[] => {
      for (let n = e; n; n = n.parentElement) {
        const c = parse(getComputedStyle(n).backgroundColor);
        if (c && c[3] > 0.5) return c;
      }
      return [255, 255, 255, 1];
    };
    const lowContrast: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const e = n.parentElement;
      if (!e || seen.has(e) || !(n.textContent ?? "").trim() || e.closest("svg, script, style, select, option") || !visible(e)) continue;
      seen.add(e);
      const s = getComputedStyle(e);
      const fg = parse(s.color);
      if (!fg) continue;
      const bg = background(e);
      const l1 = luminance(fg);
      const l2 = luminance(bg);
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      const size = Number.parseFloat(s.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
      const need = large ? 3 : 4.5;
      if (ratio < need - 0.01) lowContrast.push(`${describe(e)} ${ratio.toFixed(2)} < ${need}`);
    }

    return {
      lang: document.documentElement.lang,
      viewport: width,
      scrollWidth: document.documentElement.scrollWidth,
      overflowing,
      overlaps,
      latin,
      smallTargets,
      headings,
      headingsInKpis,
      charts,
      tables,
      lowContrast,
    };
  }, ALLOWED_LATIN);
}
