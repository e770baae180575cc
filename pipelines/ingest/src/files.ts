// Walking the paths an analyst gives: folders recursively in sorted order; hashing files.
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { UserError } from "@anjian/errors";

const WAREHOUSE_FILES = /\.(duckdb|duckdb\.wal|key)$/i;

/** A file to import, or an entry of a folder refused on its own (with the reason, in Chinese). */
export interface PathEntry {
  path: string;
  refused: string | null;
}

/**
 * The files under the given paths: folders recursively in name order. Inside a folder, symbolic
 * links are followed only to files in the same folder tree (never out of it, never to a folder, so
 * never in a loop); a loop, a dangling link or anything that is no regular file is refused alone
 * and the rest imports. A path given explicitly is read as it is.
 */
export function expandPaths(inputs: string[]): PathEntry[] {
  const out: PathEntry[] = [];
  const seen = new Set<string>();
  const refuse = (p: string, reason: string) => out.push({ path: p, refused: reason });
  const add = (p: string, real: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    out.push({ path: p, refused: null });
  };
  const walk = (dir: string, root: string) => {
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } catch (e) {
      refuse(dir, `无法读取该文件夹（${fsReason(e)}），其中的文件未导入。`);
      return;
    }
    for (const name of names) {
      // Hidden files, Office lock files, and the warehouse's own files when it sits in the folder.
      if (name.startsWith(".") || name.startsWith("~$") || WAREHOUSE_FILES.test(name)) continue;
      const p = path.join(dir, name);
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(p);
      } catch (e) {
        refuse(p, `无法读取（${fsReason(e)}）。`);
        continue;
      }
      if (stat.isSymbolicLink()) {
        let real: string;
        try {
          real = fs.realpathSync(p);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          refuse(
            p,
            code === "ELOOP"
              ? "这是一个循环的符号链接（快捷方式），未读取。请删去它。"
              : code === "ENOENT"
                ? "这是一个符号链接（快捷方式），但它指向的文件不存在，未读取。"
                : `这是一个无法解析的符号链接（${fsReason(e)}），未读取。`,
          );
          continue;
        }
        if (real !== root && !real.startsWith(root + path.sep)) {
          refuse(p, "这是一个指向导入文件夹之外的符号链接（快捷方式），出于安全未读取。如需导入，请直接给出该文件的路径。");
          continue;
        }
        const target = fs.statSync(real);
        if (target.isDirectory()) {
          refuse(p, "这是一个指向文件夹的符号链接，未跟随（以免重复导入或循环）。其中的文件可直接从原文件夹导入。");
          continue;
        }
        if (!target.isFile()) {
          refuse(p, "符号链接指向的不是普通文件，未读取。");
          continue;
        }
        add(p, real);
      } else if (stat.isDirectory()) walk(p, root);
      else if (stat.isFile()) add(p, fs.realpathSync(p));
      else refuse(p, "这不是普通文件（设备、管道或套接字），未读取。");
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") throw new UserError(`找不到文件或文件夹：${input}`, { exitCode: 2 });
      throw new UserError(`无法读取 ${input}（${fsReason(e)}）。`, { exitCode: 2 });
    }
    if (stat.isDirectory()) {
      const root = fs.realpathSync(input);
      walk(input, root);
    } else if (stat.isFile()) add(input, fs.realpathSync(input));
    else refuse(input, "这不是普通文件（设备、管道或套接字），未读取。");
  }
  return out;
}

function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "没有权限";
  if (code === "ENOENT") return "不存在";
  if (code === "ELOOP") return "符号链接循环";
  return code ? `系统错误 ${code}` : "未知错误";
}

// Hashing runs on a worker thread, so that a large CSV is hashed while the main thread transcodes it.
const HASH_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const hash = require("node:crypto").createHash("sha256");
const stream = require("node:fs").createReadStream(workerData, { highWaterMark: 1 << 20 });
stream.on("data", (chunk) => hash.update(chunk));
stream.on("end", () => parentPort.postMessage(hash.digest("hex")));
stream.on("error", (e) => { throw e; });
`;

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: file });
    worker.once("message", (hex: string) => resolve(hex));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`hashing ${file} stopped (exit code ${code})`));
    });
  });
}
