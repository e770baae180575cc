// Rows → Arrow IPC (file format) with declared column types, so the pages get numbers as numbers
// (never BigInt) and text as text. Text is dictionary-encoded: town, unit and category names repeat
// on every row, and the dictionary keeps the files small. Dictionaries are numbered within each file
// (0, 1, …), not by apache-arrow's process-wide counter, so that a file's bytes (and the name
// Framework gives it in dist/) depend on its content only, not on the files written before it.
import { Bool, type DataType, Dictionary, Float64, Int32, Table, tableToIPC, Utf8, type Vector, vectorFromArray } from "apache-arrow";

export type ColumnKind = "text" | "int" | "float" | "bool";

export type Columns = Record<string, ColumnKind>;

function typeOf(kind: ColumnKind, dictionaryId: number): DataType {
  switch (kind) {
    case "text":
      return new Dictionary(new Utf8(), new Int32(), dictionaryId);
    case "int":
      return new Int32();
    case "float":
      return new Float64();
    case "bool":
      return new Bool();
  }
}

function cell(kind: ColumnKind, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case "text":
      return String(v);
    case "int":
    case "float":
      return Number(v);
    case "bool":
      return Boolean(v);
  }
}

export function arrowTable(rows: Record<string, unknown>[], columns: Columns): Table {
  const vectors: Record<string, Vector> = {};
  let dictionaries = 0;
  for (const [name, kind] of Object.entries(columns)) {
    vectors[name] = vectorFromArray(
      rows.map((r) => {
        if (!(name in r)) throw new Error(`arrow: column ${name} missing from a row`);
        return cell(kind, r[name]);
      }),
      typeOf(kind, kind === "text" ? dictionaries++ : -1),
    );
  }
  return new Table(vectors);
}

export function arrowFile(rows: Record<string, unknown>[], columns: Columns): Uint8Array {
  return tableToIPC(arrowTable(rows, columns), "file");
}
