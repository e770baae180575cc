// The kinds' tables, kept in step with their declarations (@anjian/exports kinds.ts) every time
// the warehouse is opened: a missing table is created, a declared column that an older warehouse
// lacks is added. So adding a kind, or a column, is a declaration, and warehouses written by older
// code still open. Readers (READ_ONLY) cannot change the file: they see a missing table as an
// empty TEMP table and a missing column as NULL through a TEMP view of the same name, which shadow
// the stored objects in their connection only.
import type { DuckDBConnection } from "@duckdb/node-api";
import { kinds, kindTable, type TableColumn, type TableDecl } from "@anjian/exports";
import { quotedIdentifier as id } from "./sql.ts";

function columnSql(c: TableColumn): string {
  return `${id(c.name)} ${c.type}${c.notNull ? " NOT NULL" : ""}${c.default === undefined ? "" : ` DEFAULT ${c.default}`}`;
}

export function createTableSql(table: TableDecl, temporary = false): string {
  return `CREATE ${temporary ? "TEMP " : ""}TABLE ${id(table.name)} (\n  ${table.columns.map(columnSql).join(",\n  ")}\n)`;
}

/** The kinds' tables as declared. */
export function kindTables(): TableDecl[] {
  return kinds.map(kindTable);
}

async function storedColumns(connection: DuckDBConnection): Promise<Map<string, Set<string>>> {
  const reader = await connection.runAndReadAll(
    `SELECT table_name, column_name FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main'`,
  );
  const out = new Map<string, Set<string>>();
  for (const [table, column] of reader.getRows()) {
    const set = out.get(String(table)) ?? new Set<string>();
    set.add(String(column));
    out.set(String(table), set);
  }
  return out;
}

/**
 * Writer: creates missing kind tables and adds missing declared columns (nullable, or with the
 * column's default: a NOT NULL constraint cannot be added to rows that exist). Returns what it did.
 */
export async function syncKindTables(connection: DuckDBConnection, tables: TableDecl[] = kindTables()): Promise<string[]> {
  const stored = await storedColumns(connection);
  const done: string[] = [];
  for (const table of tables) {
    const have = stored.get(table.name);
    if (!have) {
      await connection.run(createTableSql(table));
      done.push(`create ${table.name}`);
      continue;
    }
    for (const c of table.columns) {
      if (have.has(c.name)) continue;
      await connection.run(
        `ALTER TABLE ${id(table.name)} ADD COLUMN ${id(c.name)} ${c.type}${c.default === undefined ? "" : ` DEFAULT ${c.default}`}`,
      );
      done.push(`add ${table.name}.${c.name}`);
    }
  }
  return done;
}

/**
 * Reader: the statements that give this connection the declared shape (see the header of this
 * file): empty for a warehouse written by this code. The stored file cannot change under a reader,
 * so a reader works them out once and runs them on each of its connections.
 */
export async function kindShadowStatements(connection: DuckDBConnection, tables: TableDecl[] = kindTables()): Promise<string[]> {
  const stored = await storedColumns(connection);
  const statements: string[] = [];
  for (const table of tables) {
    const have = stored.get(table.name);
    if (!have) {
      statements.push(createTableSql(table, true));
      continue;
    }
    const missing = table.columns.filter((c) => !have.has(c.name));
    if (missing.length === 0) continue;
    const db = (await connection.runAndReadAll("SELECT current_database()")).getRows()[0]![0];
    const select = table.columns
      .map((c) => (have.has(c.name) ? id(c.name) : `CAST(${c.default ?? "NULL"} AS ${c.type}) AS ${id(c.name)}`))
      .join(", ");
    statements.push(`CREATE OR REPLACE TEMP VIEW ${id(table.name)} AS SELECT ${select} FROM ${id(String(db))}.main.${id(table.name)}`);
  }
  return statements;
}
