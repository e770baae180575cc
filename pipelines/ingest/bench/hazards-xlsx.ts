// The benchmark's hazards ledger (docs/import.md §5.3) as an .xlsx written the way the
// platform writes it: a merged title row above the canonical header, shared strings, and the
// dates (发现日期, 整改期限, 整改完成日期) as real Excel date cells. Streamed with exceljs's
// WorkbookWriter, each row committed as it is made.
import ExcelJS from "exceljs";
import { makeParties } from "./parties.ts";
import { dayNumber, int, isoDate, mulberry32, pad, pick, timestampOn, utcDate, weighted } from "./prng.ts";

export const HAZARDS_TITLE = "荔城区应急管理局隐患排查治理台账";

export const HAZARDS_HEADER = [
  "隐患编号",
  "检查编号",
  "单位名称",
  "统一社会信用代码",
  "所属镇街",
  "行业领域",
  "发现日期",
  "隐患等级",
  "隐患类别",
  "隐患描述",
  "专项行动",
  "整改期限",
  "整改状态",
  "整改完成日期",
  "是否挂牌督办",
  "更新时间",
] as const;

const DATE_COLUMNS = ["发现日期", "整改期限", "整改完成日期"].map((h) => HAZARDS_HEADER.indexOf(h as never) + 1);

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

const FIRST_DAY = dayNumber(2021, 1, 1);
const LAST_DAY = dayNumber(2024, 12, 31);

export interface HazardsXlsxOptions {
  rows: number;
  seed: number;
  file: string;
}

export async function writeHazardsXlsx(options: HazardsXlsxOptions): Promise<void> {
  const rng = mulberry32(options.seed);
  const parties = makeParties(mulberry32(options.seed ^ 0x5eed), 20_000).filter((p) => p.type !== "个人");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: options.file, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet("隐患排查治理台账");
  const title = ws.addRow([HAZARDS_TITLE]);
  ws.mergeCells(1, 1, 1, HAZARDS_HEADER.length);
  title.commit();
  ws.addRow([...HAZARDS_HEADER]).commit();
  for (let seq = 1; seq <= options.rows; seq++) {
    const party = pick(rng, parties);
    const found = int(rng, FIRST_DAY, LAST_DAY);
    const year = isoDate(found).slice(0, 4);
    const major = rng() < 0.03;
    const category = pick(rng, CATEGORIES);
    const deadline = found + (major ? int(rng, 30, 90) : int(rng, 7, 30));
    const state = weighted(rng, [
      ["已整改", 82],
      ["整改中", 11],
      ["逾期未整改", 7],
    ] as const);
    const rectified = state === "已整改" ? found + int(rng, 1, deadline - found) : null;
    const campaign = rng() < 0.55 ? pick(rng, CAMPAIGNS[year]!) : "";
    const row = ws.addRow([
      `YH${year}-${pad(seq, 7)}`,
      rng() < 0.9 ? `JC${year}-${pad(int(rng, 1, 60_000), 6)}` : null,
      party.name,
      party.creditCode,
      party.town,
      party.industry,
      utcDate(found),
      major ? "重大事故隐患" : "一般隐患",
      category,
      pick(rng, DESCRIPTIONS[category]!),
      campaign || null,
      utcDate(deadline),
      state,
      rectified === null ? null : utcDate(rectified),
      major && rng() < 0.6 ? "是" : "否",
      timestampOn(rng, rectified ?? found),
    ]);
    for (const c of DATE_COLUMNS) row.getCell(c).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  ws.commit();
  await wb.commit();
}
