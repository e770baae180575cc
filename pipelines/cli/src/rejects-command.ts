// anjian rejects [--batch ID] [--kind KIND] [--out FILE.csv] [--all] [--force]: the rejected rows
// with their reasons, as UTF-8-with-BOM CSV (Excel and WPS open it without mojibake), one file per
// kind of export. Its columns are the reason columns followed by the kind's canonical headers
// (whatever alias the source files used), so the corrected file imports again as it is; rows
// accepted since then leave the open rejects. Cells a spreadsheet would run as formulas are
// prefixed with an apostrophe.
import path from "node:path";
import { type AliasTable, csvCell, type KindDecl, kinds, loadAliasTable, normaliseHeader, spreadsheetSafe } from "@anjian/exports";
import { UserError } from "@anjian/errors";
import { openWarehouse, queryRows } from "@anjian/warehouse";
import type { Context, Output } from "./context.ts";
import { num } from "./format.ts";
import { checkOutputPath, outputGuard, writeOutput } from "./safe-output.ts";

export interface RejectsArgs {
  batch?: string;
  kind?: string;
  out?: string;
  /** Also the rejects that a later import resolved (the history). */
  all?: boolean;
  force?: boolean;
}

const LEAD = ["问题原因", "问题列", "来源文件", "工作表", "行号", "导入批次"];

/** --kind: the kind's name (cases) or its Chinese label (行政处罚案件台账); anything else is wrong usage. */
export function kindArg(value: string): KindDecl {
  const v = value.trim();
  const kind = kinds.find((k) => k.name === v || k.label === v || k.label.startsWith(v));
  if (!kind || v === "")
    throw new UserError(
      `--kind 的值“${value}”不是可识别的台账类型。可用：${kinds.map((k) => `${k.name}（${k.label}）`).join("、")}。`, { exitCode: 2 });
  return kind;
}

/** The file for one kind: the --out name itself when there is one kind, else name-类型.csv. */
function fileFor(out: string, kind: KindDecl, several: boolean): string {
  if (!several) return out;
  const ext = path.extname(out) || ".csv";
  return path.join(path.dirname(out), `${path.basename(out, path.extname(out))}-${kind.label}${ext}`);
}

interface RejectRow {
  batch_id: string;
  kind: string;
  path: string;
  sheet: string | null;
  row_no: number;
  columns: string;
  reason: string;
  original: string;
}

/**
 * The cell under the kind's canonical header (案件号 → 案件编号). A 万元 amount under a 元 header is
 * converted (1.2 → 12000) so that files with either unit export into one column.
 */
function canonicalCell(kind: KindDecl, aliases: AliasTable, header: string, value: string): [string, string] {
  const name = aliases.byKind.get(kind.name)?.get(normaliseHeader(header));
  const decl = name ? kind.columns.find((c) => c.name === name) : undefined;
  if (!decl) return [header, value];
  if (decl.type === "amount" && /万元/.test(header) && !/万元/.test(decl.header)) return [decl.header, wanToYuan(value)];
  return [decl.header, value];
}

/** 1.2 → 12000, exactly (a decimal shift, no floating point); anything else as it is. */
export function wanToYuan(value: string): string {
  const m = /^\s*(-?)(\d+)(?:\.(\d+))?\s*$/.exec(value);
  if (!m) return value;
  const frac = (m[3] ?? "").padEnd(4, "0");
  const whole = `${m[2]}${frac.slice(0, 4)}`.replace(/^0+(?=\d)/, "");
  const rest = frac.slice(4).replace(/0+$/, "");
  return `${m[1]}${whole}${rest ? `.${rest}` : ""}`;
}

export async function runRejects(args: RejectsArgs, context: Context, output: Output): Promise<number> {
  const only = args.kind === undefined ? null : kindArg(args.kind);
  const out = path.resolve(args.out ?? `拒绝行-${args.batch ?? "全部"}.csv`);
  const guard = outputGuard(context, args.force);
  checkOutputPath(out, guard);
  const aliases = loadAliasTable(context.aliases);
  const warehouse = await openWarehouse(context.warehouse, { readOnly: true, memoryLimit: context.memoryLimit });
  let rows: RejectRow[];
  try {
    const c = warehouse.connection;
    if (args.batch) {
      const [b] = await queryRows(c, "SELECT 1 FROM batches WHERE batch_id = $b", { b: args.batch });
      if (!b) throw new UserError(`没有找到导入批次 ${args.batch}。可用 anjian status 查看最近的批次。`, { exitCode: 2 });
    }
    rows = await queryRows<RejectRow>(
      c,
      `SELECT batch_id, kind, path, sheet, row_no, columns, reason, CAST(original AS VARCHAR) AS original
       FROM rejects_state
       WHERE ($batch IS NULL OR batch_id = $batch) AND ($kind IS NULL OR kind = $kind)
         AND ($all OR is_open)
       ORDER BY kind, batch_id, path, sheet NULLS FIRST, row_no`,
      { batch: args.batch ?? null, kind: only?.name ?? null, all: Boolean(args.all) },
    );
  } finally {
    warehouse.close();
  }
  const byKind = new Map<KindDecl, RejectRow[]>();
  for (const r of rows) {
    const kind = kinds.find((k) => k.name === r.kind);
    if (!kind) continue;
    byKind.set(kind, [...(byKind.get(kind) ?? []), r]);
  }
  if (byKind.size === 0) {
    output.out(`没有${args.all ? "" : "待处理的"}被拒绝的行${args.batch ? `（批次 ${args.batch}）` : ""}，未写出文件。`);
    return 0;
  }
  const several = byKind.size > 1;
  const targets = [...byKind.keys()].map((kind) => fileFor(out, kind, several));
  for (const t of targets) checkOutputPath(t, guard);
  for (const [i, [kind, kindRows]] of [...byKind.entries()].entries()) {
    const file = writeOutput(targets[i]!, rejectsCsv(kind, kindRows, aliases), guard);
    output.out(`已导出 ${num(kindRows.length)} 行被拒绝的${kind.label}数据到 ${file}`);
  }
  output.out("修改“问题原因”所指的单元格后，可直接用 anjian ingest 重新导入；导入成功的行不再计入待处理的拒绝行。");
  return 0;
}

/** One kind's rejects as CSV text: reason columns, then the canonical headers in declared order, then any others. */
export function rejectsCsv(kind: KindDecl, rows: RejectRow[], aliases: AliasTable): string {
  const parsed = rows.map((r) => {
    const cells = new Map<string, string>();
    for (const [header, value] of Object.entries(JSON.parse(r.original) as Record<string, string | null>)) {
      if (value == null) continue;
      // (a header met twice in the source file was kept as 名称(2))
      const [name, cell] = canonicalCell(kind, aliases, header.replace(/\(\d+\)$/, ""), value);
      if (!cells.has(name)) cells.set(name, cell);
    }
    return { ...r, cells };
  });
  const present = new Set(parsed.flatMap((r) => [...r.cells.keys()]));
  const declared = kind.columns.map((c) => c.header);
  const headers = [...declared, ...[...present].filter((h) => !declared.includes(h))];
  const line = (cells: string[]) => cells.map((v) => csvCell(spreadsheetSafe(v))).join(",");
  const lines = [line([...LEAD, ...headers])];
  for (const r of parsed)
    lines.push(line([r.reason, r.columns, r.path, r.sheet ?? "", String(r.row_no), r.batch_id, ...headers.map((h) => r.cells.get(h) ?? "")]));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
