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
