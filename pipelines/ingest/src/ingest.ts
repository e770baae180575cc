// The import run: every file's writes to the warehouse in one transaction, refused files loading
// nothing, a batch recording all of it. Reading, typing and merging are the modules beside this one.
// CSV: chunks are staged and typed into a temp table while the reader goes on, outside any
// transaction (DuckDB scans a table made inside one on a single thread); the file then merges at
// once. XLSX: each chunk is typed and merged inside the file's transaction.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  type AliasTable,
  type BadRecord,
  type CsvChunk,
  type HeaderMatch,
  MAX_PREAMBLE_ROWS,
  prepareCsv,
  readXlsx,
  sniffFile,
  type XlsxRow,
} from "@anjian/exports";
import { RefusedFileError } from "@anjian/errors";
import { maskIdNumbers } from "@anjian/codes";
import type { ProfileResolver } from "@anjian/profile";
import {
  quotedIdentifier as id,
  inTransaction,
  queryRows,
  removeScratch,
  scratchDir,
  type Warehouse,
} from "@anjian/warehouse";
import { findExportTime } from "./export-time.ts";
import { expandPaths, sha256File } from "./files.ts";
import { findHeader, noHeaderError } from "./header-pick.ts";
import { checkHashKey } from "./hash-key.ts";
import { buildLookups, lookedUpColumns } from "./lookups.ts";
import { addCounts, type Counts, mergeTyped, typeRows, zeroCounts } from "./merge.ts";
import { type Progress, silentProgress } from "./progress.ts";
import { type ModelsRefresh, refreshModels } from "./refresh-models.ts";
import { applyMerges, stageCsvChunk, stageXlsxChunk } from "./stage.ts";
import { typingSql } from "./typing-sql.ts";

/** Rows staged and typed at a time (XLSX: also merged): bounds the working set, and so memory. */
const CHUNK_ROWS = { csv: 200_000, xlsx: 100_000 };
/** The first CSV chunk: small, so that DuckDB starts while the reader transcodes the rest. */
const FIRST_CSV_CHUNK_ROWS = 40_000;
/**
 * DuckDB's memory budget while importing (unless the user set one: `memoryLimit`): what it holds
 * beyond this spills to the temp folder. The JavaScript reader and DuckDB's own working memory
 * come on top, so a smaller budget keeps peak RSS flat however long the file; measured on 1M-row
 * CSV, it costs no time.
 */
const IMPORT_MEMORY_LIMIT = "256MB";

export type FileStatus = "imported" | "already_imported" | "refused";

export interface FileResult extends Counts {
  path: string;
  sha256: string;
  kind: string | null;
  status: FileStatus;
  error: string | null;
  format: string | null;
  encoding: string | null;
  sheets: string[];
  notes: string[];
  exportTime: string | null;
}

export interface IngestResult {
  batch: string;
  files: FileResult[];
  /** The indicator models, stored again after the files when the data changed. */
  models: ModelsRefresh;
}

export interface IngestOptions {
  warehouse: Warehouse;
  paths: string[];
  hashKey: string;
  resolver: ProfileResolver;
  aliases: AliasTable;
  progress?: Progress;
  command?: string;
  /** Where paths are shown relative to (the user's working directory). */
  cwd?: string;
  /** Rows per chunk (tests use small ones to cross chunk boundaries). */
  chunkRows?: number;
  /** The user's memory limit (ANJIAN_MEMORY_LIMIT): kept while importing, instead of the import's own. */
  memoryLimit?: string | null;
  /** Told the original of every failure that a file's Chinese reason replaces (ANJIAN_DEBUG=1). */
  debug?: (error: unknown) => void;
}

