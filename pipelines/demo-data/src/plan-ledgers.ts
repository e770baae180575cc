// The file plan of the bureau's own ledgers: the random-check tasks and the work ledger as workbooks
// kept by hand (one sheet per year, headers and spellings as people type them), the accident
// investigations as a GB18030 CSV export. Each has a few rows the importer must reject.

import type { Dataset } from "./dataset.ts";
import { fmtBool, fmtDate, townLabel } from "./formats.ts";
import type { PlannedCsv, PlannedXlsx, SheetSummary } from "./plan.ts";
import { Rng } from "./prng.ts";
import { DISTRICT_SHORT } from "./profile.ts";
import type { AccidentRecord, ActivityRecord, RandomCheckRecord } from "./records/ledgers.ts";
import { EXPORTED, YEARS } from "./targets.ts";
import type { XCell, XSheet } from "./write-xlsx.ts";

const xdate = (iso: string | null): XCell => (iso ? { date: iso, numFmt: "yyyy-mm-dd" } : null);

/** A date typed by hand: mostly a date cell, sometimes text in one of the usual forms. */
function handDate(rng: Rng, iso: string | null): XCell {
  if (!iso) return null;
  return rng.chance(0.8) ? xdate(iso) : fmtDate(iso, rng.pick(["cn", "dot", "slash"] as const));
}

/** A row's cells by header. */
type BadCells = Record<string, XCell>;

/** Spreads `bad` rows through `good` ones at even intervals. */
function interleave<T>(good: T[], bad: T[]): T[] {
  const out = [...good];
  bad.forEach((b, i) => {
    out.splice(Math.floor(((i + 1) * good.length) / (bad.length + 1)) + i, 0, b);
  });
  return out;
}

// ---------------------------------------------------------------------------------------
// 双随机 random checks

const CHECK_HEADER = ["序号", "任务编号", "抽查计划", "年度", "被抽查单位", "统一社会信用代码", "所属镇街", "抽查日期", "任务状态", "是否联合抽查", "联合部门", "抽查结果", "是否公示"];

function checkRow(rng: Rng, r: RandomCheckRecord): BadCells {
  return {
    任务编号: r.taskNo,
    抽查计划: r.plan,
    // The year as people type it: a number, 2023年, or text.
    年度: rng.weighted<XCell>([[r.planYear, 6], [`${r.planYear}年`, 2], [String(r.planYear), 1]] as const),
    被抽查单位: r.target.name,
    统一社会信用代码: r.target.code,
    所属镇街: townLabel(rng, r.target.town, 0.2),
    抽查日期: handDate(rng, r.checkedOn),
    任务状态: r.status === "已完成" && rng.chance(0.15) ? "完成" : r.status === "已取消" ? "取消" : r.status,
    是否联合抽查: r.status === "已完成" ? fmtBool(r.joint, rng.chance(0.8) ? "shi" : "check") : null,
    联合部门: r.departments,
    抽查结果: r.result,
    是否公示: r.status === "已完成" ? (r.published ? "是" : "否") : null,
  };
}

const CHECK_BAD: Record<number, BadCells[]> = {
  2023: [
    // An unknown status and a year typed short: both rejected, neither counts.
    { 任务编号: "SJ2023901", 抽查计划: "2023年第二批双随机抽查计划", 年度: 2023, 被抽查单位: "莆田市荔城区恒丰鞋材加工厂", 所属镇街: "新度", 抽查日期: xdate("2023-09-12"), 任务状态: "已结束", 是否联合抽查: "否", 是否公示: "是" },
    { 任务编号: "SJ2023902", 抽查计划: "2023年第二批双随机抽查计划", 年度: "23年", 被抽查单位: "莆田市荔城区华美工艺品商行", 所属镇街: "黄石", 抽查日期: xdate("2023-10-17"), 任务状态: "已完成", 是否联合抽查: "否", 是否公示: "是" },
  ],
  2024: [
    // Completed without a date.
    { 任务编号: "SJ2024901", 抽查计划: "2024年第一批双随机抽查计划", 年度: 2024, 被抽查单位: "莆田市荔城区永兴五金加工点", 所属镇街: "北高镇", 任务状态: "已完成", 是否联合抽查: "否", 是否公示: "是" },
  ],
};

