// The indicator models: .sql files under models/ (staging → intermediate → marts), applied in
// file-name order (the numeric prefix is the dependency order), each object declaring its grain and
// key in the comment lines above it.
//
// Read-only warehouses. The figures are computed on a READ_ONLY DuckDB connection (an import may be
// running, and reading must never change the warehouse). Views and macros cannot be created in a
// read-only database, but TEMP views, TEMP macros and TEMP tables can: they live in the connection's
// temporary catalog. Verified with DuckDB 1.5.6 (@duckdb/node-api): on an instance opened with
// access_mode READ_ONLY, `CREATE OR REPLACE TEMP VIEW`, `CREATE OR REPLACE TEMP MACRO … AS TABLE`
// and table macros called with bound parameters all work, and a temp view shadows a persistent view
// of the same name. So readers apply the models as temporary objects on their own connection
// (`applyModels(c, { temporary: true })`; the identity lookups declared `materialized: table when
// temporary` are computed once, as temporary tables), which also guarantees that the rules
// used are the ones of the code being run, never a stale copy stored in the file. A read-write opener
// may store them persistently (`applyModels(c)`); it then records their hash in meta 'models_hash'
// so that `modelsUpToDate()` can tell whether the stored copy matches.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";

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
  /** "table when temporary": materialised as a temporary table when applied as temporary objects. */
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

export function modelsHash(files: ModelFile[] = loadModelFiles()): string {
  const h = crypto.createHash("sha256");
  for (const f of files) h.update(`${f.file}\0${f.sql}\0`);
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

/**
 * The model SQL as temporary objects: CREATE OR REPLACE TEMP VIEW / TEMP MACRO, and TEMP TABLE for
 * the views declared `materialized: table when temporary` (lookups that every figure needs: on a
 * read-only connection the data cannot change under them, so computing them once is safe).
 */
export function asTemporary(sql: string, materialize: ReadonlySet<string> = new Set()): string {
  return sql
    .replace(/^CREATE OR REPLACE VIEW (\w+)\b/gm, (_m, name: string) =>
      materialize.has(name) ? `CREATE OR REPLACE TEMP TABLE ${name}` : `CREATE OR REPLACE TEMP VIEW ${name}`,
    )
    .replace(/^CREATE OR REPLACE MACRO\b/gm, "CREATE OR REPLACE TEMP MACRO");
}

export interface ApplyOptions {
  /** Create the models as temporary objects of this connection (works on a read-only warehouse). */
  temporary?: boolean;
  dir?: string;
}

/**
 * Creates (or replaces) every model, in order. Idempotent. Persistent models are created in one
 * transaction and their hash recorded in meta 'models_hash'.
 */
export async function applyModels(connection: DuckDBConnection, options: ApplyOptions = {}): Promise<string> {
  const files = loadModelFiles(options.dir);
  const hash = modelsHash(files);
  if (options.temporary) {
    const materialize = new Set(
      parseModels(files)
        .filter((d) => d.materialized === "table when temporary")
        .map((d) => d.name),
    );
    for (const f of files) await runModelFile(connection, f, asTemporary(f.sql, materialize));
    return hash;
  }
  await connection.run("BEGIN TRANSACTION");
  try {
    for (const f of files) await runModelFile(connection, f, f.sql);
    await connection.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('models_hash', $hash)", { hash });
    await connection.run("COMMIT");
  } catch (e) {
    await connection.run("ROLLBACK");
    throw e;
  }
  return hash;
}

async function runModelFile(connection: DuckDBConnection, f: ModelFile, sql: string): Promise<void> {
  try {
    await connection.run(sql);
  } catch (e) {
    throw new Error(`model ${f.file} failed: ${(e as Error).message}`);
  }
}

/** True when the persistent models stored in the warehouse are the ones of this code. */
export async function modelsUpToDate(connection: DuckDBConnection): Promise<boolean> {
  const reader = await connection.runAndReadAll("SELECT value FROM meta WHERE key = 'models_hash'");
  const row = reader.getRows()[0];
  return row !== undefined && row[0] === modelsHash();
}
