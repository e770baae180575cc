// The file plan: which records go to which file, with which headers and in which spelling.
// Records come from dataset.ts; bytes are produced by write-csv.ts and write-xlsx.ts.

import { toDays } from "./dates.ts";
import type { Dataset } from "./dataset.ts";
import {
  AMOUNT_STYLES,
  type BoolStyle,
  DATE_STYLES,
  type DateStyle,
  docNoStyle,
  fmtAmount,
  fmtBool,
  fmtDate,
  joinPenalties,
  partyTypeLabel,
  toFullWidth,
  townLabel,
} from "./formats.ts";
import { planAccidents, planActivities, planRandomChecks } from "./plan-ledgers.ts";
import { Rng } from "./prng.ts";
import { DISTRICT_SHORT } from "./profile.ts";
import { caseAsOf } from "./records/cases.ts";
import type {
  BadRow,
  CaseRecord,
  EnforcerRecord,
  HazardRecord,
  InspectionRecord,
  Kind,
} from "./records/types.ts";
import { EXPORTED } from "./targets.ts";
import type { CsvEncoding } from "./write-csv.ts";
import type { XCell, XSheet } from "./write-xlsx.ts";

export interface SheetSummary {
  name: string;
  /** Rows that the importer should accept (or count as duplicate when repeated elsewhere). */
  data: number;
  /** Rows that the importer must reject. */
  bad: number;
  /** Title, export-time, blank and footer rows (skipped). */
  skipped: number;
  note: string;
}

interface PlannedBase {
  /** Relative to the output folder. */
  path: string;
  kind: Kind;
  shape: string;
  sheets: SheetSummary[];
}
export interface PlannedCsv extends PlannedBase {
  format: "csv";
  encoding: CsvEncoding;
  rows: string[][];
}
export interface PlannedXlsx extends PlannedBase {
  format: "xlsx";
  savedAt: string;
  xlsxSheets: XSheet[];
}
export type PlannedFile = PlannedCsv | PlannedXlsx;

type Layout = readonly (readonly [header: string, field: string])[];

const SEQ = "序号";

/** Lays out one row: the 序号 column, the record's cells, and a bad row's raw overrides. */
function arrange<C>(layout: Layout, cells: Record<string, C>, seq: number, raw: Record<string, string> = {}): (C | string)[] {
  return layout.map(([, f]) => {
    if (f === SEQ) return String(seq);
    if (f in raw) return raw[f]!;
    // null stays null: an XLSX cell that is really empty, not an empty string.
    const v = cells[f];
    return v === undefined ? "" : v;
  });
}

/** Spreads `bad` rows through `good` ones at even intervals. */
function interleave<T>(good: T[], bad: T[]): T[] {
  const out = [...good];
  bad.forEach((b, i) => {
    out.splice(Math.floor(((i + 1) * good.length) / (bad.length + 1)) + i, 0, b);
  });
  return out;
}

/** Title, export-time and footer rows of a sheet: the rows the importer skips. */
function skippedRows(x: XSheet): number {
  return (x.preamble?.length ?? 0) + (x.footer?.length ?? 0);
}

function badFor(ds: Dataset, file: string): BadRow[] {
  return ds.badRows.filter((b) => b.file === file);
}

const xd = (iso: string | null, numFmt?: string): XCell => (iso ? { date: iso, numFmt } : null);
/** A date as a spreadsheet holds it when typed by hand: mostly a date cell, sometimes a serial number or text. */
function xdateMixed(rng: Rng, iso: string | null, serialShare: number, textShare: number): XCell {
  if (!iso) return null;
  const r = rng.next();
  if (r < serialShare) return toDays(iso) + 25569;
  if (r < serialShare + textShare) return fmtDate(iso, rng.pick(["cn", "slash", "iso"] as const));
  return { date: iso, numFmt: rng.chance(0.7) ? "yyyy-mm-dd" : "yyyy/m/d" };
}

// ---------------------------------------------------------------------------------------
// Cases

const CASE_CANONICAL: Layout = [
  ["案件编号", "案件编号"],
  ["案件名称", "案件名称"],
  ["当事人名称", "当事人名称"],
  ["当事人类型", "当事人类型"],
  ["统一社会信用代码", "统一社会信用代码"],
  ["当事人证件号码", "当事人证件号码"],
  ["所属镇街", "所属镇街"],
  ["行业领域", "行业领域"],
  ["违法行为", "违法行为"],
  ["执法主体", "执法主体"],
  ["程序类型", "程序类型"],
  ["立案日期", "立案日期"],
  ["处罚决定书文号", "处罚决定书文号"],
  ["处罚决定日期", "处罚决定日期"],
  ["处罚种类", "处罚种类"],
  ["罚款金额（元）", "罚款金额"],
  ["是否一案双罚", "是否一案双罚"],
  ["是否法制审核", "是否法制审核"],
  ["案件状态", "案件状态"],
  ["结案日期", "结案日期"],
  ["更新时间", "更新时间"],
];

