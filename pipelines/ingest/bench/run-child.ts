// Runs one benchmark child (a TypeScript script under tsx) and times it from spawn to exit.
import { spawn } from "node:child_process";

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  wallSeconds: number;
}

export function runTsChild(script: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        wallSeconds: (performance.now() - t0) / 1000,
      });
    });
  });
}

/** The `{"anjianBenchMeasure": …}` line that measure.ts writes to stderr at exit. */
export function measureReport(stderr: string): { maxRssKb: number; mainSeconds: number | null; exitCode: number } | null {
  for (const line of stderr.split("\n").reverse()) {
    if (!line.startsWith('{"anjianBenchMeasure"')) continue;
    try {
      return JSON.parse(line).anjianBenchMeasure;
    } catch {
      return null;
    }
  }
  return null;
}

/** stderr without the measurement line, for showing a child's own messages. */
export function childMessages(stderr: string): string {
  return stderr
    .split("\n")
    .filter((l) => !l.startsWith('{"anjianBenchMeasure"'))
    .join("\n")
    .trim();
}
