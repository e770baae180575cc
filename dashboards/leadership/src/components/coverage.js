// What the data reaches, on the pages. A kind whose data does not reach the chosen year shows an
// empty state in place of each of its KPIs, charts and tables (never a zero it does not know); a kind
// whose data stops early says up to when. The rule is the indicators' (mart_coverage); the loader
// writes it per year and kind to coverage.json with the words to show.
import {el} from "./dom.js";

const STYLE = {
  border: "1px dashed #98a2b3",
  borderRadius: "6px",
  padding: "1.25rem 1rem",
  color: "#475467",
  background: "#f8fafc",
  textAlign: "center",
  margin: "0"
};

/** The empty state of one KPI, chart or table: “2024年暂无隐患排查数据（已导入至2023年12月26日）”. */
export function emptyState(text, kind) {
  return el("div", {class: "empty-state", role: "status", "data-empty": kind, style: STYLE}, text);
}

/**
 * For the chosen year: gate(kind, render) is render() when the kind's data reaches the year, else its
 * empty state; gate.note(kind) the as-of note of a partial kind; gate.banner(...kinds) one line
 * naming the kinds that are missing or stop early (nothing when all are full).
 */
export function coverageGate(coverage, year) {
  const of = (kind) => coverage[String(year)]?.[kind] ?? {state: "none", label: kind, empty: `${year}年暂无数据`, note: null};
  const gate = (kind, render) => {
    const c = of(kind);
    return c.state === "none" ? emptyState(c.empty, kind) : render();
  };
  gate.state = (kind) => of(kind).state;
  gate.note = (kind) => (of(kind).state === "partial" ? of(kind).note : null);
  gate.banner = (...kinds) => {
    const lines = kinds
      .map((k) => ({k, c: of(k)}))
      .filter(({c}) => c.state !== "full")
      .map(({c}) => (c.state === "none" ? c.empty : `${c.label}${c.note}，${year}年的数字只统计到该日`));
    return lines.length === 0
      ? el("span")
      : el("p", {class: "notice coverage-notice", role: "status", "data-coverage": kinds.join(" ")}, lines.join("；") + "。");
  };
  return gate;
}
