// The indicator models: .sql files under models/ (staging → intermediate → marts), applied in
// file-name order (the numeric prefix is the dependency order), each object declaring its grain and
// key in the comment lines above it.
//
// Stored and temporary. The import (a writer) stores the models after each run that changed data
// (`applyModels(c)`): views and macros, and the models declared `materialized: table` computed as
// tables (identity lookups, day-grain slices, visits), so that figures for any period read small
// tables. It records the models' hash and the data version they were computed from in meta.
// Readers open the warehouse READ_ONLY (reading must never change it) and call `useModels(c)`: when
// the stored copy is current (same code, same data) they read it as it is; otherwise (a warehouse
// written by older code, or an import whose refresh did not finish) they apply the same models as
// temporary objects of their own connection, computed on the spot. Views and macros cannot be
// created in a read-only database, but TEMP views, TEMP macros and TEMP tables can, and they shadow
// stored objects of the same name (verified with DuckDB 1.5.6 through @duckdb/node-api). Either
// way the rules used are the ones of the code being run, never a stale copy.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { rulesHash } from "@anjian/warehouse";

export const MODELS_DIR = path.join(import.meta.dirname, "..", "models");
/** Folders holding models, in layer order; the numeric file prefix orders them globally. */
export const MODEL_LAYERS = ["staging", "intermediate", "marts"] as const;

export interface ModelFile {
  /** Path relative to the models folder, e.g. staging/010_stg_cases.sql */
  file: string;
  sql: string;
}

export type ModelArgs = "none" | "period" | "date" | "date, days";

export interface ModelDecl {
  name: string;
  file: string;
  object: "view" | "macro" | "scalar";
  grain: string;
  /** The key as declared: column names, or a note in brackets such as "(one row)". */
  keyDeclared: string;
  /** Columns whose combination is unique; empty for one-row results and scalar macros. */
  key: string[];
  notNull: string[];
  accepted: Record<string, string[]>;
  relationships: { column: string; table: string; targetColumn: string }[];
  args: ModelArgs;
  /** "table": stored as a table (refreshed by the import), or a temporary table of a reader. */
  materialized: string | null;
}

export function loadModelFiles(dir: string = MODELS_DIR): ModelFile[] {
  const files: ModelFile[] = [];
  for (const layer of MODEL_LAYERS) {
    const folder = path.join(dir, layer);
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder)) {
      if (!/^\d{3}_.+\.sql$/.test(name)) continue;
      files.push({ file: `${layer}/${name}`, sql: fs.readFileSync(path.join(folder, name), "utf8") });
    }
  }
  return files.sort((a, b) => path.basename(a.file).localeCompare(path.basename(b.file)));
}

let ownHash: string | undefined;

/**
 * The hash of the given model files and of the warehouse's rules they use (the cleaning macros:
 * @anjian/warehouse rules.ts); without files, of this code's (computed once per process). A changed
 * macro makes the stored indicator tables stale, as a changed model does.
 */
export function modelsHash(files?: ModelFile[], rules?: string): string {
  if (!files && rules === undefined) {
    ownHash ??= modelsHash(loadModelFiles(), rulesHash());
    return ownHash;
  }
  const h = crypto.createHash("sha256");
  h.update(`rules\0${rules ?? rulesHash()}\0`);
  for (const f of files ?? loadModelFiles()) h.update(`${f.file}\0${f.sql}\0`);
  return h.digest("hex");
}

const CREATE = /^CREATE OR REPLACE (VIEW|MACRO) (\w+)\s*(\([^)]*\))?\s*AS\s*(TABLE)?/;

