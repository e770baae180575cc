// Text rules shared by header matching and the JS side of cleaning (SQL has its own macros
// for bulk rows: see packages/warehouse/sql/rules/010_cleaning_macros.sql).

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** Full-width ASCII (Ａ１，（) to half-width, U+3000 to a space. */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replaceAll("\u3000", " ");
}

/** Header text as compared: no whitespace at all, half-width brackets, no trailing required marker. */
export function normaliseHeader(raw: string): string {
  return toHalfWidth(raw)
    .replace(/\s+/g, "")
    .replace(/\*+$/, "")
    .replace(/^\*+/, "");
}

/** Trims ASCII whitespace and U+3000. */
export function trimCell(raw: string): string {
  return raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}
