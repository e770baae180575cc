// Schema migrations: sql/NNN_name.sql applied once each, in order, recorded in schema_migrations.
import fs from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";

export const SQL_DIR = path.join(import.meta.dirname, "..", "sql");

export async function migrate(connection: DuckDBConnection, dir: string = SQL_DIR): Promise<string[]> {
  await connection.run(
    "CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)",
  );
  const done = new Set(
    (await connection.runAndReadAll("SELECT name FROM schema_migrations")).getRows().map((r) => String(r[0])),
  );
  const applied: string[] = [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort();
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = fs.readFileSync(path.join(dir, file), "utf8");
    await connection.run("BEGIN TRANSACTION");
    try {
      await connection.run(sql);
      await connection.run("INSERT INTO schema_migrations (name) VALUES ($name)", { name: file });
      await connection.run("COMMIT");
    } catch (e) {
      await connection.run("ROLLBACK");
      throw new Error(`migration ${file} failed: ${(e as Error).message}`);
    }
    applied.push(file);
  }
  return applied;
}
