// Streams a CSV export of any supported encoding into UTF-8 chunk files that DuckDB's read_csv
// can load at full speed: title rows and the header cut off, each record prefixed with its row
// number in the original file, every record exactly as wide as the header (short rows padded,
// blank rows kept as empty rows), and the few records that cannot be read as rows set aside with
// the reason. One pass; chunks keep the database's working set, and so memory, flat.
import fs from "node:fs";
import path from "node:path";
import { RefusedFileError } from "@anjian/errors";
import { parseCsvText } from "./csv-text.ts";
import { type CsvEncoding, detectEncoding, looksBinary } from "./encoding.ts";
import { Gb18030ToUtf8 } from "./gb18030.ts";

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const CR = 0x0d;
const CHUNK = 1 << 20;
/**
 * Columns whose cells carry a "may need cleaning" bit in a record's `dirty` number; later columns
 * are always cleaned. 52: the bits of a JavaScript number that stay exact.
 */
export const DIRTY_BITS = 52;
const BIT = Array.from({ length: DIRTY_BITS }, (_, i) => 2 ** i);

/**
 * Whether bytes [from, to) of a field may be changed by the cleaning rule (anj_clean in
 * sql/rules/010_cleaning_macros.sql: trim blanks, empty markers to NULL). A conservative test, so that the
 * rule itself runs only where it can matter: empty fields, quoted fields, fields starting with an
 * apostrophe, fields whose first or last byte can belong to a blank (ASCII blanks, and the lead
 * byte / last byte of U+3000 and U+00A0 in UTF-8), and short fields (every marker is at most 6
 * bytes) that start as a marker can: - / — － ／ 无 空. Short values such as 单位, 500 or 2023 are
 * most of a file's short cells and skip the rule.
 */
function cellMayNeedCleaning(buf: Buffer, from: number, to: number): boolean {
  if (to === from) return true;
  const first = buf[from]!;
  if (EDGE_FIRST[first] === 1 || EDGE_LAST[buf[to - 1]!] === 1) return true;
  return to - from <= 6 && MARKER_FIRST[first] === 1;
}
const EDGE_FIRST = new Uint8Array(256);
const EDGE_LAST = new Uint8Array(256);
for (const b of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, QUOTE]) EDGE_FIRST[b] = EDGE_LAST[b] = 1;
EDGE_FIRST[0x27] = 1; // the apostrophe `anjian rejects` puts before formula-like cells
EDGE_FIRST[0xe3] = 1; // U+3000 is E3 80 80
EDGE_FIRST[0xc2] = 1; // U+00A0 is C2 A0
EDGE_LAST[0x80] = 1;
EDGE_LAST[0xa0] = 1;
/** First bytes of the empty markers in UTF-8 (the quote of "" is an edge byte already). */
const MARKER_FIRST = new Uint8Array(256);
for (const marker of ["-", "/", "—", "－", "／", "无", "空"]) MARKER_FIRST[Buffer.from(marker)[0]!] = 1;

/** How many rows may precede the header (title, export time, blank rows), plus the header. */
export const MAX_PREAMBLE_ROWS = 10;
/** A record longer than this means an unclosed quote swallowed the rest of the file. */
const MAX_RECORD_BYTES = 128 << 20;
/**
 * A row longer than this (a cell of a megabyte: pasted text or a file's content) is set aside as a
 * rejected row: no export row is that long, and DuckDB's read_csv refuses lines over 2 MB.
 */
export const MAX_ROW_BYTES = 1 << 20;
/** How much of a set-aside row is kept for the rejects. */
const KEPT_TEXT_BYTES = 2000;

export interface BadRecord {
  rowNo: number;
  text: string;
  reason: string;
}

export interface PreparedCsv {
  encoding: CsvEncoding;
  /** Rows above the header (title, export time, blank). */
  preamble: string[][];
  /** null when none of the first rows is a known header: `preamble` then holds those rows. */
  header: string[] | null;
  /** 1-based row number of the header in the file (as Excel shows it). */
  headerRowNo: number;
  /** UTF-8 CSV files without header; each record is `row_no,dirty,ids,cell,cell,…` (see cellMayNeedCleaning and `ids` in consume). */
  chunks: CsvChunk[];
  dataRecords: number;
  badRecords: BadRecord[];
}

export interface CsvChunk {
  file: string;
  records: number;
  /**
   * For each column asked for in `distinctOf`, the distinct non-empty cells of this chunk's rows,
   * as DuckDB's read_csv reads them (quotes removed, "" as "). Lets the caller resolve lookups
   * without a second parse of the chunk.
   */
  distinct: Set<string>[];
}