/** The 2023 ledger: aliases for many headers, half-width brackets in the amount header. */
const CASE_2023_CSV: Layout = [
  [SEQ, SEQ],
  ["案件号", "案件编号"],
  ["案件名称", "案件名称"],
  ["被处罚人", "当事人名称"],
  ["当事人类型", "当事人类型"],
  ["信用代码", "统一社会信用代码"],
  ["证件号码", "当事人证件号码"],
  ["镇街", "所属镇街"],
  ["行业", "行业领域"],
  ["案由", "违法行为"],
  ["办案单位", "执法主体"],
  ["适用程序", "程序类型"],
  ["立案日期", "立案日期"],
  ["决定书文号", "处罚决定书文号"],
  ["决定日期", "处罚决定日期"],
  ["处罚类别", "处罚种类"],
  ["罚款金额(元)", "罚款金额"],
  ["一案双罚", "是否一案双罚"],
  ["法制审核", "是否法制审核"],
  ["案件状态", "案件状态"],
  ["结案日期", "结案日期"],
  ["更新时间", "更新时间"],
];

const CASE_OVERLAP: Layout = CASE_CANONICAL.map(([h, f]) => [h === "罚款金额（元）" ? "罚款金额（万元）" : h, f] as const);

const CASE_2024: Layout = [
  ["案件编号", "案件编号"],
  ["案件名称", "案件名称"],
  ["行政相对人名称", "当事人名称"],
  ["行政相对人类别", "当事人类型"],
  ["社会信用代码", "统一社会信用代码"],
  ["身份证号", "当事人证件号码"],
  ["乡镇（街道）", "所属镇街"],
  ["行业类别", "行业领域"],
  ["违法行为类型", "违法行为"],
  ["处罚机关", "执法主体"],
  ["办案程序", "程序类型"],
  ["立案日期", "立案日期"],
  ["行政处罚决定书文号", "处罚决定书文号"],
  ["处罚决定日期", "处罚决定日期"],
  ["处罚内容", "处罚种类"],
  ["罚没金额（元）", "罚款金额"],
  ["是否一案双罚", "是否一案双罚"],
  ["是否法制审核", "是否法制审核"],
  ["案件状态", "案件状态"],
  ["结案日期", "结案日期"],
  ["更新时间", "更新时间"],
];

const docNo = (c: CaseRecord) => c.decisionNo ?? c.decisionNoPlaceholder ?? "";
const typeTwoPublic = (c: CaseRecord) => (c.partyType === "单位" ? "法人及非法人组织" : c.partyType === "个人" ? "自然人" : "个体工商户");

/** Canonical spellings: ISO dates, plain amounts, 是/否. */
function caseCellsPlain(c: CaseRecord): Record<string, string> {
  return {
    案件编号: c.caseNo,
    案件名称: c.caseName,
    当事人名称: c.party,
    当事人类型: c.partyType,
    统一社会信用代码: c.creditCode ?? "",
    当事人证件号码: c.idNumber ?? "",
    所属镇街: c.town,
    行业领域: c.industry,
    违法行为: c.violation,
    执法主体: c.authorityLabel,
    程序类型: c.procedure,
    立案日期: c.filedOn,
    处罚决定书文号: docNo(c),
    处罚决定日期: c.decidedOn ?? "",
    处罚种类: c.penalties.join("、"),
    罚款金额: c.decidedOn && c.fine > 0 ? String(c.fine) : "",
    是否一案双罚: c.decidedOn ? fmtBool(c.dualPenalty, "shi") : "",
    是否法制审核: c.decidedOn ? fmtBool(c.legalReview, "shi") : "",
    案件状态: c.status,
    结案日期: c.closedOn ?? "",
    更新时间: c.updatedAt,
  };
}

