// XLSX through exceljs, made byte-for-byte reproducible: fixed document dates, and the zip
// entries' DOS timestamps (JSZip stamps them with the current time) rewritten afterwards.

import { closeSync, fstatSync, openSync, readSync, writeFileSync, writeSync } from "node:fs";
import ExcelJS from "exceljs";

/** A date cell (a real Excel date, serial under the hood) with its display format. */
export interface XDate {
  date: string;
  numFmt?: string;
}
/** null or "": empty; string: text cell; number: numeric cell; XDate: date cell. */
export type XCell = null | string | number | XDate;

export interface XSheet {
  name: string;
  /** Rows above the header; `merge` spans the header's width (a merged title row). */
  preamble?: { text: string; merge?: boolean; bold?: boolean }[];
  header?: string[];
  rows: Iterable<XCell[]>;
  footer?: XCell[][];
  widths?: number[];
}

export interface XBook {
  /** "YYYY-MM-DD HH:MM": document created/modified, and the zip entries' timestamps. */
  savedAt: string;
  creator: string;
  sheets: XSheet[];
}

function utc(iso: string, hh = 0, mm = 0): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
}

function setCell(cell: ExcelJS.Cell, value: XCell): void {
  // Excel has no empty-string cells in practice: "" is written as an empty cell.
  if (value === null || value === "") return;
  if (typeof value === "object") {
    cell.value = utc(value.date);
    cell.numFmt = value.numFmt ?? "yyyy-mm-dd";
  } else cell.value = value;
}

/** "YYYY-MM-DD HH:MM" as that moment in UTC (the zip's DOS times carry no zone). */
export function utcDateTime(savedAt: string): Date {
  const [day, time] = savedAt.split(" ") as [string, string];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return utc(day, hh, mm);
}

export async function xlsxBuffer(book: XBook): Promise<Buffer> {
  const saved = utcDateTime(book.savedAt);
  const wb = new ExcelJS.Workbook();
  wb.creator = book.creator;
  wb.lastModifiedBy = book.creator;
  wb.created = saved;
  wb.modified = saved;

  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name);
    const width = Math.max(1, s.header?.length ?? 1);
    let r = 1;
    for (const p of s.preamble ?? []) {
      const cell = ws.getCell(r, 1);
      cell.value = p.text;
      if (p.bold) cell.font = { bold: true, size: 14 };
      if (p.merge && width > 1) {
        ws.mergeCells(r, 1, r, width);
        cell.alignment = { horizontal: "center", vertical: "middle" };
      }
      r++;
    }
    if (s.header) {
      s.header.forEach((h, i) => {
        const cell = ws.getCell(r, i + 1);
        cell.value = h;
        cell.font = { bold: true };
      });
      ws.views = [{ state: "frozen", ySplit: r }];
      r++;
    }
    for (const row of [...s.rows, ...(s.footer ?? [])]) {
      row.forEach((v, i) => {
        setCell(ws.getCell(r, i + 1), v);
      });
      r++;
    }
    (s.widths ?? []).forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimes(buf, saved);
}

export async function writeXlsx(path: string, book: XBook): Promise<void> {
  writeFileSync(path, await xlsxBuffer(book));
}

/** Random access to a zip's bytes: a buffer, or a file too big to hold (the bulk ledgers). */
interface ZipBytes {
  size: number;
  read(pos: number, length: number): Buffer;
  write(pos: number, bytes: Buffer): void;
}

/** Overwrites the DOS time and date of every local and central zip header. */
function fixTimes(zip: ZipBytes, at: Date): void {
  const stamp = Buffer.alloc(4);
  stamp.writeUInt16LE((at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2), 0);
  stamp.writeUInt16LE(((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(), 2);
  const tailStart = Math.max(0, zip.size - 22 - 0xffff);
  const tail = zip.read(tailStart, zip.size - tailStart);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file: no end of central directory");
  const entries = tail.readUInt16LE(eocd + 10);
  const cdStart = tail.readUInt32LE(eocd + 16);
  const cd = zip.read(cdStart, tailStart + eocd - cdStart);
  let p = 0;
  for (let n = 0; n < entries; n++) {
    if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${cdStart + p}`);
    stamp.copy(cd, p + 12);
    const local = cd.readUInt32LE(p + 42);
    if (zip.read(local, 4).readUInt32LE(0) !== 0x04034b50) throw new Error(`bad local header at ${local}`);
    zip.write(local + 10, stamp);
    p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  zip.write(cdStart, cd);
}

export function fixZipTimes(buf: Buffer, at: Date): Buffer {
  fixTimes(
    {
      size: buf.length,
      read: (pos, length) => buf.subarray(pos, pos + length),
      // A no-op for the central directory (read as a view of buf), a copy for the stamps.
      write: (pos, bytes) => bytes.copy(buf, pos),
    },
    at,
  );
  return buf;
}

/** fixZipTimes on a file, in place: reads only the central directory and writes only the stamps. */
export function fixZipTimesInFile(path: string, at: Date): void {
  const fd = openSync(path, "r+");
  try {
    fixTimes(
      {
        size: fstatSync(fd).size,
        read: (pos, length) => {
          const b = Buffer.alloc(length);
          readSync(fd, b, 0, length, pos);
          return b;
        },
        write: (pos, bytes) => {
          writeSync(fd, bytes, 0, bytes.length, pos);
        },
      },
      at,
    );
  } finally {
    closeSync(fd);
  }
}
