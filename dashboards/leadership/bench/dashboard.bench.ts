// npm run bench:dashboard — how fast the dashboard is, measured, not asserted.
//  1. Build time with a warm cache: one build to warm Framework's caches, then timed builds that
//     find every loader output and bundled library cached.
//  2. In Chromium, for 总览: bytes transferred and time from navigation to the last chart drawn,
//     side by side in the same run with the floor — a bare page that loads only Plot (and
//     apache-arrow to read the file) and draws one chart from the same Arrow file.
// Target: 总览 ≤ 1.5 MB transferred and drawn within 2× the floor's time.
// The warehouse is ANJIAN_WAREHOUSE or data/warehouse/anjian.duckdb; if neither exists, a temporary
// one is made from data/samples. Results go to bench-out/dashboard.json at the repository root.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { dashboardContext } from "../src/data/lib/warehouse.ts";
import { startServer } from "../scripts/serve.js";
import { ANJIAN_BIN } from "../test/support/anjian-bin.ts";
import { launchBrowser, waitForCharts } from "../test/support/browser.ts";

const PACKAGE_DIR = path.resolve(import.meta.dirname, "..");
const context = dashboardContext();
const REPO_ROOT = context.root;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUILDS = Number(process.env.BENCH_BUILDS ?? 3);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-dashboard-bench-"));
let warehouse = context.warehouse;
if (!fs.existsSync(warehouse)) {
  warehouse = path.join(tmp, "anjian.duckdb");
  console.log(`数据仓库不存在，用演示数据建立临时仓库：${warehouse}`);
  execFileSync(process.execPath, [ANJIAN_BIN, "ingest", path.join(REPO_ROOT, "data", "samples"), "--warehouse", warehouse], {
    stdio: "ignore",
  });
}
const dist = path.join(tmp, "dist");
const env = { ...process.env, ANJIAN_WAREHOUSE: warehouse, ANJIAN_DASHBOARD_DIST: dist, OBSERVABLE_TELEMETRY_DISABLE: "true" };
const build = () => {
  const start = performance.now();
  execFileSync(process.execPath, ["--import", "tsx", path.join("scripts", "build.ts")], { cwd: PACKAGE_DIR, env, stdio: "ignore" });
  return (performance.now() - start) / 1000;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

console.log("构建（预热）…");
const cold = build();
const warm: number[] = [];
for (let i = 0; i < BUILDS; i++) warm.push(build());
console.log(`构建：首次 ${cold.toFixed(1)} 秒；缓存就绪后 ${warm.map((s) => s.toFixed(1)).join(" / ")} 秒（中位数 ${median(warm).toFixed(1)} 秒）`);

// The floor: Plot and apache-arrow from the same bundles, one chart from the same Arrow file.
const find = (dir: string, re: RegExp) => {
  const f = fs.readdirSync(path.join(dist, dir)).find((x) => re.test(x));
  if (!f) throw new Error(`${dir}/${re} not found in the build`);
  return `/${dir}/${f}`;
};
const plotJs = find("_node/@observablehq/plot@0.6.17", /^index\.\w+\.js$/);
const arrowJs = find("_node/apache-arrow@21.2.0", /^index\.\w+\.js$/);
const arrowFile = find("_file/data/dash", /^cases-monthly\.\w+\.arrow$/);
fs.mkdirSync(path.join(dist, "_bench"), { recursive: true });
fs.writeFileSync(
  path.join(dist, "_bench", "floor.html"),
  `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>floor</title>
<figure class="chart" data-chart="floor"></figure>
<script type="module">
import * as Plot from "${plotJs}";
import {tableFromIPC} from "${arrowJs}";
const table = tableFromIPC(new Uint8Array(await (await fetch("${arrowFile}")).arrayBuffer()));
const rows = table.toArray().map((r) => r.toJSON());
document.querySelector("figure").append(Plot.plot({marks: [Plot.barY(rows, Plot.groupX({y: "sum"}, {x: "month", y: "cases"}))]}));
</script>`,
);

const server = await startServer({ dir: dist, port: 0 });
const browser = await launchBrowser();

async function measure(url: string): Promise<{ bytes: number; ms: number; requests: number }> {
  const page: Page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  let bytes = 0;
  let requests = 0;
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  await page.goto(url, { waitUntil: "commit" });
  await waitForCharts(page, 60_000, true);
  // the moment the last chart was drawn, on the page's own clock (0 = navigation start)
  const ms = await page.evaluate(() => performance.now());
  await page.waitForLoadState("networkidle");
  await page.close();
  return { bytes, ms, requests };
}

const overview: { bytes: number; ms: number; requests: number }[] = [];
const floor: { bytes: number; ms: number; requests: number }[] = [];
await measure(server.url); // first visit warms the server's gzip cache, not the browser's
for (let i = 0; i < RUNS; i++) {
  overview.push(await measure(server.url));
  floor.push(await measure(new URL("_bench/floor.html", server.url).href));
}
await browser.close();
await server.close();

const mb = (b: number) => (b / 1024 / 1024).toFixed(2);
const o = { bytes: median(overview.map((r) => r.bytes)), ms: median(overview.map((r) => r.ms)), requests: median(overview.map((r) => r.requests)) };
const f = { bytes: median(floor.map((r) => r.bytes)), ms: median(floor.map((r) => r.ms)), requests: median(floor.map((r) => r.requests)) };
const ratio = o.ms / f.ms;
console.log("");
console.log(`                       传输量        请求数   导航到最后一张图绘出`);
console.log(`总览（index）          ${mb(o.bytes).padStart(6)} MB    ${String(o.requests).padStart(4)}    ${o.ms.toFixed(0).padStart(6)} 毫秒`);
console.log(`下限（仅 Plot 一张图）  ${mb(f.bytes).padStart(6)} MB    ${String(f.requests).padStart(4)}    ${f.ms.toFixed(0).padStart(6)} 毫秒`);
console.log("");
console.log(`目标：传输量 ≤ 1.5 MB —— ${o.bytes <= 1.5 * 1024 * 1024 ? "达到" : "未达到"}；绘出时间 ≤ 下限的 2 倍 —— ${ratio <= 2 ? "达到" : "未达到"}（${ratio.toFixed(2)} 倍）`);

const out = path.join(REPO_ROOT, "bench-out");
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(
  path.join(out, "dashboard.json"),
  `${JSON.stringify({ build: { coldSeconds: cold, warmSeconds: warm }, overview, floor, median: { overview: o, floor: f, ratio } }, null, 2)}\n`,
);
fs.rmSync(tmp, { recursive: true, force: true });