export function planRandomChecks(ds: Dataset): PlannedXlsx {
  const rng = Rng.for("plan:random-checks");
  const sheets: XSheet[] = [];
  const summaries: SheetSummary[] = [];
  for (const year of YEARS) {
    const recs = ds.randomChecks.filter((r) => r.planYear === year);
    const bad = CHECK_BAD[year] ?? [];
    const rows = interleave(recs.map((r) => checkRow(rng, r)), bad).map((cells, i) =>
      CHECK_HEADER.map((h) => (h === "序号" ? i + 1 : (cells[h] ?? null))),
    );
    const completed = recs.filter((r) => r.status === "已完成").length;
    const sheet: XSheet = {
      name: `${year}年度`,
      preamble: [{ text: `${DISTRICT_SHORT}应急管理局${year}年度“双随机、一公开”抽查任务清单`, merge: true, bold: true }],
      header: CHECK_HEADER,
      rows,
      footer: [[`合计：计划${recs.filter((r) => r.status !== "已取消").length}家，完成${completed}家`], ["填报人：政策法规股"]],
      widths: [6, 12, 26, 8, 36, 22, 10, 12, 10, 12, 16, 30, 10],
    };
    sheets.push(sheet);
    summaries.push({ name: sheet.name, data: recs.length, bad: bad.length, skipped: 3, note: `tasks of the ${year} plan` });
  }
  return {
    format: "xlsx",
    path: "双随机/双随机抽查任务_2021-2024.xlsx",
    kind: "random_checks",
    savedAt: EXPORTED.randomChecks,
    shape:
      "kept by hand: one sheet per plan year (2021年度 … 2024年度), merged title, alias headers 年度/被抽查单位/是否公示 and a 序号 column; 年度 as a number, `2023年` or text; 抽查日期 mostly date cells, some `2023年5月12日`/`2023.5.12`/`2023/5/12`; 完成/取消 for 已完成/已取消; 是/否 and √/×; 合计 and 填报人 footers",
    xlsxSheets: sheets,
    sheets: summaries,
  };
}

// ---------------------------------------------------------------------------------------
// Accidents

const ACCIDENT_HEADER = ["序号", "事故编号", "事故名称", "事故发生日期", "事发镇街", "事故类型", "死亡人数", "受伤人数", "直接经济损失（万元）", "牵头单位", "调查状态", "问责人数", "处罚单位数", "更新时间"];

function accidentRow(rng: Rng, a: AccidentRecord): Record<string, string> {
  const count = (n: number | null, unit: string) => (n === null ? "" : rng.chance(0.3) ? `${n}${unit}` : String(n));
  return {
    事故编号: a.no,
    事故名称: a.name,
    事故发生日期: fmtDate(a.occurredOn, rng.pick(["iso", "cn", "slash"] as const)),
    事发镇街: townLabel(rng, a.town, 0.4),
    事故类型: rng.chance(0.4) ? `${a.type}事故` : a.type,
    死亡人数: count(a.deaths, "人"),
    受伤人数: count(a.injuries, "人"),
    "直接经济损失（万元）": a.lossWan,
    牵头单位: a.leadUnit,
    调查状态: a.status,
    问责人数: count(a.accountable, "人"),
    处罚单位数: count(a.unitsPenalised, "家"),
    更新时间: `${a.status === "已结案" ? addMonths(a.occurredOn, 4) : "2024-12-30"} 16:00:00`,
  };
}

function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + n, Math.min(d, 28)));
  return date.toISOString().slice(0, 10);
}