export interface PrepareCsvOptions {
  /** Records per chunk file (default 200,000). */
  chunkRows?: number;
  /**
   * Records in the first chunk (default: chunkRows). A smaller first chunk lets the caller start
   * loading sooner, instead of waiting while the first full chunk is transcoded.
   */
  firstChunkRows?: number;
  /** Where the UTF-8 chunks are written; the caller deletes them. */
  tmpDir: string;
  /** Index of the header among the first rows, or -1 when none is a header. */
  pickHeader(rows: string[][]): number;
  /** 0-based columns (of the header picked) whose distinct cells each chunk reports. */
  distinctOf?(header: string[]): number[];
  onProgress?(bytes: number, rows: number): void;
  /**
   * Called as each chunk file is complete, while the rest of the file is still being read: the
   * caller may load it at once, so that reading and loading overlap.
   */
  onChunk?(chunk: CsvChunk, badRecords: readonly BadRecord[]): void;
}

class NotUtf8 extends Error {}

/** Yields the file's content as UTF-8 bytes, decoding as it goes. */
async function* utf8Chunks(file: string, encoding: CsvEncoding, bomLength: number): AsyncGenerator<Buffer> {
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK, start: bomLength });
  if (encoding === "utf-8") {
    // Validate as we pass bytes through: the first megabyte may be plain ASCII in a GBK file.
    const check = new TextDecoder("utf-8", { fatal: true });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      try {
        check.decode(chunk, { stream: true });
      } catch {
        stream.destroy();
        throw new NotUtf8();
      }
      yield chunk;
    }
    return;
  }
  try {
    if (encoding === "gb18030") {
      const transcoder = new Gb18030ToUtf8();
      for await (const chunk of stream as AsyncIterable<Buffer>) yield transcoder.push(chunk);
      yield transcoder.end();
    } else {
      const decoder = new TextDecoder(encoding, { fatal: true });
      for await (const chunk of stream as AsyncIterable<Buffer>) yield Buffer.from(decoder.decode(chunk, { stream: true }), "utf8");
      const tail = decoder.decode();
      if (tail) yield Buffer.from(tail, "utf8");
    }
  } catch (e) {
    stream.destroy();
    if (e instanceof TypeError)
      throw new RefusedFileError(
        "无法识别文件编码：既不是 UTF-8、UTF-16，也不是 GBK/GB18030。请在 Excel 或 WPS 中另存为“CSV UTF-8”或 .xlsx 后再导入。",
      );
    throw e;
  }
}

export async function prepareCsv(file: string, options: PrepareCsvOptions): Promise<PreparedCsv> {
  const sample = readHead(file, CHUNK);
  const guess = detectEncoding(sample);
  if (guess.encoding !== "utf-16le" && guess.encoding !== "utf-16be" && looksBinary(sample))
    throw new RefusedFileError("文件内容不是文本（含二进制数据），可能已损坏或不是 CSV 文件。请从平台重新导出。");
  try {
    return await prepareWith(file, guess.encoding, guess.bomLength, options);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    // Valid UTF-8 at the start, invalid later: an ASCII-only head on a GBK file.
    return prepareWith(file, "gb18030", 0, options);
  }
}

const ID_RUN = 17;

/**
 * Where the runs of at least 17 ASCII digits in buf[0, len) start, in order. Such a run covers one
 * of every 17 consecutive offsets, so only those are probed (offsets 16, 33, 50 …), and a digit
 * found there is widened to its run: the bytes between are skipped. Testing every byte in the
 * reader's loop made reading a CSV 30 % slower.
 */
export function digitRuns(buf: Uint8Array, len: number): number[] {
  const starts: number[] = [];
  let i = ID_RUN - 1;
  while (i < len) {
    const b = buf[i]!;
    if (b < DIGIT_0 || b > DIGIT_9) {
      i += ID_RUN;
      continue;
    }
    let from = i;
    while (from > 0 && buf[from - 1]! >= DIGIT_0 && buf[from - 1]! <= DIGIT_9) from--;
    let to = i + 1;
    while (to < len && buf[to]! >= DIGIT_0 && buf[to]! <= DIGIT_9) to++;
    if (to - from >= ID_RUN) starts.push(from);
    // The next probe after this run (the run's own bytes need no other).
    i += ID_RUN * Math.max(1, Math.ceil((to - i) / ID_RUN));
  }
  return starts;
}

