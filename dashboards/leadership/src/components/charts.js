// Chart builders shared by the pages (Observable Plot from node_modules). Every chart comes wrapped
// in <figure class="chart" data-chart="name"> with a title, so that a page reads top to bottom and a
// test can find each chart and its marks. Each drawing is an image to assistive technology, labelled
// with its title and its main figure in words. Below PHONE pixels the builders switch to a layout
// that fits a phone (labels above bars, months down the side); when the page is printed every chart
// is drawn again at the width it gets on A4, so that its text prints at 9 pt or more.
import * as Plot from "@observablehq/plot";
import {el} from "./dom.js";
import {int, monthZh, wan} from "./format.js";

export const COLOR = {
  main: "#1f5fa8",
  light: "#7fa6d6",
  second: "#e07b39",
  previous: "#9aa9bd",
  muted: "#c9d3df",
  good: "#2f9e44",
  warn: "#f08c00",
  bad: "#d6336c"
};

export const STATUS_COLORS = {domain: ["已整改", "整改中", "逾期未整改"], range: [COLOR.good, COLOR.warn, COLOR.bad]};
export const LEVEL_COLORS = {domain: ["一般隐患", "重大事故隐患"], range: [COLOR.main, COLOR.bad]};

export const MONTHS = Array.from({length: 12}, (_, i) => i + 1);

/** Widths at or below this are laid out for a phone. */
export const PHONE = 480;

const STYLE = {fontSize: "12px", fontFamily: "inherit", overflow: "visible"};
// 13px drawn at the chart's printed width is 9.75 pt on paper.
const PRINT_STYLE = {...STYLE, fontSize: "13px"};
// A4 portrait less the @page margins (186 mm at 96 dpi), and the width of a chart in a card of a
// two-column grid or a full-width card on that page (see the print rules of style.css).
const PRINT_PAGE = 703;
const PRINT_WIDTH = {half: Math.floor((PRINT_PAGE - 8) / 2 - 18), full: PRINT_PAGE - 18};

/**
 * Months that have data, as (year, month) => boolean: those within a kind's span ({from, to}, ISO
 * dates, from coverage.json), or without one the years the warehouse covers up to the data's date.
 */
export function dataMonths(meta, span) {
  const key = (year, month) => `${year}-${String(month).padStart(2, "0")}`;
  if (span) return (year, month) => span.from != null && key(year, month) >= span.from.slice(0, 7) && key(year, month) <= span.to.slice(0, 7);
  const years = new Set((meta.years ?? []).map(Number));
  const [lastYear, lastMonth] = (meta.asOf ?? "").split(/[- ]/).map(Number);
  return (year, month) => years.has(year) && !(year === lastYear && month > lastMonth) && !(year > lastYear);
}

/**
 * A value axis from zero with a fixed minimum: all-zero data draws zero-length bars on a 0–1 axis,
 * never full-width bars or an empty axis.
 */
export function zeroDomain(values, min = 1) {
  return [0, Math.max(min, ...values.filter((v) => Number.isFinite(v)))];
}

/** The totals of stacked bars: the sum of `value` per `key` (the stack's length on the value axis). */
export function stackTotals(rows, key, value = "value") {
  const sums = new Map();
  for (const d of rows) sums.set(d[key], (sums.get(d[key]) ?? 0) + d[value]);
  return [...sums.values()];
}

/** Integer axis labels only (counts of cases, hazards, people are whole numbers). */
export const integerTicks = (v) => (Number.isInteger(v) ? int(v) : "");

/**
 * Plot.plot with the dashboard's style. `describe` states the chart's main figure in words (the
 * figure's aria-label); `print` (a function of the printed width returning options) lets a chart
 * change its layout on paper, and is how every chart is drawn again for print.
 */
export function plot({describe, print, ...options}) {
  // The first render can happen before layout, with a width smaller than the margins.
  const min = (options.marginLeft ?? 40) + (options.marginRight ?? 20) + 120;
  const width = options.width === undefined ? undefined : Math.max(options.width, min);
  const node = Plot.plot(fitMonths({style: STYLE, ...options, width}));
  node.dataset.describe = describe ?? "";
  PRINTABLE.set(node, (w) => {
    const o = print ? print(w, true) : {...options, width: w};
    const printed = Plot.plot(fitMonths({...o, style: PRINT_STYLE, width: w}));
    printed.dataset.describe = node.dataset.describe;
    return printed;
  });
  return node;
}

/**
 * Twelve month labels do not fit side by side in a narrow chart: there a month axis (domain MONTHS)
 * names January and every third month only.
 */
function fitMonths(options) {
  const x = options.x;
  if (!x || x.domain !== MONTHS || options.width === undefined || options.width > PHONE) return options;
  const format = x.tickFormat ?? monthZh;
  return {...options, x: {...x, tickFormat: (m, i) => (m === 1 || m % 3 === 0 ? (typeof format === "function" ? format(m, i) : m) : "")}};
}

