// Walking the paths an analyst gives: folders recursively in sorted order; hashing files.
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { CliError } from "@anjian/warehouse";

const WAREHOUSE_FILES = /\.(duckdb|duckdb\.wal|key)$/i;

export function expandPaths(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        // Hidden files, Office lock files, and the warehouse's own files when it sits in the folder.
        if (name.startsWith(".") || name.startsWith("~$") || WAREHOUSE_FILES.test(name)) continue;
        walk(path.join(p, name));
      }
    } else if (stat.isFile()) out.push(p);
  };
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new CliError(`找不到文件或文件夹：${input}`, 2);
    walk(input);
  }
  return out;
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
