#!/usr/bin/env node
// npm start: the whole product on this computer.
//   1. if the warehouse holds no data yet, import the bundled demo exports (data/samples);
//   2. show what the warehouse holds;
//   3. build the leadership dashboard from it and serve it on http://127.0.0.1:3000.
// ANJIAN_WAREHOUSE names the warehouse; ANJIAN_HOST / ANJIAN_PORT (or --host / --port) the address.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "pipelines", "cli", "bin", "anjian.js");
const node = (args, opts = {}) => spawnSync(process.execPath, args, { stdio: "inherit", cwd: root, ...opts }).status ?? 1;
const npm = (args) =>
  spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", args, { stdio: "inherit", cwd: root }).status ?? 1;

function warehouseRows() {
  const r = spawnSync(process.execPath, [bin, "status", "--json"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) return 0; // no warehouse yet
  return JSON.parse(r.stdout).kinds.reduce((sum, k) => sum + k.rows, 0);
}

if (warehouseRows() === 0) {
  console.log("数据仓库为空，导入演示数据（data/samples）…");
  if (node([bin, "ingest", path.join("data", "samples")]) !== 0) {
    console.error("演示数据导入未全部成功，见上文。");
    process.exit(1);
  }
  console.log("");
}
node([bin, "status"]);
console.log("\n构建领导驾驶舱…");
if (npm(["run", "build", "-w", "@anjian/dashboard"]) !== 0) process.exit(1);
process.exit(node([path.join(root, "dashboards", "leadership", "scripts", "serve.js"), ...process.argv.slice(2)]));
