// A kind's warehouse table, derived from its declaration (kinds.ts): the declaration is the only
// description of a kind's columns. The warehouse creates and extends its tables from this
// (@anjian/warehouse syncKindTables); the import writes exactly these columns.
import type { ColumnDecl, KindDecl } from "./kinds.ts";

export interface TableColumn {
  name: string;
  /** DuckDB type. */
  type: string;
  notNull: boolean;
  /** SQL default, for columns that always hold a value (amounts, booleans). */
  default?: string;
}

export interface TableDecl {
  name: string;
  columns: TableColumn[];
}

/** Every accepted row's lineage, after the declared columns. */
export const LINEAGE_COLUMNS: readonly TableColumn[] = [
  { name: "batch_id", type: "VARCHAR", notNull: true },
  { name: "file_sha256", type: "VARCHAR", notNull: true },
  { name: "sheet", type: "VARCHAR", notNull: false },
  { name: "row_no", type: "INTEGER", notNull: true },
  { name: "row_hash", type: "VARCHAR", notNull: true },
  { name: "warnings", type: "VARCHAR[]", notNull: false },
];

/** The warehouse columns one declared column produces, in table order. */
function columnsOf(c: ColumnDecl): TableColumn[] {
  const required = c.required === true;
  switch (c.type) {
    case "unit":
      // The canonical unit and its level (bureau | town); a kept unknown unit has no level.
      return [
        { name: c.name, type: "VARCHAR", notNull: required },
        { name: `${c.name}_level`, type: "VARCHAR", notNull: required && !c.keepUnknown },
      ];
    case "hazard_category":
      // The profile's category (其他 when unknown) and the text as written.
      return [
        { name: c.name, type: "VARCHAR", notNull: required },
        { name: `${c.name}_raw`, type: "VARCHAR", notNull: false },
      ];
    case "date":
      return [{ name: c.name, type: "DATE", notNull: required }];
    case "timestamp":
      return [{ name: c.name, type: "TIMESTAMP", notNull: required }];
    case "amount":
      // An empty amount is 0 (a penalty without a fine).
      return [{ name: c.name, type: "DECIMAL(18, 2)", notNull: true, default: "0" }];
    case "boolean":
      return [{ name: c.name, type: "BOOLEAN", notNull: true, default: "false" }];
    case "list":
      return [{ name: c.name, type: "VARCHAR[]", notNull: required }];
    case "year":
    case "count":
      return [{ name: c.name, type: "INTEGER", notNull: required }];
    default:
      return [{ name: c.name, type: "VARCHAR", notNull: required }];
  }
}

/** Warehouse columns that a kind's declaration produces, in table order (lineage not included). */
export function tableColumns(kind: KindDecl): string[] {
  return kind.columns.flatMap((c) => columnsOf(c).map((t) => t.name));
}

/** The kind's table: its declared columns, then the lineage. */
export function kindTable(kind: KindDecl): TableDecl {
  return { name: kind.table, columns: [...kind.columns.flatMap(columnsOf), ...LINEAGE_COLUMNS] };
}