/** The chart drawn for paper, by the node drawn for the screen. */
const PRINTABLE = new WeakMap();
const printed = [];
function labelImage(node, label) {
  const image = node instanceof SVGElement ? node : (node.querySelector(":scope > svg:last-of-type") ?? node);
  image.setAttribute("role", "img");
  image.setAttribute("aria-label", label);
}
if (typeof window !== "undefined") {
  addEventListener("beforeprint", () => {
    for (const figure of document.querySelectorAll("figure.chart")) {
      const node = [...figure.children].find((c) => PRINTABLE.has(c));
      if (!node) continue;
      const width = figure.closest(".grid") ? PRINT_WIDTH.half : PRINT_WIDTH.full;
      const paper = PRINTABLE.get(node)(width);
      labelImage(paper, figure.dataset.label ?? "");
      node.replaceWith(paper);
      printed.push([paper, node]);
    }
  });
  addEventListener("afterprint", () => {
    for (const [paper, node] of printed.splice(0)) if (paper.isConnected) paper.replaceWith(node);
  });
}

/**
 * A chart with its title; `summary` (or the chart's own `describe`) states its main figure, and
 * with the title becomes the drawing's Chinese aria-label.
 */
export function figure(name, title, body, {note, summary} = {}) {
  const said = summary ?? body?.dataset?.describe ?? "";
  const label = said ? `${title}。${said}` : title;
  if (body instanceof Element && body.matches("svg, figure")) labelImage(body, label);
  return el(
    "figure",
    {class: "chart", "data-chart": name, "data-label": label},
    el("figcaption", {}, title),
    body,
    note ? el("p", {class: "chart-note"}, note) : null
  );
}

/** "最多的是A（12起）" — the largest of a list, in words. */
export function largest(data, key, value, format = int) {
  const top = data.reduce((a, d) => (a == null || d[value] > a[value] ? d : a), null);
  return top && top[value] > 0 ? `最多的是${top[key]}（${format(top[value])}）` : "均为0";
}

/**
 * Horizontal bars with their value written at the end; `highlight` picks the bars drawn in full
 * colour (the others are greyed) — how a chart follows the town filter without hiding the rest.
 */
export function barsX(data, {y, x, label = (d) => int(d[x]), width, highlight, color = COLOR.main, fill, order, marginLeft = 110, marginRight = 110, describe, empty = "本期没有记录"}) {
  const domain = order ?? data.map((d) => d[y]);
  // no category at all (a year with no hazards found): a sentence, not an empty axis
  if (domain.length === 0) return el("p", {class: "chart-empty muted", "data-chart-empty": ""}, empty);
  const base = fill ?? (() => color);
  const barFill = highlight ? (d) => (highlight(d) ? base(d) : COLOR.muted) : base;
  const bar = Plot.barX(data, {y, x, fill: barFill, tip: true, title: (d) => `${d[y]}：${label(d)}`});
  const xScale = {label: null, grid: true, nice: true, ticks: 4, tickFormat: integerTicks, domain: zeroDomain(data.map((d) => d[x]))};
  const top = data.reduce((a, d) => (a == null || d[x] > a[x] ? d : a), null);
  const said = describe ?? (top && top[x] > 0 ? `共${data.length}项，最多的是${top[y]}：${label(top)}` : `共${data.length}项，均为0`);
  const layout = (w) =>
    w <= PHONE
      ? // On a phone the names go above their bars, so that long names neither crowd the bars nor
        // run off the left edge; the value stays at the end of the bar.
        {
          width: w,
          height: Math.max(60, domain.length * 44 + 28),
          marginLeft: 4,
          marginRight: Math.min(marginRight, 120),
          marginTop: 22,
          x: xScale,
          y: {label: null, domain, axis: null, paddingInner: 0.5, paddingOuter: 0.1, align: 1},
          marks: [
            bar,
            Plot.text(data, {y, text: (d) => d[y], frameAnchor: "left", dy: -17, textAnchor: "start", fill: "currentColor", lineWidth: Math.max(8, (w - 8) / 12)}),
            Plot.text(data, {y, x, text: label, dx: 4, textAnchor: "start", fill: "currentColor"}),
            Plot.ruleX([0])
          ]
        }
      : {
          width: w,
          height: Math.max(60, domain.length * 26 + 36),
          marginLeft,
          marginRight,
          x: xScale,
          y: {label: null, domain},
          marks: [bar, Plot.text(data, {y, x, text: label, dx: 4, textAnchor: "start", fill: "currentColor"}), Plot.ruleX([0])]
        };
  return plot({...layout(width), describe: said, print: layout});
}

/**
 * Twelve months of this year (solid) against last year (grey), for one measure; `previous` null when
 * last year's data is not known (not imported): then this year alone. A month for which
 * `covered(year, month)` is false has no data (after the data's date): a gap in the line, not a zero.
 */
