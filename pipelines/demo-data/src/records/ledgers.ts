// The bureau's own ledgers (platform-exports.md §3.5): 双随机 random-check tasks, accident
// investigations and the hand-kept work ledger. Canonical values only; spellings are the plan's.
// The 2023 records give F20–F25 of the seed report; the other years are plausible but free.

import { workday } from "../dates.ts";
import { apportion, type Rng } from "../prng.ts";
import { TOWNS, type Town } from "../profile.ts";
import type { Enterprise } from "./types.ts";
import type { EnterprisePool } from "./enterprises.ts";

export type TaskStatus = "已完成" | "未完成" | "已取消";

export interface RandomCheckRecord {
  taskNo: string;
  plan: string;
  planYear: number;
  target: Enterprise;
  /** Empty until the check is done. */
  checkedOn: string | null;
  status: TaskStatus;
  joint: boolean;
  departments: string | null;
  result: string | null;
  published: boolean;
}

export interface RandomCheckYearSpec {
  year: number;
  /** Tasks completed, not completed (still open at the year's end) and cancelled. */
  completed: number;
  open: number;
  cancelled: number;
  /** 联合部门 of the joint tasks, in date order. */
  joint: readonly string[];
  /** Completed tasks not (yet) published. */
  unpublished: number;
  /** Completed tasks of this year's plan checked in January of the next year. */
  lateChecks: number;
}

const RESULTS = ["未发现问题", "未发现问题", "发现一般隐患，已责令限期整改", "发现安全管理问题，已现场督促整改"] as const;

export function buildRandomChecks(pool: EnterprisePool, specs: readonly RandomCheckYearSpec[], rng: Rng): RandomCheckRecord[] {
  const out: RandomCheckRecord[] = [];
  const candidates = pool.regular.filter((e) => e.code !== null);
  for (const s of specs) {
    const total = s.completed + s.open + s.cancelled;
    const targets = rng.sample(candidates, total);
    // Completed checks spread over April to December (the two batches of the plan), late ones in January.
    const dates = Array.from({ length: s.completed }, (_, i) =>
      i < s.lateChecks ? workday(rng, `${s.year + 1}-01-04`, `${s.year + 1}-01-20`) : workday(rng, `${s.year}-04-03`, `${s.year}-12-22`),
    ).sort();
    const jointAt = new Set(
      rng
        .sample(
          Array.from({ length: s.completed }, (_, i) => i).filter((i) => dates[i]!.startsWith(String(s.year))),
          s.joint.length,
        )
        .sort((a, b) => a - b),
    );
    const jointOrder = [...jointAt];
    const unpublished = new Set(rng.sample(Array.from({ length: s.completed }, (_, i) => i), s.unpublished));
    targets.forEach((target, i) => {
      const status: TaskStatus = i < s.completed ? "已完成" : i < s.completed + s.open ? "未完成" : "已取消";
      const checkedOn = status === "已完成" ? dates[i]! : null;
      const joint = jointAt.has(i);
      out.push({
        taskNo: "",
        plan: `${s.year}年${checkedOn && checkedOn < `${s.year}-08-01` ? "第一批" : "第二批"}双随机抽查计划`,
        planYear: s.year,
        target,
        checkedOn,
        status,
        joint,
        departments: joint ? s.joint[jointOrder.indexOf(i)]! : null,
        result: status === "已完成" ? rng.pick(RESULTS) : null,
        published: status === "已完成" && !unpublished.has(i),
      });
    });
  }
  // Task numbers follow the platform's order: by plan year, then by check date (open ones last).
  out.sort((a, b) => a.planYear - b.planYear || (a.checkedOn ?? "9").localeCompare(b.checkedOn ?? "9") || a.target.id - b.target.id);
  const seq = new Map<number, number>();
  for (const r of out) {
    const n = (seq.get(r.planYear) ?? 0) + 1;
    seq.set(r.planYear, n);
    r.taskNo = `SJ${r.planYear}${String(n).padStart(3, "0")}`;
  }
  return out;
}

