// anjian figures --year Y | --from D --to D [--format json|md|docx] [--out FILE] [--force] [--warehouse PATH]
// The year-end figures (docs/cli.md). The warehouse is opened read-only (an import may be
// running, and reading must not change it); it reads the indicator models the import stored, or
// computes them as temporary objects of this connection when they are not current (useModels in
// packages/indicators/src/models.ts).
import path from "node:path";
import {
  buildReportData,
  computeFigures,
  coverageWarnings,
  type Figures,
  FiguresSchema,
  isWholeYear,
  openReaders,
  type Period,
  parseDateArg,
  type ReaderPool,
  reportDocx,
  reportMarkdown,
} from "@anjian/indicators";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { UserError } from "@anjian/errors";
import { openWarehouse } from "@anjian/warehouse";
import type { Context, Output } from "./context.ts";
import { checkOutputPath, outputGuard, writeOutput } from "./safe-output.ts";

export const FIGURE_FORMATS = ["json", "md", "docx"] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

export interface FiguresArgs {
  year?: string;
  from?: string;
  to?: string;
  format?: string;
  out?: string;
  /** Replace an existing --out file (never the warehouse, its WAL or the key). */
  force?: boolean;
  /** Where a relative --out (and the default .docx name) is resolved; the working directory by default. */
  cwd?: string;
  /** Today as an ISO date (tests fix it); the local date by default. */
  today?: string;
}

/** The local date, ISO (the warehouse's times are local too). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Checks the arguments; wrong usage is a UserError with exit code 2, in Chinese. */
export function figuresPeriod(args: Pick<FiguresArgs, "year" | "from" | "to">): Period {
  let year: number | null = null;
  if (args.year !== undefined && (args.from !== undefined || args.to !== undefined))
    throw new UserError(
      "--year 不能与 --from、--to 同时使用：整年用 --year 2023，任意时段用 --from 2023-05-01 --to 2023-12-31。",
      { exitCode: 2 },
    );
  if (args.year !== undefined) {
    const y = args.year.trim();
    if (!/^\d{4}$/.test(y) || Number(y) < 2000 || Number(y) > 2100)
      throw new UserError(`--year 应为四位年份，如 --year 2023（收到“${args.year}”）。`, { exitCode: 2 });
    year = Number(y);
  }
  const date = (flag: string, value: string | undefined): string | null => {
    if (value === undefined) return null;
    const iso = parseDateArg(value);
    if (!iso) throw new UserError(`--${flag} 的日期“${value}”无法识别或不存在，请写成 2023-01-01 这样的格式。`, { exitCode: 2 });
    return iso;
  };
  const from = date("from", args.from);
  const to = date("to", args.to);
  if (year === null && (from === null || to === null))
    throw new UserError("请用 --year 指定年度（如 --year 2023），或同时用 --from 和 --to 指定起止日期（如 --from 2023-01-01 --to 2023-06-30）。",
  { exitCode: 2 },
);
  const period = { from: from ?? `${year}-01-01`, to: to ?? `${year}-12-31` };
  if (period.from > period.to) throw new UserError(`起始日期 ${period.from} 晚于截止日期 ${period.to}，请检查 --from 和 --to。`, { exitCode: 2 });
  return period;
}

export function figuresFormat(format: string | undefined): FigureFormat {
  const f = (format ?? "json").trim().toLowerCase();
  if (!(FIGURE_FORMATS as readonly string[]).includes(f))
    throw new UserError(`--format 只能是 json、md 或 docx（收到“${format}”）。`, { exitCode: 2 });
  return f as FigureFormat;
}

/** 年报数据-2023.docx, or 年报数据-2023-01-01至2023-06-30.docx for another period. */
export function defaultDocxName(period: Period): string {
  return `年报数据-${isWholeYear(period) ? period.from.slice(0, 4) : `${period.from}至${period.to}`}.docx`;
}

export async function runFigures(args: FiguresArgs, context: Context, output: Output): Promise<number> {
  const period = figuresPeriod(args);
  const format = figuresFormat(args.format);
  const cwd = args.cwd ?? process.cwd();
  const outPath = args.out ? path.resolve(cwd, args.out) : format === "docx" ? path.resolve(cwd, defaultDocxName(period)) : null;
  const guard = outputGuard(context, args.force);
  if (outPath !== null) checkOutputPath(outPath, guard);
  const resolver = new ProfileResolver(loadProfile(context.profile));

  const warehouse = await openWarehouse(context.warehouse, { readOnly: true, memoryLimit: context.memoryLimit });
  let content: string | Buffer;
  let figures: Figures;
  let readers: ReaderPool["readers"];
  try {
    try {
      ({ readers } = await openReaders(warehouse));
    } catch (e) {
      // DuckDB's text (English, may quote values) stays out of the message; ANJIAN_DEBUG=1 shows it.
      throw new UserError(
        `数据仓库 ${warehouse.path} 的结构与本程序不符，无法计算年报数据。` +
          "请先用 anjian ingest 导入数据（导入时会自动升级数据仓库），再重试。",
        { file: warehouse.path, cause: e },
      );
    }
    if (format === "json") {
      figures = FiguresSchema.parse(await computeFigures(readers, period, resolver));
      content = `${JSON.stringify(figures, null, 2)}\n`;
    } else {
      const data = await buildReportData(readers, period, resolver);
      figures = data.current.figures;
      content = format === "md" ? reportMarkdown(data) : await reportDocx(data);
    }
  } finally {
    warehouse.close();
  }

  // What the data does not reach, said on stderr (stdout stays the document or the JSON alone).
  for (const w of coverageWarnings(figures.coverage, period, args.today ?? localToday())) output.err(`注意：${w}`);

  if (outPath === null) {
    output.out(content as string);
    return 0;
  }
  writeOutput(outPath, content, guard);
  const what = { json: "年报数据（JSON）", md: "报告段落（Markdown）", docx: "报告段落（Word 文档）" }[format];
  output.err(`已生成${what}：${outPath}（统计期 ${period.from} 至 ${period.to}）`);
  return 0;
}
