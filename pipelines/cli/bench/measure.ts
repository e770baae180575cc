// Runs the `anjian` command in this process, exactly as bin/anjian.js does, and at exit reports the
// process's peak resident set size on stderr as one JSON line:
//   {"anjianBenchMeasure":{"maxRssKb":…,"mainSeconds":…,"exitCode":…}}
// The child of `npm run bench:ingest` (pipelines/ingest/bench/ingest.bench.ts), which runs it as a
// process: the CLI depends on @anjian/ingest, so the import library cannot import the CLI.
// Usage: node --import tsx pipelines/cli/bench/measure.ts ingest FILE --json --warehouse W
import { main } from "@anjian/cli";

const t0 = performance.now();
let mainSeconds: number | null = null;

process.on("exit", (code) => {
  const report = { maxRssKb: process.resourceUsage().maxRSS, mainSeconds, exitCode: code };
  process.stderr.write(`${JSON.stringify({ anjianBenchMeasure: report })}\n`);
});

process.exitCode = await main(process.argv.slice(2));
mainSeconds = (performance.now() - t0) / 1000;