/** 20240105-091200-a1b2c3: China Standard Time, like every time in the warehouse. */
function newBatchId(): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  const stamp = `${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}${parts.second}`;
  return `${stamp}-${crypto.randomBytes(3).toString("hex")}`;
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const { warehouse } = options;
  const connection = warehouse.connection;
  const progress = options.progress ?? silentProgress;
  const cwd = options.cwd ?? process.cwd();
  const files = expandPaths(options.paths);
  await checkHashKey(connection, options.hashKey);
  const batch = newBatchId();
  await connection.run(
    "INSERT INTO batches (batch_id, started_at, command, host) VALUES ($b, current_localtimestamp(), $c, $h)",
    { b: batch, c: options.command ?? "anjian ingest", h: os.hostname() },
  );
  // Staged chunks hold ID numbers in clear: a private folder, gone at exit even on Ctrl-C.
  const tmpDir = scratchDir("stage");
  const results: FileResult[] = [];
  const restoreMemory = options.memoryLimit ? async () => {} : await limitMemory(connection);
  try {
    for (const [seq, { path: file, refused }] of files.entries()) {
      const shown = path.isAbsolute(file) && file.startsWith(cwd + path.sep) ? path.relative(cwd, file) : file;
      progress.start(path.basename(file));
      const ctx = { ...options, batch, file, shown, seq, tmpDir, progress };
      const result = refused === null ? await ingestFile(connection, ctx) : await refuseEntry(connection, ctx, refused);
      await dropScratch(connection);
      progress.done();
      results.push(result);
    }
  } finally {
    removeScratch(tmpDir);
    await restoreMemory();
    await connection.run("UPDATE batches SET finished_at = current_localtimestamp() WHERE batch_id = $b", { b: batch });
  }
  return { batch, files: results, models: await refreshModels(connection, progress, options.debug) };
}

/** Sets the import's memory budget; returns what puts the warehouse's own back. */
async function limitMemory(connection: DuckDBConnection): Promise<() => Promise<void>> {
  const [before] = await queryRows<{ limit: string }>(connection, "SELECT current_setting('memory_limit') AS limit");
  await connection.run(`SET memory_limit = '${IMPORT_MEMORY_LIMIT}'`);
  return async () => {
    await connection.run("SET memory_limit = $limit", { limit: before!.limit });
  };
}

/** Frees the temp tables of the file just done, so memory does not pile up across files. */
async function dropScratch(connection: DuckDBConnection): Promise<void> {
  const temps = await queryRows<{ name: string; type: string }>(
    connection,
    "SELECT table_name AS name, table_type AS type FROM information_schema.tables WHERE table_catalog = 'temp'",
  );
  for (const t of temps) await connection.run(`DROP ${t.type === "VIEW" ? "VIEW" : "TABLE"} IF EXISTS temp.main.${id(t.name)}`);
}

interface FileContext extends IngestOptions {
  batch: string;
  file: string;
  shown: string;
  seq: number;
  tmpDir: string;
  progress: Progress;
}

function emptyResult(ctx: FileContext): FileResult {
  return {
    path: ctx.shown,
    sha256: "",
    kind: null,
    status: "imported",
    ...zeroCounts(),
    error: null,
    format: null,
    encoding: null,
    sheets: [],
    notes: [],
    exportTime: null,
  };
}

/** A folder entry that is not read (a dangling or looping link, a pipe…): recorded as refused. */
async function refuseEntry(connection: DuckDBConnection, ctx: FileContext, reason: string): Promise<FileResult> {
  const result: FileResult = { ...emptyResult(ctx), status: "refused", error: reason };
  await recordFile(connection, ctx, result);
  return result;
}

async function ingestFile(connection: DuckDBConnection, ctx: FileContext): Promise<FileResult> {
  // The file is hashed on another thread while it is read; the hash is needed only when its rows
  // are written. A file can only be one imported before when it has the same size: then the hash is
  // awaited first, and importing it again costs no more than that.
  const [sameSize] = await queryRows(
    connection,
    "SELECT 1 AS found FROM files WHERE size_bytes = $size AND status = 'imported' LIMIT 1",
    { size: fs.statSync(ctx.file).size },
  );
  const hashing = sha256File(ctx.file);
  hashing.catch(() => {}); // awaited below; a failure is raised there, not as unhandled
  const result: FileResult = { ...emptyResult(ctx), sha256: sameSize ? await hashing : "" };
  const [seen] = sameSize
    ? await queryRows<{ kind: string; path: string }>(
        connection,
        "SELECT kind, path FROM files WHERE file_sha256 = $sha AND status = 'imported' LIMIT 1",
        { sha: result.sha256 },
      )
    : [];
  if (seen) {
    result.status = "already_imported";
    result.kind = seen.kind;
    result.notes.push(`内容相同的文件已导入过（${seen.path}），未重复导入`);
    await recordFile(connection, ctx, result);
    return result;
  }
  const hashed = async () => {
    result.sha256 = await hashing;
  };
  try {
    result.format = sniffFile(ctx.file);
    if (result.format === "csv") await ingestCsv(connection, ctx, result, hashed);
    else
      await inTransaction(connection, async () => {
        await hashed();
        await ingestXlsx(connection, ctx, result);
        await recordFile(connection, ctx, result);
      });
  } catch (e) {
    Object.assign(result, zeroCounts(), { status: "refused", kind: result.kind, sheets: [] });
    result.error = maskIdNumbers(e instanceof RefusedFileError ? e.message : importFailure(e, ctx.debug));
    await hashed();
    await recordFile(connection, ctx, result);
  }
  return result;
}