export function monthCompare({current, previous, year, width, yLabel, unit = yLabel, format = int, color = COLOR.main, covered = () => true}) {
  const value = (map, y, m) => (covered(y, m) ? (map.get(m) ?? 0) : undefined);
  const rows = [
    ...(previous ? MONTHS.map((m) => ({month: m, value: value(previous, year - 1, m), series: `${year - 1}年`})) : []),
    ...MONTHS.map((m) => ({month: m, value: value(current, year, m), series: `${year}年`}))
  ];
  const total = (y) => rows.filter((d) => d.series === `${y}年` && d.value !== undefined).reduce((a, d) => a + d.value, 0);
  const months = (y) => rows.filter((d) => d.series === `${y}年` && d.value !== undefined).length;
  const sum = (y) => (months(y) === 0 ? `${y}年无数据` : `${y}年${months(y) < 12 ? `（${months(y)}个月）` : ""}合计${format(total(y))}${unit}`);
  const series = previous ? [`${year - 1}年`, `${year}年`] : [`${year}年`];
  const gaps = rows.some((d) => d.value === undefined);
  const layout = (w) => ({
    width: w,
    height: w <= PHONE ? 230 : 250,
    // room above the top tick for the axis label (↑ 起)
    marginTop: 32,
    marginLeft: w <= PHONE ? 40 : 50,
    marginRight: w <= PHONE ? 12 : 20,
    x: {label: null, domain: MONTHS, tickFormat: (m) => (w < 460 && m % 3 !== 0 && m !== 1 ? "" : monthZh(m)), type: "point", inset: 10},
    y: {label: yLabel, grid: true, nice: true, ticks: 5, domain: zeroDomain(rows.map((d) => d.value ?? 0)), tickFormat: format === int ? integerTicks : undefined},
    color: {domain: series, range: previous ? [COLOR.previous, color] : [color], legend: true},
    marks: [
      Plot.line(rows, {x: "month", y: "value", z: "series", stroke: "series", strokeWidth: 2, curve: "monotone-x", defined: (d) => d.value !== undefined}),
      Plot.dot(
        rows.filter((d) => d.value !== undefined),
        {x: "month", y: "value", fill: "series", r: 3, tip: true, title: (d) => `${d.series}${d.month}月：${format(d.value)}`}
      ),
      Plot.ruleY([0])
    ]
  });
  const node = plot({...layout(width), describe: `${sum(year)}${previous ? `，${sum(year - 1)}` : `，${year - 1}年无数据`}${gaps ? "；没有数据的月份不画线" : ""}`, print: layout});
  return node;
}

/**
 * A grid of months (columns) by rows (units, kinds of record), each cell shaded by `share` (0–1)
 * and labelled with its number. On a phone it is turned a quarter: months down the side, the rows
 * across, named by `shortest` (a column is about four characters wide); elsewhere rows are named by
 * `short`.
 */
export function monthGrid(cells, {row, rows, value, share, width, short = (r) => r, shortest = short, format = int, title, marginLeft = 110, zero = "#b42318", describe}) {
  const fill = (d) => (d[value] === 0 ? zero : d[share] > 0.55 ? "white" : "black");
  const color = {type: "linear", domain: [0, 1], range: ["#eef3fa", COLOR.main]};
  const tip = {tip: true, title: title ?? ((d) => `${d[row]} ${d.month}月：${format(d[value])}`)};
  const layout = (w, paper = false) => {
    const phone = w <= PHONE;
    const fontSize = paper ? 13 : 11;
    return phone
      ? {
          width: w,
          height: 12 * 30 + 44,
          marginLeft: 40,
          marginRight: 4,
          marginTop: 40,
          x: {label: null, domain: rows, tickFormat: shortest, axis: "top", tickSize: 0},
          y: {label: null, domain: MONTHS, tickFormat: monthZh, tickSize: 0},
          color,
          marks: [
            Plot.cell(cells, {x: row, y: "month", fill: (d) => d[share], inset: 1, ...tip}),
            Plot.text(cells, {x: row, y: "month", text: (d) => format(d[value]), fill, fontSize})
          ]
        }
      : {
          width: w,
          height: rows.length * 30 + 50,
          marginLeft,
          marginRight: 10,
          x: {domain: MONTHS, tickFormat: (m) => (w < 720 ? String(m) : monthZh(m)), tickSize: 0, label: w < 720 ? "月" : null, labelAnchor: "right"},
          y: {label: null, domain: rows, tickFormat: short, tickSize: 0},
          color,
          marks: [
            Plot.cell(cells, {x: "month", y: row, fill: (d) => d[share], inset: 1, ...tip}),
            Plot.text(cells, {x: "month", y: row, text: (d) => format(d[value]), fill, fontSize: w < 720 && !paper ? 10 : fontSize})
          ]
        };
  };
  return plot({...layout(width), describe, print: layout});
}

export {Plot, wan};
