// The bulk cases export (docs/import.md §5.1), any number of rows: what Excel on a Chinese
// Windows saves as "CSV" — GB18030, CRLF, a title row and an export-time row above the header, a
// 合计 footer — plus, optionally, the same records as plain UTF-8 (header + data) for the ingest
// benchmark's read_csv yardstick. Streamed: lines are built and encoded in batches, never the
// whole file in memory. Row i depends only on the seed and the rows before it, so a smaller file
// is the start of a bigger one (only the footer differs).
import fs from "node:fs";
import iconv from "iconv-lite";
import { fromDays, pad, timestampOn, toDays } from "../dates.ts";
import { CASE_HEADER } from "../plan.ts";
import { Rng } from "../prng.ts";
import { BUREAU, TOWN_UNIT } from "../profile.ts";
import { csvField } from "../write-csv.ts";
import { makeParties, type Party } from "./parties.ts";

export const CASES_TITLE = "荔城区应急管理局行政处罚案件台账";
export const CASES_EXPORT_TIME = "导出时间：2024-01-05 09:12";

/** The canonical header (docs/import.md §5.1), the same as the demo's plain case ledgers. */
export const CASES_HEADER: readonly string[] = CASE_HEADER;

const AMOUNT_COLUMN = CASES_HEADER.indexOf("罚款金额（元）");

// A few carry an ASCII comma, so the file has RFC 4180 quoted fields as real exports do.
const VIOLATIONS = [
  "未按规定对从业人员进行安全生产教育和培训",
  "特种作业人员未按照规定经专门的安全作业培训并取得相应资格上岗作业",
  "未建立事故隐患排查治理制度",
  "未采取措施消除事故隐患",
  "未按规定制定生产安全事故应急救援预案或者未定期组织演练",
  "未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志",
  "安全设备的安装、使用、检测、改造和报废不符合国家标准或者行业标准",
  "未如实记录安全生产教育和培训情况",
  "粉尘防爆安全管理不到位, 未按规定清理作业现场积尘",
  "有限空间作业未执行作业审批制度, 未安排专门人员进行现场安全管理",
  "危险化学品储存不符合国家标准",
  "未按规定设置安全生产管理机构或者配备安全生产管理人员",
];

const STATUSES = [
  ["已结案", 70],
  ["执行中", 10],
  ["已决定", 8],
  ["调查中", 7],
  ["已立案", 3],
  ["已撤销", 2],
] as const;

const FIRST_DAY = toDays("2021-01-01");
const LAST_DAY = toDays("2024-12-31");

interface CaseGen {
  rng: Rng;
  parties: Party[];
  /** Per unit and year, the last decision number handed out. */
  docNo: Map<string, number>;
}