/** The hand-kept 2023 ledger: every column spelled several ways. */
function caseCellsMessy(c: CaseRecord, rng: Rng): Record<string, string> {
  const style: DateStyle = rng.weighted(DATE_STYLES);
  const time = `${String(rng.int(8, 17)).padStart(2, "0")}:${rng.pick(["00", "15", "30", "45"])}:00`;
  const date = (iso: string | null) => (iso ? fmtDate(iso, style, time) : "");
  const bool: BoolStyle = rng.weighted([["shi", 6], ["check", 2], ["yn", 2]] as const);
  const town = c.authority.type === "town";
  const amount = c.decidedOn && c.fine > 0 ? fmtAmount(c.fine, rng.weighted(AMOUNT_STYLES)) : c.decidedOn && rng.chance(0.5) ? "0" : "";
  return {
    ...caseCellsPlain(c),
    当事人类型: partyTypeLabel(rng, c.partyType, !!c.creditCode),
    所属镇街: townLabel(rng, c.town, 0.45),
    程序类型: rng.chance(0.25) ? c.procedure.slice(0, 2) : c.procedure,
    立案日期: date(c.filedOn),
    处罚决定书文号: c.decisionNo ? docNoStyle(c.decisionNo, rng.weighted([["full", 7], ["half", 2], ["tortoise", 1]] as const)) : docNo(c),
    处罚决定日期: date(c.decidedOn),
    处罚种类: joinPenalties(rng, c.penalties),
    罚款金额: amount,
    是否一案双罚: !c.decidedOn || (town && rng.chance(0.5)) ? "" : fmtBool(c.dualPenalty, bool),
    是否法制审核: !c.decidedOn || (town && rng.chance(0.3)) ? "" : fmtBool(c.legalReview, bool),
    结案日期: date(c.closedOn),
  };
}

function caseCellsXlsx(c: CaseRecord, rng: Rng, opts: { wan: boolean; textShare: number }): Record<string, XCell> {
  const plain: Record<string, XCell> = caseCellsPlain(c);
  const dateCell = (iso: string | null): XCell => (iso && rng.chance(opts.textShare) ? fmtDate(iso, rng.pick(["slash", "cn"] as const)) : xd(iso));
  let fine: XCell = null;
  if (c.decidedOn && c.fine > 0) {
    if (opts.wan) fine = Number((c.fine / 10000).toFixed(4));
    else fine = rng.chance(opts.textShare) ? fmtAmount(c.fine, "thousands") : c.fine;
  }
  return {
    ...plain,
    统一社会信用代码: c.creditCode,
    当事人证件号码: c.idNumber,
    立案日期: dateCell(c.filedOn),
    处罚决定日期: dateCell(c.decidedOn),
    结案日期: dateCell(c.closedOn),
    罚款金额: fine,
  };
}

/** The versions an export taken at `at` shows of the cases filed or decided in [from, to]. */
function casesInWindow(ds: Dataset, at: string, from: string, to: string): CaseRecord[] {
  const out: CaseRecord[] = [];
  for (const h of ds.cases) {
    const v = caseAsOf(h, at);
    if (!v) continue;
    const inRange = (d: string | null) => !!d && d >= from && d <= to;
    if (inRange(v.decidedOn) || inRange(v.filedOn)) out.push(v);
  }
  return out.sort((a, b) => a.caseNo.localeCompare(b.caseNo));
}

function planCases2122(ds: Dataset): PlannedCsv {
  const recs = casesInWindow(ds, EXPORTED.cases2122, "2021-01-01", "2022-12-31");
  const bad = badFor(ds, "cases-2122");
  const rows = interleave(
    recs.map((c) => arrange(CASE_CANONICAL, caseCellsPlain(c), 0)),
    bad.map((b) => arrange(CASE_CANONICAL, caseCellsPlain(b.record as CaseRecord), 0, b.raw)),
  );
  return {
    format: "csv",
    path: "案件/行政处罚案件台账_2021-2022.csv",
    kind: "cases",
    encoding: "utf8-bom",
    shape: "UTF-8 with BOM; canonical headers in row 1; ISO dates, plain amounts, 是/否",
    rows: [CASE_CANONICAL.map(([h]) => h), ...rows],
    sheets: [{ name: "", data: recs.length, bad: bad.length, skipped: 0, note: `cases filed or decided 2021–2022 as of ${EXPORTED.cases2122}` }],
  };
}

