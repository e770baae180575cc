// Hazards (隐患排查治理台账): the quota of each visit becomes hazard records found on the
// visit's date; a few more are reported without an inspection (企业自查上报).

import { addDays, maxDate, officeTime, pad, workday, yearOf } from "../dates.ts";
import { Rng } from "../prng.ts";
import { CAMPAIGN, CATEGORY_ALIASES, type HazardCategory, type Industry } from "../profile.ts";
import type { EnterprisePool } from "./enterprises.ts";
import type { Visit } from "./inspections.ts";
import type { Enterprise, HazardLevel, HazardRecord, InspectionRecord } from "./types.ts";

type W = readonly (readonly [HazardCategory, number])[];

const GENERAL_BY_INDUSTRY: Partial<Record<Industry, W>> & { default: W } = {
  default: [
    ["安全管理", 16], ["消防安全", 16], ["电气安全", 14], ["设备设施", 10], ["疏散通道与应急出口", 8],
    ["粉尘防爆", 6], ["有限空间作业", 4], ["特种作业人员持证", 6], ["危险化学品", 4], ["特种设备", 5],
    ["高处作业", 2], ["燃气安全", 4], ["承包承租管理", 3], ["其他", 2],
  ],
  建筑施工: [["建筑施工", 30], ["高处作业", 20], ["特种设备", 12], ["电气安全", 12], ["消防安全", 8], ["特种作业人员持证", 10], ["安全管理", 8]],
  道路运输: [["道路运输", 45], ["消防安全", 15], ["安全管理", 20], ["疏散通道与应急出口", 10], ["电气安全", 5], ["设备设施", 5]],
  医疗卫生: [["消防安全", 30], ["电气安全", 18], ["疏散通道与应急出口", 16], ["燃气安全", 8], ["危险化学品", 8], ["特种设备", 10], ["安全管理", 10]],
  文化旅游: [["消防安全", 30], ["疏散通道与应急出口", 22], ["电气安全", 16], ["设备设施", 12], ["安全管理", 14], ["燃气安全", 6]],
  危险化学品: [["危险化学品", 40], ["消防安全", 15], ["电气安全", 10], ["安全管理", 20], ["特种作业人员持证", 8], ["设备设施", 7]],
};

const MAJOR_BY_INDUSTRY: Partial<Record<Industry, W>> & { default: W } = {
  default: [["粉尘防爆", 5], ["有限空间作业", 4], ["危险化学品", 2], ["燃气安全", 2], ["消防安全", 2]],
  建筑施工: [["建筑施工", 3], ["高处作业", 2], ["特种设备", 2]],
};

const DESCRIPTIONS: Record<HazardCategory, readonly string[]> = {
  安全管理: ["未建立全员安全生产责任制", "安全生产教育培训记录不全", "未制定年度隐患排查计划", "应急预案未按期演练"],
  特种作业人员持证: ["电焊作业人员未持有效特种作业操作证", "电工作业人员证件过期"],
  承包承租管理: ["厂房出租未签订安全生产管理协议", "未对承租单位安全生产工作统一协调管理"],
  有限空间作业: ["有限空间未设置安全警示标识", "有限空间作业未配备气体检测设备", "未建立有限空间管理台账"],
  粉尘防爆: ["除尘系统未按规定设置泄爆装置", "粉尘作业区域积尘未及时清理", "除尘器未采用防爆型电气设备"],
  危险化学品: ["危险化学品未分类存放", "化学品仓库未设置防泄漏设施", "未建立危险化学品出入库台账"],
  消防安全: ["灭火器压力不足", "消防通道堆放杂物", "消火栓箱内器材缺失", "应急照明灯损坏"],
  电气安全: ["电气线路私拉乱接", "配电箱未设置漏电保护装置", "配电箱前堆放杂物", "电缆线未穿管保护"],
  设备设施: ["机械传动部位未设置防护罩", "设备安全防护装置缺失", "冲床双手操作按钮失效"],
  特种设备: ["叉车未按期检验", "压力容器安全阀未校验", "电梯维保记录不全"],
  高处作业: ["临边洞口未设置防护栏杆", "高处作业人员未系安全带", "脚手架未设置安全网"],
  建筑施工: ["塔吊基础积水未及时排除", "深基坑未设置临边防护", "施工现场未设置安全警示标志"],
  燃气安全: ["液化石油气钢瓶未设置独立存放间", "燃气管道未安装泄漏报警装置", "燃气软管老化"],
  道路运输: ["车辆动态监控不到位", "驾驶员安全教育记录缺失", "车辆安全技术检验逾期"],
  疏散通道与应急出口: ["安全出口上锁", "疏散指示标志损坏", "疏散通道被占用"],
  其他: ["作业现场物料堆放杂乱", "警示标识褪色模糊"],
};

const MAJOR_DESCRIPTIONS: Partial<Record<HazardCategory, readonly string[]>> = {
  粉尘防爆: ["粉尘爆炸危险场所设置在非框架结构的多层建构筑物内", "干式除尘系统未采取泄爆、隔爆等防爆措施"],
  有限空间作业: ["未对有限空间作业场所进行辨识并设置明显安全警示标志", "有限空间作业未落实先通风、再检测、后作业要求"],
  危险化学品: ["危险化学品仓库与员工宿舍在同一建筑物内", "涉及毒性气体的场所未设置泄漏检测报警装置"],
  燃气安全: ["餐饮场所使用液化石油气未安装燃气泄漏报警装置", "燃气管道穿越人员密集场所未采取安全措施"],
  消防安全: ["生产车间与员工宿舍设置在同一建筑物内，未按规定设置独立疏散通道"],
  建筑施工: ["深基坑施工未按专项施工方案进行", "高大模板支撑系统搭设不符合专项方案"],
  高处作业: ["悬挑式脚手架锚固不符合要求"],
  特种设备: ["塔式起重机安装未经检验即投入使用"],
};