/** The declarations of every view and macro, read from the comment lines above each CREATE. */
export function parseModels(files: ModelFile[] = loadModelFiles()): ModelDecl[] {
  const decls: ModelDecl[] = [];
  for (const f of files) {
    const lines = f.sql.split("\n");
    let meta: Record<string, string[]> = {};
    for (const line of lines) {
      const tag = /^--\s*(model|grain|key|not_null|accepted|relationship|args|materialized):\s*(.*)$/.exec(line);
      if (tag) {
        const name = tag[1]!;
        meta[name] = [...(meta[name] ?? []), tag[2]!.trim()];
        continue;
      }
      if (/^--/.test(line)) {
        // A continuation of the grain text ("--   …") belongs to it.
        const cont = /^--\s{2,}(\S.*)$/.exec(line);
        if (cont && meta.grain && !meta.key) meta.grain[meta.grain.length - 1] += ` ${cont[1]}`;
        continue;
      }
      const create = CREATE.exec(line);
      if (!create) continue;
      const name = create[2]!;
      if (meta.model?.[0] !== name)
        throw new Error(`${f.file}: ${name} has no declaration block (-- model: ${name}, -- grain:, -- key:)`);
      const keyText = meta.key?.[0] ?? "";
      decls.push({
        name,
        file: f.file,
        object: create[1] === "VIEW" ? "view" : create[4] ? "macro" : "scalar",
        grain: meta.grain?.[0] ?? "",
        keyDeclared: keyText,
        key: /^\(.*\)$/.test(keyText) || keyText === "" ? [] : keyText.split(",").map((s) => s.trim()),
        notNull: (meta.not_null ?? []).flatMap((s) => s.split(",").map((x) => x.trim())).filter(Boolean),
        accepted: Object.fromEntries(
          (meta.accepted ?? []).map((s) => {
            const [col, values] = s.split("=").map((x) => x.trim());
            return [col!, values!.split("|").map((v) => v.trim())];
          }),
        ),
        relationships: (meta.relationship ?? []).map((s) => {
          const m = /^(\w+)\s*->\s*(\w+)\.(\w+)$/.exec(s);
          if (!m) throw new Error(`${f.file}: ${name}: bad relationship “${s}” (column -> table.column)`);
          return { column: m[1]!, table: m[2]!, targetColumn: m[3]! };
        }),
        args: (meta.args?.[0] as ModelArgs | undefined) ?? "none",
        materialized: meta.materialized?.[0] ?? null,
      });
      meta = {};
    }
  }
  return decls;
}

/** The models declared `materialized: table`: stored as tables, not views. */
function materializedNames(files: ModelFile[]): Set<string> {
  return new Set(
    parseModels(files)
      .filter((d) => d.materialized === "table")
      .map((d) => d.name),
  );
}

/**
 * The model SQL as temporary objects: CREATE OR REPLACE TEMP VIEW / TEMP MACRO, and TEMP TABLE for
 * the views declared `materialized: table` (on a read-only connection the data cannot change under
 * them, so computing them once per connection is safe).
 */
export function asTemporary(sql: string, materialize: ReadonlySet<string> = new Set()): string {
  return sql
    .replace(/^CREATE OR REPLACE VIEW (\w+)\b/gm, (_m, name: string) =>
      materialize.has(name) ? `CREATE OR REPLACE TEMP TABLE ${name}` : `CREATE OR REPLACE TEMP VIEW ${name}`,
    )
    .replace(/^CREATE OR REPLACE MACRO\b/gm, "CREATE OR REPLACE TEMP MACRO");
}

/** The model SQL as stored objects: the views declared `materialized: table` become tables. */
export function asStored(sql: string, materialize: ReadonlySet<string>): string {
  return sql.replace(/^CREATE OR REPLACE VIEW (\w+)\b/gm, (m, name: string) =>
    materialize.has(name) ? `CREATE OR REPLACE TABLE ${name}` : m,
  );
}

export interface ApplyOptions {
  /** Create the models as temporary objects of this connection (works on a read-only warehouse). */
  temporary?: boolean;
  dir?: string;
}

/**
 * What the stored models were computed from: the files imported so far. Every import that changes
 * anything records an imported file (the import is the warehouse's only writer), so a changed
 * version means stale tables. The files table is small: readers check this before every use.
 */
export async function dataVersion(connection: DuckDBConnection): Promise<string> {
  const reader = await connection.runAndReadAll(`SELECT ${DATA_VERSION_SQL}`);
  return String(reader.getRows()[0]![0]);
}

