// A small RFC 4180 parser for short texts (the alias table, the first rows of an export).
// Bulk rows never pass through here: they go to DuckDB's read_csv.

export function parseCsvText(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let inQuotes = false;
  let i = 0;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < s.length) {
    const ch = s[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"') inQuotes = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      if (ch === "\r" && s[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Quotes a value for a CSV cell when it needs it. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A cell that Excel, WPS or LibreOffice would run as a formula (it begins with = + - @, a tab or a
 * carriage return; OWASP "CSV injection") gets a leading apostrophe, which spreadsheets show as
 * text. The importer's cleaning rule (anj_clean) takes the apostrophe off again, so such a file
 * imports back unchanged.
 */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
const FORMULA_START = /^[=+\-@\t\r]/;
