// Exports that arrive unevenly, as they do in practice: the case ledger reaches into January 2025,
// while the inspection and hazard exports were taken on 26 December 2023 and never again; the roster
// starts in 2023. Written as real CSV files (title and export-time rows, as the platform writes
// them) and imported with the real pipeline.
import fs from "node:fs";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { loadAliasTable } from "@anjian/exports";
import { ingest } from "@anjian/ingest";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import type { Warehouse } from "@anjian/warehouse";
import { applyModels } from "../src/models.ts";
import { creditCode } from "./fixture.ts";

const A = creditCode("91350304MA2Y0GAP1");
const B = creditCode("91350304MA2Y0GAP2");
const CAMPAIGN = "重大事故隐患专项排查整治2023行动";

const csv = (title: string, exported: string, rows: string[][]) =>
  `${[[title], [`导出时间：${exported}`], [], ...rows].map((r) => r.join(",")).join("\r\n")}\r\n`;

const CASE_HEADER = ["案件编号", "当事人名称", "统一社会信用代码", "所属镇街", "执法主体", "程序类型", "立案日期", "处罚决定日期", "处罚种类", "罚款金额（元）", "是否一案双罚", "是否法制审核", "案件状态"];
const caseRow = (no: string, filed: string, decided: string, fine: string, town = "镇海街道") => [
  no, "莆田市荔城区甲鞋业有限公司", A, town, "荔城区应急管理局", "普通程序", filed, decided, decided ? "罚款" : "", fine, "否", "是", decided ? "已决定" : "调查中",
];

export const GAP_FILES: Record<string, string> = {
  "案件台账_2022-2025.csv": csv("荔城区应急管理局行政处罚案件台账", "2025-01-06 09:00", [
    CASE_HEADER,
    caseRow("GAP-C1", "2022-01-10", "2022-03-01", "10000"),
    caseRow("GAP-C2", "2022-06-01", "2022-07-01", "20000", "黄石镇"),
    caseRow("GAP-C3", "2023-02-01", "2023-03-01", "30000"),
    caseRow("GAP-C4", "2023-05-01", "2023-06-01", "40000", "新度镇"),
    caseRow("GAP-C5", "2024-02-01", "2024-03-01", "50000"),
    caseRow("GAP-C6", "2024-06-01", "2024-07-01", "60000", "黄石镇"),
    caseRow("GAP-C7", "2024-12-20", "", ""),
    caseRow("GAP-C8", "2024-12-28", "2025-01-03", "7000"),
  ]),
  "执法检查记录_2023.csv": csv("荔城区执法检查记录", "2023-12-26 10:00", [
    ["检查编号", "检查对象", "统一社会信用代码", "所属镇街", "检查日期", "检查方式", "专项行动", "检查单位"],
    ["GAP-I1", "莆田市荔城区甲鞋业有限公司", A, "镇海街道", "2023-02-01", "专项检查", CAMPAIGN, "荔城区应急管理局"],
    ["GAP-I2", "莆田市荔城区乙食品有限公司", B, "新度镇", "2023-06-10", "专项检查", CAMPAIGN, "荔城区应急管理局"],
    ["GAP-I3", "莆田市荔城区乙食品有限公司", B, "新度镇", "2023-12-20", "日常检查", "", "荔城区应急管理局"],
  ]),
  "隐患排查治理台账_2023.csv": csv("荔城区隐患排查治理台账", "2023-12-26 10:00", [
    ["隐患编号", "单位名称", "统一社会信用代码", "所属镇街", "发现日期", "隐患等级", "隐患类别", "专项行动", "整改期限", "整改状态", "整改完成日期", "是否挂牌督办"],
    ["GAP-H1", "莆田市荔城区甲鞋业有限公司", A, "镇海街道", "2023-02-01", "一般隐患", "消防安全", CAMPAIGN, "2023-03-01", "已整改", "2023-02-20", "否"],
    ["GAP-H2", "莆田市荔城区乙食品有限公司", B, "新度镇", "2023-06-10", "重大事故隐患", "粉尘防爆", CAMPAIGN, "2023-08-01", "已整改", "2023-07-20", "是"],
    ["GAP-H3", "莆田市荔城区乙食品有限公司", B, "新度镇", "2023-12-20", "一般隐患", "电气安全", "", "2024-01-20", "整改中", "", "否"],
  ]),
  "执法人员名册.csv": csv("荔城区执法人员名册", "2025-01-06 09:30", [
    ["姓名", "所属单位", "执法证号", "发证日期", "有效期至", "证件状态"],
    ["林某", "荔城区应急管理局", "GAP-E1", "2023-02-10", "2028-02-09", "有效"],
    ["陈某", "黄石镇人民政府", "GAP-E2", "2023-03-01", "2028-02-28", "有效"],
    ["郑某", "新度镇人民政府", "GAP-E3", "2024-05-01", "2029-04-30", "有效"],
  ]),
};

/** Writes the files (all, or those named) into dir. */
export function writeGapExports(dir: string, names: string[] = Object.keys(GAP_FILES)): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return names.map((name) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, GAP_FILES[name]!);
    return file;
  });
}

/** Imports files into the warehouse with the real pipeline and stores the models; throws when any row is refused. */
export async function importFiles(warehouse: Warehouse, paths: string[]): Promise<void> {
  const result = await ingest({
    warehouse,
    paths,
    hashKey: "0123456789abcdef0123456789abcdef",
    resolver: new ProfileResolver(loadProfile(repoPaths().profile)),
    aliases: loadAliasTable(repoPaths().aliases),
    command: "test: uneven exports",
  });
  const bad = result.files.filter((f) => f.status === "refused" || f.rejected > 0);
  if (bad.length > 0) throw new Error(`uneven exports not imported cleanly: ${JSON.stringify(bad)}`);
  await applyModels(warehouse.connection); // as the CLI's import does after it changed data
}
