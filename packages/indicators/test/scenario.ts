// A small hand-made district whose 2023 figures are worked out by hand below (EXPECTED_2023).
// Each row exercises one counting rule of docs/counting-rules.md; the comments say which.
import type { DuckDBConnection } from "@duckdb/node-api";
import { BUREAU as BUREAU_NAME, creditCode, flawedCode, insertRows, type TempWarehouse, tempWarehouse } from "./fixture.ts";
import { applyModels } from "../src/models.ts";
import type { Figures } from "../src/figures-schema.ts";

export const CODE_A = creditCode("91350304MA2Y00001");
export const CODE_B = creditCode("91350304MA2Y00002");
export const CODE_C = creditCode("91350304MA2Y00003");
export const CODE_D = creditCode("91350304MA2Y00004");
export const CODE_E = creditCode("91350304MA2Y00005");
export const CODE_F1 = creditCode("91350304MA2Y00006");
export const CODE_F2 = creditCode("91350304MA2Y00007");

export const MAJOR_CAMPAIGN = "重大事故隐患专项排查整治2023行动";
export const SPRING_CAMPAIGN = "春运安全专项督查";

const A = "莆田市荔城区甲（鞋业）有限公司";
const A_OTHER_SPELLING = "莆田市荔城区甲(鞋业)有限公司 ";
const B = "莆田市荔城区乙化工有限公司";
const C = "莆田市荔城区丙工艺品有限公司";
const D = "莆田市荔城区丁五金制品有限公司";
const E = "莆田市荔城区戊食品有限公司";
const F = "莆田市荔城区同名运输有限公司";
const U = "西天尾镇溪头村鞋帮加工点";
export const INDIVIDUAL = "张三丰";

