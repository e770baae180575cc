// The key of the personal-data hash: ANJIAN_KEY, or the file named by ANJIAN_KEY_FILE, or a key
// file beside the warehouse created on first use (data/warehouse/ is ignored by git). The
// warehouse remembers a fingerprint, so a changed key is caught before it splits people in two.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { KeySource } from "@anjian/config";
import type { DuckDBConnection } from "@duckdb/node-api";
import { UserError } from "@anjian/errors";
import { queryRows } from "@anjian/warehouse";

/** The key from where the app's context says (ANJIAN_KEY, ANJIAN_KEY_FILE, else anjian.key beside the warehouse). */
export function resolveHashKey(source: KeySource, warehousePath: string): string {
  if (source.key) {
    if (source.key.length < 16) throw new UserError("环境变量 ANJIAN_KEY 太短：请使用至少 16 个字符的随机字符串。");
    return source.key;
  }
  const file = source.file ?? path.join(path.dirname(warehousePath), "anjian.key");
  if (fs.existsSync(file)) {
    const key = fs.readFileSync(file, "utf8").trim();
    if (key.length < 16) throw new UserError(`密钥文件 ${file} 内容无效（少于 16 个字符）。`, { file });
    return key;
  }
  if (source.file) throw new UserError(`找不到 ANJIAN_KEY_FILE 指定的密钥文件 ${file}。`, { file });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = crypto.randomBytes(32).toString("hex");
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
  return key;
}

function fingerprint(key: string): string {
  return crypto.createHash("sha256").update(`anjian-key-fingerprint:${key}`).digest("hex").slice(0, 16);
}

/** Records the key's fingerprint on first use; refuses a different key afterwards. */
export async function checkHashKey(connection: DuckDBConnection, key: string): Promise<void> {
  const mine = fingerprint(key);
  const [row] = await queryRows<{ value: string }>(connection, "SELECT value FROM meta WHERE key = 'hash_key_fingerprint'");
  if (!row) {
    await connection.run("INSERT INTO meta VALUES ('hash_key_fingerprint', $v)", { v: mine });
    return;
  }
  if (row.value !== mine)
    throw new UserError(
      "个人信息脱敏密钥与数据仓库中已有数据所用的密钥不一致（ANJIAN_KEY / ANJIAN_KEY_FILE / 数据仓库旁的 anjian.key 被更换过）。" +
        "请换回原密钥；若确需更换，请新建数据仓库后重新导入全部文件。",
    );
}
