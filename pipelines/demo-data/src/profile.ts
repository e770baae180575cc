// The district as the demo data sees it: 莆田市荔城区 (matches the default profile of
// data/reference/profile.json). Canonical values here; the alias spellings used in files are
// chosen by the plan.

export const DISTRICT = "莆田市荔城区";
export const DISTRICT_SHORT = "荔城区";
export const DIVISION_CODE = "350304";

export const TOWNS = ["镇海街道", "拱辰街道", "西天尾镇", "黄石镇", "新度镇", "北高镇"] as const;
export type Town = (typeof TOWNS)[number];

export const BUREAU = "荔城区应急管理局";

export const TOWN_UNIT: Record<Town, string> = {
  镇海街道: "镇海街道办事处",
  拱辰街道: "拱辰街道办事处",
  西天尾镇: "西天尾镇人民政府",
  黄石镇: "黄石镇人民政府",
  新度镇: "新度镇人民政府",
  北高镇: "北高镇人民政府",
};

/** A unit as the figures see it: the bureau or one town's government / street office. */
export type Unit = { type: "bureau" } | { type: "town"; town: Town };

export function bareTown(t: Town): string {
  return t.replace(/(街道|镇)$/, "");
}

/** Spellings of a town that the importer must map onto the canonical one. */
export function townAliases(t: Town): string[] {
  return [t, bareTown(t), `${DISTRICT_SHORT}${t}`, TOWN_UNIT[t]];
}

export const BUREAU_ALIASES = ["区应急局", "荔城区应急局", "莆田市荔城区应急管理局"] as const;
export const BUREAU_SECTIONS = [
  "荔城区应急管理局执法大队",
  "荔城区应急管理局政策法规股",
  "荔城区应急管理局危化和烟花爆竹股",
  "荔城区应急管理局工贸股",
] as const;

export const INDUSTRIES = [
  "工贸",
  "危险化学品",
  "烟花爆竹",
  "建筑施工",
  "道路运输",
  "商贸",
  "医疗卫生",
  "文化旅游",
  "其他",
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const HAZARD_CATEGORIES = [
  "安全管理",
  "特种作业人员持证",
  "承包承租管理",
  "有限空间作业",
  "粉尘防爆",
  "危险化学品",
  "消防安全",
  "电气安全",
  "设备设施",
  "特种设备",
  "高处作业",
  "建筑施工",
  "燃气安全",
  "道路运输",
  "疏散通道与应急出口",
  "其他",
] as const;
export type HazardCategory = (typeof HAZARD_CATEGORIES)[number];

/** Alias labels seen in platform data for some categories (as in data/reference/profile.json). */
export const CATEGORY_ALIASES: Partial<Record<HazardCategory, readonly string[]>> = {
  特种作业人员持证: ["特种作业人员未持证上岗"],
  电气安全: ["用电安全", "电气线路"],
  消防安全: ["消防"],
  危险化学品: ["危化品", "危险化学品储存使用"],
  疏散通道与应急出口: ["安全出口", "疏散通道"],
  设备设施: ["机械设备"],
};

/** Campaign (专项行动) names, exactly as the platform stores them. */
export const CAMPAIGN = {
  majorHazards2023: "重大事故隐患专项排查整治2023行动",
  springTransport: "春运安全专项督查",
  medical: "医疗机构安全专项督查",
  construction: "在建工地安全专项督查",
  stadiums: "体育场馆安全专项检查",
  bigCheck2021: "安全生产大检查",
  bigCheck2022: "安全生产大排查大整治",
  rootCause2024: "安全生产治本攻坚三年行动",
} as const;

/** Fictional village names per town, for unregistered workshops. */
export const VILLAGES: Record<Town, readonly string[]> = {
  镇海街道: ["东埔社区", "南郊社区", "梅峰社区"],
  拱辰街道: ["下郑社区", "后塘社区", "延寿社区"],
  西天尾镇: ["溪头村", "后坑村", "林峰村", "渭阳村"],
  黄石镇: ["东甲村", "沙坂村", "横塘村", "清浦村"],
  新度镇: ["下坂村", "蒲坂村", "锦墩村"],
  北高镇: ["山前村", "竹庄村", "埭头村"],
};