/** One case as its 21 cells, and its fine in cents (for the footer's total). */
function caseRow(g: CaseGen, seq: number): { cells: string[]; cents: number } {
  const { rng } = g;
  const party = rng.pick(g.parties);
  const filed = rng.int(FIRST_DAY, LAST_DAY);
  const year = fromDays(filed).slice(0, 4);
  const byBureau = rng.next() < 0.6;
  const authority = byBureau ? BUREAU : TOWN_UNIT[party.town];
  const simple = rng.next() < 0.25;
  const status = rng.weighted(STATUSES);
  const decidedCase = status === "已结案" || status === "执行中" || status === "已决定";

  let kinds = "";
  let cents = 0;
  let decided = "";
  let docNo = status === "调查中" || status === "已立案" ? (rng.next() < 0.5 ? "预立案" : "") : "";
  let closed = "";
  let last = filed;
  if (decidedCase) {
    const d = filed + (simple ? rng.int(0, 2) : rng.int(10, 75));
    decided = fromDays(d);
    last = d;
    const unitKey = `${authority}${year}`;
    const n = (g.docNo.get(unitKey) ?? 0) + 1;
    g.docNo.set(unitKey, n);
    docNo = byBureau ? `（荔）应急罚〔${year}〕${n}号` : `荔${party.town.slice(0, 2)}安罚〔${year}〕${n}号`;
    if (simple) {
      kinds = rng.weighted([
        ["警告", 3],
        ["罚款", 5],
        ["警告、罚款", 2],
      ]);
      if (kinds.includes("罚款")) cents = (party.type === "个人" ? rng.int(1, 4) * 50 : rng.int(1, 6) * 500) * 100;
    } else {
      kinds = rng.weighted([
        ["罚款", 70],
        ["警告、罚款", 15],
        ["罚款、没收违法所得", 6],
        ["责令停产停业、罚款", 5],
        ["暂扣或者吊销有关许可证、罚款", 2],
        ["警告", 2],
      ]);
      if (kinds.includes("罚款"))
        cents = (party.type === "个人" ? rng.int(10, 500) * 100 : rng.int(10, 3000) * 100) * 100;
    }
    if (status === "已结案") {
      const c = d + rng.int(5, 90);
      closed = fromDays(c);
      last = c;
    }
  } else if (status === "已撤销") {
    const c = filed + rng.int(5, 40);
    closed = fromDays(c);
    last = c;
  }
  const violation = rng.pick(VIOLATIONS);
  const amount = kinds.includes("罚款") ? `${Math.floor(cents / 100)}.${pad(cents % 100, 2)}` : rng.next() < 0.5 ? "0.00" : "";
  const cells = [
    `LC${year}-${pad(seq, 7)}`,
    `${party.name}${violation.split(/[,，、]/)[0]}案`,
    party.name,
    party.type,
    party.creditCode,
    party.type === "单位" ? "" : party.idNumber,
    party.town,
    party.industry,
    violation,
    authority,
    simple ? "简易程序" : "普通程序",
    fromDays(filed),
    docNo,
    decided,
    kinds,
    amount,
    decidedCase && !simple && party.type === "单位" && rng.next() < 0.15 ? "是" : "否",
    decidedCase && !simple ? "是" : "否",
    status,
    closed,
    timestampOn(rng, last),
  ];
  return { cells, cents };
}

export interface CasesCsvOptions {
  rows: number;
  seed: number;
  /** The export as users get it: GB18030, title rows, footer. */
  gb18030File: string;
  /** The same records as UTF-8 with only the header (for read_csv), when wanted. */
  utf8File?: string;
  batchRows?: number;
}

export interface CasesCsvResult {
  rows: number;
  gb18030Bytes: number;
  utf8Bytes: number;
}

export function writeCasesCsv(options: CasesCsvOptions): CasesCsvResult {
  const rng = new Rng(options.seed);
  const g: CaseGen = { rng, parties: makeParties(new Rng(options.seed ^ 0x5eed), 20_000), docNo: new Map() };
  const batchRows = options.batchRows ?? 10_000;
  const eol = "\r\n";
  const width = CASES_HEADER.length;
  const blanks = ",".repeat(width - 1);
  const gbOut = fs.openSync(options.gb18030File, "w");
  const utfOut = options.utf8File ? fs.openSync(options.utf8File, "w") : null;
  let gbBytes = 0;
  let utfBytes = 0;
  const writeGb = (text: string) => {
    const bytes = iconv.encode(text, "gb18030");
    fs.writeSync(gbOut, bytes);
    gbBytes += bytes.length;
  };
  const writeUtf = (text: string) => {
    if (utfOut === null) return;
    const bytes = Buffer.from(text, "utf8");
    fs.writeSync(utfOut, bytes);
    utfBytes += bytes.length;
  };
  try {
    const header = CASES_HEADER.join(",") + eol;
    writeGb(`${CASES_TITLE}${blanks}${eol}${CASES_EXPORT_TIME}${blanks}${eol}${header}`);
    writeUtf(header);
    let totalCents = 0;
    for (let start = 0; start < options.rows; start += batchRows) {
      const end = Math.min(options.rows, start + batchRows);
      const lines: string[] = [];
      for (let i = start; i < end; i++) {
        const { cells, cents } = caseRow(g, i + 1);
        totalCents += cents;
        lines.push(cells.map(csvField).join(","));
      }
      const text = lines.join(eol) + eol;
      writeGb(text);
      writeUtf(text);
    }
    const footer = new Array<string>(width).fill("");
    footer[0] = "合计";
    footer[1] = `共${options.rows}件`;
    footer[AMOUNT_COLUMN] = `${Math.floor(totalCents / 100)}.${pad(totalCents % 100, 2)}`;
    writeGb(footer.join(",") + eol);
  } finally {
    fs.closeSync(gbOut);
    if (utfOut !== null) fs.closeSync(utfOut);
  }
  return { rows: options.rows, gb18030Bytes: gbBytes, utf8Bytes: utfBytes };
}
