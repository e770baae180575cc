// Generation inputs: how many records of each sort to make, and the exact fine totals to
// distribute. These are the plan's inputs; the figures are computed from the records by the
// importer (and, independently, by test/records.test.ts), never read from here.

import { CAMPAIGN } from "./profile.ts";
import type { CaseYearSpec } from "./records/cases.ts";
import type { HazardYearOptions } from "./records/hazards.ts";
import type { CampaignSpec, MajorHazardCampaignSpec, OrdinarySpec } from "./records/inspections.ts";
import type { ActivityYearSpec, RandomCheckYearSpec } from "./records/ledgers.ts";

export const YEARS = [2021, 2022, 2023, 2024] as const;

/** When each year's ledgers were exported (title rows, and hazard statuses "as of"). */
export const EXPORTED = {
  cases2122: "2023-01-06 10:05",
  cases2023: "2024-01-05 09:12",
  casesOverlap: "2024-04-08 15:40",
  cases2024: "2025-01-06 08:55",
  inspections: "2025-01-10 10:30",
  hazards: { 2021: "2022-01-10 09:30", 2022: "2023-01-09 16:02", 2023: "2024-01-08 11:20", 2024: "2025-01-07 14:45" },
  enforcers: "2025-01-10 11:05",
  accidents: "2025-01-10 16:20",
  /** The hand-kept workbooks: when they were last saved. */
  randomChecks: "2025-01-08 17:32",
  activities: "2025-01-09 18:05",
} as const;

export const CASE_YEARS: readonly CaseYearSpec[] = [
  {
    year: 2021,
    bureau: { count: 44, fineTotal: 902_400, dual: 3, stopProduction: [1, 1], codelessRepeatStop: false, stopInCarryIn: false, individuals: 1, getihu: 2, carryIn: ["01-15", "03-03"] },
    towns: { count: 35, fineTotal: 71_600, warningsOnly: 1, individuals: 2, getihu: 1, flawedParty: false },
    openAtEnd: 0,
  },
  {
    year: 2022,
    bureau: { count: 52, fineTotal: 1_053_200, dual: 4, stopProduction: [1, 1, 1], codelessRepeatStop: false, stopInCarryIn: false, individuals: 2, getihu: 1, carryIn: ["01-12", "02-24"] },
    towns: { count: 58, fineTotal: 139_700, warningsOnly: 1, individuals: 3, getihu: 1, flawedParty: false },
    openAtEnd: 0,
  },
  {
    // The 2023 report: 59 + 73 = 132 cases, 121.8 + 18.5 = 140.3 万元, 5 dual, 4 parties stopped.
    year: 2023,
    bureau: { count: 59, fineTotal: 1_217_960, dual: 5, stopProduction: [2, 1, 1, 1], codelessRepeatStop: true, stopInCarryIn: false, individuals: 2, getihu: 2, carryIn: ["01-09", "02-16", "03-02"] },
    towns: { count: 73, fineTotal: 184_980, warningsOnly: 2, individuals: 4, getihu: 1, flawedParty: true },
    openAtEnd: 0,
  },
  {
    // Carry-ins filed in Dec 2023: two decided before the 2023 ledger was exported (5 Jan),
    // three after it (pending in that ledger); the first is a stop-production case.
    year: 2024,
    bureau: { count: 64, fineTotal: 1_342_500, dual: 5, stopProduction: [1, 1, 1], codelessRepeatStop: false, stopInCarryIn: true, individuals: 2, getihu: 2, carryIn: ["01-02", "01-04", "02-21", "03-14", "05-09"] },
    towns: { count: 81, fineTotal: 205_300, warningsOnly: 1, individuals: 4, getihu: 1, flawedParty: false },
    openAtEnd: 3,
  },
];

export const MAJOR_HAZARD_CAMPAIGN_2023: MajorHazardCampaignSpec = {
  name: CAMPAIGN.majorHazards2023,
  from: "2023-05-06",
  to: "2023-11-30",
  enterprises: 199,
  twice: 52,
  thrice: 5,
  codelessRevisits: 15,
  unregistered: 6,
  unregisteredTwice: 2,
  codedElsewhere: 4,
  generalHazards: 1223,
  majorHazards: 19,
  majorUnitsWithTwo: 2,
};