const DATA_VERSION_SQL =
  "(SELECT count(*) || '|' || coalesce(CAST(max(imported_at) AS VARCHAR), '') FROM files WHERE status = 'imported')";

/**
 * Creates (or replaces) every model, in order. Idempotent.
 *
 * Stored (the default, for a writer such as the import): in one transaction; the materialised models
 * are (re)computed as tables, and the models' hash and the data version they were computed from are
 * recorded in meta, so that readers can tell whether the stored copy is current (`modelsUpToDate`).
 * Temporary: see the header of this file.
 */
export async function applyModels(connection: DuckDBConnection, options: ApplyOptions = {}): Promise<string> {
  const files = loadModelFiles(options.dir);
  const hash = modelsHash(files);
  const materialize = materializedNames(files);
  if (options.temporary) {
    for (const f of files) await runModelFile(connection, f, asTemporary(f.sql, materialize));
    return hash;
  }
  // The day tables are written in day order (ORDER BY in their model) so that reading a few days skips
  // the rest; a writer connection may have turned insertion order off for speed.
  const order = await connection.runAndReadAll("SELECT current_setting('preserve_insertion_order')");
  const preserve = String(order.getRows()[0]![0]);
  await connection.run("SET preserve_insertion_order = true");
  await connection.run("BEGIN TRANSACTION");
  try {
    await dropChangedObjects(connection, parseModels(files), materialize);
    for (const f of files) await runModelFile(connection, f, asStored(f.sql, materialize));
    const version = await dataVersion(connection);
    await connection.run(
      "INSERT OR REPLACE INTO meta (key, value) VALUES ('models_hash', $hash), ('models_data_version', $version)",
      { hash, version },
    );
    await connection.run("COMMIT");
  } catch (e) {
    await connection.run("ROLLBACK");
    throw e;
  } finally {
    await connection.run(`SET preserve_insertion_order = ${preserve === "true"}`);
  }
  return hash;
}

/** A model that changed between view and table since it was stored cannot be replaced in place. */
async function dropChangedObjects(connection: DuckDBConnection, decls: ModelDecl[], materialize: ReadonlySet<string>) {
  const reader = await connection.runAndReadAll(
    "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()",
  );
  const stored = new Map(reader.getRows().map((r) => [String(r[0]), String(r[1])]));
  for (const d of decls) {
    if (d.object !== "view") continue;
    const type = stored.get(d.name);
    if (type === "VIEW" && materialize.has(d.name)) await connection.run(`DROP VIEW ${d.name}`);
    if (type === "BASE TABLE" && !materialize.has(d.name)) await connection.run(`DROP TABLE ${d.name}`);
  }
}

async function runModelFile(connection: DuckDBConnection, f: ModelFile, sql: string): Promise<void> {
  try {
    await connection.run(sql);
  } catch (e) {
    throw new Error(`model ${f.file} failed: ${(e as Error).message}`);
  }
}

/** True when the models stored in the warehouse are the ones of this code, computed from its current data. */
export async function modelsUpToDate(connection: DuckDBConnection): Promise<boolean> {
  // One query: readers run this before every use.
  const reader = await connection.runAndReadAll(
    `SELECT (SELECT value FROM meta WHERE key = 'models_hash'), (SELECT value FROM meta WHERE key = 'models_data_version'),
            ${DATA_VERSION_SQL}`,
  );
  const [hash, stored, current] = reader.getRows()[0]!.map((v) => (v === null ? null : String(v)));
  return hash === modelsHash() && stored !== null && stored === current;
}

/**
 * For readers: the stored models when they are current (the import refreshes them), else the same
 * models as temporary objects of this connection, computed now. Returns which.
 */
export async function useModels(connection: DuckDBConnection): Promise<"stored" | "temporary"> {
  if (await modelsUpToDate(connection)) return "stored";
  await applyModels(connection, { temporary: true });
  return "temporary";
}
