// Opening the warehouse: one DuckDB file, one writer at a time (DuckDB's own file lock),
// migrations applied on open, and the rules (cleaning macros, views) of this code in effect
// (rules.ts). The connection is handed to callers; nothing else is global.
import fs from "node:fs";
import path from "node:path";
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import { UserError, WarehouseLockedError } from "@anjian/errors";
import { kindShadowStatements, syncKindTables } from "./kind-tables.ts";
import { migrate } from "./migrate.ts";
import { applyRules, rulesHash, storedRulesHash } from "./rules.ts";
import { removeStaleScratch, scratchDir } from "./scratch.ts";

export interface Warehouse {
  path: string;
  connection: DuckDBConnection;
  readOnly: boolean;
  /**
   * A further connection to the same database, set up like the first: independent queries can run
   * on several at once (DuckDB plans each query on one thread). Closed with the warehouse.
   */
  connect(): Promise<DuckDBConnection>;
  close(): void;
}

export interface OpenOptions {
  readOnly?: boolean;
  /** DuckDB's memory limit (the user's ANJIAN_MEMORY_LIMIT); 512MB when not given. */
  memoryLimit?: string | null;
}

export async function openWarehouse(file: string, options: OpenOptions = {}): Promise<Warehouse> {
  const readOnly = options.readOnly ?? false;
  removeStaleScratch();
  if (readOnly && !fs.existsSync(file))
    throw new UserError(`数据仓库 ${file} 不存在。请先用 anjian ingest 导入数据。`, { file });
  if (!readOnly) fs.mkdirSync(path.dirname(file), { recursive: true });
  let instance: DuckDBInstance;
  // A bounded memory budget, spilling to the system's temp folder (never beside the warehouse):
  // an import's memory stays flat however large the file.
  const config: Record<string, string> = {
    memory_limit: options.memoryLimit || "512MB",
    // private (0700), removed at exit; leftovers of killed runs are removed first
    temp_directory: scratchDir("duckdb", true),
  };
  if (readOnly) config.access_mode = "READ_ONLY";
  // Imports: staged rows carry their own row numbers, so keeping scan order would only cost
  // memory and parallelism. Readers keep it (some outputs list rows in the order they are read).
  else config.preserve_insertion_order = "false";
  try {
    instance = await DuckDBInstance.create(file, config);
  } catch (e) {
    const message = (e as Error).message;
    if (/Could not set lock|Conflicting lock/i.test(message)) {
      const pid = /PID (\d+)/.exec(message)?.[1] ?? null;
      throw new WarehouseLockedError(file, pid);
    }
    // DuckDB's own text is English: the Chinese reason only (the original is the cause, which the
    // command shows with ANJIAN_DEBUG=1).
    const why = { file, cause: e };
    if (/not a valid DuckDB database|file is not a duckdb|Corrupt|invalid/i.test(message))
      throw new UserError(`${file} 不是有效的数据仓库文件。请检查 --warehouse 参数。`, why);
    if (/Permission denied/i.test(message))
      throw new UserError(`没有读写数据仓库 ${file} 的权限。请检查该文件及其文件夹的权限。`, why);
    if (/No space left/i.test(message)) throw new UserError(`磁盘空间不足，无法打开数据仓库 ${file}。请清理磁盘后重试。`, why);
    throw new UserError(`无法打开数据仓库 ${file}。请检查路径和权限；设置环境变量 ANJIAN_DEBUG=1 可查看详情。`, why);
  }
  const connections: DuckDBConnection[] = [];
  // A reader of a warehouse whose stored rules are not this code's: the current ones as TEMP objects
  // of each of its connections (see rules.ts).
  let rulesOfThisCode = false;
  // Worked out on the first connection: the file cannot change under a reader.
  let shadow: string[] | undefined;
  const connect = async () => {
    const c = await instance.connect();
    connections.push(c);
    // Times in the warehouse are local (China Standard Time), like the platform's exports.
    await c.run("SET TimeZone = 'Asia/Shanghai'");
    if (readOnly) {
      // Kind tables that this code declares but the file lacks (written by older code): see kind-tables.ts.
      shadow ??= await kindShadowStatements(c);
      for (const statement of shadow) await c.run(statement);
      if (rulesOfThisCode) await applyRules(c, { temporary: true });
    }
    return c;
  };
  let connection: DuckDBConnection;
  try {
    connection = await connect();
    if (!readOnly) {
      await migrate(connection);
      if ((await storedRulesHash(connection)) !== rulesHash()) await applyRules(connection);
      await inTransaction(connection, () => syncKindTables(connection));
    } else {
      // (No meta table: not a warehouse this program wrote; its readers say so when they query it.)
      const stored = await storedRulesHash(connection);
      if (stored !== undefined && stored !== rulesHash()) {
        rulesOfThisCode = true;
        await applyRules(connection, { temporary: true }).catch((e) => {
          throw new UserError(
            `数据仓库 ${file} 的结构与本程序不符。请先用 anjian ingest 导入数据（导入时会自动升级数据仓库），再重试。`,
            { file, cause: e },
          );
        });
      }
    }
  } catch (e) {
    for (const c of connections) c.closeSync();
    instance.closeSync();
    throw e;
  }
  return {
    path: file,
    connection,
    readOnly,
    connect,
    close() {
      for (const c of connections) c.closeSync();
      instance.closeSync();
    },
  };
}

/** Rows as plain JS objects (BIGINT as number where safe, DECIMAL as number, dates as ISO text). */
export async function queryRows<T = Record<string, unknown>>(
  connection: DuckDBConnection,
  sql: string,
  values?: Record<string, DuckDBValue> | DuckDBValue[],
): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, values);
  return reader.getRowObjectsJson() as T[];
}

/** Runs `work` in one transaction: all of it lands, or none of it. */
export async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run("BEGIN TRANSACTION");
  try {
    const result = await work();
    await connection.run("COMMIT");
    return result;
  } catch (e) {
    await connection.run("ROLLBACK");
    throw e;
  }
}
