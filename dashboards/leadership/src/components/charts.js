// Chart builders shared by the pages (Observable Plot from node_modules). Every chart comes wrapped
// in <figure class="chart" data-chart="name"> with a title, so that a page reads top to bottom and a
// test can find each chart and its marks.
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

const STYLE = {fontSize: "12px", fontFamily: "inherit", overflow: "visible"};

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

export function plot(options) {
  // The first render can happen before layout, with a width smaller than the margins.
  const min = (options.marginLeft ?? 40) + (options.marginRight ?? 20) + 120;
  const width = options.width === undefined ? undefined : Math.max(options.width, min);
  return Plot.plot({style: STYLE, ...options, width});
}

export function figure(name, title, body, {note} = {}) {
  return el("figure", {class: "chart", "data-chart": name}, el("figcaption", {}, title), body, note ? el("p", {class: "chart-note"}, note) : null);
}

/**
 * Horizontal bars with their value written at the end; `highlight` picks the bars drawn in full
 * colour (the others are greyed) — how a chart follows the town filter without hiding the rest.
 */
export function barsX(data, {y, x, label = (d) => int(d[x]), width, highlight, color = COLOR.main, fill, order, marginLeft = 110, marginRight = 110, empty = "本期没有记录"}) {
  const domain = order ?? data.map((d) => d[y]);
  // no category at all (a year with no hazards found): a sentence, not an empty axis
  if (domain.length === 0) return el("p", {class: "chart-empty muted", "data-chart-empty": ""}, empty);
  const base = fill ?? (() => color);
  return plot({
    width,
    height: Math.max(60, domain.length * 26 + 36),
    marginLeft,
    marginRight,
    x: {label: null, grid: true, nice: true, tickFormat: integerTicks, domain: zeroDomain(data.map((d) => d[x]))},
    y: {label: null, domain},
    marks: [
      Plot.barX(data, {
        y,
        x,
        fill: highlight ? (d) => (highlight(d) ? base(d) : COLOR.muted) : base,
        tip: true,
        title: (d) => `${d[y]}：${label(d)}`
      }),
      Plot.text(data, {y, x, text: label, dx: 4, textAnchor: "start", fill: "currentColor"}),
      Plot.ruleX([0])
    ]
  });
}

/**
 * Twelve months of this year (solid) against last year (grey), for one measure; `previous` null when
 * last year's data is not known (not imported): then this year alone.
 */
export function monthCompare({current, previous, year, width, yLabel, format = int, color = COLOR.main}) {
  const rows = [
    ...(previous ? MONTHS.map((m) => ({month: m, value: previous.get(m) ?? 0, series: `${year - 1}年`})) : []),
    ...MONTHS.map((m) => ({month: m, value: current.get(m) ?? 0, series: `${year}年`}))
  ];
  return plot({
    width,
    height: 240,
    marginLeft: 50,
    x: {label: null, domain: MONTHS, tickFormat: (m) => (width < 460 && m % 2 === 0 ? "" : monthZh(m)), type: "point", inset: 10},
    y: {label: yLabel, grid: true, nice: true, domain: zeroDomain(rows.map((d) => d.value)), tickFormat: format === int ? integerTicks : undefined},
    color: {domain: [`${year - 1}年`, `${year}年`], range: [COLOR.previous, color], legend: true},
    marks: [
      Plot.line(rows, {x: "month", y: "value", stroke: "series", strokeWidth: 2, curve: "monotone-x"}),
      Plot.dot(rows, {x: "month", y: "value", fill: "series", r: 3, tip: true, title: (d) => `${d.series}${d.month}月：${format(d.value)}`}),
      Plot.ruleY([0])
    ]
  });
}

export {Plot, wan};
