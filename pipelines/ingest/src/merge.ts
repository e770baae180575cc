// Merges the typed rows of one file or sheet into the warehouse: outcomes, upsert by key,
// rejects with their reasons, and the counts that always add up.
import fs from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { KindDecl } from "@anjian/exports";
import { queryRows, quotedIdentifier as id, quotedString as lit } from "@anjian/warehouse";
import { tableColumns } from "./typing-sql.ts";

const sql = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "..", "sql", name), "utf8");
const [TYPED_SQL, OUTCOME_SQL] = statements(sql("outcome.sql"));
const COUNTS_SQL = sql("counts.sql");
const [DELETE_SQL, INSERT_SQL] = statements(sql("upsert.sql"));
const REJECTS_SQL = sql("rejects.sql");

/** The statements of a .sql file, split at a semicolon that ends a line. */
function statements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.replace(/^--.*$/gm, "").trim() !== "");
}

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

export interface MergeInput {
  kind: KindDecl;
  /** The typing SELECT (typing-sql.ts). */
  typedSql: string;
  batchId: string;
  sha256: string;
  path: string;
  sheet: string | null;
  exportTime: string | null;
  /** Headers of the staged columns c0…, for the rejects' original values. */
  headers: string[];
  /** Staged columns holding personal data: shown hashed in rejects. */
  personalColumns: number[];
  hashKey: string;
}

export async function mergeTyped(connection: DuckDBConnection, input: MergeInput): Promise<Counts> {
  const { kind } = input;
  const key = id(kind.key);
  const typedSql = TYPED_SQL!.replaceAll("{{typed}}", () => input.typedSql);
  await connection.run(typedSql, input.typedSql.includes("$key") ? { key: input.hashKey } : undefined);
  const outcomeSql = OUTCOME_SQL!.replaceAll("{{table}}", id(kind.table)).replaceAll("{{key}}", key);
  await connection.run(outcomeSql, { sha: input.sha256, export_time: input.exportTime });
  const [counts] = await queryRows<Record<keyof Counts, number | string>>(connection, COUNTS_SQL);
  const result = Object.fromEntries(Object.entries(counts!).map(([k, v]) => [k, Number(v)])) as unknown as Counts;
  const fill = (text: string) =>
    text
      .replaceAll("{{table}}", id(kind.table))
      .replaceAll("{{key}}", key)
      .replaceAll("{{columns}}", tableColumns(kind).map(id).join(", "))
      .replaceAll("{{original}}", () => originalJson(input));
  // Each statement only when it has rows to touch: a scan of the outcome costs, rows or not.
  if (result.replaced > 0) await connection.run(fill(DELETE_SQL!));
  if (result.accepted > 0)
    await connection.run(fill(INSERT_SQL!), { batch: input.batchId, sha: input.sha256, sheet: input.sheet });
  if (result.rejected > 0)
    await connection.run(fill(REJECTS_SQL), {
      batch: input.batchId,
      sha: input.sha256,
      path: input.path,
      kind: kind.name,
      sheet: input.sheet,
      ...(input.personalColumns.length > 0 ? { key: input.hashKey } : {}),
    });
  return result;
}

/** json_object of the row as read, header → cell; personal data replaced by its hash. */
function originalJson(input: MergeInput): string {
  const seen = new Map<string, number>();
  const pairs = input.headers.map((raw, i) => {
    let name = raw.trim() || `第${i + 1}列`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name}(${n})`;
    const cell = `s.c${i}`;
    const value = input.personalColumns.includes(i)
      ? `CASE WHEN anj_clean(${cell}) IS NULL THEN NULL ELSE '已脱敏:' || anj_pseudonym($key, anj_clean(${cell})) END`
      : cell;
    return `${lit(name)}, ${value}`;
  });
  return `json_object(${pairs.join(", ")})`;
}
