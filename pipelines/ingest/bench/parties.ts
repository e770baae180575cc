// A deterministic pool of parties (enterprises, sole traders, people) in 荔城区, shared by the
// generated case and hazard exports so that the two files talk about the same enterprises.
import { creditCodeCheckChar, idCardCheckChar } from "@anjian/codes";
import { repoPaths } from "@anjian/config";
import { loadProfile } from "@anjian/profile";
import { int, pad, pick, type Rng } from "./prng.ts";

// The district's towns, their governments / street offices and the bureau: the shipped profile's.
const PROFILE = loadProfile(repoPaths().profile);
export const TOWNS: readonly string[] = PROFILE.towns.map((t) => t.name);

/** The town government / street office of each town (执法主体 of town cases). */
export const TOWN_UNITS: Record<string, string> = Object.fromEntries(PROFILE.towns.map((t) => [t.name, t.unit.name]));

export const BUREAU = PROFILE.bureau.name;

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
  town: string;
  industry: string;
}

function creditCode(rng: Rng, prefix: string): string {
  // 9 + 1 (registration authority, type) + 350304 (荔城区) + 9-character organisation code
  const charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let org = "";
  for (let i = 0; i < 9; i++) org += charset[int(rng, 0, i < 8 ? 30 : 9)];
  const first17 = `${prefix}350304${org}`;
  return first17 + creditCodeCheckChar(first17);
}

function idNumber(rng: Rng): string {
  const first17 = `350304${int(rng, 1955, 2000)}${pad(int(rng, 1, 12), 2)}${pad(int(rng, 1, 28), 2)}${pad(int(rng, 0, 999), 3)}`;
  return first17 + idCardCheckChar(first17);
}

function personName(rng: Rng): string {
  const g = int(rng, 0, GIVEN.length / 2 - 1) * 2;
  return rng() < 0.3 ? pick(rng, SURNAMES) + GIVEN[g]! : pick(rng, SURNAMES) + GIVEN[g]! + GIVEN[g + 1]!;
}

export function makeParties(rng: Rng, count: number): Party[] {
  const parties: Party[] = [];
  for (let i = 0; i < count; i++) {
    const town = pick(rng, TOWNS);
    const industry = pick(rng, INDUSTRIES);
    const brand = pick(rng, BRAND_CHARS) + pick(rng, BRAND_CHARS);
    const trade = pick(rng, TRADES[industry]!);
    const r = rng();
    if (r < 0.72) {
      const prefix = rng() < 0.5 ? "莆田市" : "莆田市荔城区";
      parties.push({
        name: `${prefix}${brand}${trade}${rng() < 0.8 ? "有限公司" : "有限责任公司"}`,
        type: "单位",
        creditCode: creditCode(rng, "91"),
        idNumber: "",
        town,
        industry,
      });
    } else if (r < 0.84) {
      parties.push({
        name: `荔城区${town.replace(/(街道|镇)$/, "")}${brand}${trade}店`,
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
