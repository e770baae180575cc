// KPI cards: the value for the chosen year and scope, and its change on the same period a year
// earlier, worded like the annual report (同比增长12.3%). Each card carries the raw value in
// data-value so that tests can check it against `anjian figures`.
import {emptyState} from "./coverage.js";
import {el} from "./dom.js";
import {int, pct, wan} from "./format.js";

// `better` is the direction that is good news, for the indicators that have one (a fall in the
// rectification rate is bad news; so would be a rise in overdue hazards). Counts without one (cases,
// fines, hazards found) keep the usual red for a rise and green for a fall.
const METRICS = {
  cases: {label: "行政处罚案件", unit: "起", format: int},
  amount_wan: {label: "罚款金额", unit: "万元", format: wan},
  hazards: {label: "排查隐患", unit: "项", format: int},
  rectification_rate: {label: "隐患整改率", unit: "", format: pct, base: "hazards", better: "up"},
  major_listed: {label: "挂牌督办重大事故隐患", unit: "项", format: int},
  certified: {label: "持证执法人员", unit: "名", format: int, better: "up"},
  overdue: {label: "逾期未整改隐患", unit: "项", format: int, better: "down"},
  accidents: {label: "生产安全事故", unit: "起", format: int, better: "down"},
  deaths: {label: "事故死亡人数", unit: "人", format: int, better: "down"},
  accountable: {label: "事故问责人员", unit: "人", format: int},
  random_checks: {label: "双随机完成抽查", unit: "家", format: int, better: "up"},
  // the work ledger: more guidance, published cases and training is the work the bureau set out to do
  guidance_towns_villages: {label: "帮助指导镇街、村居", unit: "个次", format: int, better: "up"},
  guidance_enterprises: {label: "帮扶指导重点企业", unit: "家次", format: int, better: "up"},
  exposure_enterprises: {label: "曝光约谈企业", unit: "家", format: int},
  typical_cases: {label: "公布典型案例", unit: "起", format: int, better: "up"},
  trained: {label: "执法培训参训", unit: "人次", format: int, better: "up"}
};
/** The KPIs of the platform exports (the default set); the ledgers' are asked for by name. */
const PLATFORM = ["cases", "amount_wan", "hazards", "rectification_rate", "major_listed", "certified"];
// (overdue, too, is asked for by name)

function yoyText(row) {
  if (!row.has_prev) return row.state === "partial" ? "数据不完整，不作同比" : "上年同期无完整数据，不作同比";
  if (row.yoy) return row.yoy;
  return "上年同期为0";
}

function trend(row) {
  if (!row.has_prev || !row.yoy) return "flat";
  if (/增长|上升/.test(row.yoy)) return "up";
  if (/下降/.test(row.yoy)) return "down";
  return "flat";
}

/** The change's class and words: up/down for a neutral count, good/bad where a direction is better. */
function tone(m, row) {
  const t = row ? trend(row) : "flat";
  if (t === "flat") return {cls: "flat", arrow: "", word: ""};
  const arrow = t === "up" ? "▲" : "▼";
  if (!m.better) return {cls: t, arrow, word: ""};
  return t === m.better ? {cls: "good", arrow, word: "（向好）"} : {cls: "bad", arrow, word: "（需关注）"};
}

/** What the colours of the changes mean, for the cards shown. */
function legend(shown) {
  const neutral = shown.some((m) => !METRICS[m].better);
  const directed = shown.filter((m) => METRICS[m].better).map((m) => METRICS[m].label);
  return el(
    "p",
    {class: "kpi-legend"},
    "同比：",
    neutral ? [el("span", {class: "kpi-yoy up", "data-trend": "up"}, "上升"), "为红色、", el("span", {class: "kpi-yoy down", "data-trend": "down"}, "下降"), "为绿色"] : null,
    neutral && directed.length ? "；" : null,
    directed.length ? [`${directed.join("、")}有好坏之分：`, el("span", {class: "kpi-yoy good"}, "向好"), "为绿色、", el("span", {class: "kpi-yoy bad"}, "需关注"), "为红色"] : null,
    "。"
  );
}

/** A KPI whose kind's data does not reach the year: no value, the empty state in its place. */
function emptyCard(metric, m, row) {
  return el(
    "div",
    {class: "card kpi kpi-empty", "data-kpi": metric, "data-value": "", "data-state": "none"},
    el("div", {class: "kpi-label"}, m.label),
    emptyState(row.coverage_note, metric)
  );
}

/** A rate whose base is zero: no value to give. */
function noRateCard(metric, m, row) {
  return el(
    "div",
    {class: "card kpi", "data-kpi": metric, "data-value": "", "data-state": row.state},
    el("div", {class: "kpi-label"}, m.label),
    el("div", {class: "kpi-value"}, el("span", {class: "big"}, "—")),
    el("div", {class: "kpi-note muted"}, "本期没有排查出隐患，不计整改率"),
    row.state === "partial" && row.coverage_note ? el("div", {class: "kpi-note kpi-partial"}, row.coverage_note) : null
  );
}

/** @param rows kpi.arrow rows of one year and scope */
export function kpiCards(rows, {metrics = PLATFORM, notes = {}} = {}) {
  return el(
    "div",
    {class: "grid grid-cols-3 kpis"},
    metrics.map((metric) => {
      const m = METRICS[metric];
      const row = rows.find((r) => r.metric === metric);
      if (row?.state === "none") return emptyCard(metric, m, row);
      // a rate of nothing (no hazards found) is not 0.00%
      const base = m.base ? rows.find((r) => r.metric === m.base) : null;
      if (row && base && base.value === 0) return noRateCard(metric, m, row);
      const t = tone(m, row);
      return el(
        "div",
        {class: "card kpi", "data-kpi": metric, "data-value": row ? String(row.value) : "", "data-state": row?.state ?? ""},
        el("div", {class: "kpi-label"}, m.label),
        el("div", {class: "kpi-value"}, el("span", {class: "big"}, row ? m.format(row.value) : "—"), m.unit ? el("span", {class: "kpi-unit"}, m.unit) : null),
        el("div", {class: `kpi-yoy ${t.cls}`, "data-trend": t.arrow ? (t.arrow === "▲" ? "up" : "down") : null}, row ? yoyText(row) : "", t.word),
        row?.has_prev ? el("div", {class: "kpi-prev muted"}, `上年同期 ${m.format(row.prev)}${m.unit}`) : null,
        notes[metric] ? el("div", {class: "kpi-note muted"}, notes[metric]) : null,
        row?.state === "partial" && row.coverage_note ? el("div", {class: "kpi-note kpi-partial"}, `${row.coverage_note}`) : null
      );
    }),
    legend(metrics)
  );
}
