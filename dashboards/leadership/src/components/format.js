// Numbers, money and dates the way the bureau writes them: zh-CN digits, 万元 with one decimal,
// 2023年5月12日.

const integer = new Intl.NumberFormat("zh-CN", {maximumFractionDigits: 0});
const yuanFormat = new Intl.NumberFormat("zh-CN", {minimumFractionDigits: 2, maximumFractionDigits: 2});

export function int(n) {
  return n == null ? "—" : integer.format(n);
}

/** A sum in 分 → 万元 rounded half up to one decimal, from the exact sum. */
export function wanFromCents(cents) {
  return Math.round(cents / 100000) / 10;
}

export function wan(n) {
  return n == null ? "—" : new Intl.NumberFormat("zh-CN", {minimumFractionDigits: 1, maximumFractionDigits: 1}).format(n);
}

export function yuan(cents) {
  return cents == null ? "—" : yuanFormat.format(cents / 100);
}

/** 0.9523 → "95.23%" */
export function pct(rate) {
  return rate == null ? "—" : `${(Math.round(rate * 10000) / 100).toFixed(2)}%`;
}

/** 2023-05-12 → 2023年5月12日 */
export function dateZh(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (iso ?? "—");
}

/** 2023-05-12 09:30 → 2023年5月12日 09:30 */
export function dateTimeZh(text) {
  if (!text) return "—";
  const [d, t] = text.split(" ");
  return t ? `${dateZh(d)} ${t}` : dateZh(d);
}

export function monthZh(m) {
  return `${m}月`;
}

export const LEVEL_LABELS = {bureau: "区应急管理局", town: "镇街"};
