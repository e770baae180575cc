// The pool of fictional enterprises that every kind draws its parties from, so that one
// enterprise keeps one name and one code across cases, inspections and hazards (the
// importer's enterprise identity depends on that).

import { creditCode, surname, TRADE_NAMES, withWrongCheckChar } from "../names.ts";
import type { Rng } from "../prng.ts";
import { bareTown, DISTRICT, DISTRICT_SHORT, type Industry, TOWNS, type Town, VILLAGES } from "../profile.ts";
import type { Enterprise, EnterpriseForm } from "./types.ts";

const TOWN_WEIGHTS: readonly (readonly [Town, number])[] = [
  ["西天尾镇", 25],
  ["黄石镇", 22],
  ["新度镇", 18],
  ["北高镇", 12],
  ["镇海街道", 12],
  ["拱辰街道", 11],
];

const MAKE_WORDS = [
  "鞋业", "鞋材", "工艺品", "木雕工艺", "家具", "食品", "塑胶制品", "五金制品", "包装材料", "纺织",
  "服装", "电子科技", "机械制造", "印刷", "金属制品", "石材", "油画工艺", "眼镜", "体育用品", "箱包",
  "模具", "纸品",
];

export interface EnterprisePool {
  all: Enterprise[];
  /** Enterprises for ordinary picks: excludes the deliberately odd ones and the reserved ones. */
  regular: Enterprise[];
  byId: Map<number, Enterprise>;
  /** All-digit code; the plan writes it once as a numeric cell. */
  numericCode: Enterprise;
  /** Wrong check digit in every record that carries their code. */
  flawed: [Enterprise, Enterprise];
  /** No code in any record. */
  unregistered: Enterprise[];
  stadiums: Enterprise[];
  /** Only ever used by rows the importer must reject. */
  forBadRows: Enterprise[];
}

