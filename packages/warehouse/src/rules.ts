// Rules: the warehouse's SQL objects that say how rather than what is stored — the cleaning macros
// (anj_*) and views such as rejects_state — in sql/rules/NNN_*.sql, CREATE OR REPLACE statements
// only. Migrations (sql/NNN_*.sql) change stored data and run once; rules follow the code instead:
// the warehouse records the hash of the rules it holds (meta.rules_hash), and
//   - a writer whose rules differ re-applies them all and records the new hash: rows already stored
//     are not cleaned again, every later import uses the current rules;
//   - a reader (READ_ONLY, it must not change the file) whose stored rules differ creates the current
//     ones as TEMP macros and views of its own connections, which shadow the stored ones.
// The indicator models' hash covers this hash (packages/indicators models.ts), so stored indicator
// tables computed under older rules count as stale.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { SQL_DIR } from "./migrate.ts";

export const RULES_DIR = path.join(SQL_DIR, "rules");

export interface RuleFile {
  /** File name, e.g. 010_cleaning_macros.sql: the number orders them (later rules use earlier ones). */
  file: string;
  sql: string;
}

export function loadRuleFiles(dir: string = RULES_DIR): RuleFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((file) => ({ file, sql: fs.readFileSync(path.join(dir, file), "utf8") }));
}

let ownHash: string | undefined;

/** The hash of the given rule files; without them, of this code's (computed once per process). */
export function rulesHash(files?: RuleFile[]): string {
  if (!files) {
    ownHash ??= rulesHash(loadRuleFiles());
    return ownHash;
  }
  const h = crypto.createHash("sha256");
  for (const f of files) h.update(`${f.file}\0${f.sql}\0`);
  return h.digest("hex");
}

/** The rule SQL as TEMP objects of one connection (what a reader can create). */
export function temporaryRules(sql: string): string {
  return sql.replace(/^CREATE OR REPLACE (MACRO|VIEW)\b/gm, "CREATE OR REPLACE TEMP $1");
}

/**
 * The hash of the rules the warehouse holds: null when it records none (written before rules were
 * versioned), undefined when it has no meta table at all (not a warehouse this program wrote).
 */
export async function storedRulesHash(connection: DuckDBConnection): Promise<string | null | undefined> {
  const reader = await connection.runAndReadAll(
    `SELECT (SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'meta') AS has_meta`,
  );
  if (Number(reader.getRows()[0]![0]) === 0) return undefined;
  const value = await connection.runAndReadAll("SELECT value FROM meta WHERE key = 'rules_hash'");
  const row = value.getRows()[0];
  return row ? String(row[0]) : null;
}

export interface ApplyRulesOptions {
  /** TEMP objects of this connection (a reader); else stored, with the hash recorded (a writer). */
  temporary?: boolean;
  files?: RuleFile[];
}

/** Creates (or replaces) every rule, in order; returns their hash. Stored: in one transaction. */
export async function applyRules(connection: DuckDBConnection, options: ApplyRulesOptions = {}): Promise<string> {
  const files = options.files ?? loadRuleFiles();
  const hash = options.files ? rulesHash(files) : rulesHash();
  if (options.temporary) {
    for (const f of files) await runRuleFile(connection, f, temporaryRules(f.sql));
    return hash;
  }
  await connection.run("BEGIN TRANSACTION");
  try {
    for (const f of files) await runRuleFile(connection, f, f.sql);
    await connection.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('rules_hash', $hash)", { hash });
    await connection.run("COMMIT");
  } catch (e) {
    await connection.run("ROLLBACK");
    throw e;
  }
  return hash;
}

async function runRuleFile(connection: DuckDBConnection, f: RuleFile, sql: string): Promise<void> {
  try {
    await connection.run(sql);
  } catch (e) {
    throw new Error(`rule ${f.file} failed: ${(e as Error).message}`, { cause: e });
  }
}
