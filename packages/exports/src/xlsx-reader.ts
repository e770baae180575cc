// A streaming XLSX reader: every sheet in workbook order, rows as text cells, merged ranges,
// Excel date cells turned into ISO text. Built on yauzl (zip, random access through the central
// directory, so a truncated file is caught at once) and saxes (SAX XML): memory stays flat in
// the number of rows; only the shared-string table is held, as Excel itself does.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import yauzl from "yauzl";
import { RefusedFileError } from "@anjian/errors";

export interface XlsxRow {
  /** 1-based row number as Excel shows it. */
  rowNo: number;
  /** Cell text by 0-based column index; null for an empty cell. */
  cells: (string | null)[];
}

export interface XlsxMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface XlsxSheet {
  name: string;
  hidden: boolean;
  rows(): AsyncGenerator<XlsxRow>;
  /** Merged ranges; complete once rows() has been read to the end. */
  merges: XlsxMerge[];
  /**
   * The merged ranges, found by a quick text scan of the sheet before its rows are read (Excel
   * writes them after the rows), so that a long sheet can be processed in chunks.
   */
  scanMerges(): Promise<XlsxMerge[]>;
}

/**
 * Bounds on what a workbook's parts may inflate to, read from the zip's central directory before
 * anything is inflated (yauzl checks each part's declared size while inflating it, so a part cannot
 * lie about it). Sheets are streamed, so their bound is about time; the shared strings are held in
 * memory, so theirs is about memory (200 MB of shared strings took 616 MB RSS in the CLI, measured);
 * the other parts read (workbook, relationships, styles) are small in any real file.
 */
export interface XlsxLimits {
  /** Bytes one worksheet may inflate to (a 1,048,576-row sheet of the platform's columns is ~500 MB). */
  sheetBytes: number;
  /** Bytes xl/sharedStrings.xml may inflate to. */
  sharedStringsBytes: number;
  /** Bytes each other part read may inflate to. */
  otherBytes: number;
  /** Inflated ÷ compressed size above which a part over `ratioFrom` bytes is a zip bomb. */
  ratio: number;
  ratioFrom: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  sheetBytes: 2 * 1024 ** 3,
  sharedStringsBytes: 200 * 1024 ** 2,
  otherBytes: 64 * 1024 ** 2,
  // Real exports compress 5–30 times (the 1,048,576 identical-looking rows above: 18 times);
  // DEFLATE's ceiling is about 1,030.
  ratio: 200,
  ratioFrom: 16 * 1024 ** 2,
};

function mb(bytes: number): string {
  const n = bytes / 1024 ** 2;
  return `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString("en-US")} MB`;
}

/** Refuses a part before it is inflated when its declared size or compression ratio is out of bounds. */
function checkPart(entry: yauzl.Entry, limit: number, limits: XlsxLimits, sharedStrings = false): void {
  const size = entry.uncompressedSize;
  const ratio = size / Math.max(1, entry.compressedSize);
  if (size > limits.ratioFrom && ratio > limits.ratio)
    throw new RefusedFileError(
      `工作簿中的 ${entry.fileName} 解压后是压缩时的 ${Math.round(ratio).toLocaleString("en-US")} 倍（${mb(size)}），` +
        `超过 ${limits.ratio} 倍的上限，像是“压缩炸弹”，没有读取。如确是平台导出的文件，请在 Excel/WPS 中打开，另存为 CSV（UTF-8）后导入。`,
    );
  if (size > limit)
    throw new RefusedFileError(
      sharedStrings
        ? `工作簿的共享字符串表（${entry.fileName}）解压后有 ${mb(size)}，超过 ${mb(limit)} 的上限（它须整个读入内存）。` +
            "请在 Excel/WPS 中把工作簿另存为 CSV（UTF-8）后导入，或把数据分成几个较小的文件。"
        : `工作簿中的 ${entry.fileName} 解压后有 ${mb(size)}，超过 ${mb(limit)} 的上限。` +
            "请把数据分成几个较小的文件（或另存为 CSV（UTF-8））后再导入。",
    );
}