/**
 * A failure we did not foresee, in Chinese: never the DuckDB or Node text, which is English and
 * may quote a cell (personal data). The original goes to `debug` (ANJIAN_DEBUG=1: stderr).
 */
function importFailure(e: unknown, debug?: (error: unknown) => void): string {
  const message = String((e as Error)?.message ?? e);
  debug?.(e);
  const code = (e as NodeJS.ErrnoException)?.code;
  if (/Out of Memory/i.test(message))
    return "文件太大或列太多，导入时内存不足，文件未导入。请把文件按时间拆成几个较小的文件，或删去不需要的列后再导入。";
  if (code === "ENOSPC" || /No space left on device/i.test(message))
    return "磁盘空间不足，文件未导入（数据仓库保持原样）。请清理系统临时目录或数据仓库所在磁盘后重试。";
  if (code === "EACCES" || code === "EPERM") return "没有读取该文件的权限，文件未导入。请检查文件权限后重试。";
  if (code === "ENOENT") return "文件在导入过程中被移走或删除，未导入。请确认文件仍在原处后重试。";
  if (code === "EISDIR" || code === "ELOOP") return "这不是一个可读取的文件（文件夹或循环的符号链接），未导入。";
  if (code === "EIO") return "读取文件时磁盘出错，文件未导入。请把文件复制到本机磁盘后重试。";
  return "导入时出现未预料的错误，文件未导入（其余文件照常导入）。请把该文件和设置环境变量 ANJIAN_DEBUG=1 后运行的输出反馈给系统维护人员。";
}

async function recordFile(connection: DuckDBConnection, ctx: FileContext, r: FileResult): Promise<void> {
  // A file with a header but no data rows imports cleanly; say so, it is usually the wrong export.
  if (r.status === "imported" && r.read === r.skipped) r.notes.push("文件中没有数据行（只有表头，或只有标题、空行、合计行），请确认导出的时间范围");
  let size = 0;
  try {
    size = fs.statSync(ctx.file).size;
  } catch {
    // a dangling link or a file gone meanwhile: recorded with size 0
  }
  await connection.run(
    `INSERT INTO files (batch_id, seq, path, file_name, file_sha256, size_bytes, format, encoding, kind, sheets, status,
                        export_time, imported_at, "read", accepted, rejected, skipped, duplicate, replaced, warnings,
                        error, notes)
     VALUES ($batch, $seq, $path, $name, $sha, $size, $format, $encoding, $kind,
             CAST(string_split(nullif($sheets, ''), chr(31)) AS VARCHAR[]), $status,
             anj_parse_ts(anj_half($export_time)), current_localtimestamp(), $read, $accepted, $rejected, $skipped,
             $duplicate, $replaced, $warnings, $error, CAST(string_split(nullif($notes, ''), chr(31)) AS VARCHAR[]))`,
    {
      batch: ctx.batch,
      seq: ctx.seq,
      path: r.path,
      name: path.basename(ctx.file),
      sha: r.sha256,
      size,
      format: r.format,
      encoding: r.encoding,
      kind: r.kind,
      sheets: r.sheets.join("\x1f"),
      status: r.status,
      export_time: r.exportTime,
      read: r.read,
      accepted: r.accepted,
      rejected: r.rejected,
      skipped: r.skipped,
      duplicate: r.duplicate,
      replaced: r.replaced,
      warnings: r.warnings,
      error: r.error,
      notes: r.notes.join("\x1f"),
    },
  );
}

