// Fictional people, enterprises and their identifiers. Names are assembled from common
// parts; any resemblance to a real enterprise is accidental.

import { creditCodeCheckChar, idCardCheckChar } from "@anjian/codes";
import { addDays, pad } from "./dates.ts";
import { DIVISION_CODE } from "./profile.ts";
import type { Rng } from "./prng.ts";

// Surnames weighted roughly as in Putian (林, 陈, 黄, 郑 lead).
const SURNAMES: readonly (readonly [string, number])[] = [
  ["林", 16], ["陈", 14], ["黄", 10], ["郑", 9], ["吴", 6], ["李", 5], ["王", 4], ["张", 4],
  ["刘", 3], ["许", 3], ["方", 3], ["蔡", 3], ["翁", 2], ["杨", 2], ["朱", 2], ["余", 2],
  ["徐", 2], ["卓", 2], ["宋", 1], ["关", 1], ["柯", 1], ["游", 1], ["肖", 1], ["姚", 1],
];
const GIVEN = [
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
  "秀英", "华", "平", "辉", "建华", "志强", "国平", "文斌", "建国", "丽娟", "晓燕", "金花", "春生",
  "秋云", "振华", "海燕", "志明", "少华", "亚平", "国栋", "丽萍", "德明", "金山", "文彬", "俊杰",
  "雅婷", "思远", "宏伟", "玉兰", "淑珍", "荣生", "瑞霖", "清华", "燕玲", "建新", "鸿斌", "锦程",
];

export function personName(rng: Rng): string {
  return rng.weighted(SURNAMES) + rng.pick(GIVEN);
}

export function surname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

// GB 11714-1997: the 9-char organisation code inside a credit code (chars 9–17) has its own
// check character; real codes satisfy it, so generated ones do too.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i]!;
    const v = c >= "0" && c <= "9" ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? "X" : r === 11 ? "0" : String(r);
}

// Trade names (字号) for companies.
export const TRADE_NAMES = [
  "鑫达", "恒泰", "华兴", "永盛", "宏达", "金源", "福鑫", "瑞丰", "鸿运", "兴隆", "伟业", "嘉禾",
  "晟达", "荣昌", "信泰", "盛源", "天和", "祥瑞", "隆鑫", "万佳", "新亚", "益丰", "鼎盛", "华阳",
  "凯达", "明辉", "永辉", "东升", "海鑫", "百盛", "润泽", "正兴", "协和", "金利", "宝丰", "通达",
  "昌盛", "德隆", "元亨", "安泰", "长兴", "锦华", "美华", "立信", "利达", "晋丰", "恒丰", "佳鑫",
  "振兴", "泰和", "永安", "联达", "捷顺", "和兴", "建兴", "宏图", "龙腾", "汇源", "顺发", "丰泽",
  "荔兴", "壶兰", "木兰", "兰溪", "梅峰", "紫宸", "闽中", "涵兴", "鑫盛", "华锦", "腾飞", "众诚",
];

/** All-digit check chars are not guaranteed; callers that need an all-digit code ask for one. */
export function creditCode(rng: Rng, prefix: "91" | "92" | "12" | "52", opts: { allDigits?: boolean } = {}): string {
  const chars = opts.allDigits ? "0123456789" : "0123456789ABCDEFGHJKLMNPQRTUWXY";
  for (;;) {
    // Letters are rarer than digits in real organisation codes.
    let body = "";
    for (let i = 0; i < 8; i++) body += rng.chance(0.8) ? String(rng.int(0, 9)) : rng.pick([...chars]);
    const org = body + orgCodeCheckChar(body);
    if (!/^[0-9A-HJ-NPQRTUWXY]{9}$/.test(org)) continue;
    const first17 = prefix + DIVISION_CODE + org;
    const code = first17 + creditCodeCheckChar(first17);
    if (opts.allDigits && !/^\d{18}$/.test(code)) continue;
    return code;
  }
}

/** The same code with a wrong last character (a platform typo). */
export function withWrongCheckChar(code: string): string {
  const right = code[17]!;
  const wrong = right === "7" ? "3" : "7";
  return code.slice(0, 17) + wrong;
}

// Area codes of Putian (莆田县 350321 still appears on older cards).
const ID_AREAS = ["350304", "350304", "350304", "350302", "350303", "350305", "350322", "350321"];

/** `endsWithX`: keep drawing until the check character is X (written x on some forms). */
export function idNumber(rng: Rng, sex?: "m" | "f", endsWithX = false): string {
  for (;;) {
    const id = drawId(rng, sex);
    if (!endsWithX || id.endsWith("X")) return id;
  }
}

function drawId(rng: Rng, sex?: "m" | "f"): string {
  const area = rng.pick(ID_AREAS);
  const birth = addDays("1962-01-01", rng.int(0, 365 * 38)).replaceAll("-", "");
  let seq = rng.int(1, 999);
  const wantOdd = (sex ?? (rng.chance(0.6) ? "m" : "f")) === "m";
  if (seq % 2 === (wantOdd ? 0 : 1)) seq = seq === 999 ? 998 : seq + 1;
  const first17 = area + birth + pad(seq, 3);
  return first17 + idCardCheckChar(first17);
}
