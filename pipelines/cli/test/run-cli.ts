// Runs the anjian command as a user does: a child process through the package's bin. An env value
// of undefined removes that variable for the child.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const BIN = path.resolve(import.meta.dirname, "../bin/anjian.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runAnjian(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The key the CLI tests import with (a warehouse written with one key refuses another). */
export const TEST_KEY = "cli-test-key-0123456789abcdef0123";

/** runAnjian with the tests' key set (a test can still override or remove ANJIAN_KEY). */
export function anjian(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliRun {
  return runAnjian(args, { cwd: opts.cwd, env: { ANJIAN_KEY: TEST_KEY, ...opts.env } });
}

/** The header of a minimal cases export. */
export const CASES_HEADER = "案件编号,当事人名称,所属镇街,执法主体,程序类型,立案日期,处罚决定日期,罚款金额（元）";

/** A temp folder with exports/a.csv (the header, then `rows`) and a warehouse path beside it. */
export function casesExport(rows: string, warehouseName = "anjian.duckdb") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-cli-"));
  const exports = path.join(dir, "exports");
  fs.mkdirSync(exports);
  fs.writeFileSync(path.join(exports, "a.csv"), `${CASES_HEADER}\n${rows}`);
  return { dir, exports, warehouse: path.join(dir, "wh", warehouseName) };
}
