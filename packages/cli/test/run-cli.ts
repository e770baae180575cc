// Runs the anjian command as a user does: a child process through the package's bin. An env value
// of undefined removes that variable for the child.
import { spawnSync } from "node:child_process";
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