/** Types the staged rows into the temp table `typed` (new, or appended to). */
async function typeStaged(
  connection: DuckDBConnection,
  ctx: FileContext,
  match: HeaderMatch,
  headers: string[],
  append: boolean,
  distinct?: readonly Set<string>[],
  xlsx = false,
): Promise<void> {
  const { kind } = match;
  await buildLookups(connection, kind, match, ctx.resolver, distinct);
  const personalColumns = kind.columns
    .filter((c) => c.type === "personal_id")
    .map((c) => match.columns.get(c.name))
    .filter((i): i is number => i !== undefined);
  const typedSql = typingSql({ kind, match, width: headers.length, towns: ctx.resolver.townNames(), headers, personalColumns, xlsx });
  await typeRows(connection, typedSql, ctx.hashKey, append);
}

/** Types the staged rows of one table and merges them; returns the counts. */
async function typeAndMerge(
  connection: DuckDBConnection,
  ctx: FileContext,
  sha256: string,
  match: HeaderMatch,
  headers: string[],
  sheet: string | null,
  exportTime: string | null,
): Promise<Counts> {
  await typeStaged(connection, ctx, match, headers, false, undefined, true);
  return mergeTyped(connection, { kind: match.kind, batchId: ctx.batch, sha256, path: ctx.shown, sheet, exportTime });
}

async function ingestCsv(
  connection: DuckDBConnection,
  ctx: FileContext,
  result: FileResult,
  hashed: () => Promise<void>,
): Promise<void> {
  let search: ReturnType<typeof findHeader> | null = null;
  let header: string[] = [];
  const chunkFiles: string[] = [];
  let typedChunks = 0;
  // Chunks are typed as the reader finishes them, one after another on the connection, while the
  // reader goes on transcoding the rest: reading and typing overlap on the two cores. Typing writes
  // only temp tables, outside any transaction (DuckDB scans a table made inside a transaction on one
  // thread); the warehouse is written at the end, in one transaction for the whole file.
  let loading: Promise<void> = Promise.resolve();
  const load = (chunk: CsvChunk, bad: readonly BadRecord[]) => {
    const match = search!.match!;
    const known = [...bad]; // the set-aside rows so far, which include every one of this chunk
    const file = chunk.file;
    loading = loading.then(async () => {
      await stageCsvChunk(connection, file, header.length, known);
      // The reader collected the looked-up columns' distinct cells: no second parse of the chunk.
      await typeStaged(connection, ctx, match, header, typedChunks > 0, chunk.distinct);
      typedChunks++;
      fs.rmSync(file, { force: true });
    });
    loading.catch(() => {}); // a failure is raised where `loading` is awaited, not as unhandled
  };
  try {
    let prepared: Awaited<ReturnType<typeof prepareCsv>>;
    try {
      prepared = await prepareCsv(ctx.file, {
        tmpDir: ctx.tmpDir,
        chunkRows: ctx.chunkRows ?? CHUNK_ROWS.csv,
        // DuckDB waits for the first chunk: keep it small so typing starts early.
        firstChunkRows: Math.min(ctx.chunkRows ?? CHUNK_ROWS.csv, FIRST_CSV_CHUNK_ROWS),
        pickHeader(rows) {
          search = findHeader(rows, ctx.aliases);
          if (search.match) {
            header = rows[search.index]!;
            result.kind = search.match.kind.name;
            result.exportTime = findExportTime(rows.slice(0, search.index));
          }
          return search.index;
        },
        distinctOf: () => (search?.match ? lookedUpColumns(search.match.kind, search.match).map((c) => c.index) : []),
        onProgress: (_bytes, rows) => ctx.progress.rows(rows),
        onChunk: (chunk, bad) => {
          chunkFiles.push(chunk.file);
          load(chunk, bad);
        },
      });
    } catch (e) {
      await loading.catch(() => {}); // let the statement in flight finish
      throw e;
    }
    result.encoding = prepared.encoding;
    // (assigned in the pickHeader callback, which TypeScript cannot see)
    const found = search as ReturnType<typeof findHeader> | null;
    if (!prepared.header || !found?.match) throw noHeaderError(found!, prepared.preamble);
    const match = found.match;
    ctx.progress.merging(prepared.dataRecords);
    await loading;
    await hashed();
    // One transaction for the whole file: all its rows merge at once (a key met twice in the file
    // follows the same 更新时间 rule as across files), or none do.
    await inTransaction(connection, async () => {
      const counts =
        typedChunks > 0
          ? await mergeTyped(connection, {
              kind: match.kind,
              batchId: ctx.batch,
              sha256: result.sha256,
              path: ctx.shown,
              sheet: null,
              exportTime: result.exportTime,
            })
          : zeroCounts();
      const preamble = prepared.preamble.length;
      Object.assign(result, addCounts(counts, { ...zeroCounts(), read: preamble, skipped: preamble }));
      await recordFile(connection, ctx, result);
    });
  } finally {
    for (const file of chunkFiles) fs.rmSync(file, { force: true });
  }
}