function planCases2023(ds: Dataset): PlannedCsv {
  const rng = Rng.for("plan:cases-2023");
  const at = EXPORTED.cases2023;
  const recs = casesInWindow(ds, at, "2023-01-01", "2023-12-31");
  const cells = recs.map((c) => caseCellsMessy(c, rng));
  // Codes as people type them: one in lower case, one in full-width characters, an ID ending in x.
  const withLetters = recs.findIndex(
    (c) => c.authority.type === "town" && !!c.creditCode && /[A-Z]/.test(c.creditCode.slice(2)) && c.enterpriseId !== ds.pool.flawed[1].id,
  );
  if (withLetters >= 0) cells[withLetters]!.统一社会信用代码 = recs[withLetters]!.creditCode!.toLowerCase();
  const flawedId = ds.pool.flawed[1].id;
  const fullWidth = recs.findIndex((c, i) => i !== withLetters && c.authority.type === "town" && !!c.creditCode && c.enterpriseId !== flawedId);
  if (fullWidth >= 0) cells[fullWidth]!.统一社会信用代码 = toFullWidth(recs[fullWidth]!.creditCode!);
  const xId = recs.findIndex((c) => c.idNumber?.endsWith("X"));
  if (xId >= 0) cells[xId]!.当事人证件号码 = recs[xId]!.idNumber!.toLowerCase();
  // A name with a trailing ideographic space (trimmed on import).
  const spaced = recs.findIndex((c, i) => i !== withLetters && i !== fullWidth && c.authority.type === "town" && c.partyType === "单位");
  if (spaced >= 0) cells[spaced]!.当事人名称 = `${recs[spaced]!.party}\u3000`;

  const bad = badFor(ds, "cases-2023");
  const badRows = bad.map((b) => ({ cells: caseCellsMessy(b.record as CaseRecord, rng), raw: b.raw }));
  const ordered = interleave(
    cells.map((c) => ({ cells: c, raw: {} as Record<string, string> })),
    badRows,
  );
  const body = ordered.map((r, i) => arrange(CASE_2023_CSV, r.cells, i + 1, r.raw));
  const width = CASE_2023_CSV.length;
  const pad = (first: string, at = 0, value = ""): string[] => {
    const row = Array<string>(width).fill("");
    row[0] = first;
    if (at > 0) row[at] = value;
    return row;
  };
  const fineCol = CASE_2023_CSV.findIndex(([, f]) => f === "罚款金额");
  const total = recs.reduce((s, c) => s + (c.decidedOn ? c.fine : 0), 0);
  const rows = [
    pad(`${DISTRICT_SHORT}应急管理局行政处罚案件台账（2023年度）`),
    pad(`导出时间：${at}`),
    pad(""),
    CASE_2023_CSV.map(([h]) => h),
    ...body,
    pad(""),
    (() => {
      const r = pad("合计", fineCol, total.toFixed(2));
      r[1] = `共${body.length}条`;
      return r;
    })(),
    pad("制表人：林某某　　审核人：陈某某"),
  ];
  return {
    format: "csv",
    path: "案件/荔城区应急管理局行政处罚案件台账_2023年度.csv",
    kind: "cases",
    encoding: "gb18030",
    shape:
      "GB18030 without BOM; title, export-time and blank rows, then alias headers (案件号, 被处罚人, 办案单位, 适用程序, 决定日期, 处罚类别, 一案双罚, 法制审核 …); mixed date, amount, boolean, town and 文号 spellings; a blank row, a 合计 row and a 制表人 row at the end",
    rows,
    sheets: [
      {
        name: "",
        data: recs.length,
        bad: bad.length,
        skipped: rows.length - body.length - 1,
        note: `cases filed or decided in 2023 as of ${at} (incl. pending ones and cases decided on 2–4 Jan 2024)`,
      },
    ],
  };
}

function planCasesOverlap(ds: Dataset): PlannedXlsx {
  const rng = Rng.for("plan:cases-overlap");
  const recs = casesInWindow(ds, EXPORTED.casesOverlap, "2023-10-01", "2024-03-31");
  const rows = recs.map((c) => arrange(CASE_OVERLAP, caseCellsXlsx(c, rng, { wan: true, textShare: 0 }), 0));
  return {
    format: "xlsx",
    path: "案件/行政处罚案件_2023年10月至2024年3月.xlsx",
    kind: "cases",
    savedAt: EXPORTED.casesOverlap,
    shape: "one sheet, canonical headers in row 1 with 罚款金额（万元） (numeric cells like 0.25); date cells",
    xlsxSheets: [{ name: "案件列表", header: CASE_OVERLAP.map(([h]) => h), rows, widths: [20, 40, 36, 10, 22, 20, 10, 10, 40, 24, 10, 12, 26, 12, 18, 14] }],
    sheets: [
      {
        name: "案件列表",
        data: recs.length,
        bad: 0,
        skipped: 0,
        note: `cases decided (or filed and pending) 2023-10-01..2024-03-31 as of ${EXPORTED.casesOverlap}; repeats Q4-2023 cases of the 2023 ledger`,
      },
    ],
  };
}