export const CAMPAIGNS: readonly CampaignSpec[] = [
  // 2023: the report's special campaigns.
  { name: CAMPAIGN.springTransport, from: "2023-01-09", to: "2023-02-15", pick: "transport", enterprises: 12, revisits: 2, codelessRevisits: 1, hazards: 36, majors: [], jointDept: "区交通运输局" },
  { name: CAMPAIGN.medical, from: "2023-05-04", to: "2023-06-28", pick: "hospital", enterprises: 28, revisits: 2, codelessRevisits: 1, hazards: 137, majors: [], jointDept: "区卫健局" },
  { name: CAMPAIGN.construction, from: "2023-03-06", to: "2023-11-17", pick: "construction", enterprises: 24, revisits: 6, codelessRevisits: 1, hazards: 123, majors: [2, 1], jointDept: "区住建局" },
  { name: CAMPAIGN.stadiums, from: "2023-08-07", to: "2023-09-15", pick: "stadium", enterprises: 7, revisits: 2, codelessRevisits: 1, hazards: 48, majors: [], jointDept: "区文体旅局" },
  // Other years: same campaign names in other years (must not count for 2023), and others.
  { name: CAMPAIGN.springTransport, from: "2021-01-28", to: "2021-03-08", pick: "transport", enterprises: 10, revisits: 1, codelessRevisits: 0, hazards: 28, majors: [], jointDept: "区交通运输局" },
  { name: CAMPAIGN.springTransport, from: "2022-01-17", to: "2022-02-25", pick: "transport", enterprises: 11, revisits: 2, codelessRevisits: 0, hazards: 31, majors: [], jointDept: "区交通运输局" },
  { name: CAMPAIGN.springTransport, from: "2024-01-26", to: "2024-03-05", pick: "transport", enterprises: 13, revisits: 2, codelessRevisits: 1, hazards: 41, majors: [], jointDept: "区交通运输局" },
  { name: CAMPAIGN.bigCheck2021, from: "2021-06-01", to: "2021-09-30", pick: "industry", enterprises: 62, revisits: 10, codelessRevisits: 2, hazards: 262, majors: [1, 1], jointDept: "区消防救援大队" },
  { name: CAMPAIGN.bigCheck2022, from: "2022-05-09", to: "2022-08-31", pick: "industry", enterprises: 78, revisits: 14, codelessRevisits: 3, hazards: 338, majors: [1, 1, 1], jointDept: "区消防救援大队" },
  { name: CAMPAIGN.construction, from: "2024-03-04", to: "2024-10-31", pick: "construction", enterprises: 20, revisits: 4, codelessRevisits: 1, hazards: 97, majors: [1], jointDept: "区住建局" },
  { name: CAMPAIGN.rootCause2024, from: "2024-04-08", to: "2024-12-20", pick: "industry", enterprises: 96, revisits: 16, codelessRevisits: 3, hazards: 418, majors: [2, 1, 1], jointDept: null },
];

export const ORDINARY: readonly OrdinarySpec[] = [
  { year: 2021, inspections: 290, hazards: 1450, majors: 2 },
  { year: 2022, inspections: 330, hazards: 1680, majors: 3 },
  { year: 2023, inspections: 360, hazards: 1260, majors: 4 },
  { year: 2024, inspections: 380, hazards: 1790, majors: 3 },
];

export const HAZARD_YEARS: readonly HazardYearOptions[] = [
  { year: 2021, asOf: EXPORTED.hazards[2021].slice(0, 10), unlinked: 150, unknownCategory: 0 },
  { year: 2022, asOf: EXPORTED.hazards[2022].slice(0, 10), unlinked: 160, unknownCategory: 1 },
  { year: 2023, asOf: EXPORTED.hazards[2023].slice(0, 10), unlinked: 140, unknownCategory: 2 },
  { year: 2024, asOf: EXPORTED.hazards[2024].slice(0, 10), unlinked: 170, unknownCategory: 0 },
];

/** 双随机 tasks per plan year. 2023: 40 completed, 4 of them joint with 工信 and 镇街 (F20). */
export const RANDOM_CHECK_YEARS: readonly RandomCheckYearSpec[] = [
  { year: 2021, completed: 34, open: 1, cancelled: 1, joint: ["工信、镇街", "市场监管", "镇街"], unpublished: 2, lateChecks: 0 },
  // One task of the 2022 plan checked in January 2023: a 2022 task.
  { year: 2022, completed: 37, open: 1, cancelled: 0, joint: ["镇街", "工信", "住建"], unpublished: 1, lateChecks: 1 },
  { year: 2023, completed: 40, open: 2, cancelled: 1, joint: ["工信、镇街", "镇街", "工信", "工信、镇街"], unpublished: 0, lateChecks: 0 },
  { year: 2024, completed: 44, open: 1, cancelled: 1, joint: ["工信、镇街", "消防", "镇街", "工信", "市场监管"], unpublished: 0, lateChecks: 0 },
];

