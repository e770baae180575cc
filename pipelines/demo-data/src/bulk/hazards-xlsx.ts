// The bulk hazards ledger (docs/import.md §5.3), any number of rows, as an .xlsx written the way
// the platform writes it: a merged title row above the canonical header, shared strings, and the
// dates (发现日期, 整改期限, 整改完成日期) as real Excel date cells. Streamed with exceljs's
// WorkbookWriter, each row committed as it is made; the document dates and the zip entries'
// timestamps are fixed afterwards, so the same options give the same bytes.
import ExcelJS from "exceljs";
import { fromDays, pad, timestampOn, toDays, utcMidnight } from "../dates.ts";
import { HAZARD_HEADER } from "../plan.ts";
import { Rng } from "../prng.ts";
import { fixZipTimesInFile, utcDateTime } from "../write-xlsx.ts";
import { makeParties } from "./parties.ts";

export const HAZARDS_TITLE = "荔城区应急管理局隐患排查治理台账";

/** The canonical header (docs/import.md §5.3), the same as the demo's plain hazard ledgers. */
export const HAZARDS_HEADER: readonly string[] = HAZARD_HEADER;

/** When the workbook says it was saved (document properties and zip entries). */
export const HAZARDS_SAVED_AT = "2025-01-07 14:45";

const DATE_COLUMNS = ["发现日期", "整改期限", "整改完成日期"].map((h) => HAZARDS_HEADER.indexOf(h) + 1);

const DESCRIPTIONS: Record<string, readonly string[]> = {
  安全管理: ["未建立全员安全生产责任制", "安全生产教育培训记录不全", "未开展隐患自查自纠"],
  特种作业人员持证: ["电焊作业人员未持证上岗", "叉车司机特种作业操作证过期"],
  有限空间作业: ["有限空间未设置警示标识", "有限空间作业未配备气体检测仪"],
  粉尘防爆: ["除尘系统未按规定清灰", "粉尘作业区域电气设备不防爆"],
  危险化学品: ["危险化学品未分类分库储存", "危化品仓库未设置可燃气体报警装置"],
  消防安全: ["消防通道堆放杂物", "灭火器压力不足", "应急照明灯损坏"],
  电气安全: ["配电箱未设置漏电保护装置", "电气线路私拉乱接"],
  设备设施: ["机械设备传动部位防护罩缺失", "冲床未安装双手启动装置"],
  特种设备: ["电梯未按期检验", "压力容器安全阀未校验"],
  高处作业: ["高处作业未系安全带", "作业平台未设置防护栏杆"],
  燃气安全: ["燃气管道未安装切断阀", "餐饮场所未安装燃气泄漏报警器"],
  疏散通道与应急出口: ["安全出口被锁闭", "疏散指示标志缺失"],
};
const CATEGORIES = Object.keys(DESCRIPTIONS);

const CAMPAIGNS: Record<string, readonly string[]> = {
  "2021": ["安全生产专项整治三年行动", "安全生产月专项检查"],
  "2022": ["安全生产专项整治三年行动", "春运安全专项督查"],
  "2023": ["重大事故隐患专项排查整治2023行动", "春运安全专项督查"],
  "2024": ["重大事故隐患专项排查整治2024行动", "安全生产治本攻坚三年行动"],
};

const FIRST_DAY = toDays("2021-01-01");
const LAST_DAY = toDays("2024-12-31");

export interface HazardsXlsxOptions {
  rows: number;
  seed: number;
  file: string;
  /** 隐患编号 of the first row is YH<year>-<firstSeq>; a later part of a split ledger goes on. */
  firstSeq?: number;
  /** The seed of the party pool (default: seed); the parts of a split ledger share one pool. */
  partiesSeed?: number;
}

export async function writeHazardsXlsx(options: HazardsXlsxOptions): Promise<void> {
  const rng = new Rng(options.seed);
  const parties = makeParties(new Rng((options.partiesSeed ?? options.seed) ^ 0x5eed), 20_000).filter((p) => p.type !== "个人");
  const saved = utcDateTime(HAZARDS_SAVED_AT);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: options.file, useStyles: true, useSharedStrings: true });
  wb.created = saved;
  wb.modified = saved;
  const ws = wb.addWorksheet("隐患排查治理台账");
  const title = ws.addRow([HAZARDS_TITLE]);
  ws.mergeCells(1, 1, 1, HAZARDS_HEADER.length);
  title.commit();
  ws.addRow([...HAZARDS_HEADER]).commit();
  const first = options.firstSeq ?? 1;
  for (let seq = first; seq < first + options.rows; seq++) {
    const party = rng.pick(parties);
    const found = rng.int(FIRST_DAY, LAST_DAY);
    const year = fromDays(found).slice(0, 4);
    const major = rng.next() < 0.03;
    const category = rng.pick(CATEGORIES);
    const deadline = found + (major ? rng.int(30, 90) : rng.int(7, 30));
    const state = rng.weighted([
      ["已整改", 82],
      ["整改中", 11],
      ["逾期未整改", 7],
    ] as const);
    const rectified = state === "已整改" ? found + rng.int(1, deadline - found) : null;
    const campaign = rng.next() < 0.55 ? rng.pick(CAMPAIGNS[year]!) : "";
    const row = ws.addRow([
      `YH${year}-${pad(seq, 7)}`,
      rng.next() < 0.9 ? `JC${year}-${pad(rng.int(1, 60_000), 6)}` : null,
      party.name,
      party.creditCode,
      party.town,
      party.industry,
      utcMidnight(found),
      major ? "重大事故隐患" : "一般隐患",
      category,
      rng.pick(DESCRIPTIONS[category]!),
      campaign || null,
      utcMidnight(deadline),
      state,
      rectified === null ? null : utcMidnight(rectified),
      major && rng.next() < 0.6 ? "是" : "否",
      timestampOn(rng, rectified ?? found),
    ]);
    for (const c of DATE_COLUMNS) row.getCell(c).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  ws.commit();
  await wb.commit();
  fixZipTimesInFile(options.file, saved);
}
