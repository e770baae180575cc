// The year selector and town filter at the top of every page. Its value is {year, town}; every chart
// of the page reads it. The choice follows the reader from page to page (sessionStorage) and can be
// bookmarked or shared (?year=2023&town=黄石镇).
import {el} from "./dom.js";
import {printStamp} from "./print.js";

export const DISTRICT = "全区";
const KEY = "anjian-dashboard-filter";

function initial(meta) {
  const years = meta.years.map(String);
  const towns = [DISTRICT, ...meta.towns.map((t) => t.name)];
  let saved = {};
  try {
    saved = JSON.parse(sessionStorage.getItem(KEY) ?? "{}") ?? {};
  } catch {
    saved = {};
  }
  const query = new URLSearchParams(location.search);
  const pick = (name, allowed, fallback) => {
    for (const v of [query.get(name), saved[name]]) if (v != null && allowed.includes(String(v))) return String(v);
    return fallback;
  };
  return {
    year: Number(pick("year", years, String(meta.defaultYear ?? years[years.length - 1] ?? new Date().getFullYear()))),
    town: pick("town", towns, DISTRICT)
  };
}

/**
 * @param meta the loader's meta.json
 * @param {{townLabel?: string, note?: string}} options
 */
export function filterBar(meta, {townLabel = "镇街", note} = {}) {
  const start = initial(meta);
  const yearSelect = el(
    "select",
    {name: "year", "aria-label": "年度"},
    (meta.years.length ? meta.years : [start.year]).map((y) => el("option", {value: y, selected: y === start.year}, `${y}年`))
  );
  const townSelect = el(
    "select",
    {name: "town", "aria-label": townLabel},
    [DISTRICT, ...meta.towns.map((t) => t.name)].map((t) => el("option", {value: t, selected: t === start.town}, t))
  );
  const form = el(
    "div",
    {class: "filter-bar", role: "group", "aria-label": "筛选"},
    el("label", {}, el("span", {}, "年度"), yearSelect),
    el("label", {}, el("span", {}, townLabel), townSelect),
    note ? el("span", {class: "filter-note"}, note) : null,
    meta.years.length === 0
      ? el("p", {class: "notice", role: "status"}, "数据仓库中还没有数据：请数据管理员导入省平台导出的文件后重新生成驾驶舱（见“如何更新数据”）。")
      : null
  );
  const read = () => ({year: Number(yearSelect.value), town: townSelect.value});
  Object.defineProperty(form, "value", {get: read});
  const remember = () => {
    const v = read();
    try {
      sessionStorage.setItem(KEY, JSON.stringify(v));
    } catch {
      // storage may be disabled (private mode): the choice then lasts for this page only
    }
    const url = new URL(location.href);
    url.searchParams.set("year", String(v.year));
    url.searchParams.set("town", v.town);
    history.replaceState(history.state, "", url);
  };
  form.addEventListener("input", remember);
  form.addEventListener("input", () => printStamp(meta, read()));
  printStamp(meta, read());
  return form;
}