function planCases2024(ds: Dataset): PlannedXlsx {
  const rng = Rng.for("plan:cases-2024");
  const recs = casesInWindow(ds, EXPORTED.cases2024, "2024-01-01", "2024-12-31");
  const cell = (c: CaseRecord) => {
    const x = caseCellsXlsx(c, rng, { wan: false, textShare: 0.06 });
    x.当事人类型 = typeTwoPublic(c);
    x.所属镇街 = townLabel(rng, c.town, 0.3);
    return x;
  };
  const bad = badFor(ds, "cases-2024");
  const rows = interleave(
    recs.map((c) => arrange(CASE_2024, cell(c), 0)),
    bad.map((b) => arrange(CASE_2024, cell(b.record as CaseRecord), 0, b.raw)),
  );
  const sheet: XSheet = {
    name: "2024年度",
    preamble: [{ text: `${DISTRICT_SHORT}应急管理局行政处罚案件台账（2024年度）`, merge: true, bold: true }, { text: `导出时间：${EXPORTED.cases2024}` }],
    header: CASE_2024.map(([h]) => h),
    rows,
    widths: [20, 40, 36, 16, 22, 20, 10, 10, 40, 24, 10, 12, 26, 12, 18, 14],
  };
  return {
    format: "xlsx",
    path: "案件/行政处罚案件台账_2024年度.xlsx",
    kind: "cases",
    savedAt: EXPORTED.cases2024,
    shape: "title row, export-time row, then alias headers (行政相对人名称, 行政相对人类别, 乡镇（街道）, 处罚机关, 办案程序, 处罚内容, 罚没金额（元） …); 双公示 party types; numeric amounts, a few as text",
    xlsxSheets: [sheet],
    sheets: [{ name: sheet.name, data: recs.length, bad: bad.length, skipped: skippedRows(sheet), note: `cases filed or decided in 2024 as of ${EXPORTED.cases2024}` }],
  };
}

// ---------------------------------------------------------------------------------------
// Inspections

const INSPECTION_FIELDS = ["检查编号", "检查对象", "统一社会信用代码", "所属镇街", "行业领域", "检查日期", "检查方式", "专项行动", "检查单位", "是否联合检查", "联合部门", "检查结果", "更新时间"] as const;

const INSPECTION_HEADERS: Record<number, readonly string[]> = {
  2021: ["检查记录编号", "被检查单位", "统一社会信用代码", "所属镇街", "行业领域", "检查日期", "检查类型", "专项名称", "执法主体", "是否联合检查", "联合部门", "检查结果", "更新时间"],
  2022: INSPECTION_FIELDS,
  2023: ["检查编号", "企业名称", "统一社会信用代码", "所属镇街", "行业领域", "检查日期", "检查方式", "专项行动", "检查单位", "是否联合检查", "联合部门", "检查结果", "更新时间"],
  2024: INSPECTION_FIELDS,
};

function inspectionCells(i: InspectionRecord, rng: Rng): Record<string, XCell> {
  return {
    检查编号: i.inspectionNo,
    检查对象: i.target,
    统一社会信用代码: i.creditCode,
    所属镇街: townLabel(rng, i.town, 0.15),
    行业领域: i.industry,
    检查日期: xdateMixed(rng, i.date, 0.08, 0.07),
    检查方式: i.method,
    专项行动: i.campaign,
    检查单位: i.unitLabel,
    是否联合检查: fmtBool(i.joint, "shi"),
    联合部门: i.jointDepts,
    检查结果: i.result,
    更新时间: i.updatedAt,
  };
}