export async function loadScenario(c: DuckDBConnection): Promise<void> {
  const stop = ["罚款", "责令停产停业"];
  await insertRows(c, "cases", [
    // A: two stop-production cases, the second without a code and spelt differently: one party.
    { case_no: "C01", party_name: A, credit_code: CODE_A, decided_on: "2023-03-10", penalty_kinds: stop, fine_yuan: "30000", legal_review: true },
    { case_no: "C02", party_name: A_OTHER_SPELLING, decided_on: "2023-09-10", penalty_kinds: ["责令停产停业", "罚款"], fine_yuan: "40000" },
    // An individual ordered to stop: counted by name; the name never leaves the models.
    { case_no: "C03", party_name: INDIVIDUAL, party_type: "个人", decided_on: "2023-05-05", penalty_kinds: stop, fine_yuan: "2000" },
    { case_no: "C04", party_name: D, credit_code: flawedCode(CODE_D), decided_on: "2023-06-01", fine_yuan: "25000.50", dual_penalty: true, legal_review: true, town: "黄石镇" },
    { case_no: "C05", party_name: E, authority: "黄石镇人民政府", authority_level: "town", procedure: "简易程序", town: "黄石镇", filed_on: "2023-02-02", decided_on: "2023-02-02", fine_yuan: "200" },
    // Decided on the period's last day; a warning without a fine.
    { case_no: "C06", party_name: E, authority: "镇海街道办事处", authority_level: "town", procedure: "简易程序", filed_on: "2023-12-31", decided_on: "2023-12-31", penalty_kinds: ["警告"], fine_yuan: "0" },
    // Filed in 2022, decided in 2023: a 2023 case.
    { case_no: "C07", party_name: C, credit_code: CODE_C, filed_on: "2022-12-20", decided_on: "2023-01-05", fine_yuan: "10000", town: "西天尾镇" },
    // Filed in 2023, decided in 2024: pending at the end of 2023, a 2024 case.
    { case_no: "C08", party_name: C, credit_code: CODE_C, filed_on: "2023-12-20", decided_on: "2024-01-03", fine_yuan: "8000", status: "已决定" },
    { case_no: "C09", party_name: C, credit_code: CODE_C, filed_on: "2023-11-01", status: "调查中" },
    // Withdrawn: not pending.
    { case_no: "C10", party_name: C, credit_code: CODE_C, filed_on: "2023-10-01", status: "已撤销" },
    // The year before.
    { case_no: "C11", party_name: C, credit_code: CODE_C, filed_on: "2022-05-01", decided_on: "2022-06-01", fine_yuan: "50000", dual_penalty: true, legal_review: true },
    // B: one case with its code, one with a wrong check digit (resolved through the name): one party.
    { case_no: "C12", party_name: B, credit_code: CODE_B, decided_on: "2023-04-11", penalty_kinds: stop, fine_yuan: "30000", town: "新度镇" },
    { case_no: "C13", party_name: B, credit_code: flawedCode(CODE_B), decided_on: "2023-10-11", penalty_kinds: stop, fine_yuan: "10000", town: "新度镇" },
  ]);

  await insertRows(c, "inspections", [
    { inspection_no: "I01", target_name: A, credit_code: CODE_A, inspected_on: "2023-05-08", method: "专项检查", campaign: MAJOR_CAMPAIGN },
    { inspection_no: "I02", target_name: A_OTHER_SPELLING, inspected_on: "2023-06-20", method: "复查", campaign: MAJOR_CAMPAIGN },
    { inspection_no: "I03", target_name: U, town: "西天尾镇", inspected_on: "2023-05-20", method: "专项检查", campaign: MAJOR_CAMPAIGN },
    { inspection_no: "I04", target_name: "西天尾镇 溪头村鞋帮加工点", town: "西天尾镇", inspected_on: "2023-07-01", method: "复查", campaign: MAJOR_CAMPAIGN },
    // C: code-less in the campaign, coded in an ordinary inspection before it.
    { inspection_no: "I05", target_name: C, inspected_on: "2023-05-10", method: "执法+专家", campaign: MAJOR_CAMPAIGN, authority: "西天尾镇人民政府", authority_level: "town" },
    { inspection_no: "I06", target_name: C, credit_code: CODE_C, inspected_on: "2023-03-01", method: "日常检查" },
    // D: a wrong check digit everywhere, so it stands by its name.
    { inspection_no: "I07", target_name: D, credit_code: flawedCode(CODE_D), inspected_on: "2023-05-11", method: "专项检查", campaign: MAJOR_CAMPAIGN },
    // Next year's re-inspection in the same campaign: not 2023.
    { inspection_no: "I08", target_name: A, credit_code: CODE_A, inspected_on: "2024-01-10", method: "复查", campaign: MAJOR_CAMPAIGN },
    { inspection_no: "I09", target_name: E, credit_code: CODE_E, inspected_on: "2023-08-01", method: "双随机抽查" },
    // F: its name carries two different codes elsewhere, so the code-less row stands by its name.
    { inspection_no: "I10", target_name: F, inspected_on: "2023-01-10", method: "专项检查", campaign: SPRING_CAMPAIGN },
    { inspection_no: "I11", target_name: F, credit_code: CODE_F1, inspected_on: "2022-03-01", method: "日常检查" },
    { inspection_no: "I12", target_name: F, credit_code: CODE_F2, inspected_on: "2022-04-01", method: "日常检查" },
  ]);

  await insertRows(c, "hazards", [
    { hazard_no: "H01", unit_name: A, credit_code: CODE_A, found_on: "2023-05-08", campaign: MAJOR_CAMPAIGN, category: "安全管理", deadline: "2023-05-30", rectification: "已整改", rectified_on: "2023-05-20" },
    { hazard_no: "H02", unit_name: A, credit_code: CODE_A, found_on: "2023-05-08", campaign: MAJOR_CAMPAIGN, level: "重大事故隐患", category: "粉尘防爆", listed: true, deadline: "2023-07-01", rectification: "整改中" },
    { hazard_no: "H03", unit_name: C, found_on: "2023-05-10", campaign: MAJOR_CAMPAIGN, level: "重大事故隐患", category: "有限空间作业", listed: true, deadline: "2023-06-30", rectification: "已整改", rectified_on: "2023-06-10", town: "西天尾镇" },
    { hazard_no: "H04", unit_name: U, found_on: "2023-05-20", campaign: MAJOR_CAMPAIGN, category: "消防安全", deadline: "2023-06-01", rectification: "逾期未整改", town: "西天尾镇" },
    { hazard_no: "H05", unit_name: A_OTHER_SPELLING, found_on: "2023-06-20", campaign: MAJOR_CAMPAIGN, level: "重大事故隐患", category: "粉尘防爆", listed: false, deadline: "2023-08-01", rectification: "整改中" },
    { hazard_no: "H06", unit_name: F, found_on: "2023-01-10", campaign: SPRING_CAMPAIGN, category: "道路运输", deadline: "2023-01-25", rectification: "已整改", rectified_on: "2023-01-20" },
    { hazard_no: "H07", unit_name: E, credit_code: CODE_E, found_on: "2023-08-01", category: "电气安全", deadline: "2023-08-20", rectification: "已整改", rectified_on: "2023-08-05" },
    { hazard_no: "H08", unit_name: E, credit_code: CODE_E, found_on: "2022-05-01", category: "电气安全", deadline: "2022-05-20", rectification: "已整改", rectified_on: "2022-05-05" },
    { hazard_no: "H09", unit_name: A, credit_code: CODE_A, found_on: "2024-01-10", campaign: MAJOR_CAMPAIGN, category: "安全管理", deadline: "2024-01-30", rectification: "整改中" },
  ]);

  await insertRows(c, "enforcers", [
    { certificate_no: "E01", person_name: "林一", person_id_hash: "h1", issued_on: "2020-03-16", valid_until: "2025-03-15" },
    // Renewal in the bureau: the old certificate cancelled the day the new one was issued.
    { certificate_no: "E02", person_name: "陈二", person_id_hash: "h2", issued_on: "2018-05-10", valid_until: "2023-05-09", cancelled_on: "2023-04-20", cert_status: "已注销" },
    { certificate_no: "E03", person_name: "陈二", person_id_hash: "h2", issued_on: "2023-04-20", valid_until: "2028-04-19" },
    // A bureau officer moves to 黄石镇: the town certificate is not a new enforcer.
    { certificate_no: "E04", person_name: "黄三", person_id_hash: "hT", issued_on: "2019-08-12", valid_until: "2024-08-11", cancelled_on: "2023-03-31", cert_status: "已注销" },
    { certificate_no: "E05", person_name: "黄三", person_id_hash: "hT", unit: "黄石镇人民政府", unit_level: "town", issued_on: "2023-04-17", valid_until: "2028-04-16" },
    // New in the towns.
    { certificate_no: "E06", person_name: "郑四", person_id_hash: "hZ", unit: "镇海街道办事处", unit_level: "town", issued_on: "2023-07-10", valid_until: "2028-07-09" },
    // Namesake of a bureau officer, another person: identity is the ID hash.
    { certificate_no: "E07", person_name: "林一", person_id_hash: "hN", unit: "新度镇人民政府", unit_level: "town", issued_on: "2023-10-23", valid_until: "2028-10-22" },
    // Renewal after the old certificate lapsed: not new.
    { certificate_no: "E08", person_name: "吴五", person_id_hash: "hG", unit: "拱辰街道办事处", unit_level: "town", issued_on: "2017-09-05", valid_until: "2022-09-04", cert_status: "已过期" },
    { certificate_no: "E09", person_name: "吴五", person_id_hash: "hG", unit: "拱辰街道办事处", unit_level: "town", issued_on: "2023-03-13", valid_until: "2028-03-12" },
    // No ID number: the holder is name + unit, so the same name in another unit is someone else.
    { certificate_no: "E10", person_name: "李六", issued_on: "2023-06-12", valid_until: "2028-06-11" },
    { certificate_no: "E11", person_name: "李六", unit: "北高镇人民政府", unit_level: "town", issued_on: "2018-01-01", valid_until: "2022-12-31", cert_status: "已过期" },
    // Expires 31 days after the end of 2023.
    { certificate_no: "E12", person_name: "周七", person_id_hash: "h12", issued_on: "2019-02-01", valid_until: "2024-01-31" },
  ]);

  await insertRows(c, "random_checks", [
    // Planned for 2023, checked in 2023: joint with two departments, published.
    { task_no: "R01", plan_year: 2023, target_name: A, checked_on: "2023-04-10", task_status: "已完成", joint: true, joint_departments: "工信、镇街", published: true },
    // Joint: a department already named, and a new one after a space-padded separator.
    { task_no: "R02", plan_year: 2023, target_name: B, town: "新度镇", checked_on: "2023-06-01", task_status: "已完成", joint: true, joint_departments: "镇街， 市场监管", published: true },
    // Not published; 联合部门 filled but not joint: its departments do not count.
    { task_no: "R03", plan_year: 2023, target_name: C, town: "西天尾镇", checked_on: "2023-07-01", task_status: "已完成", joint: false, joint_departments: "住建", published: false },
    // Planned for 2023 but checked in January 2024: a 2023 task.
    { task_no: "R04", plan_year: 2023, target_name: D, town: "黄石镇", checked_on: "2024-01-08", task_status: "已完成", published: true },
    { task_no: "R05", plan_year: 2023, target_name: E, task_status: "未完成" },
    // Cancelled: not planned.
    { task_no: "R06", plan_year: 2023, target_name: F, task_status: "已取消" },
    // The 2022 plan, checked in 2023: not a 2023 task (but a task of a part-year period with that date).
    { task_no: "R07", plan_year: 2022, target_name: F, checked_on: "2023-01-05", task_status: "已完成", published: true },
    { task_no: "R08", plan_year: 2022, target_name: E, checked_on: "2022-06-01", task_status: "已完成", published: true },
  ]);

  await insertRows(c, "accidents", [
    { accident_no: "A01", accident_name: "镇海“1.24”坍塌事故", occurred_on: "2023-01-24", accident_type: "坍塌", deaths: 1, injuries: 0, direct_loss_yuan: "1200000.00", lead_unit: BUREAU_NAME, lead_unit_level: "bureau", accountable: 2, units_penalised: 1 },
    // The loss: 35 250 元 + 1 200 000 元 = 123.525 万元 → 123.5 (rounded once, half up, from the exact sum).
    { accident_no: "A02", accident_name: "黄石镇“3.4”火灾事故", occurred_on: "2023-03-04", town: "黄石镇", accident_type: "火灾", injuries: 2, direct_loss_yuan: "35250.00", lead_unit: BUREAU_NAME, lead_unit_level: "bureau", accountable: 2 },
    // Led by another department, kept as written: not investigated by the bureau, but counted.
    { accident_no: "A03", accident_name: "拱辰“10.9”触电事故", occurred_on: "2023-10-09", town: "拱辰街道", accident_type: "触电", lead_unit: "荔城区人力资源和社会保障局", units_penalised: 1 },
    { accident_no: "A04", accident_name: "新度“5.5”火灾事故", occurred_on: "2022-05-05", town: "新度镇", accident_type: "火灾", lead_unit: BUREAU_NAME, lead_unit_level: "bureau", accountable: 1 },
    // Next year's: the data reaches past 2023, so 2023 is covered in full.
    { accident_no: "A05", accident_name: "北高“1.15”机械伤害事故", occurred_on: "2024-01-15", town: "北高镇", accident_type: "机械伤害", lead_unit: BUREAU_NAME, lead_unit_level: "bureau" },
  ]);

  await insertRows(c, "activities", [
    { record_no: "W01", held_on: "2023-03-01", category: "帮扶指导", title: "指导镇街执法", object_type: "镇街", objects: 6 },
    { record_no: "W02", held_on: "2023-03-02", category: "帮扶指导", title: "指导村居", object_type: "村居", objects: 20 },
    // An empty 对象数量 counts as 1.
    { record_no: "W03", held_on: "2023-03-03", category: "帮扶指导", title: "帮扶重点企业", object_type: "企业" },
    { record_no: "W04", held_on: "2023-03-04", category: "帮扶指导", title: "帮扶重点企业", object_type: "企业", objects: 10 },
    // 群众 are neither towns nor enterprises.
    { record_no: "W05", held_on: "2023-03-05", category: "帮扶指导", title: "入户指导", object_type: "群众", objects: 50 },
    { record_no: "W06", held_on: "2023-04-01", category: "约谈曝光", title: "约谈企业", object_type: "企业", objects: 3 },
    { record_no: "W07", held_on: "2023-04-02", category: "约谈曝光", title: "曝光企业", object_type: "企业" },
    { record_no: "W08", held_on: "2023-05-01", category: "典型案例公布", title: "公布典型案例", object_type: "企业", objects: 2, channel: "区政府网站" },
    { record_no: "W09", held_on: "2023-06-01", category: "典型案例公布", title: "公布典型案例", objects: 1, channel: "莆田晚报" },
    { record_no: "W10", held_on: "2023-07-01", category: "典型案例公布", title: "公布典型案例", channel: "区政府网站" },
    // Case-file review: two files with problems, one without (not counted as a file with problems).
    { record_no: "W11", held_on: "2023-06-20", category: "案卷评查", title: "区司法局案卷评查", objects: 2, problems_found: 9, problems_fixed: 9 },
    { record_no: "W12", held_on: "2023-06-21", category: "案卷评查", title: "区司法局案卷评查", objects: 4, problems_found: 0, problems_fixed: 0 },
    { record_no: "W13", held_on: "2023-08-23", category: "执法培训", title: "执法业务培训会议", object_type: "执法人员", participants: 29 },
    { record_no: "W14", held_on: "2023-02-10", category: "执法培训", title: "新任执法人员培训", object_type: "执法人员", participants: 12 },
    { record_no: "W15", held_on: "2022-08-01", category: "执法培训", title: "2022年执法业务培训", object_type: "执法人员", participants: 20 },
    { record_no: "W16", held_on: "2024-01-10", category: "专题学习", title: "2024年第一次专题学习", object_type: "执法人员", participants: 30 },
  ]);
}

