// Rows the importer must reject. Each is placed where, if it were wrongly accepted, it would
// change a 2023 figure (a 2023 case, a campaign inspection or hazard, a new town certificate),
// so that a lenient importer shows up in the figures. Their enterprises appear nowhere else.

import { idCardCheckChar } from "@anjian/codes";
import { CAMPAIGN } from "../profile.ts";
import type { EnterprisePool } from "./enterprises.ts";
import type { BadRow, CaseRecord, EnforcerRecord, HazardRecord, InspectionRecord } from "./types.ts";

export const UNKNOWN_TOWN = "荔城区某某镇";

const withCheck = (first17: string) => first17 + idCardCheckChar(first17);

export function buildBadRows(pool: EnterprisePool): BadRow[] {
  const [e1, e2, e3, e4, e5, e6, e7, e8, e9, e10] = pool.forBadRows;
  if (!e10) throw new Error("need 10 enterprises for bad rows");

  const kase = (e: typeof e1, no: string, over: Partial<CaseRecord>): CaseRecord => ({
    caseNo: no,
    caseName: `${e!.name}未按规定开展安全生产教育培训案`,
    party: e!.name,
    partyType: "单位",
    creditCode: e!.code,
    idNumber: null,
    town: e!.town,
    industry: e!.industry,
    violation: "未按照规定对从业人员进行安全生产教育和培训",
    authority: { type: "town", town: e!.town },
    authorityLabel: `${e!.town}安办`,
    procedure: "简易程序",
    filedOn: "2023-06-14",
    decisionNo: null,
    decidedOn: "2023-06-14",
    penalties: ["罚款"],
    fine: 3000,
    dualPenalty: false,
    legalReview: false,
    status: "已结案",
    closedOn: "2023-06-20",
    updatedAt: "2023-06-20 10:15:00",
    enterpriseId: e!.id,
    ...over,
  });
  const bureau = { authority: { type: "bureau" } as const, authorityLabel: "荔城区应急管理局执法大队", procedure: "普通程序" as const, legalReview: true };

  const insp = (e: typeof e1, no: string, date: string): InspectionRecord => ({
    inspectionNo: no,
    target: e!.name,
    creditCode: e!.code,
    town: e!.town,
    industry: e!.industry,
    date,
    method: "专项检查",
    campaign: CAMPAIGN.majorHazards2023,
    unit: { type: "bureau" },
    unitLabel: "荔城区应急管理局执法大队",
    joint: false,
    jointDepts: null,
    result: "发现一般隐患3项，已下达责令限期整改指令书",
    updatedAt: `${date} 16:40:00`,
    enterpriseId: e!.id,
  });

  const hazard = (e: typeof e1, no: string, over: Partial<HazardRecord>): HazardRecord => ({
    hazardNo: no,
    inspectionNo: null,
    unitName: e!.name,
    creditCode: e!.code,
    town: e!.town,
    industry: e!.industry,
    foundOn: "2023-07-18",
    level: "一般隐患",
    category: "消防安全",
    categoryLabel: "消防安全",
    description: "灭火器压力不足",
    campaign: CAMPAIGN.majorHazards2023,
    deadline: "2023-08-01",
    status: "整改中",
    rectifiedOn: null,
    supervised: false,
    updatedAt: "2023-07-18 15:20:00",
    enterpriseId: e!.id,
    ...over,
  });

  const cert = (no: string, over: Partial<EnforcerRecord>): EnforcerRecord => ({
    name: "郑明辉",
    idNumber: withCheck("35030419900315051"),
    unit: { type: "town", town: "北高镇" },
    unitLabel: "北高镇人民政府",
    certNo: no,
    certType: "行政执法证",
    field: "应急管理综合行政执法",
    issuedOn: "2023-08-21",
    validUntil: "2028-08-20",
    status: "有效",
    cancelledOn: null,
    note: null,
    updatedAt: "2023-08-21 09:30:00",
    ...over,
  });

  return [
    { kind: "cases", file: "cases-2023", reason: "未知镇街", record: kase(e1, "AJ35030420239001", {}), raw: { 所属镇街: UNKNOWN_TOWN } },
    {
      kind: "cases",
      file: "cases-2023",
      reason: "立案日期不存在",
      record: kase(e2, "AJ35030420239002", { ...bureau, decisionNo: "（荔）应急罚〔2023〕90号", decidedOn: "2023-04-11", fine: 20000, closedOn: "2023-05-30", updatedAt: "2023-05-30 11:02:00" }),
      raw: { 立案日期: "2023-02-30" },
    },
    { kind: "cases", file: "cases-2023", reason: "罚款金额为负数", record: kase(e3, "AJ35030420239003", { filedOn: "2023-09-05", decidedOn: "2023-09-05", closedOn: "2023-09-08", updatedAt: "2023-09-08 09:40:00" }), raw: { 罚款金额: "-2000" } },
    {
      kind: "cases",
      file: "cases-2023",
      reason: "缺少案件编号",
      record: kase(e4, "", { ...bureau, filedOn: "2023-03-20", decisionNo: "（荔）应急罚〔2023〕91号", decidedOn: "2023-05-16", fine: 15000, closedOn: "2023-06-09", updatedAt: "2023-06-09 15:12:00" }),
      raw: {},
    },
    {
      kind: "cases",
      file: "cases-2023",
      reason: "处罚决定日期早于立案日期",
      record: kase(e5, "AJ35030420239005", { ...bureau, filedOn: "2023-08-21", decisionNo: "（荔）应急罚〔2023〕92号", decidedOn: "2023-08-07", fine: 10000, closedOn: "2023-09-12", updatedAt: "2023-09-12 10:00:00" }),
      raw: {},
    },
    {
      kind: "cases",
      file: "cases-2122",
      reason: "处罚决定日期早于立案日期",
      record: kase(e6, "AJ35030420229006", { ...bureau, filedOn: "2022-10-10", decisionNo: "（荔）应急罚〔2022〕93号", decidedOn: "2022-09-28", fine: 12000, closedOn: "2022-11-02", updatedAt: "2022-11-02 14:20:00" }),
      raw: {},
    },
    {
      kind: "cases",
      file: "cases-2024",
      reason: "罚款金额为负数",
      record: kase(e6, "AJ35030420249007", { filedOn: "2024-04-16", decidedOn: "2024-04-16", closedOn: "2024-04-19", updatedAt: "2024-04-19 10:30:00" }),
      raw: { 罚款金额: "-500" },
    },
    { kind: "inspections", file: "inspections", reason: "未知镇街", record: insp(e7, "JC202399001", "2023-06-15"), raw: { 所属镇街: UNKNOWN_TOWN } },
    { kind: "inspections", file: "inspections", reason: "缺少所属镇街", record: insp(e8, "JC202399002", "2023-07-04"), raw: { 所属镇街: "" } },
    {
      kind: "hazards",
      file: "hazards-2023",
      reason: "已整改但缺少整改完成日期",
      record: hazard(e7, "YH2023990001", { status: "已整改", updatedAt: "2023-07-28 09:00:00" }),
      raw: {},
    },
    {
      kind: "hazards",
      file: "hazards-2023",
      reason: "发现日期不存在",
      record: hazard(e9, "YH2023990002", { campaign: CAMPAIGN.springTransport, foundOn: "2023-02-28", deadline: "2023-03-15", category: "道路运输", categoryLabel: "道路运输", description: "车辆动态监控不到位" }),
      raw: { 发现日期: "2023-02-30" },
    },
    {
      kind: "hazards",
      file: "hazards-2023",
      reason: "缺少所属镇街",
      record: hazard(e8, "YH2023990003", { level: "重大事故隐患", category: "粉尘防爆", categoryLabel: "粉尘防爆", description: "干式除尘系统未采取泄爆、隔爆等防爆措施", supervised: true, deadline: "2023-09-30" }),
      raw: { 所属镇街: "" },
    },
    {
      kind: "hazards",
      file: "hazards-2022",
      reason: "整改期限超过十年",
      record: hazard(e10, "YH2022990001", { campaign: null, foundOn: "2022-05-10", deadline: "2022-06-10", updatedAt: "2022-05-10 10:00:00" }),
      raw: { 整改期限: "2099-12-31" },
    },
    { kind: "enforcers", file: "enforcers", reason: "有效期至超过十年", record: cert("350304623901", {}), raw: { 有效期至: "2099-12-31" } },
    {
      kind: "enforcers",
      file: "enforcers",
      reason: "缺少执法证号",
      record: cert("", { name: "吴雅婷", idNumber: withCheck("35030419920611002"), unit: { type: "town", town: "拱辰街道" }, unitLabel: "拱辰街道办事处", issuedOn: "2023-05-08", validUntil: "2028-05-07" }),
      raw: {},
    },
  ];
}
