// The generic tests of the models (dbt style) and the invariants of models/tests/*.sql, as SQL
// that returns the offending rows: what every model declares about itself, checkable on any
// warehouse. Used by this package's model tests and, through the subpath export
// `@anjian/indicators/model-checks`, by the end-to-end tests on imported demo data. Not in the
// main entry point: reading the invariant files is no business of an ordinary reader.
import fs from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "@anjian/warehouse";
import { type ModelDecl, MODELS_DIR, parseModels } from "./models.ts";
import type { Period } from "./period.ts";

export const decls = parseModels();
export const PERIODS: Period[] = [
  { from: "2022-01-01", to: "2022-12-31" },
  { from: "2023-01-01", to: "2023-12-31" },
  { from: "2024-01-01", to: "2024-12-31" },
  { from: "2023-05-01", to: "2023-08-31" },
  { from: "2023-03-15", to: "2023-06-15" },
  // no whole month: within one month, and across two
  { from: "2023-06-10", to: "2023-06-20" },
  { from: "2023-06-20", to: "2023-07-10" },
];
export const INVARIANTS = fs
  .readdirSync(path.join(MODELS_DIR, "tests"))
  .filter((f) => f.endsWith(".sql"))
  .sort()
  .map((f) => ({ name: f, sql: fs.readFileSync(path.join(MODELS_DIR, "tests", f), "utf8") }));

/** The relation a model is read as: a view, or a table macro called for the period. */
export function relation(d: ModelDecl): string {
  switch (d.args) {
    case "period":
      return `${d.name}(CAST($from AS DATE), CAST($to AS DATE))`;
    case "date":
      return `${d.name}(CAST($to AS DATE))`;
    case "date, days":
      return `${d.name}(CAST($to AS DATE), 90)`;
    default:
      return d.name;
  }
}

/** Binds only the parameters the SQL uses. */
function params(sql: string, p: Period): Record<string, string> {
  const out: Record<string, string> = {};
  if (sql.includes("$from")) out.from = p.from;
  if (sql.includes("$to")) out.to = p.to;
  return out;
}

export async function rows(c: DuckDBConnection, sql: string, p: Period): Promise<Record<string, unknown>[]> {
  return queryRows(c, sql, params(sql, p));
}

const q = (s: string) => `"${s}"`;

/** The generic tests of one model for one period: each returns the offending rows. */
export function genericChecks(d: ModelDecl): { name: string; sql: string }[] {
  const rel = relation(d);
  const checks: { name: string; sql: string }[] = [];
  if (d.key.length > 0)
    checks.push({
      name: `unique (${d.key.join(", ")})`,
      sql: `SELECT ${d.key.map(q).join(", ")}, count(*) AS n FROM ${rel} GROUP BY ALL HAVING count(*) > 1`,
    });
  else if (d.keyDeclared === "(one row)")
    checks.push({ name: "one row", sql: `SELECT count(*) AS n FROM ${rel} HAVING count(*) <> 1` });
  for (const col of d.notNull)
    checks.push({ name: `not null ${col}`, sql: `SELECT * FROM ${rel} WHERE ${q(col)} IS NULL` });
  for (const [col, values] of Object.entries(d.accepted))
    checks.push({
      name: `accepted ${col}`,
      sql: `SELECT ${q(col)} FROM ${rel} WHERE ${q(col)} NOT IN (${values.map((v) => `'${v}'`).join(", ")})`,
    });
  for (const r of d.relationships)
    checks.push({
      name: `relationship ${r.column} -> ${r.table}.${r.targetColumn}`,
      sql: `SELECT m.${q(r.column)} FROM ${rel} m ANTI JOIN ${r.table} t ON t.${q(r.targetColumn)} = m.${q(r.column)}`,
    });
  return checks;
}