export function buildEnterprises(rng: Rng): EnterprisePool {
  const all: Enterprise[] = [];
  const names = new Set<string>();
  const codes = new Set<string>();
  const usedTrades = new Set<string>();

  const add = (
    name: string,
    form: EnterpriseForm,
    industry: Industry,
    town: Town,
    tags: string[] = [],
    code?: string | null,
  ): Enterprise | null => {
    if (names.has(name)) return null;
    let c: string | null;
    if (code !== undefined) c = code;
    else if (form === "unregistered") c = null;
    else {
      const prefix = form === "getihu" ? "92" : form === "public" ? "12" : "91";
      do c = creditCode(rng, prefix);
      while (codes.has(c));
    }
    if (c) codes.add(c);
    names.add(name);
    const e: Enterprise = { id: all.length + 1, name, code: c, form, town, industry, tags };
    all.push(e);
    return e;
  };

  const town = () => rng.weighted(TOWN_WEIGHTS);
  // A trade name + business word is used once, so no two enterprises differ only by prefix.
  const fresh = (word: string, make: (trade: string) => string): string => {
    for (;;) {
      const trade = rng.pick(TRADE_NAMES);
      if (usedTrades.has(trade + word)) continue;
      usedTrades.add(trade + word);
      return make(trade);
    }
  };
  const prefix = () =>
    rng.weighted([
      [`${DISTRICT}`, 6],
      ["莆田市", 3],
      ["福建省莆田市", 1],
      ["莆田", 1],
    ] as const);

  const many = (n: number, industry: Industry, form: EnterpriseForm, words: readonly string[], shape: (trade: string, word: string, t: Town) => string, tags: string[] = []) => {
    for (let i = 0; i < n; i++) {
      const word = rng.pick(words);
      const t = town();
      add(fresh(word, (trade) => shape(trade, word, t)), form, industry, t, tags);
    }
  };

  many(520, "工贸", "company", MAKE_WORDS, (tr, w) => `${prefix()}${tr}${w}有限公司`);
  many(22, "危险化学品", "company", ["化工贸易", "气体", "石化", "油品贸易", "燃气"], (tr, w) => `${prefix()}${tr}${w}有限公司`);
  many(8, "危险化学品", "company", ["加油站"], (tr) => `${DISTRICT}${tr}加油站有限公司`);
  many(6, "烟花爆竹", "company", ["烟花爆竹批发"], (tr) => `${DISTRICT}${tr}烟花爆竹批发有限公司`);
  many(8, "烟花爆竹", "getihu", ["烟花爆竹经营部"], (tr, _w, t) => `${DISTRICT_SHORT}${bareTown(t)}${tr}烟花爆竹经营部`);
  many(45, "建筑施工", "company", ["建设工程", "建筑工程", "建设集团", "市政工程"], (tr, w) =>
    w === "建设工程" ? `福建${tr}建设工程有限公司` : w === "建设集团" ? `福建省${tr}建设集团有限公司` : `莆田市${tr}${w}有限公司`,
  );
  many(30, "道路运输", "company", ["运输", "物流", "汽车客运", "危险货物运输", "公共交通"], (tr, w) =>
    w === "危险货物运输" ? `${DISTRICT}${tr}危险货物运输有限公司` : `莆田市${tr}${w}有限公司`,
  );
  many(160, "商贸", "company", ["商贸", "超市", "百货", "餐饮管理", "建材贸易", "电器"], (tr, w) => `${prefix()}${tr}${w}有限公司`);
  many(14, "医疗卫生", "company", ["医院", "妇产医院", "眼科医院", "骨科医院"], (tr, w) => `莆田${tr}${w}有限公司`, ["hospital"]);
  many(16, "医疗卫生", "company", ["口腔门诊部", "中医门诊部", "综合门诊部"], (tr, w) => `${DISTRICT}${tr}${w}有限公司`, ["hospital"]);
  for (const t of ["西天尾镇", "黄石镇", "新度镇", "北高镇"] as const) add(`${DISTRICT_SHORT}${t}卫生院`, "public", "医疗卫生", t, ["hospital"]);
  for (const t of ["镇海街道", "拱辰街道"] as const) add(`${DISTRICT_SHORT}${t}社区卫生服务中心`, "public", "医疗卫生", t, ["hospital"]);
  many(30, "文化旅游", "company", ["酒店", "文化传媒", "量贩式KTV", "影城", "旅行社"], (tr, w) => `${DISTRICT}${tr}${w}有限公司`);
  many(20, "其他", "company", ["物业管理", "仓储", "再生资源回收", "农业开发"], (tr, w) => `${DISTRICT}${tr}${w}有限公司`);
  many(90, "商贸", "getihu", ["五金店", "小吃店", "汽车修理厂", "便利店", "鞋面加工店"], (tr, w, t) => {
    const name = w === "鞋面加工店" ? `${surname(rng)}记` : tr;
    return `${DISTRICT_SHORT}${bareTown(t)}${name}${w}`;
  });

  // Sports venues for the stadium campaign.
  const stadiums: Enterprise[] = [];
  stadiums.push(add(`${DISTRICT_SHORT}全民健身中心体育馆`, "public", "文化旅游", "拱辰街道", ["stadium"])!);
  stadiums.push(add(`${DISTRICT_SHORT}黄石镇文体活动中心`, "public", "文化旅游", "黄石镇", ["stadium"])!);
  const venueWords = ["羽毛球馆", "游泳健身", "篮球馆", "体育文化发展", "网球俱乐部", "全民健身馆", "体育场馆管理"];
  for (const w of venueWords) {
    const t = town();
    const e = add(fresh(w, (tr) => `${DISTRICT}${tr}${w}有限公司`), "company", "文化旅游", t, ["stadium"]);
    if (e) stadiums.push(e);
  }

  // Workshops with no registration: no code in any record, identity is their name.
  const unregistered: Enterprise[] = [];
  for (let i = 0; i < 16; i++) {
    const t = TOWNS[i % TOWNS.length]!;
    const village = rng.pick(VILLAGES[t]);
    const what = rng.pick(["鞋面加工点", "木雕加工作坊", "鞋底喷胶作坊", "家具打磨作坊", "塑料颗粒加工点"]);
    const e = add(`${t}${village}${surname(rng)}氏${what}`, "unregistered", "工贸", t, ["unregistered"]);
    if (e) unregistered.push(e);
  }

  const numericCode = add(
    fresh("鞋业", (tr) => `${DISTRICT}${tr}鞋业有限公司`),
    "company",
    "工贸",
    "西天尾镇",
    ["special"],
    creditCode(rng, "91", { allDigits: true }),
  )!;
  const flawedA = add(fresh("鞋材", (tr) => `莆田市${tr}鞋材有限公司`), "company", "工贸", "黄石镇", ["special"])!;
  const flawedB = add(fresh("五金制品", (tr) => `${DISTRICT}${tr}五金制品有限公司`), "company", "工贸", "新度镇", ["special"])!;
  for (const e of [flawedA, flawedB]) {
    e.code = withWrongCheckChar(e.code!);
    e.codeFlaw = "check-digit";
  }

  const forBadRows: Enterprise[] = [];
  for (let i = 0; i < 10; i++) {
    const w = rng.pick(MAKE_WORDS);
    const e = add(fresh(w, (tr) => `${DISTRICT}${tr}${w}有限公司`), "company", "工贸", town(), ["bad-row"]);
    if (e) forBadRows.push(e);
  }

  const reserved = new Set<number>([numericCode.id, flawedA.id, flawedB.id, ...forBadRows.map((e) => e.id)]);
  const regular = all.filter((e) => !reserved.has(e.id) && !e.tags.includes("stadium") && e.form !== "unregistered");
  return {
    all,
    regular,
    byId: new Map(all.map((e) => [e.id, e])),
    numericCode,
    flawed: [flawedA, flawedB],
    unregistered,
    stadiums,
    forBadRows,
  };
}