export interface AccidentRecord {
  no: string;
  name: string;
  occurredOn: string;
  town: Town;
  type: string;
  deaths: number;
  injuries: number;
  /** 万元, as the ledger writes it. */
  lossWan: string;
  /** The lead unit as written: the bureau under one of its names, or another department. */
  leadUnit: string;
  status: "调查中" | "已结案";
  accountable: number | null;
  unitsPenalised: number | null;
}

/** Hand-laid: few records, each one a sentence of some year's report. */
export const ACCIDENTS: readonly AccidentRecord[] = [
  { no: "SG2021001", name: "西天尾“4.17”机械伤害事故", occurredOn: "2021-04-17", town: "西天尾镇", type: "机械伤害", deaths: 1, injuries: 0, lossWan: "98.6", leadUnit: "荔城区应急管理局", status: "已结案", accountable: 2, unitsPenalised: 1 },
  { no: "SG2021002", name: "新度“9.3”高处坠落事故", occurredOn: "2021-09-03", town: "新度镇", type: "高处坠落", deaths: 1, injuries: 0, lossWan: "110.2", leadUnit: "区应急局", status: "已结案", accountable: 1, unitsPenalised: 1 },
  { no: "SG2022001", name: "北高“6.21”中毒和窒息事故", occurredOn: "2022-06-21", town: "北高镇", type: "中毒和窒息", deaths: 2, injuries: 1, lossWan: "260.0", leadUnit: "荔城区应急管理局", status: "已结案", accountable: 3, unitsPenalised: 2 },
  // A work injury investigated by another department: kept as written, not the bureau's.
  { no: "SG2022002", name: "黄石“11.8”物体打击事故", occurredOn: "2022-11-08", town: "黄石镇", type: "物体打击", deaths: 1, injuries: 0, lossWan: "85.3", leadUnit: "荔城区人力资源和社会保障局", status: "已结案", accountable: 0, unitsPenalised: 0 },
  // The 2023 report: three investigations, four persons held accountable (F21).
  { no: "SG2023001", name: "镇海“1.24”坍塌事故", occurredOn: "2023-01-24", town: "镇海街道", type: "坍塌", deaths: 1, injuries: 1, lossWan: "126.5", leadUnit: "区应急局", status: "已结案", accountable: 2, unitsPenalised: 1 },
  { no: "SG2023002", name: "黄石镇“3.4”火灾事故", occurredOn: "2023-03-04", town: "黄石镇", type: "火灾", deaths: 0, injuries: 2, lossWan: "35.2", leadUnit: "荔城区应急管理局", status: "已结案", accountable: 1, unitsPenalised: 1 },
  { no: "SG2023003", name: "拱辰“10.9”透水事故", occurredOn: "2023-10-09", town: "拱辰街道", type: "透水", deaths: 1, injuries: 0, lossWan: "88.0", leadUnit: "荔城区应急管理局执法大队", status: "已结案", accountable: 1, unitsPenalised: 1 },
  { no: "SG2024001", name: "新度“2.27”触电事故", occurredOn: "2024-02-27", town: "新度镇", type: "触电", deaths: 1, injuries: 0, lossWan: "92.4", leadUnit: "区应急局", status: "已结案", accountable: 1, unitsPenalised: 1 },
  { no: "SG2024002", name: "镇海“7.15”火灾事故", occurredOn: "2024-07-15", town: "镇海街道", type: "火灾", deaths: 0, injuries: 3, lossWan: "18.6", leadUnit: "荔城区应急管理局", status: "调查中", accountable: null, unitsPenalised: null },
];

export type ActivityCategory = "普法宣传" | "执法培训" | "应急演练" | "帮扶指导" | "约谈曝光" | "典型案例公布" | "案卷评查" | "专题学习";
export type ObjectType = "镇街" | "村居" | "企业" | "执法人员" | "群众";

export interface ActivityRecord {
  no: string;
  date: string;
  category: ActivityCategory;
  title: string;
  town: Town | null;
  objectType: ObjectType | null;
  /** null: left empty in the ledger (counts as 1). */
  objects: number | null;
  participants: number | null;
  found: number | null;
  fixed: number | null;
  channel: string | null;
}