const TRUNCATED = "文件不完整或已损坏（无法读取 .xlsx 的压缩结构，可能下载中断）。请从平台重新导出后再导入。";

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: true }, (err, zip) => {
      if (err || !zip) reject(new RefusedFileError(TRUNCATED));
      else resolve(zip);
    });
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.set(entry.fileName.replace(/^\/+/, ""), entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", () => reject(new RefusedFileError(TRUNCATED)));
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) reject(new RefusedFileError(TRUNCATED));
      else resolve(stream);
    });
  });
}

/** Feeds an entry through a SAX parser, yielding after each chunk whatever `drain` collected. */
async function* parseEntry<T>(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  setup: (parser: SaxesParser) => void,
  drain: () => T[],
): AsyncGenerator<T> {
  const parser = new SaxesParser();
  setup(parser);
  const decoder = new TextDecoder("utf-8");
  const stream = await openEntry(zip, entry);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parser.write(decoder.decode(chunk, { stream: true }));
      const items = drain();
      for (const item of items) yield item;
    }
    parser.write(decoder.decode());
    parser.close();
    for (const item of drain()) yield item;
  } catch (e) {
    if (e instanceof RefusedFileError) throw e;
    // The parser's own message is English (and may quote the sheet's content): only where it broke.
    throw new RefusedFileError(
      `工作簿中的 ${entry.fileName} 不是有效的 XML（文件已损坏，或含有不允许的内容，如自定义实体）。请从平台重新导出后再导入。`,
    );
  }
}

async function readAll(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined, setup: (p: SaxesParser) => void) {
  if (!entry) return;
  for await (const _ of parseEntry(zip, entry, setup, () => [])) {
    // parsing happens through the handlers set up by `setup`
  }
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57,
  58,
]);

/** A number format code shows a date or time when, outside quotes and brackets, it has y/m/d/h/s. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return /[ymdhsYMDHS]/.test(bare) && !/^general$/i.test(bare.trim());
}

/** The cell text of a formula without a cached result; the typing rejects the row (typing-sql.ts). */
export const FORMULA_WITHOUT_VALUE = "#公式无结果";

/** Excel serial (1900 system, with its phantom 1900-02-29) or 1904 system → ISO text. */
export function serialToIso(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const ms = Math.round(serial * 86_400_000);
  const d = new Date(epoch + ms);
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  return time === "00:00:00" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function parseRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return { row: 0, col: 0 };
  return { row: Number(m[2]), col: columnIndex(m[1]!) };
}

/** A numeric cell as text; long integers have already lost digits, so they keep Excel's scientific form. */
function numberText(raw: string): string {
  const t = raw.trim();
  if (/^-?\d{16,}$/.test(t)) {
    const digits = t.replace("-", "");
    return `${t.startsWith("-") ? "-" : ""}${digits[0]}.${digits.slice(1).replace(/0+$/, "")}E+${digits.length - 1}`;
  }
  if (/e/i.test(t)) {
    const n = Number(t);
    if (Number.isFinite(n) && Math.abs(n) < 1e15 && Number.isInteger(n)) return String(n);
    return t.toUpperCase();
  }
  return t;
}

