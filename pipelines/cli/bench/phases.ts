// Diagnostic, not part of the benchmark run: where does an import spend its time? Runs the
// `anjian` command in this process with every DuckDB statement timed (DuckDBConnection.run and
// createAppender are wrapped), and at exit prints a timeline to stderr: each statement of 0.1 s
// or more, and the gaps between statements (time spent in JavaScript: hashing the file,
// transcoding the CSV, reading the XLSX into the appender …).
// Usage: ANJIAN_KEY=… node --import tsx pipelines/cli/bench/phases.ts ingest FILE --json --warehouse W
import { DuckDBConnection } from "@duckdb/node-api";

interface Event {
  label: string;
  start: number;
  end: number;
  /** Resident set size when the statement ended, MiB. */
  rssMiB: number;
}

const MIN_SECONDS = 0.1;
const events: Event[] = [];
const t0 = performance.now();
let depth = 0;

type AsyncMethod = (this: DuckDBConnection, ...args: unknown[]) => Promise<unknown>;
const proto = DuckDBConnection.prototype as unknown as Record<string, AsyncMethod>;
for (const name of ["run", "createAppender"]) {
  const original = proto[name]!;
  proto[name] = async function (this: DuckDBConnection, ...args: unknown[]) {
    const start = performance.now();
    depth++;
    try {
      return await original.apply(this, args);
    } finally {
      depth--;
      // runAndReadAll goes through run: only the outermost call counts.
      if (depth === 0) {
        const text = String(args[0]).replace(/\s+/g, " ").trim();
        events.push({
          label: name === "run" ? text.slice(0, 110) : `createAppender(${text})`,
          start,
          end: performance.now(),
          rssMiB: process.memoryUsage.rss() / 1048576,
        });
      }
    }
  };
}

process.on("exit", () => {
  const lines: string[] = [];
  const s = (ms: number) => (ms / 1000).toFixed(2).padStart(7);
  let last = t0;
  let sqlTotal = 0;
  for (const e of events) {
    const gap = e.start - last;
    if (gap / 1000 >= MIN_SECONDS) lines.push(`${s(last - t0)} ${s(gap)}         (JavaScript between statements)`);
    const d = e.end - e.start;
    sqlTotal += d;
    if (d / 1000 >= MIN_SECONDS) lines.push(`${s(e.start - t0)} ${s(d)} ${e.rssMiB.toFixed(0).padStart(6)}  ${e.label}`);
    last = e.end;
  }
  const end = performance.now();
  if ((end - last) / 1000 >= MIN_SECONDS) lines.push(`${s(last - t0)} ${s(end - last)}         (JavaScript after the last statement)`);
  process.stderr.write(
    `\n  start     secs RSSMiB  phase (RSS: when the statement ended)\n${lines.join("\n")}\n` +
      `total ${((end - t0) / 1000).toFixed(2)} s, of which in DuckDB statements ${(sqlTotal / 1000).toFixed(2)} s (${events.length} statements); ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
  );
});

const { main } = await import("@anjian/cli");
process.exitCode = await main(process.argv.slice(2));