const TRAINING_2023 = "荔城区应急管理系统2023年工贸、危化、烟花重大事故隐患和安全生产执法业务培训会议";

/** The work ledger per year. 2023: F22 230 / 390, F23 10 and 4 + 5, F24 3 / 16, F25 29. */
export const ACTIVITY_YEARS: readonly ActivityYearSpec[] = [
  {
    year: 2021,
    guidanceTownsVillages: 176,
    guidanceEnterprises: 305,
    emptyEnterpriseCounts: 2,
    exposure: [3, 2, 1],
    typical: [["2021-05-20", "莆田晚报", 2], ["2021-09-08", "区政府网站", 3]],
    reviews: [["2021-11-15", "本局行政处罚案卷自查", 8, 5, 5]],
    events: [
      ["2021-06-16", "普法宣传", "2021年“安全生产月”咨询日活动", "西天尾镇", "群众", null, 400],
      ["2021-10-20", "执法培训", "2021年安全生产执法业务培训班", null, "执法人员", 22, null],
    ],
  },
  {
    year: 2022,
    guidanceTownsVillages: 198,
    guidanceEnterprises: 342,
    emptyEnterpriseCounts: 2,
    exposure: [3, 3, 2],
    typical: [["2022-04-18", "莆田晚报", 3], ["2022-06-20", "区政府网站", 2], ["2022-10-11", "区政府网站", 2]],
    reviews: [["2022-07-05", "区司法局行政处罚案卷评查问题整改", 2, 11, 11]],
    events: [
      ["2022-09-15", "执法培训", "2022年安全生产行政执法业务培训会议", null, "执法人员", 26, null],
      ["2022-11-03", "专题学习", "学习宣传贯彻党的二十大精神专题会议", null, "执法人员", 36, null],
    ],
  },
  {
    year: 2023,
    guidanceTownsVillages: 230,
    guidanceEnterprises: 390,
    emptyEnterpriseCounts: 3,
    exposure: [4, 3, 2, 1],
    typical: [
      ["2023-03-28", "莆田晚报", 2],
      ["2023-04-10", "区政府网站", 2],
      ["2023-08-07", "区政府网站", 2],
      ["2023-09-15", "莆田晚报", 1],
      ["2023-11-28", "区政府网站", null],
      ["2023-12-20", "莆田晚报", 1],
    ],
    reviews: [
      ["2023-07-12", "区司法局2023年上半年行政处罚案卷评查问题整改（（荔）应急罚﹝2022﹞3号等3个案卷）", 3, 16, 16],
      ["2023-11-20", "本局行政处罚案卷自查", 12, 0, 0],
    ],
    events: [
      ["2023-04-20", "专题学习", "全体党员干部学习习近平法治思想专题会议", null, "执法人员", 38, null],
      ["2023-05-12", "普法宣传", "荔城区2023年“5·12”全国防灾减灾日宣传活动", "黄石镇", "群众", null, 300],
      ["2023-06-14", "应急演练", "荔城区商贸行业2023年“安全生产月”暨消防应急疏散演练", null, "群众", 120, null],
      ["2023-06-16", "普法宣传", "2023年“安全生产月”咨询日活动", "拱辰街道", "群众", null, 500],
      ["2023-08-23", "执法培训", TRAINING_2023, null, "执法人员", 29, null],
      ["2023-10-17", "专题学习", "学习贯彻习近平新时代中国特色社会主义法治思想专题活动", null, "执法人员", 35, null],
    ],
  },
  {
    year: 2024,
    guidanceTownsVillages: 245,
    guidanceEnterprises: 410,
    emptyEnterpriseCounts: 3,
    exposure: [4, 4, 3, 1],
    typical: [["2024-03-26", "莆田晚报", 2], ["2024-05-14", "区政府网站", 3], ["2024-09-10", "莆田晚报", 3], ["2024-12-03", "区政府网站", 3]],
    reviews: [["2024-06-26", "区司法局2024年行政处罚案卷评查问题整改", 4, 19, 17]],
    events: [
      ["2024-06-13", "应急演练", "2024年“安全生产月”危化企业应急演练", "新度镇", "企业", 80, 1],
      ["2024-08-28", "执法培训", "2024年安全生产治本攻坚三年行动执法业务培训", null, "执法人员", 31, null],
    ],
  },
];
