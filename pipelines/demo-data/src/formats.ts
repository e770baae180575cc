// How values are spelled in files. Real ledgers mix spellings row by row (typed by hand,
// pasted from several systems), so the plan picks a style per row or per cell.

import { parts } from "./dates.ts";
import type { Rng } from "./prng.ts";
import { type Town, townAliases } from "./profile.ts";
import type { PartyType } from "./records/types.ts";

export type DateStyle = "iso" | "slash" | "dot" | "cn" | "compact" | "time";

export const DATE_STYLES: readonly (readonly [DateStyle, number])[] = [
  ["iso", 10],
  ["slash", 4],
  ["dot", 2],
  ["cn", 3],
  ["compact", 2],
  ["time", 2],
];

export function fmtDate(iso: string, style: DateStyle, time = "09:00:00"): string {
  const { y, m, d } = parts(iso);
  switch (style) {
    case "iso":
      return iso;
    case "slash":
      return `${y}/${m}/${d}`;
    case "dot":
      return `${y}.${m}.${d}`;
    case "cn":
      return `${y}年${m}月${d}日`;
    case "compact":
      return iso.replaceAll("-", "");
    case "time":
      return `${iso} ${time}`;
  }
}

export type AmountStyle = "plain" | "decimal" | "thousands" | "yuan" | "fullwidth";

export const AMOUNT_STYLES: readonly (readonly [AmountStyle, number])[] = [
  ["plain", 10],
  ["decimal", 3],
  ["thousands", 4],
  ["yuan", 3],
  ["fullwidth", 1],
];

export function fmtAmount(yuan: number, style: AmountStyle): string {
  switch (style) {
    case "plain":
      return String(yuan);
    case "decimal":
      return yuan.toFixed(2);
    case "thousands":
      return yuan.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case "yuan":
      return `${yuan}元`;
    case "fullwidth":
      return toFullWidth(String(yuan));
  }
}

/** ASCII letters, digits and punctuation to their full-width forms (as an IME in full-width mode types them). */
export function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

export type BoolStyle = "shi" | "check" | "yn" | "digit";

export function fmtBool(b: boolean, style: BoolStyle): string {
  switch (style) {
    case "shi":
      return b ? "是" : "否";
    case "check":
      return b ? "√" : "×";
    case "yn":
      return b ? "Y" : "N";
    case "digit":
      return b ? "1" : "0";
  }
}

export function townLabel(rng: Rng, t: Town, aliasShare: number): string {
  if (!rng.chance(aliasShare)) return t;
  return rng.pick(townAliases(t).slice(1));
}

/** 当事人类型 as written: the platform's own words or the 双公示 ones; empty for some organisations with a code. */
export function partyTypeLabel(rng: Rng, t: PartyType, hasCode: boolean): string {
  if (t === "单位") return rng.weighted([["单位", 6], ["法人及非法人组织", 3], [hasCode ? "" : "单位", 1]] as const);
  if (t === "个人") return rng.chance(0.5) ? "个人" : "自然人";
  return "个体工商户";
}

/** 处罚决定书文号 in the three bracket styles found in practice. */
export function docNoStyle(no: string, style: "full" | "half" | "tortoise"): string {
  if (style === "half") return no.replace("（", "(").replace("）", ")").replace("〔", "[").replace("〕", "]");
  if (style === "tortoise") return no.replace("〔", "﹝").replace("〕", "﹞");
  return no;
}

const PENALTY_SEPARATORS: readonly (readonly [string, number])[] = [
  ["、", 10],
  ["，", 2],
  [",", 1],
  ["；", 1],
  [";", 1],
];

export function joinPenalties(rng: Rng, list: readonly string[]): string {
  return list.join(rng.weighted(PENALTY_SEPARATORS));
}
