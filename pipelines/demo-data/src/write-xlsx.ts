// XLSX through exceljs, made byte-for-byte reproducible: fixed document dates, and the zip
// entries' DOS timestamps (JSZip stamps them with the current time) rewritten afterwards.

import { writeFileSync } from "node:fs";
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

export async function xlsxBuffer(book: XBook): Promise<Buffer> {
  const [day, time] = book.savedAt.split(" ") as [string, string];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const saved = utc(day, hh, mm);
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

/** Overwrites the DOS time and date of every local and central zip header. */
export function fixZipTimes(buf: Buffer, at: Date): Buffer {
  const dosTime = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2);
  const dosDate = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file: no end of central directory");
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header at ${local}`);
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}
