// RFC 4180 CSV in the encodings that Chinese Windows machines produce. Rows are taken from an
// iterable and written in chunks, so the same writer serves million-row files.

import { closeSync, openSync, writeSync } from "node:fs";
import iconv from "iconv-lite";

export type CsvEncoding = "utf8" | "utf8-bom" | "utf16le-bom" | "gb18030";

const BOMS: Record<CsvEncoding, Buffer> = {
  utf8: Buffer.alloc(0),
  "utf8-bom": Buffer.from([0xef, 0xbb, 0xbf]),
  "utf16le-bom": Buffer.from([0xff, 0xfe]),
  gb18030: Buffer.alloc(0),
};

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, CRLF-terminated as Excel writes it. Embedded line breaks stay inside quotes. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

export function encode(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === "gb18030") return iconv.encode(text, "gb18030");
  if (encoding === "utf16le-bom") return iconv.encode(text, "utf16le");
  return Buffer.from(text, "utf8");
}

export function writeCsv(path: string, rows: Iterable<readonly string[]>, encoding: CsvEncoding): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, BOMS[encoding]);
    let chunk = "";
    for (const row of rows) {
      chunk += csvLine(row);
      if (chunk.length > 1 << 20) {
        writeSync(fd, encode(chunk, encoding));
        chunk = "";
      }
    }
    if (chunk) writeSync(fd, encode(chunk, encoding));
  } finally {
    closeSync(fd);
  }
}