const ACCIDENT_BAD: Record<string, string>[] = [
  // A town of the neighbouring district, and a type not on the list: both rejected.
  { 事故编号: "SG2023901", 事故名称: "涵江“5.8”坍塌事故", 事故发生日期: "2023-05-08", 事发镇街: "涵江区", 事故类型: "坍塌", 死亡人数: "0", 受伤人数: "1", "直接经济损失（万元）": "12.0", 牵头单位: "区应急局", 调查状态: "已结案", 问责人数: "1", 处罚单位数: "1" },
  { 事故编号: "SG2023902", 事故名称: "新度“8.30”车辆伤害事故", 事故发生日期: "2023/8/30", 事发镇街: "新度", 事故类型: "车辆伤害", 死亡人数: "1", 受伤人数: "0", "直接经济损失（万元）": "60", 牵头单位: "区应急局", 调查状态: "已结案", 问责人数: "2", 处罚单位数: "1" },
];

export function planAccidents(ds: Dataset): PlannedCsv {
  const rng = Rng.for("plan:accidents");
  const records = interleave(ds.accidents.map((a) => accidentRow(rng, a)), ACCIDENT_BAD);
  const body = records.map((cells, i) => ACCIDENT_HEADER.map((h) => (h === "序号" ? String(i + 1) : (cells[h] ?? ""))));
  const width = ACCIDENT_HEADER.length;
  const blank = (first: string) => [first, ...Array<string>(width - 1).fill("")];
  const deaths = ds.accidents.reduce((s, a) => s + a.deaths, 0);
  return {
    format: "csv",
    path: "事故/事故调查台账_2021-2024.csv",
    kind: "accidents",
    encoding: "gb18030",
    shape:
      "GB18030 without BOM; title row, `导出时间：2025-01-10 16:20`, then alias headers 事故发生日期/事发镇街/牵头单位 and a 序号 column; dates `2023-01-24`/`2023年1月24日`/`2023/1/24`; types with and without 事故; counts `2` or `2人`; lead units 区应急局, 荔城区应急管理局执法大队 (the bureau) and 荔城区人力资源和社会保障局 (kept as written); a blank row, 合计 and 制表 footers",
    rows: [
      blank(`${DISTRICT_SHORT}应急管理局生产安全事故调查处理台账`),
      blank(`导出时间：${EXPORTED.accidents}`),
      ACCIDENT_HEADER,
      ...body,
      blank(""),
      ["合计", "", "", "", "", "", String(deaths), "", "", "", "", "", "", ""],
      blank("制表：安全生产综合执法大队"),
    ],
    sheets: [{ name: "", data: ds.accidents.length, bad: ACCIDENT_BAD.length, skipped: 5, note: "accidents 2021–2024" }],
  };
}

// ---------------------------------------------------------------------------------------
// The work ledger

const ACTIVITY_HEADER = ["序号", "记录编号", "日期", "工作类别", "工作内容", "所属镇街", "对象类型", "对象数量", "参加人数", "发现问题数", "整改问题数", "发布渠道", "备注"];

const CATEGORY_SPELLING: Record<string, readonly string[]> = {
  帮扶指导: ["帮扶指导", "帮扶指导", "帮扶"],
  约谈曝光: ["约谈曝光", "曝光约谈"],
  典型案例公布: ["典型案例公布", "典型案例"],
  执法培训: ["执法培训", "培训"],
};
const OBJECT_SPELLING: Record<string, readonly string[]> = { 村居: ["村居", "村居", "村(居)"], 企业: ["企业", "企业", "重点企业"] };

function activityRow(rng: Rng, a: ActivityRecord): BadCells {
  const number = (n: number | null, unit: string) => (n === null ? null : rng.chance(0.7) ? n : `${n}${unit}`);
  return {
    记录编号: a.no,
    日期: handDate(rng, a.date),
    工作类别: rng.pick(CATEGORY_SPELLING[a.category] ?? [a.category]),
    工作内容: a.title,
    所属镇街: a.town ? townLabel(rng, a.town, 0.3) : null,
    对象类型: a.objectType ? rng.pick(OBJECT_SPELLING[a.objectType] ?? [a.objectType]) : null,
    对象数量: number(a.objects, a.objectType === "企业" ? "家" : "个"),
    参加人数: number(a.participants, "人"),
    发现问题数: a.found,
    整改问题数: a.fixed,
    发布渠道: a.channel,
    备注: null,
  };
}

