// npm run generate -w @anjian/demo-data [-- --out DIR]

import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, generate } from "./generate.ts";

function outDir(argv: readonly string[]): string {
  const i = argv.indexOf("--out");
  if (i >= 0) {
    const dir = argv[i + 1];
    if (!dir) throw new Error("--out needs a folder");
    return resolve(dir);
  }
  return fileURLToPath(new URL("../../../data/samples", import.meta.url));
}

const dir = outDir(process.argv.slice(2));
const written = await generate(dir);
console.log(`demo exports written to ${dir}`);
for (const line of describe(written)) console.log(`  ${line}`);
