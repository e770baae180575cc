// A small hand-made district whose 2023 figures are worked out by hand below (EXPECTED_2023).
// Each row exercises one counting rule of docs/counting-rules.md; the comments say which.
import type { DuckDBConnection } from "@duckdb/node-api";
import { creditCode, flawedCode, insertRows, type TempWarehouse, tempWarehouse } from "./fixture.ts";
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
  // No file rows: spans come from record dates alone. The roster's last 发证日期 (E07, 23 October)
  // is more than 31 days before the year's end: partial.
  coverage: {
    cases: { from: "2022-05-01", to: "2024-01-03", state: "full" }, // C11 filed … C08 decided
    inspections: { from: "2022-03-01", to: "2024-01-10", state: "full" },
    hazards: { from: "2022-05-01", to: "2024-01-10", state: "full" },
    enforcers: { from: "2017-09-05", to: "2023-10-23", state: "partial" },
  },
};

/** A temp warehouse holding the scenario, with the models stored as an import leaves them. */
export async function scenarioWarehouse(): Promise<TempWarehouse> {
  const t = await tempWarehouse();
  await loadScenario(t.warehouse.connection);
  await applyModels(t.warehouse.connection);
  return t;
}