function readHead(file: string, n: number): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, fs.readSync(fd, buf, 0, n, 0));
  } finally {
    fs.closeSync(fd);
  }
}

async function prepareWith(
  file: string,
  encoding: CsvEncoding,
  bomLength: number,
  options: PrepareCsvOptions,
): Promise<PreparedCsv> {
  // Chunks go out as they are done, except for UTF-8: a later invalid byte restarts the read as
  // GB18030, so UTF-8 chunks are handed over only once the whole file has proved valid.
  const early = encoding !== "utf-8";
  const badRecords: BadRecord[] = [];
  const emit = (c: CsvChunk) => options.onChunk?.(c, badRecords);
  const chunkRows = options.chunkRows ?? 200_000;
  const writer = new ChunkWriter(options.tmpDir, chunkRows, options.firstChunkRows ?? chunkRows, early ? emit : undefined);
  const result: PreparedCsv = {
    encoding,
    preamble: [],
    header: null,
    headerRowNo: 0,
    chunks: writer.chunks,
    dataRecords: 0,
    badRecords,
  };
  try {
    let pending: Buffer = Buffer.alloc(0);
    let width = 0; // header width, once known
    let bytesIn = 0;
    let rowNo = 0; // last row number handed out
    let headerFound = false;

    // Columns whose distinct cells are collected: slotOf[field number, 1-based] = slot + 1.
    let slotOf = new Int32Array(0);
    let slots = 0;
    const consume = (buf: Buffer, final: boolean): number => {
      // Data phase: returns the offset of the first incomplete record.
      let recStart = 0;
      let fields = 1;
      let fieldStart = 0;
      let cut = -1;
      let inQuotes = false;
      const len = buf.length;
      // [start, end) of each collected cell of the current record; -1 when not reached.
      const cellStart = new Int32Array(slots).fill(-1);
      const cellEnd = new Int32Array(slots);
      let dirty = 0; // bit i: cell i may need cleaning
      // bit i: cell i holds a run of 17 ASCII digits, so it may hold an ID number (anj_mask_ids in
      // sql/rules/010_cleaning_macros.sql runs on those cells only: its regular expression on every
      // stored text cell cost more than finding the runs here). The runs are found first, and each
      // field end looks whether the next one starts inside it.
      let ids = 0;
      const runs = digitRuns(buf, len);
      let nextRun = 0;
      const endField = (end: number) => {
        const stop = end > fieldStart && buf[end - 1] === CR ? end - 1 : end;
        if (fields <= DIRTY_BITS && cellMayNeedCleaning(buf, fieldStart, stop)) dirty += BIT[fields - 1]!;
        let run = false;
        for (; nextRun < runs.length && runs[nextRun]! < end; nextRun++) if (runs[nextRun]! >= fieldStart) run = true;
        if (run && fields <= DIRTY_BITS) ids += BIT[fields - 1]!;
        const slot = fields < slotOf.length ? slotOf[fields]! - 1 : -1;
        if (slot >= 0) {
          cellStart[slot] = fieldStart;
          cellEnd[slot] = stop;
        }
      };
      const finishRecord = (end: number) => {
        let stop = end;
        if (stop > recStart && buf[stop - 1] === CR) stop--;
        rowNo++;
        result.dataRecords++;
        if (stop === recStart) writer.record(rowNo, 0, 0, buf, 0, 0, width - 1);
        else if (stop - recStart > MAX_ROW_BYTES) {
          result.badRecords.push({
            rowNo,
            text: `${buf.toString("utf8", recStart, recStart + KEPT_TEXT_BYTES)}…`,
            reason: `该行长 ${((stop - recStart) / (1 << 20)).toFixed(1)} MB，超过每行 1 MB 的上限（某个单元格内容过长），未导入。请检查该行`,
          });
          writer.record(rowNo, 0, 0, buf, 0, 0, width - 1);
        } else if (fields <= width) {
          writer.record(rowNo, dirty, ids, buf, recStart, stop, width - fields);
          if (slots > 0) writer.collect(buf, cellStart, cellEnd);
        } else if (onlyEmptyCells(buf, cut, stop)) {
          // Trailing empty cells beyond the header (common in Excel saves): drop them.
          writer.record(rowNo, dirty, ids, buf, recStart, cut, 0);
          if (slots > 0) writer.collect(buf, cellStart, cellEnd);
        } else {
          result.badRecords.push({
            rowNo,
            text: buf.toString("utf8", recStart, stop),
            reason: `该行有 ${fields} 列，多于表头的 ${width} 列（可能有未加引号的逗号）`,
          });
          writer.record(rowNo, 0, 0, buf, 0, 0, width - 1);
        }
      };
      for (let i = 0; i < len; i++) {
        const b = buf[i]!;
        // Quote, comma and line feed are all at most 0x2C; nearly every byte of Chinese text,
        // digits and letters is above, and costs this one test.
        if (b > COMMA) continue;
        if (b === QUOTE) {
          inQuotes = !inQuotes;
        } else if (!inQuotes) {
          if (b === COMMA) {
            endField(i);
            fields++;
            fieldStart = i + 1;
            if (fields === width + 1) cut = i;
          } else if (b === LF) {
            endField(i);
            finishRecord(i);
            recStart = i + 1;
            fieldStart = recStart;
            fields = 1;
            cut = -1;
            dirty = 0;
            ids = 0;
            if (slots > 0) cellStart.fill(-1);
          }
        }
      }
      if (final && recStart < len) {
        if (inQuotes) throw unclosedQuote(rowNo + 1);
        endField(len);
        finishRecord(len);
        recStart = len;
      }
      if (!final && len - recStart > MAX_RECORD_BYTES) throw unclosedQuote(rowNo + 1, false);
      return recStart;
    };

    const findHeader = (buf: Buffer, final: boolean): number => {
      // Preamble phase: returns the offset where data starts, or -1 to wait for more bytes.
      const bounds = recordBounds(buf, MAX_PREAMBLE_ROWS + 1, final);
      if (bounds.length < MAX_PREAMBLE_ROWS + 1 && !final && buf.length < 4 * CHUNK) return -1;
      const rows = bounds.map(([s, e]) => parseCsvText(buf.toString("utf8", s, e))[0] ?? []);
      const h = options.pickHeader(rows);
      headerFound = true;
      if (h < 0) {
        result.preamble = rows;
        return buf.length;
      }
      result.preamble = rows.slice(0, h);
      result.header = rows[h]!;
      result.headerRowNo = h + 1;
      rowNo = h + 1;
      width = result.header.length;
      const wanted = options.distinctOf?.(result.header) ?? [];
      slots = wanted.length;
      slotOf = new Int32Array(width + 1);
      for (const [slot, column] of wanted.entries()) if (column >= 0 && column < width) slotOf[column + 1] = slot + 1;
      writer.slots = slots;
      return bounds[h]![2];
    };

    // A record longer than a few chunks (a huge cell): the bytes wait until they have doubled before
    // the next attempt, so a 50 MB record costs linear time, not a rescan per megabyte.
    let waiting: Buffer[] = [];
    let waitingBytes = 0;
    let retryAt = 0;
    for await (const chunk of utf8Chunks(file, encoding, bomLength)) {
      bytesIn += chunk.length;
      if (pending.length + waitingBytes + chunk.length < retryAt) {
        waiting.push(chunk);
        waitingBytes += chunk.length;
        continue;
      }
      let buf = pending.length || waiting.length ? Buffer.concat([pending, ...waiting, chunk]) : chunk;
      waiting = [];
      waitingBytes = 0;
      if (!headerFound) {
        const start = findHeader(buf, false);
        if (start < 0) {
          pending = buf;
          continue;
        }
        if (!result.header) break;
        buf = buf.subarray(start);
      }
      pending = buf.subarray(consume(buf, false));
      retryAt = pending.length > 4 * CHUNK ? 2 * pending.length : 0;
      options.onProgress?.(bytesIn, result.dataRecords);
    }
    if (waiting.length) pending = Buffer.concat([pending, ...waiting]);
    if (!headerFound) {
      const start = findHeader(pending, true);
      pending = result.header ? pending.subarray(start) : Buffer.alloc(0);
    }
    if (result.header && pending.length > 0) consume(pending, true);
    writer.close();
    if (!early) for (const c of writer.chunks) emit(c);
    options.onProgress?.(bytesIn, result.dataRecords);
    return result;
  } catch (e) {
    writer.close(false);
    for (const c of writer.chunks) fs.rmSync(c.file, { force: true });
    throw e;
  }
}