function planInspections(ds: Dataset): PlannedXlsx {
  const rng = Rng.for("plan:inspections");
  const sheets: XSheet[] = [];
  const summaries: SheetSummary[] = [];
  const numericRow = ds.inspections.find((i) => i.enterpriseId === ds.pool.numericCode.id && !!i.creditCode);
  for (const year of [2021, 2022, 2023, 2024]) {
    const layout: Layout = [[SEQ, SEQ], ...INSPECTION_HEADERS[year]!.map((h, k) => [h, INSPECTION_FIELDS[k]!] as const)];
    const recs = ds.inspections.filter((i) => i.date.startsWith(`${year}-`));
    const cells = recs.map((i) => {
      const c = inspectionCells(i, rng);
      // Excel turned this all-digit code into a number and kept 15 significant digits.
      if (i === numericRow) c.统一社会信用代码 = Number(`${i.creditCode!.slice(0, 15)}000`);
      return { cells: c, raw: {} as Record<string, string> };
    });
    const bad = year === 2023 ? badFor(ds, "inspections").map((b) => ({ cells: inspectionCells(b.record as InspectionRecord, rng), raw: b.raw })) : [];
    const rows = interleave(cells, bad).map((r, k) => {
      const row = arrange(layout, r.cells, k + 1, r.raw);
      row[0] = k + 1;
      return row;
    });
    const sheet: XSheet = {
      name: `${year}年`,
      preamble: [{ text: `${DISTRICT_SHORT}执法检查记录（${year}年）`, merge: true, bold: true }, { text: `导出时间：${EXPORTED.inspections}` }],
      header: layout.map(([h]) => h),
      rows,
      widths: [6, 14, 38, 22, 10, 8, 12, 10, 30, 24, 8, 14, 40, 20],
    };
    sheets.push(sheet);
    summaries.push({ name: sheet.name, data: recs.length, bad: bad.length, skipped: skippedRows(sheet), note: `inspections dated ${year}` });
  }
  sheets.push({
    name: "填表说明",
    rows: [
      ["填表说明"],
      ["1. 本表由省行政执法一体化平台导出，每年一个工作表。"],
      ["2. 检查日期以平台录入为准，部分历史数据为手工补录。"],
      ["3. 统一社会信用代码请以文本格式填写，避免被表格软件转换为科学计数法。"],
      ["4. 专项行动一栏填写平台中的专项名称，非专项检查留空。"],
      ["5. 复查记录对应此前检查发现问题的整改复核。"],
    ],
    widths: [80],
  });
  summaries.push({ name: "填表说明", data: 0, bad: 0, skipped: 0, note: "free-text notes, not a data sheet" });
  return {
    format: "xlsx",
    path: "检查/执法检查记录_2021-2024.xlsx",
    kind: "inspections",
    savedAt: EXPORTED.inspections,
    shape:
      "one sheet per year plus 填表说明; row 1 a merged title (A1 across all columns), row 2 the export time, row 3 the header (2021 sheet uses aliases 检查记录编号/被检查单位/检查类型/专项名称/执法主体); 检查日期 mostly date cells, some Excel serial numbers, some text; one credit code as a numeric cell",
    xlsxSheets: sheets,
    sheets: summaries,
  };
}

/** The canonical case header, as the importer declares it; also the bulk cases export's. */
export const CASE_HEADER: readonly string[] = CASE_CANONICAL.map(([h]) => h);

// ---------------------------------------------------------------------------------------
// Hazards

const HAZARD_CANONICAL: Layout = [
  ["隐患编号", "隐患编号"],
  ["检查编号", "检查编号"],
  ["单位名称", "单位名称"],
  ["统一社会信用代码", "统一社会信用代码"],
  ["所属镇街", "所属镇街"],
  ["行业领域", "行业领域"],
  ["发现日期", "发现日期"],
  ["隐患等级", "隐患等级"],
  ["隐患类别", "隐患类别"],
  ["隐患描述", "隐患描述"],
  ["专项行动", "专项行动"],
  ["整改期限", "整改期限"],
  ["整改状态", "整改状态"],
  ["整改完成日期", "整改完成日期"],
  ["是否挂牌督办", "是否挂牌督办"],
  ["更新时间", "更新时间"],
];

/** The canonical hazard header; also the bulk hazards export's. */
export const HAZARD_HEADER: readonly string[] = HAZARD_CANONICAL.map(([h]) => h);

const HAZARD_2023: Layout = HAZARD_CANONICAL.map(([h, f]) => {
  const alias: Record<string, string> = { 单位名称: "企业名称", 发现日期: "排查日期", 隐患等级: "隐患级别", 隐患类别: "隐患类型", 是否挂牌督办: "挂牌督办" };
  return [alias[h] ?? h, f] as const;
});

function hazardCellsPlain(h: HazardRecord, dateStyle: DateStyle, bool: BoolStyle): Record<string, string> {
  return {
    隐患编号: h.hazardNo,
    检查编号: h.inspectionNo ?? "",
    单位名称: h.unitName,
    统一社会信用代码: h.creditCode ?? "",
    所属镇街: h.town,
    行业领域: h.industry,
    发现日期: fmtDate(h.foundOn, dateStyle),
    隐患等级: h.level,
    隐患类别: h.categoryLabel,
    隐患描述: h.description,
    专项行动: h.campaign ?? "",
    整改期限: fmtDate(h.deadline, dateStyle),
    整改状态: h.status,
    整改完成日期: h.rectifiedOn ? fmtDate(h.rectifiedOn, dateStyle) : "",
    是否挂牌督办: fmtBool(h.supervised, bool),
    更新时间: h.updatedAt,
  };
}