export async function* readXlsx(file: string, limits: XlsxLimits = XLSX_LIMITS): AsyncGenerator<XlsxSheet> {
  const zip = await openZip(file);
  try {
    const entries = await listEntries(zip);
    const workbookEntry = entries.get("xl/workbook.xml");
    if (!workbookEntry) throw new RefusedFileError("该文件不是 Excel 工作簿（缺少 xl/workbook.xml）。请从平台重新导出 .xlsx。");
    for (const name of ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]) {
      const entry = entries.get(name);
      if (entry) checkPart(entry, limits.otherBytes, limits);
    }
    const sharedEntry = entries.get("xl/sharedStrings.xml");
    if (sharedEntry) checkPart(sharedEntry, limits.sharedStringsBytes, limits, true);

    // Workbook: sheet names, order, visibility, date system.
    const sheets: { name: string; rid: string; hidden: boolean }[] = [];
    let date1904 = false;
    await readAll(zip, workbookEntry, (p) => {
      p.on("opentag", (tag) => {
        const local = localName(tag.name);
        if (local === "sheet") {
          const a = tag.attributes as Record<string, string>;
          sheets.push({
            name: a.name ?? "",
            rid: a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? "",
            hidden: a.state === "hidden" || a.state === "veryHidden",
          });
        } else if (local === "workbookPr") {
          const v = (tag.attributes as Record<string, string>).date1904;
          date1904 = v === "1" || v === "true";
        }
      });
    });
    const targets = new Map<string, string>();
    await readAll(zip, entries.get("xl/_rels/workbook.xml.rels"), (p) => {
      p.on("opentag", (tag) => {
        if (localName(tag.name) !== "Relationship") return;
        const a = tag.attributes as Record<string, string>;
        const target = (a.Target ?? "").replace(/^\/?xl\//, "").replace(/^\//, "");
        targets.set(a.Id ?? "", `xl/${target}`);
      });
    });

    // Styles: which cell formats are dates.
    const customFormats = new Map<number, string>();
    const xfFormats: number[] = [];
    await readAll(zip, entries.get("xl/styles.xml"), (p) => {
      let inCellXfs = false;
      p.on("opentag", (tag) => {
        const local = localName(tag.name);
        const a = tag.attributes as Record<string, string>;
        if (local === "numFmt") customFormats.set(Number(a.numFmtId), a.formatCode ?? "");
        else if (local === "cellXfs") inCellXfs = true;
        else if (local === "xf" && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
      });
      p.on("closetag", (tag) => {
        if (localName(tag.name) === "cellXfs") inCellXfs = false;
      });
    });
    const dateStyle = xfFormats.map((id) => {
      const custom = customFormats.get(id);
      return custom !== undefined ? isDateFormat(custom) : BUILTIN_DATE_FORMATS.has(id);
    });

    // Every sheet is checked before any is read: a file is refused whole, never half read.
    for (const sheet of sheets) {
      const path = targets.get(sheet.rid);
      const entry = path ? entries.get(path) : undefined;
      if (entry) checkPart(entry, limits.sheetBytes, limits);
    }

    // Shared strings, without phonetic runs.
    const shared: string[] = [];
    await readAll(zip, sharedEntry, (p) => {
      let current: string | null = null;
      let inText = false;
      let phonetic = 0;
      p.on("opentag", (tag) => {
        const local = localName(tag.name);
        if (local === "si") current = "";
        else if (local === "rPh") phonetic++;
        else if (local === "t" && phonetic === 0) inText = true;
      });
      p.on("text", (text) => {
        if (inText && current !== null) current += text;
      });
      p.on("cdata", (text) => {
        if (inText && current !== null) current += text;
      });
      p.on("closetag", (tag) => {
        const local = localName(tag.name);
        if (local === "t") inText = false;
        else if (local === "rPh") phonetic--;
        else if (local === "si") {
          shared.push(current ?? "");
          current = null;
        }
      });
    });

    for (const sheet of sheets) {
      const path = targets.get(sheet.rid);
      const entry = path ? entries.get(path) : undefined;
      if (!entry) continue;
      const merges: XlsxMerge[] = [];
      yield {
        name: sheet.name,
        hidden: sheet.hidden,
        merges,
        rows: () => sheetRows(zip, entry, shared, dateStyle, date1904, merges),
        scanMerges: () => scanMerges(zip, entry),
      };
    }
  } finally {
    zip.close();
  }
}

const MERGE_CELL = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+\d+):([A-Z]+\d+)"/g;