/** Writes `row_no,dirty,ids,` + record + padding commas + newline into chunk files of `chunkRows` records. */
class ChunkWriter {
  readonly chunks: CsvChunk[] = [];
  private fd: number | null = null;
  private out = Buffer.allocUnsafe(CHUNK * 4);
  private pos = 0;

  constructor(
    private readonly dir: string,
    private readonly chunkRows: number,
    private readonly firstChunkRows: number,
    private readonly onChunk?: (chunk: CsvChunk) => void,
  ) {}

  /** How many columns' distinct cells each chunk collects. */
  slots = 0;

  /** Adds the collected cells of the record just written to its chunk's distinct sets. */
  collect(src: Buffer, starts: Int32Array, ends: Int32Array): void {
    const sets = this.chunks.at(-1)!.distinct;
    for (let slot = 0; slot < starts.length; slot++) {
      const from = starts[slot]!;
      const to = ends[slot]!;
      if (from < 0 || to <= from) continue;
      const text = cellText(src, from, to);
      if (text !== "") sets[slot]!.add(text); // read_csv reads "" as NULL too
    }
  }

  record(rowNo: number, dirty: number, ids: number, src: Buffer, from: number, to: number, pad: number): void {
    let current = this.chunks.at(-1);
    if (!current || current.records >= (this.chunks.length === 1 ? this.firstChunkRows : this.chunkRows)) {
      this.rotate();
      current = this.chunks.at(-1)!;
    }
    const need = 12 + 2 * 17 + (to - from) + pad + 1;
    if (this.pos + need > this.out.length) {
      this.flush();
      if (need > this.out.length) this.out = Buffer.allocUnsafe(need * 2);
    }
    this.pos += this.out.write(String(rowNo), this.pos, "latin1");
    this.out[this.pos++] = COMMA;
    this.pos += this.out.write(String(dirty), this.pos, "latin1");
    this.out[this.pos++] = COMMA;
    if (ids === 0) this.out[this.pos++] = 0x30; // most records: no digit run, no number to format
    else this.pos += this.out.write(String(ids), this.pos, "latin1");
    this.out[this.pos++] = COMMA;
    this.pos += src.copy(this.out, this.pos, from, to);
    this.out.fill(COMMA, this.pos, this.pos + pad);
    this.pos += pad;
    this.out[this.pos++] = LF;
    current.records++;
  }