function planHazardCsv(ds: Dataset, year: 2021 | 2022 | 2024): PlannedCsv {
  const rng = Rng.for(`plan:hazards-${year}`);
  const recs = ds.hazards.filter((h) => h.foundOn.startsWith(`${year}-`));
  const cfg = {
    2021: { encoding: "utf8" as const, style: "iso" as DateStyle, bool: "shi" as BoolStyle, pre: [] as string[] },
    2022: { encoding: "utf16le-bom" as const, style: "slash" as DateStyle, bool: "yn" as BoolStyle, pre: [`${DISTRICT_SHORT}隐患排查治理台账（2022年度）`, `导出时间：${EXPORTED.hazards[2022]}`] },
    2024: { encoding: "utf8" as const, style: "iso" as DateStyle, bool: "shi" as BoolStyle, pre: [`${DISTRICT_SHORT}隐患排查治理台账（2024年度）`, `导出时间：${EXPORTED.hazards[2024]}`, ""] },
  }[year];
  const cells = (h: HazardRecord) => {
    const c = hazardCellsPlain(h, cfg.style, cfg.bool);
    if (year === 2024) c.所属镇街 = townLabel(rng, h.town, 0.2);
    return c;
  };
  const bad = badFor(ds, `hazards-${year}`);
  const body = interleave(
    recs.map((h) => arrange(HAZARD_CANONICAL, cells(h), 0)),
    bad.map((b) => arrange(HAZARD_CANONICAL, cells(b.record as HazardRecord), 0, b.raw)),
  );
  const width = HAZARD_CANONICAL.length;
  const pre = cfg.pre.map((t) => [t, ...Array<string>(width - 1).fill("")]);
  return {
    format: "csv",
    path: `隐患/隐患排查治理台账_${year}.csv`,
    kind: "hazards",
    encoding: cfg.encoding,
    shape:
      year === 2022
        ? "UTF-16LE with BOM (FF FE), comma separated; title and export-time rows; canonical headers; dates 2022/5/12; booleans Y/N"
        : year === 2021
          ? "UTF-8 without BOM; canonical headers in row 1; ISO dates"
          : "UTF-8 without BOM; title, export-time and blank rows; canonical headers; some town aliases",
    rows: [...pre, HAZARD_CANONICAL.map(([h]) => h), ...body],
    sheets: [{ name: "", data: recs.length, bad: bad.length, skipped: pre.length, note: `hazards found in ${year}, statuses as of ${EXPORTED.hazards[year]}` }],
  };
}

function planHazards2023(ds: Dataset): PlannedXlsx {
  const rng = Rng.for("plan:hazards-2023");
  const recs = ds.hazards.filter((h) => h.foundOn.startsWith("2023-"));
  let trailing = 2;
  const cells = (h: HazardRecord): Record<string, XCell> => {
    const level = h.level === "一般隐患" ? (rng.chance(0.4) ? "一般" : "一般隐患") : rng.pick(["重大", "重大隐患", "重大事故隐患"]);
    let campaign: string | null = h.campaign;
    // Two campaign names carry a trailing ideographic space, as pasted from a document.
    if (campaign && h.level === "一般隐患" && trailing > 0 && rng.chance(0.01)) {
      campaign += "\u3000";
      trailing--;
    }
    return {
      ...hazardCellsPlain(h, "iso", "shi"),
      统一社会信用代码: h.creditCode,
      所属镇街: townLabel(rng, h.town, 0.1),
      发现日期: xdateMixed(rng, h.foundOn, 0.02, 0.05),
      隐患等级: level,
      专项行动: campaign,
      整改期限: xd(h.deadline),
      整改状态: h.status === "已整改" && rng.chance(0.35) ? "已完成" : h.status,
      整改完成日期: xd(h.rectifiedOn),
    };
  };
  const bad = badFor(ds, "hazards-2023");
  const rows = interleave(
    recs.map((h) => arrange(HAZARD_2023, cells(h), 0)),
    bad.map((b) => arrange(HAZARD_2023, cells(b.record as HazardRecord), 0, b.raw)),
  );
  const sheet: XSheet = {
    name: "隐患台账",
    preamble: [{ text: `${DISTRICT_SHORT}隐患排查治理台账（2023年度）`, bold: true }, { text: `导出时间：${EXPORTED.hazards[2023]}` }],
    header: HAZARD_2023.map(([h]) => h),
    rows,
    footer: [[`合计：共${rows.length}条`]],
    widths: [16, 14, 38, 22, 10, 10, 12, 12, 16, 36, 32, 12, 10, 12, 10, 20],
  };
  return {
    format: "xlsx",
    path: "隐患/隐患排查治理台账_2023.xlsx",
    kind: "hazards",
    savedAt: EXPORTED.hazards[2023],
    shape:
      "one sheet; title row, export-time row, then alias headers 企业名称/排查日期/隐患级别/隐患类型/挂牌督办; levels 一般/重大/重大隐患, status 已完成; date cells (a few text or serial); a 合计 footer",
    xlsxSheets: [sheet],
    sheets: [{ name: sheet.name, data: recs.length, bad: bad.length, skipped: skippedRows(sheet), note: `hazards found in 2023, statuses as of ${EXPORTED.hazards[2023]}` }],
  };
}