export interface ActivityYearSpec {
  year: number;
  /** 帮扶指导: objects of towns and villages (个次), and of enterprises (家次). */
  guidanceTownsVillages: number;
  guidanceEnterprises: number;
  /** Enterprise guidance records whose 对象数量 is left empty (each counts as 1). */
  emptyEnterpriseCounts: number;
  /** 约谈曝光: enterprises, split over these records (the last one left empty when 1). */
  exposure: readonly number[];
  /** 典型案例公布: cases per record, with the channel and date. */
  typical: readonly (readonly [date: string, channel: string, cases: number | null])[];
  /** 案卷评查: files (对象数量), problems found and fixed, per record. */
  reviews: readonly (readonly [date: string, title: string, files: number, found: number, fixed: number])[];
  /** 执法培训, 专题学习, 普法宣传, 应急演练 with their dates, titles and numbers. */
  events: readonly (readonly [date: string, category: ActivityCategory, title: string, town: Town | null, objectType: ObjectType, participants: number | null, objects: number | null])[];
}

export function buildActivities(specs: readonly ActivityYearSpec[], rng: Rng): ActivityRecord[] {
  const out: ActivityRecord[] = [];
  const base = (date: string, category: ActivityCategory, title: string): ActivityRecord => ({
    no: "",
    date,
    category,
    title,
    town: null,
    objectType: null,
    objects: null,
    participants: null,
    found: null,
    fixed: null,
    channel: null,
  });
  for (const s of specs) {
    // Guidance: each month from February, towns (the six towns' offices) and villages, and key enterprises.
    const months = Array.from({ length: 11 }, (_, i) => i + 2);
    const towns = apportion(s.guidanceTownsVillages, months.flatMap(() => [rng.int(2, 4), rng.int(6, 12)]));
    const enterprises = apportion(
      s.guidanceEnterprises - s.emptyEnterpriseCounts,
      months.map(() => rng.int(5, 10)),
    );
    months.forEach((m, i) => {
      const mm = String(m).padStart(2, "0");
      const last = new Date(Date.UTC(s.year, m, 0)).getUTCDate();
      const day = () => workday(rng, `${s.year}-${mm}-01`, `${s.year}-${mm}-${last}`);
      out.push({ ...base(day(), "帮扶指导", `${m}月挂钩联系镇街执法业务指导`), objectType: "镇街", objects: towns[2 * i]! });
      const town = rng.pick(TOWNS);
      out.push({ ...base(day(), "帮扶指导", `${m}月指导${town}村居开展安全隐患排查`), town, objectType: "村居", objects: towns[2 * i + 1]! });
      out.push({ ...base(day(), "帮扶指导", `${m}月帮扶指导重点企业`), objectType: "企业", objects: enterprises[i]! });
    });
    for (let i = 0; i < s.emptyEnterpriseCounts; i++) {
      const town = rng.pick(TOWNS);
      out.push({ ...base(workday(rng, `${s.year}-03-01`, `${s.year}-11-30`), "帮扶指导", `“执法+专家”上门帮扶${town}企业`), town, objectType: "企业" });
    }
    s.exposure.forEach((n, i) => {
      const date = workday(rng, `${s.year}-${String(3 + i * 2).padStart(2, "0")}-01`, `${s.year}-${String(4 + i * 2).padStart(2, "0")}-28`);
      out.push({ ...base(date, "约谈曝光", "约谈存在重大事故隐患的企业主要负责人"), objectType: "企业", objects: n === 1 && i === s.exposure.length - 1 ? null : n });
    });
    for (const [date, channel, cases] of s.typical)
      out.push({ ...base(date, "典型案例公布", "公布安全生产违法行为典型案例"), objectType: "企业", objects: cases, channel });
    for (const [date, title, files, found, fixed] of s.reviews)
      out.push({ ...base(date, "案卷评查", title), objects: files, found, fixed });
    for (const [date, category, title, town, objectType, participants, objects] of s.events)
      out.push({ ...base(date, category, title), town, objectType, participants, objects });
  }
  out.sort((a, b) => a.date.localeCompare(b.date) || a.category.localeCompare(b.category) || a.title.localeCompare(b.title));
  const seq = new Map<string, number>();
  for (const r of out) {
    const y = r.date.slice(0, 4);
    const n = (seq.get(y) ?? 0) + 1;
    seq.set(y, n);
    r.no = `GZ${y}-${String(n).padStart(3, "0")}`;
  }
  return out;
}