  private rotate(): void {
    this.closeFile();
    const file = path.join(this.dir, `stage-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
    this.fd = fs.openSync(file, "wx", 0o600); // ID numbers in clear: the owner only
    this.chunks.push({ file, records: 0, distinct: Array.from({ length: this.slots }, () => new Set<string>()) });
  }

  private flush(): void {
    if (this.fd !== null && this.pos > 0) fs.writeSync(this.fd, this.out, 0, this.pos);
    this.pos = 0;
  }

  private closeFile(emit = true): void {
    this.flush();
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
    if (emit) this.onChunk?.(this.chunks.at(-1)!);
  }

  /** Ends the last chunk; `emit` false on failure, when no chunk must be handed over. */
  close(emit = true): void {
    this.closeFile(emit);
  }
}

function unclosedQuote(rowNo: number, final = true): RefusedFileError {
  return new RefusedFileError(
    final
      ? `第 ${rowNo} 行起引号未闭合，之后的内容无法按行读取（文件可能被截断或手工改坏）。请检查该行，或从平台重新导出。`
      : `第 ${rowNo} 行超过 ${MAX_RECORD_BYTES >> 20} MB 仍未结束：可能是引号未闭合，或单元格内容过大。请检查该行，或从平台重新导出。`,
  );
}

/**
 * A cell's text as read_csv gives it (quote and escape both `"`): a quoted cell without its quotes
 * and with "" as ", anything else as it stands.
 */
function cellText(buf: Buffer, from: number, to: number): string {
  if (buf[from] !== QUOTE) return buf.toString("utf8", from, to);
  const closed = to - from >= 2 && buf[to - 1] === QUOTE;
  return buf.toString("utf8", from + 1, closed ? to - 1 : to).replaceAll('""', '"');
}

/** True when bytes [from, to) are only commas, quotes and blanks. */
function onlyEmptyCells(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = buf[i];
    if (b !== COMMA && b !== QUOTE && b !== 0x20 && b !== 0x09) return false;
  }
  return true;
}

/** [start, end-without-newline, next] of up to `max` complete records. */
function recordBounds(buf: Buffer, max: number, final: boolean): [number, number, number][] {
  const out: [number, number, number][] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < buf.length && out.length < max; i++) {
    const b = buf[i];
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (b === LF && !inQuotes) {
      out.push([start, i > start && buf[i - 1] === CR ? i - 1 : i, i + 1]);
      start = i + 1;
    }
  }
  if (final && out.length < max && start < buf.length) out.push([start, buf.length, buf.length]);
  return out;
}
