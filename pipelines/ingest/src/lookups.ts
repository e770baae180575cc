// Towns, units and hazard categories are resolved through the district profile once per distinct
// value (a file has a handful), then joined set-wise: no per-row JavaScript.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { ColumnDecl, HeaderMatch, KindDecl } from "@anjian/exports";
import type { ProfileResolver } from "@anjian/profile";
import { lookupTable } from "./typing-sql.ts";

const isLookedUp = (c: ColumnDecl) => c.type === "town" || c.type === "unit" || c.type === "hazard_category";

/** The looked-up columns that the file has, with their 0-based index in the file's header. */
export function lookedUpColumns(kind: KindDecl, match: HeaderMatch): { column: ColumnDecl; index: number }[] {
  return kind.columns
    .filter(isLookedUp)
    .flatMap((column) => {
      const index = match.columns.get(column.name);
      return index === undefined ? [] : [{ column, index }];
    });
}

/**
 * Fills the lookup tables of a kind for the rows staged. `distinct`, when given, holds the
 * distinct raw cells of each looked-up column (in lookedUpColumns order) as the CSV reader
 * collected them; otherwise they are read from the stage.
 */
export async function buildLookups(
  connection: DuckDBConnection,
  kind: KindDecl,
  match: HeaderMatch,
  resolver: ProfileResolver,
  distinct?: readonly Set<string>[],
): Promise<void> {
  for (const column of kind.columns.filter(isLookedUp))
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${lookupTable(column)} (raw VARCHAR PRIMARY KEY, value VARCHAR, level VARCHAR, known BOOLEAN)`,
    );
  const present = lookedUpColumns(kind, match).map((p) => p.column);
  if (present.length === 0) return;
  const lists = distinct ? await cleanCollected(connection, distinct) : await distinctFromStage(connection, kind, match);
  for (const [i, column] of present.entries()) {
    const values = lists[i] ?? [];
    const appender = await connection.createAppender(lookupTable(column), "main", "temp");
    try {
      for (const text of values) {
        let value: string | null = null;
        let level: string | null = null;
        let known = true;
        if (column.type === "town") value = resolver.town(text);
        else if (column.type === "unit") {
          const unit = resolver.unit(text);
          value = unit?.unit ?? null;
          level = unit?.level ?? null;
        } else {
          const category = resolver.hazardCategory(text);
          value = category.category;
          known = category.known;
        }
        appender.appendVarchar(text);
        if (value === null) appender.appendNull();
        else appender.appendVarchar(value);
        if (level === null) appender.appendNull();
        else appender.appendVarchar(level);
        appender.appendBoolean(known);
        appender.endRow();
      }
    } finally {
      appender.closeSync();
    }
  }
}

/** The distinct cleaned values of each looked-up column, in one read of the stage. */
async function distinctFromStage(connection: DuckDBConnection, kind: KindDecl, match: HeaderMatch): Promise<string[][]> {
  const lists = await connection.runAndReadAll(
    `SELECT ${lookedUpColumns(kind, match)
      .map(({ index }, i) => {
        const cell = `anj_clean(c${index})`;
        return `list(DISTINCT ${cell}) FILTER (WHERE ${cell} IS NOT NULL) AS l${i}`;
      })
      .join(", ")} FROM stage`,
  );
  const row = lists.getRowObjectsJson()[0] ?? {};
  return lookedUpColumns(kind, match).map((_, i) => (row[`l${i}`] as string[] | null) ?? []);
}

/** The same, from raw cells collected elsewhere: cleaned by the same macro, so both ways agree. */
async function cleanCollected(connection: DuckDBConnection, distinct: readonly Set<string>[]): Promise<string[][]> {
  await connection.run("CREATE OR REPLACE TEMP TABLE lookup_raw (slot INTEGER, v VARCHAR)");
  const appender = await connection.createAppender("lookup_raw", "main", "temp");
  try {
    for (const [slot, values] of distinct.entries())
      for (const v of values) {
        appender.appendInteger(slot);
        appender.appendVarchar(v);
        appender.endRow();
      }
  } finally {
    appender.closeSync();
  }
  const lists = await connection.runAndReadAll(
    "SELECT slot, list(DISTINCT anj_clean(v)) FILTER (WHERE anj_clean(v) IS NOT NULL) AS l FROM lookup_raw GROUP BY slot",
  );
  const out: string[][] = distinct.map(() => []);
  for (const r of lists.getRowObjectsJson()) out[Number(r.slot)] = r.l as string[];
  return out;
}