// ---------------------------------------------------------------------------------------
// Enforcers

const ENFORCER_LAYOUT: Layout = [
  [SEQ, SEQ],
  ["姓名*", "姓名"],
  ["身份证号", "身份证号"],
  ["所属单位*", "所属单位"],
  ["执法证号*", "执法证号"],
  ["证件类型", "证件类型"],
  ["执法类别", "执法类别"],
  ["发证日期*", "发证日期"],
  ["有效期至*", "有效期至"],
  ["证件状态*", "证件状态"],
  ["注销日期", "注销日期"],
  ["更新时间", "更新时间"],
  ["备注（注销原因）", "备注"],
];

function enforcerCells(e: EnforcerRecord): Record<string, XCell> {
  return {
    姓名: e.name,
    身份证号: e.idNumber,
    所属单位: e.unitLabel,
    执法证号: e.certNo,
    证件类型: e.certType,
    执法类别: e.field,
    发证日期: xd(e.issuedOn),
    有效期至: xd(e.validUntil),
    证件状态: e.status,
    注销日期: xd(e.cancelledOn),
    更新时间: e.updatedAt,
    备注: e.note,
  };
}

function planEnforcers(ds: Dataset): PlannedXlsx {
  const recs = [...ds.enforcers].sort((a, b) => a.unitLabel.localeCompare(b.unitLabel, "zh") || a.issuedOn.localeCompare(b.issuedOn));
  const bad = badFor(ds, "enforcers");
  const rows = interleave(
    recs.map((e) => ({ cells: enforcerCells(e), raw: {} as Record<string, string> })),
    bad.map((b) => ({ cells: enforcerCells(b.record as EnforcerRecord), raw: b.raw })),
  ).map((r, k) => {
    const row = arrange(ENFORCER_LAYOUT, r.cells, k + 1, r.raw);
    row[0] = k + 1;
    return row;
  });
  const roster: XSheet = {
    name: "执法人员名册",
    preamble: [{ text: `${DISTRICT_SHORT}安全生产行政执法人员名册`, merge: true, bold: true }, { text: `导出时间：${EXPORTED.enforcers}` }],
    header: ENFORCER_LAYOUT.map(([h]) => h),
    rows,
    widths: [6, 10, 22, 30, 16, 12, 22, 12, 12, 10, 12, 20, 20],
  };
  return {
    format: "xlsx",
    path: "执法人员/执法人员名册.xlsx",
    kind: "enforcers",
    savedAt: EXPORTED.enforcers,
    shape: "two sheets: 执法人员名册 (merged title, export time, headers with a trailing * and 备注（注销原因）) and 说明 (notes); date cells; ID numbers as text",
    xlsxSheets: [
      roster,
      {
        name: "说明",
        rows: [
          ["说明"],
          ["1. 带*号的列为必填项。"],
          ["2. 证件状态：有效、已注销、已过期、暂扣。已注销的证件须填写注销日期。"],
          ["3. 换发新证的，原证件注销，新证件另起一行。"],
          ["4. 身份证号属于个人信息，仅限内部管理使用，不得对外公开。"],
        ],
        widths: [80],
      },
    ],
    sheets: [
      { name: roster.name, data: recs.length, bad: bad.length, skipped: skippedRows(roster), note: `certificates 2016–2024 as of ${EXPORTED.enforcers}` },
      { name: "说明", data: 0, bad: 0, skipped: 0, note: "free-text notes, not a data sheet" },
    ],
  };
}

export function buildPlan(ds: Dataset): PlannedFile[] {
  return [
    planCases2122(ds),
    planCases2023(ds),
    planCasesOverlap(ds),
    planCases2024(ds),
    planInspections(ds),
    planHazardCsv(ds, 2021),
    planHazardCsv(ds, 2022),
    planHazards2023(ds),
    planHazardCsv(ds, 2024),
    planEnforcers(ds),
    planRandomChecks(ds),
    planAccidents(ds),
    planActivities(ds),
  ];
}
