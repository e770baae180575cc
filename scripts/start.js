#!/usr/bin/env node
// npm start: import the bundled demo exports into the warehouse and show what it holds.
// (ANJIAN_WAREHOUSE, if set, names the warehouse; otherwise data/warehouse/anjian.duckdb.)
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "packages", "cli", "bin", "anjian.js");
const run = (...args) => spawnSync(process.execPath, [bin, ...args], { stdio: "inherit", cwd: root }).status ?? 1;

const ingest = run("ingest", path.join("data", "samples"));
console.log("");
const status = run("status");
process.exit(ingest || status);