async function ingestXlsx(connection: DuckDBConnection, ctx: FileContext, result: FileResult): Promise<void> {
  let counts = zeroCounts();
  const kindsSeen = new Set<string>();
  const skippedSheets: { name: string; search: ReturnType<typeof findHeader>; rows: (string | null)[][] }[] = [];
  for await (const sheet of readXlsx(ctx.file)) {
    const iterator = sheet.rows()[Symbol.asyncIterator]();
    const head: XlsxRow[] = [];
    let next = await iterator.next();
    while (!next.done && next.value.rowNo <= MAX_PREAMBLE_ROWS + 1) {
      head.push(next.value);
      next = await iterator.next();
    }
    const search = findHeader(
      head.map((r) => r.cells),
      ctx.aliases,
    );
    if (!search.match) {
      await iterator.return?.(undefined);
      skippedSheets.push({ name: sheet.name, search, rows: head.map((r) => r.cells) });
      result.notes.push(`工作表“${sheet.name}”不是数据表（未找到可识别的表头），已跳过`);
      continue;
    }
    const headerRow = head[search.index]!;
    const headers = headerRow.cells.map((c) => c ?? "");
    const preamble = head.slice(0, search.index);
    const exportTime = findExportTime(preamble.map((r) => r.cells));
    result.exportTime ??= exportTime;
    const afterHeader = head.slice(search.index + 1);
    const pending = next;
    async function* dataRows(): AsyncGenerator<XlsxRow> {
      yield* afterHeader;
      let n = pending;
      while (!n.done) {
        yield n.value;
        n = await iterator.next();
      }
    }
    // Long sheets go in chunks, like CSV: merges are found first (Excel writes them after the rows).
    const merges = await sheet.scanMerges();
    const carried = new Map<string, string | null>();
    const rows = dataRows();
    let read = 0;
    for (;;) {
      const chunk = await stageXlsxChunk(connection, rows, headers.length, ctx.chunkRows ?? CHUNK_ROWS.xlsx, (n) =>
        ctx.progress.rows(counts.read + read + n),
      );
      read += chunk.staged;
      if (chunk.staged > 0) {
        ctx.progress.merging(counts.read + read);
        await applyMerges(connection, merges, headerRow.rowNo, headers.length, chunk, carried);
        const chunkCounts = await typeAndMerge(connection, ctx, result.sha256, search.match, headers, sheet.name, exportTime ?? result.exportTime);
        counts = addCounts(counts, chunkCounts);
      }
      if (chunk.done) break;
    }
    counts = addCounts(counts, { ...zeroCounts(), read: preamble.length, skipped: preamble.length });
    kindsSeen.add(search.match.kind.name);
    result.sheets.push(sheet.name);
  }
  if (result.sheets.length === 0) {
    const best = skippedSheets.find((s) => s.search.ambiguous) ?? skippedSheets.find((s) => s.search.nearest) ?? skippedSheets[0];
    if (!best) throw new RefusedFileError("工作簿中没有工作表。请从平台重新导出。");
    throw noHeaderError(best.search, best.rows, `工作簿的所有工作表（${skippedSheets.map((s) => s.name).join("、")}）`);
  }
  result.kind = [...kindsSeen].join(",");
  Object.assign(result, counts);
}