function label(rng: Rng, c: HazardCategory): string {
  const aliases = CATEGORY_ALIASES[c];
  return aliases && rng.chance(0.18) ? rng.pick(aliases) : c;
}

export interface HazardYearOptions {
  year: number;
  /** The day the year's hazard ledger was exported: statuses are as of this day. */
  asOf: string;
  /** Hazards reported by enterprises themselves, without an inspection. */
  unlinked: number;
  /** Of the unlinked ones, how many carry a category the district does not know. */
  unknownCategory: number;
}

interface HazardDraft {
  inspectionNo: string | null;
  enterprise: Enterprise;
  unitName: string;
  creditCode: string | null;
  foundOn: string;
  level: HazardLevel;
  campaign: string | null;
  unknownLabel?: string;
  seed: number;
}

export function buildHazards(
  pool: EnterprisePool,
  visits: readonly { visit: Visit; record: InspectionRecord }[],
  years: readonly HazardYearOptions[],
): HazardRecord[] {
  const drafts: HazardDraft[] = [];
  const rng = Rng.for("hazards");
  for (const { visit, record } of visits) {
    const mk = (level: HazardLevel): HazardDraft => ({
      inspectionNo: record.inspectionNo,
      enterprise: visit.enterprise,
      unitName: record.target,
      creditCode: record.creditCode,
      foundOn: record.date,
      level,
      campaign: record.campaign,
      seed: rng.int(0, 2 ** 30),
    });
    for (let i = 0; i < visit.major; i++) drafts.push(mk("重大事故隐患"));
    for (let i = 0; i < visit.general; i++) drafts.push(mk("一般隐患"));
  }
  for (const y of years) {
    const r = Rng.for(`hazards:unlinked:${y.year}`);
    for (let i = 0; i < y.unlinked; i++) {
      const e = r.pick(pool.regular);
      drafts.push({
        inspectionNo: null,
        enterprise: e,
        unitName: e.name,
        creditCode: r.chance(0.1) ? null : e.code,
        foundOn: workday(r, `${y.year}-01-04`, `${y.year}-12-29`),
        level: "一般隐患",
        campaign: null,
        unknownLabel: i < y.unknownCategory ? "职业卫生" : undefined,
        seed: r.int(0, 2 ** 30),
      });
    }
  }

  const asOf = new Map(years.map((y) => [y.year, y.asOf]));
  const sorted = drafts.sort((a, b) => a.foundOn.localeCompare(b.foundOn) || a.seed - b.seed);
  const seq = new Map<number, number>();
  return sorted.map((d) => {
    const r = new Rng(d.seed);
    const y = yearOf(d.foundOn);
    const n = (seq.get(y) ?? 0) + 1;
    seq.set(y, n);
    const major = d.level === "重大事故隐患";
    const table = major ? MAJOR_BY_INDUSTRY : GENERAL_BY_INDUSTRY;
    let category: HazardCategory = r.weighted(table[d.enterprise.industry] ?? table.default);
    if (d.campaign === CAMPAIGN.springTransport && !major) category = r.weighted(GENERAL_BY_INDUSTRY.道路运输!);
    const description = r.pick((major ? MAJOR_DESCRIPTIONS[category] : undefined) ?? DESCRIPTIONS[category]);
    const deadline = addDays(d.foundOn, major ? r.int(30, 90) : r.int(7, 30));
    // The truth: most hazards get fixed, some late, a few never.
    const fixed = r.chance(major ? 0.85 : 0.94);
    const fixedOn = fixed ? addDays(d.foundOn, r.int(1, Math.round((major ? 90 : 30) * (r.chance(0.1) ? 1.6 : 1)))) : null;
    const cutoff = asOf.get(y);
    if (!cutoff) throw new Error(`no ledger date for hazards of ${y}`);
    const status = fixedOn && fixedOn <= cutoff ? "已整改" : deadline < cutoff ? "逾期未整改" : "整改中";
    const rectifiedOn = status === "已整改" ? fixedOn : null;
    return {
      hazardNo: `YH${y}${pad(n, 6)}`,
      inspectionNo: d.inspectionNo,
      unitName: d.unitName,
      creditCode: d.creditCode,
      town: d.enterprise.town,
      industry: d.enterprise.industry,
      foundOn: d.foundOn,
      level: d.level,
      category: d.unknownLabel ? "其他" : category,
      categoryLabel: d.unknownLabel ?? label(r, category),
      description: d.unknownLabel ? "职业病危害因素未定期检测" : description,
      campaign: d.campaign,
      deadline,
      status,
      rectifiedOn,
      // Every major hazard is listed for supervision, as the rules require.
      supervised: major,
      updatedAt: officeTime(r, rectifiedOn ? maxDate(rectifiedOn, d.foundOn) : d.foundOn),
      enterpriseId: d.enterprise.id,
    } satisfies HazardRecord;
  });
}
