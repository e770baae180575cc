// Rules (sql/rules/: cleaning macros, views) follow the code, unlike migrations: a warehouse written
// under older rules is brought to this code's rules by the next writer, and read with them by any
// reader meanwhile, without the reader changing the file. Stored rows are not cleaned again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { applyRules, loadRuleFiles, RULES_DIR, rulesHash, storedRulesHash } from "../src/rules.ts";
import { sqlStatements } from "../src/sql.ts";
import { openWarehouse, queryRows, type Warehouse } from "../src/warehouse.ts";

const newFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "anjian-rules-")), "w.duckdb");

/** anj_clean as the first version of the cleaning macros defined it: before `anjian rejects` quoted formulas. */
const OLDER_CLEAN = `CREATE OR REPLACE MACRO anj_clean(s) AS CASE
  WHEN regexp_full_match(s, '[\\s　 ]*(-|—|——|－|/|／|无|空|"")?[\\s　 ]*') THEN NULL
  WHEN regexp_matches(s, '^[\\s　 ]|[\\s　 ]$') THEN anj_trim(s)
  ELSE s
END`;

const cleaned = async (w: Warehouse, connection = w.connection) =>
  (await queryRows<{ v: string }>(connection, "SELECT anj_clean($s) AS v", { s: "'=1+1" }))[0]!.v;
const meta = async (w: Warehouse) =>
  (await queryRows<{ value: string }>(w.connection, "SELECT value FROM meta WHERE key = 'rules_hash'"))[0]?.value ?? null;

/** A warehouse as older code left it: an older anj_clean, its hash recorded, a row it cleaned. */
async function olderWarehouse(): Promise<string> {
  const file = newFile();
  const w = await openWarehouse(file);
  await w.connection.run(OLDER_CLEAN);
  await w.connection.run("UPDATE meta SET value = 'rules-of-an-older-version' WHERE key = 'rules_hash'");
  await w.connection.run("CREATE TABLE stored_cells AS SELECT anj_clean('''=1+1') AS v");
  w.close();
  return file;
}

describe("rules versioned with the code", () => {
  it("a new warehouse holds this code's rules and records their hash", async () => {
    const w = await openWarehouse(newFile());
    try {
      expect(await meta(w)).toBe(rulesHash());
      expect(await cleaned(w)).toBe("=1+1");
      expect(await queryRows(w.connection, "SELECT count(*)::INTEGER AS n FROM rejects_state")).toEqual([{ n: 0 }]);
    } finally {
      w.close();
    }
  });

  it("an older warehouse: readers use this code's rules without changing the file; the next writer stores them", async () => {
    const file = await olderWarehouse();
    const before = fs.statSync(file);

    const reader = await openWarehouse(file, { readOnly: true });
    try {
      expect(await cleaned(reader)).toBe("=1+1");
      expect(await cleaned(reader, await reader.connect())).toBe("=1+1"); // every connection of the reader
      expect(await meta(reader)).toBe("rules-of-an-older-version");
      expect(await queryRows(reader.connection, "SELECT count(*)::INTEGER AS n FROM rejects_state WHERE is_open")).toEqual([{ n: 0 }]);
    } finally {
      reader.close();
    }
    const after = fs.statSync(file);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);

    const writer = await openWarehouse(file);
    try {
      expect(await cleaned(writer)).toBe("=1+1");
      expect(await meta(writer)).toBe(rulesHash());
      // What older rules stored stays as it was: an upgrade cleans nothing again.
      expect(await queryRows(writer.connection, "SELECT v FROM stored_cells")).toEqual([{ v: "'=1+1" }]);
    } finally {
      writer.close();
    }
    const reread = await openWarehouse(file, { readOnly: true });
    try {
      expect(await storedRulesHash(reread.connection)).toBe(rulesHash());
      expect(await cleaned(reread)).toBe("=1+1");
    } finally {
      reread.close();
    }
  });

  it("rules are applied by hash, not on every open", async () => {
    const file = newFile();
    (await openWarehouse(file)).close();
    const w = await openWarehouse(file);
    // Same hash: the stored objects are left alone (this redefinition survives the next open).
    await w.connection.run("CREATE OR REPLACE MACRO anj_code_lost(s) AS 'kept'");
    w.close();
    const again = await openWarehouse(file);
    try {
      expect(await queryRows(again.connection, "SELECT anj_code_lost('1') AS v")).toEqual([{ v: "kept" }]);
    } finally {
      again.close();
    }
  });

  it("a DuckDB file this program did not write still opens read-only (its readers say what is missing)", async () => {
    const file = newFile();
    const instance = await DuckDBInstance.create(file);
    const c = await instance.connect();
    await c.run("CREATE TABLE other (x INTEGER)");
    c.closeSync();
    instance.closeSync();
    const reader = await openWarehouse(file, { readOnly: true });
    try {
      expect(await storedRulesHash(reader.connection)).toBeUndefined();
    } finally {
      reader.close();
    }
  });

  it("a reader that cannot use this code's rules on an older warehouse says what to do, in Chinese", async () => {
    const file = await olderWarehouse();
    const w = await openWarehouse(file);
    await w.connection.run("UPDATE meta SET value = 'rules-of-an-older-version' WHERE key = 'rules_hash'");
    await w.connection.run("DROP VIEW rejects_state; DROP TABLE rejects"); // older than the table its view reads
    w.close();
    await expect(openWarehouse(file, { readOnly: true })).rejects.toMatchObject({
      name: "UserError",
      exitCode: 1,
      message: `数据仓库 ${file} 的结构与本程序不符。请先用 anjian ingest 导入数据（导入时会自动升级数据仓库），再重试。`,
    });
  });

  it("the rules folder holds only CREATE OR REPLACE of macros and views (what can be re-applied), and the hash follows the text", async () => {
    const files = loadRuleFiles();
    expect(files.map((f) => f.file)).toEqual(fs.readdirSync(RULES_DIR).filter((f) => f.endsWith(".sql")).sort());
    for (const f of files)
      for (const statement of sqlStatements(f.sql))
        expect(statement.replace(/^--.*$/gm, "").trim(), f.file).toMatch(/^CREATE OR REPLACE (MACRO|VIEW) \w+/);
    const edited = files.map((f, i) => (i === 0 ? { ...f, sql: `${f.sql}\n-- edited` } : f));
    expect(rulesHash(edited)).not.toBe(rulesHash());
    expect(rulesHash(files)).toBe(rulesHash());
  });

  it("TEMP rules on a connection shadow the stored ones there only", async () => {
    const file = await olderWarehouse();
    const instance = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
    const one = await instance.connect();
    const two = await instance.connect();
    try {
      await applyRules(one, { temporary: true });
      const v = async (c: typeof one) => (await c.runAndReadAll("SELECT anj_clean('''=1+1')")).getRows()[0]![0];
      expect([await v(one), await v(two)]).toEqual(["=1+1", "'=1+1"]);
    } finally {
      one.closeSync();
      two.closeSync();
      instance.closeSync();
    }
  });
});