async function scanMerges(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<XlsxMerge[]> {
  const merges: XlsxMerge[] = [];
  const decoder = new TextDecoder("utf-8");
  const stream = await openEntry(zip, entry);
  let carry = "";
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = carry + decoder.decode(chunk, { stream: true });
      let last = 0;
      for (const m of text.matchAll(MERGE_CELL)) {
        const f = parseRef(m[1]!);
        const t = parseRef(m[2]!);
        merges.push({ top: f.row, left: f.col, bottom: t.row, right: t.col });
        last = m.index + m[0].length;
      }
      // Keep the tail: a tag cut by the chunk boundary is matched with the next chunk.
      carry = text.slice(Math.max(last, text.length - 256));
    }
  } catch {
    throw new RefusedFileError(TRUNCATED);
  }
  return merges;
}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function sheetRows(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  shared: string[],
  dateStyle: boolean[],
  date1904: boolean,
  merges: XlsxMerge[],
): AsyncGenerator<XlsxRow> {
  let ready: XlsxRow[] = [];
  let row: XlsxRow | null = null;
  let lastRowNo = 0;
  let col = -1;
  let type = "";
  let style = 0;
  let text: string | null = null;
  let formula = false;
  let capture = false;
  let phonetic = 0;
  const setup = (p: SaxesParser) => {
    p.on("opentag", (tag: SaxesTagPlain) => {
      const a = tag.attributes as Record<string, string>;
      switch (localName(tag.name)) {
        case "row":
          lastRowNo = a.r ? Number(a.r) : lastRowNo + 1;
          row = { rowNo: lastRowNo, cells: [] };
          col = -1;
          break;
        case "c":
          col = a.r ? parseRef(a.r).col : col + 1;
          type = a.t ?? "n";
          style = a.s ? Number(a.s) : 0;
          text = null;
          formula = false;
          break;
        case "f":
          formula = true;
          break;
        case "v":
          capture = true;
          text = "";
          break;
        case "t":
          if (phonetic === 0) {
            capture = true;
            text ??= "";
          }
          break;
        case "rPh":
          phonetic++;
          break;
        case "mergeCell": {
          const [from, to] = (a.ref ?? "").split(":");
          if (from && to) {
            const f = parseRef(from);
            const t = parseRef(to);
            merges.push({ top: f.row, left: f.col, bottom: t.row, right: t.col });
          }
          break;
        }
      }
    });
    const onText = (s: string) => {
      if (capture) text = (text ?? "") + s;
    };
    p.on("text", onText);
    p.on("cdata", onText);
    p.on("closetag", (tag: SaxesTagPlain) => {
      switch (localName(tag.name)) {
        case "v":
        case "t":
          capture = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c":
          if (row && text !== null) row.cells[col] = cellText(type, text, style);
          // A formula saved without its result (a file written by a program, never opened in Excel):
          // the value is unknown, not empty.
          else if (row && formula) row.cells[col] = FORMULA_WITHOUT_VALUE;
          break;
        case "row":
          if (row) {
            for (let i = 0; i < row.cells.length; i++) if (row.cells[i] === undefined) row.cells[i] = null;
            ready.push(row);
          }
          row = null;
          break;
      }
    });
  };
  const cellText = (t: string, raw: string, s: number): string | null => {
    switch (t) {
      case "s":
        return shared[Number(raw)] ?? null;
      case "inlineStr":
      case "str":
        return raw;
      case "b":
        return raw === "1" ? "TRUE" : "FALSE";
      case "e":
        return raw; // #N/A, #VALUE!: kept as text, so the cleaning step reports it
      case "d":
        return raw.replace("T", " ").replace(/(\.\d+)?Z?$/, "");
      default: {
        if (raw.trim() === "") return null;
        if (dateStyle[s]) {
          const n = Number(raw);
          if (Number.isFinite(n)) return serialToIso(n, date1904);
        }
        return numberText(raw);
      }
    }
  };
  return parseEntry(zip, entry, setup, () => {
    const out = ready;
    ready = [];
    return out;
  });
}