export const EXPECTED_2023: Figures = {
  period: { from: "2023-01-01", to: "2023-12-31" },
  cases: {
    // C01 C02 C03 C04 C07 C12 C13 (bureau) + C05 C06 (towns)
    total: { count: 9, amount_wan: 14.7 }, // 147 200.50 元
    bureau: { count: 7, amount_wan: 14.7 }, // 147 000.50 元
    towns: { count: 2, amount_wan: 0 }, // 200 元
    by_procedure: { 简易程序: { count: 2, amount_wan: 0 }, 普通程序: { count: 7, amount_wan: 14.7 } },
    by_town: {
      镇海街道: { count: 4, amount_wan: 7.2 }, // C01 C02 C03 C06: 72 000
      拱辰街道: { count: 0, amount_wan: 0 },
      西天尾镇: { count: 1, amount_wan: 1 }, // C07
      黄石镇: { count: 2, amount_wan: 2.5 }, // C04 C05: 25 200.50
      新度镇: { count: 2, amount_wan: 4 }, // C12 C13
      北高镇: { count: 0, amount_wan: 0 },
    },
    dual_penalty: 1,
    stop_production_parties: 3, // A, the individual, B
    legal_review: 2,
    pending: 2, // C08 (decided only in 2024) and C09; C10 withdrawn
  },
  inspections: {
    enterprises: 6, // A, U, C, D, E, F (by name)
    by_campaign: {
      [SPRING_CAMPAIGN]: { inspections: 1, enterprises: 1 },
      [MAJOR_CAMPAIGN]: { inspections: 6, enterprises: 4 }, // A, U, C, D
    },
  },
  hazards: {
    total: 7,
    general: 4,
    major: 3,
    major_listed: 2,
    rectified: 4,
    rectification_rate: 0.5714,
    by_category: { 安全管理: 1, 有限空间作业: 1, 粉尘防爆: 2, 消防安全: 1, 电气安全: 1, 道路运输: 1 },
    by_campaign: {
      [SPRING_CAMPAIGN]: { total: 1, general: 1, major: 0, major_listed: 0, units_with_major: 0 },
      [MAJOR_CAMPAIGN]: { total: 5, general: 2, major: 3, major_listed: 2, units_with_major: 2 },
    },
  },
  enforcers: {
    certified: 8,
    by_unit: {
      荔城区应急管理局: 4,
      镇海街道办事处: 1,
      拱辰街道办事处: 1,
      西天尾镇人民政府: 0,
      黄石镇人民政府: 1,
      新度镇人民政府: 1,
      北高镇人民政府: 0,
    },
    bureau_certified: 4,
    towns_certified: 4,
    new_certified: 3, // E06 E07 E10
    towns_new_certified: 2, // E06 E07
  },
  random_checks: {
    planned: 5, // R01–R05 (R06 cancelled, R07 of the 2022 plan)
    completed: 4,
    joint: 2,
    published: 3, // R01 R02 R04
    joint_departments: ["工信", "镇街", "市场监管"],
    by_town: { 镇海街道: 1, 拱辰街道: 0, 西天尾镇: 1, 黄石镇: 1, 新度镇: 1, 北高镇: 0 },
  },
  accidents: {
    count: 3,
    investigated: 2,
    deaths: 1,
    injuries: 2,
    direct_loss_wan: 123.5,
    accountable: 4,
    units_penalised: 2,
    by_type: { 坍塌: 1, 火灾: 1, 触电: 1 },
    list: [
      { name: "镇海“1.24”坍塌事故", date: "2023-01-24", town: "镇海街道", type: "坍塌" },
      { name: "黄石镇“3.4”火灾事故", date: "2023-03-04", town: "黄石镇", type: "火灾" },
      { name: "拱辰“10.9”触电事故", date: "2023-10-09", town: "拱辰街道", type: "触电" },
    ],
  },
  activities: {
    by_category: {
      普法宣传: { records: 0, objects: 0, participants: 0, problems_found: 0, problems_fixed: 0 },
      执法培训: { records: 2, objects: 2, participants: 41, problems_found: 0, problems_fixed: 0 },
      应急演练: { records: 0, objects: 0, participants: 0, problems_found: 0, problems_fixed: 0 },
      帮扶指导: { records: 5, objects: 87, participants: 0, problems_found: 0, problems_fixed: 0 },
      约谈曝光: { records: 2, objects: 4, participants: 0, problems_found: 0, problems_fixed: 0 },
      典型案例公布: { records: 3, objects: 4, participants: 0, problems_found: 0, problems_fixed: 0 },
      案卷评查: { records: 2, objects: 6, participants: 0, problems_found: 9, problems_fixed: 9 },
      专题学习: { records: 0, objects: 0, participants: 0, problems_found: 0, problems_fixed: 0 },
    },
    guidance: { towns_villages: 26, enterprises: 11 },
    exposure_enterprises: 4,
    typical_cases: { 区政府网站: 3, 莆田晚报: 1 },
    case_file_review: { files_with_problems: 2, problems_found: 9, problems_fixed: 9 },
    trainings: [
      { date: "2023-02-10", title: "新任执法人员培训", participants: 12 },
      { date: "2023-08-23", title: "执法业务培训会议", participants: 29 },
    ],
  },
  // No file rows: spans come from record dates alone. The roster's last 发证日期 (E07, 23 October)
  // is more than 31 days before the year's end: partial.
  coverage: {
    cases: { from: "2022-05-01", to: "2024-01-03", state: "full" }, // C11 filed … C08 decided
    inspections: { from: "2022-03-01", to: "2024-01-10", state: "full" },
    hazards: { from: "2022-05-01", to: "2024-01-10", state: "full" },
    enforcers: { from: "2017-09-05", to: "2023-10-23", state: "partial" },
    random_checks: { from: "2022-06-01", to: "2024-01-08", state: "full" }, // R08 … R04
    accidents: { from: "2022-05-05", to: "2024-01-15", state: "full" }, // A04 … A05
    activities: { from: "2022-08-01", to: "2024-01-10", state: "full" }, // W15 … W16
  },
};

/** A temp warehouse holding the scenario, with the models stored as an import leaves them. */
export async function scenarioWarehouse(): Promise<TempWarehouse> {
  const t = await tempWarehouse();
  await loadScenario(t.warehouse.connection);
  await applyModels(t.warehouse.connection);
  return t;
}
