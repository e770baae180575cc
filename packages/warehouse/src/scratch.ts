// Scratch folders in the system temp folder: the import's staging chunks (ID numbers in clear)
// and DuckDB's spill files. Only the owner may read them (0700), they go at exit, also on Ctrl-C
// or SIGTERM, and each run removes those that killed runs (kill -9, power cut) left behind: only
// anjian's own folders (by name), only the current user's, only when their process is gone.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** anjian-stage-<pid>-<random> and anjian-duckdb-<pid>: the pid tells whether the owner still runs. */
const SCRATCH_NAME = /^anjian-(?:stage|duckdb)-(\d+)(?:-[A-Za-z0-9]+)?$/;

const live = new Set<string>();
let hooked = false;

function removeLive(): void {
  for (const dir of live) fs.rmSync(dir, { recursive: true, force: true });
  live.clear();
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.once("exit", removeLive);
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    process.once(signal, () => {
      removeLive();
      // A program with its own handler (the dashboard build forwards the signal to Framework, then
      // exits) ends itself; otherwise end as the signal would have.
      if (process.listenerCount(signal) === 0) process.exit(code);
    });
  }
}

/** Whether process `pid` still exists (EPERM: it does, under another user). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes scratch folders of anjian runs that no longer exist; returns what it removed. */
export function removeStaleScratch(root: string = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return removed;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const m = SCRATCH_NAME.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    const dir = path.join(root, name);
    try {
      const stat = fs.lstatSync(dir);
      if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // another run removed it first, or it is not ours to remove
    }
  }
  return removed;
}

/**
 * A new private scratch folder (0700) of this process, removed at exit and on SIGINT/SIGTERM.
 * `fixed`: the folder's exact name (DuckDB's spill folder is named before DuckDB starts).
 */
export function scratchDir(kind: "stage" | "duckdb", fixed = false): string {
  hook();
  const root = os.tmpdir();
  const dir = fixed
    ? path.join(root, `anjian-${kind}-${process.pid}`)
    : fs.mkdtempSync(path.join(root, `anjian-${kind}-${process.pid}-`));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  live.add(dir);
  return dir;
}

/** Removes a scratch folder now (and forgets it). */
export function removeScratch(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}