const ACTIVITY_BAD: Record<number, BadCells[]> = {
  2023: [
    // A category that is not on the list, a date that does not exist, a count that is not a number.
    { 记录编号: "GZ2023-901", 日期: xdate("2023-05-30"), 工作类别: "座谈会", 工作内容: "企业安全生产座谈会", 对象类型: "企业", 对象数量: 15 },
    { 记录编号: "GZ2023-902", 日期: "2023-02-30", 工作类别: "帮扶指导", 工作内容: "2月帮扶指导重点企业（补登）", 对象类型: "企业", 对象数量: 6 },
    { 记录编号: "GZ2023-903", 日期: xdate("2023-09-20"), 工作类别: "帮扶指导", 工作内容: "指导村居开展隐患自查", 对象类型: "村居", 对象数量: "若干" },
  ],
  2022: [{ 记录编号: "GZ2022-901", 日期: xdate("2022-12-15"), 工作类别: "案卷评查", 工作内容: "镇街执法案卷评查", 对象数量: 5, 发现问题数: 8, 整改问题数: 9 }],
};

export function planActivities(ds: Dataset): PlannedXlsx {
  const rng = Rng.for("plan:activities");
  const sheets: XSheet[] = [];
  const summaries: SheetSummary[] = [];
  for (const year of YEARS) {
    const recs = ds.activities.filter((a) => a.date.startsWith(`${year}-`));
    const bad = ACTIVITY_BAD[year] ?? [];
    const rows = interleave(recs.map((a) => activityRow(rng, a)), bad).map((cells, i) =>
      ACTIVITY_HEADER.map((h) => (h === "序号" ? i + 1 : (cells[h] ?? null))),
    );
    const sheet: XSheet = {
      name: `${year}年`,
      preamble: [{ text: `${DISTRICT_SHORT}应急管理局${year}年法治工作台账`, merge: true, bold: true }, { text: "填报单位：政策法规股" }],
      header: ACTIVITY_HEADER,
      rows,
      footer: [["备注：对象数量未填的按1计；镇街、村居按个次，企业按家次。"]],
      widths: [6, 12, 12, 12, 60, 10, 10, 10, 10, 10, 10, 14, 16],
    };
    sheets.push(sheet);
    summaries.push({ name: sheet.name, data: recs.length, bad: bad.length, skipped: 3, note: `work ledger ${year}` });
  }
  sheets.push({
    name: "填写说明",
    rows: [
      ["填写说明"],
      ["1. 工作类别：普法宣传、执法培训、应急演练、帮扶指导、约谈曝光、典型案例公布、案卷评查、专题学习。"],
      ["2. 对象类型：镇街、村居、企业、执法人员、群众。"],
      ["3. 典型案例公布须填写发布渠道（莆田晚报、区政府网站等）。"],
    ],
    widths: [80],
  });
  summaries.push({ name: "填写说明", data: 0, bad: 0, skipped: 0, note: "free-text notes, not a data sheet" });
  return {
    format: "xlsx",
    path: "工作台账/法治工作台账_2021-2024.xlsx",
    kind: "activities",
    savedAt: EXPORTED.activities,
    shape:
      "kept by hand: sheets 2021年 … 2024年 and 填写说明 (notes); merged title and a 填报单位 row above alias headers 工作类别/工作内容 with 序号 and 备注 columns; dates mostly date cells, some typed as text; categories 帮扶/培训/典型案例/曝光约谈 for the canonical ones; 对象类型 村(居)/重点企业; counts as numbers or `12家`, `29人`; some 对象数量 left empty (count as 1); a 备注 footer",
    xlsxSheets: sheets,
    sheets: summaries,
  };
}
