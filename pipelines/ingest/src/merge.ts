// Merges the typed rows of one file or sheet into the warehouse: outcomes, upsert by key,
// rejects with their reasons, and the counts that always add up.
import fs from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { KindDecl } from "@anjian/exports";
import { queryRows, quotedIdentifier as id, sqlStatements } from "@anjian/warehouse";
import { tableColumns } from "./typing-sql.ts";

const sql = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "..", "sql", name), "utf8");
const OUTCOME_SQL = sql("outcome.sql");
const COUNTS_SQL = sql("counts.sql");
const [DELETE_SQL, INSERT_SQL] = sqlStatements(sql("upsert.sql"));
const [REJECTS_SQL, RESOLVE_SQL] = sqlStatements(sql("rejects.sql"));


export interface Counts {
  read: number;
  accepted: number;
  rejected: number;
  skipped: number;
  duplicate: number;
  replaced: number;
  warnings: number;
}

export const zeroCounts = (): Counts => ({
  read: 0,
  accepted: 0,
  rejected: 0,
  skipped: 0,
  duplicate: 0,
  replaced: 0,
  warnings: 0,
});

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    read: a.read + b.read,
    accepted: a.accepted + b.accepted,
    rejected: a.rejected + b.rejected,
    skipped: a.skipped + b.skipped,
    duplicate: a.duplicate + b.duplicate,
    replaced: a.replaced + b.replaced,
    warnings: a.warnings + b.warnings,
  };
}

/**
 * Types the staged rows into the temp table `typed`: a new one, or appended to (the chunks of one
 * CSV file are typed one after another, then merged at once). Binds $key when the SQL has it.
 */
export async function typeRows(connection: DuckDBConnection, typedSql: string, hashKey: string, append: boolean): Promise<void> {
  await connection.run(
    `${append ? "INSERT INTO typed" : "CREATE OR REPLACE TEMP TABLE typed AS"} ${typedSql}`,
    typedSql.includes("$key") ? { key: hashKey } : undefined,
  );
}

export interface MergeInput {
  kind: KindDecl;
  batchId: string;
  sha256: string;
  path: string;
  sheet: string | null;
  exportTime: string | null;
}

/** Merges the rows of the temp table `typed` (typeRows) into the warehouse; returns the counts. */
export async function mergeTyped(connection: DuckDBConnection, input: MergeInput): Promise<Counts> {
  const { kind } = input;
  const key = id(kind.key);
  const outcomeSql = OUTCOME_SQL.replaceAll("{{table}}", id(kind.table)).replaceAll("{{key}}", key);
  await connection.run(outcomeSql, { sha: input.sha256, export_time: input.exportTime });
  const [counts] = await queryRows<Record<keyof Counts, number | string>>(connection, COUNTS_SQL);
  const result = Object.fromEntries(Object.entries(counts!).map(([k, v]) => [k, Number(v)])) as unknown as Counts;
  const fill = (text: string) =>
    text
      .replaceAll("{{table}}", id(kind.table))
      .replaceAll("{{key}}", key)
      .replaceAll("{{columns}}", tableColumns(kind).map(id).join(", "));
  // Each statement only when it has rows to touch: a scan of the outcome costs, rows or not.
  if (result.replaced > 0) await connection.run(fill(DELETE_SQL!));
  if (result.accepted > 0)
    await connection.run(fill(INSERT_SQL!), { batch: input.batchId, sha: input.sha256, sheet: input.sheet });
  if (result.rejected > 0)
    await connection.run(fill(REJECTS_SQL!), {
      batch: input.batchId,
      sha: input.sha256,
      path: input.path,
      kind: kind.name,
      sheet: input.sheet,
    });
  // Open rejects of this kind are few or none (none in a fresh warehouse): look before scanning the outcome.
  const [open] = await queryRows(connection, "SELECT 1 AS found FROM rejects_state WHERE kind = $kind AND is_open LIMIT 1", {
    kind: kind.name,
  });
  if (open) await connection.run(fill(RESOLVE_SQL!), { batch: input.batchId, sha: input.sha256, kind: kind.name });
  return result;
}
