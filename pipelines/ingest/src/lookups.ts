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
  for (const column of kind.columns) {
    if (column.type !== "town" && column.type !== "unit" && column.type !== "hazard_category") continue;
    const table = lookupTable(column);
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${table} (raw VARCHAR PRIMARY KEY, value VARCHAR, level VARCHAR, known BOOLEAN)`,
    );
    const index = match.columns.get(column.name);
    if (index === undefined) continue;
    const distinct = await connection.runAndReadAll(
      `SELECT DISTINCT anj_clean(c${index}) AS raw FROM stage WHERE anj_clean(c${index}) IS NOT NULL`,
    );
    const appender = await connection.createAppender(table, "main", "temp");
    try {
      for (const [raw] of distinct.getRows()) {
        const text = String(raw);
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
