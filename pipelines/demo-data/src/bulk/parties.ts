// A deterministic pool of parties (enterprises, sole traders, people) in 荔城区, shared by the
// bulk case and hazard exports so that the two files talk about the same enterprises. Plainer
// than the demo's enterprise pool (src/records/enterprises.ts): any number of parties, no
// hand-laid cases.
import { creditCodeCheckChar, idCardCheckChar } from "@anjian/codes";
import { pad } from "../dates.ts";
import type { Rng } from "../prng.ts";
import { bareTown, TOWNS, type Town } from "../profile.ts";

export const INDUSTRIES = ["工贸", "危险化学品", "烟花爆竹", "建筑施工", "道路运输", "商贸", "医疗卫生", "文化旅游", "其他"] as const;

const BRAND_CHARS = "鑫源宏达恒信福兴荔丰华永盛金鼎美瑞祥天成汇通德润嘉禾新亚三莆东圳壶山木兰凯旋隆顺泰安".split("");

const TRADES: Record<string, readonly string[]> = {
  工贸: ["鞋业", "工艺品", "五金制品", "家具", "纺织", "电子科技", "包装材料", "食品"],
  危险化学品: ["化工贸易", "石化", "气体"],
  烟花爆竹: ["烟花爆竹批发"],
  建筑施工: ["建筑工程", "建设工程", "装饰工程"],
  道路运输: ["物流", "运输", "货运"],
  商贸: ["商贸", "超市", "贸易"],
  医疗卫生: ["医院", "门诊部"],
  文化旅游: ["文化传媒", "旅游开发", "酒店管理"],
  其他: ["餐饮管理", "物业管理", "农业开发"],
};

const SURNAMES = "林陈黄吴郑李王张刘许蔡方翁朱杨余徐".split("");
const GIVEN = "建国志强秀英丽华明辉德明金水玉兰文杰俊杰海燕春梅国华伟东晓红".split("");

export interface Party {
  name: string;
  type: "单位" | "个人" | "个体工商户";
  creditCode: string;
  idNumber: string;
  town: Town;
  industry: string;
}

function creditCode(rng: Rng, prefix: string): string {
  // 9 + 1 (registration authority, type) + 350304 (荔城区) + 9-character organisation code
  const charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let org = "";
  for (let i = 0; i < 9; i++) org += charset[rng.int(0, i < 8 ? 30 : 9)];
  const first17 = `${prefix}350304${org}`;
  return first17 + creditCodeCheckChar(first17);
}

function idNumber(rng: Rng): string {
  const first17 = `350304${rng.int(1955, 2000)}${pad(rng.int(1, 12), 2)}${pad(rng.int(1, 28), 2)}${pad(rng.int(0, 999), 3)}`;
  return first17 + idCardCheckChar(first17);
}

function personName(rng: Rng): string {
  const g = rng.int(0, GIVEN.length / 2 - 1) * 2;
  return rng.next() < 0.3 ? rng.pick(SURNAMES) + GIVEN[g]! : rng.pick(SURNAMES) + GIVEN[g]! + GIVEN[g + 1]!;
}

export function makeParties(rng: Rng, count: number): Party[] {
  const parties: Party[] = [];
  for (let i = 0; i < count; i++) {
    const town = rng.pick(TOWNS);
    const industry = rng.pick(INDUSTRIES);
    const brand = rng.pick(BRAND_CHARS) + rng.pick(BRAND_CHARS);
    const trade = rng.pick(TRADES[industry]!);
    const r = rng.next();
    if (r < 0.72) {
      const prefix = rng.next() < 0.5 ? "莆田市" : "莆田市荔城区";
      parties.push({
        name: `${prefix}${brand}${trade}${rng.next() < 0.8 ? "有限公司" : "有限责任公司"}`,
        type: "单位",
        creditCode: creditCode(rng, "91"),
        idNumber: "",
        town,
        industry,
      });
    } else if (r < 0.84) {
      parties.push({
        name: `荔城区${bareTown(town)}${brand}${trade}店`,
        type: "个体工商户",
        creditCode: creditCode(rng, "92"),
        idNumber: idNumber(rng),
        town,
        industry,
      });
    } else {
      parties.push({ name: personName(rng), type: "个人", creditCode: "", idNumber: idNumber(rng), town, industry });
    }
  }
  return parties;
}
