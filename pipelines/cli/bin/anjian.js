#!/usr/bin/env node
// The CLI is written in TypeScript and run through tsx, so `npx anjian` works right after `npm ci`
// with no build step.
import { register } from "tsx/esm/api";

// `anjian status | head -3`: the reader went away; that is no error, so end quietly.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
