// Towns, units and hazard categories are resolved through the district profile once per distinct
// value (a file has a handful), then joined set-wise: no per-row JavaScript.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { HeaderMatch, KindDecl } from "@anjian/exports";
import type { ProfileResolver } from "@anjian/profile";
import { lookupTable } from "./typing-sql.ts";

export async function buildLookups(
  connection: DuckDBConnection,
  kind: KindDecl,
  match: HeaderMatch,
  resolver: ProfileResolver,
): Promise<void> {
  const columns = kind.columns.filter((c) => c.type === "town" || c.type === "unit" || c.type === "hazard_category");
  for (const column of columns)
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${lookupTable(column)} (raw VARCHAR PRIMARY KEY, value VARCHAR, level VARCHAR, known BOOLEAN)`,
    );
  const present = columns.filter((c) => match.columns.get(c.name) !== undefined);
  if (present.length === 0) return;
  // The distinct values of every looked-up column in one read of the stage (for a CSV chunk, one parse).
  const lists = await connection.runAndReadAll(
    `SELECT ${present
      .map((c, i) => {
        const cell = `anj_clean(c${match.columns.get(c.name)})`;
        return `list(DISTINCT ${cell}) FILTER (WHERE ${cell} IS NOT NULL) AS l${i}`;
      })
      .join(", ")} FROM stage`,
  );
  const row = lists.getRowObjectsJson()[0] ?? {};
  for (const [i, column] of present.entries()) {
    const values = (row[`l${i}`] as string[] | null) ?? [];
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
