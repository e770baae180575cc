// Offline by construction: the built site loads nothing from another host, imports nothing from a
// CDN, links no web font, and carries our own footer; Framework runs with telemetry off; the bundled
// server serves the folder as any static server would.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, test } from "vitest";
import { frameworkEnv } from "../scripts/framework.ts";
import { dashboardContext } from "../src/data/lib/warehouse.ts";
import { externalReferences } from "../scripts/offline.ts";
import { startServer } from "../scripts/serve.js";
import { PAGES } from "./support/browser.ts";
import { PACKAGE_DIR } from "./support/site.ts";

const site = inject("site");

function* walk(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else yield full;
  }
}

describe("the built site", () => {
  test("references no URL outside itself", () => {
    expect(externalReferences(site.dist)).toEqual([]);
  });

  test("has no npm: import, no CDN folder and no web font", () => {
    expect(fs.existsSync(path.join(site.dist, "_npm"))).toBe(false);
    for (const file of walk(site.dist)) {
      if (!/\.(html|js|css)$/.test(file)) continue;
      const text = fs.readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/["']npm:/);
      expect(text, file).not.toMatch(/cdn\.jsdelivr|fonts\.googleapis|fonts\.gstatic|esm\.sh|unpkg\.com/);
    }
  });

  test("bundles Plot, d3 and apache-arrow from node_modules", () => {
    const node = fs.readdirSync(path.join(site.dist, "_node"));
    expect(node).toEqual(expect.arrayContaining(["d3@7.9.0", "apache-arrow@21.2.0"]));
    expect(fs.readdirSync(path.join(site.dist, "_node", "@observablehq"))).toContain("plot@0.6.17");
  });

  test("every page has our footer, a CJK font stack and no Observable branding", () => {
    const pages = fs.readdirSync(site.dist).filter((f) => f.endsWith(".html"));
    expect(pages.sort()).toEqual(PAGES.map((p) => p.file).sort());
    for (const page of pages) {
      const html = fs.readFileSync(path.join(site.dist, page), "utf8");
      expect(html).toContain("安全生产执法驾驶舱（内部使用）");
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).not.toMatch(/anjian|README/i);
      expect(html).not.toContain("Built with");
      expect(html).not.toContain("observablehq.com");
      expect(html).toContain('<link rel="icon" href="data:,">');
    }
    const css = [...walk(site.dist)].filter((f) => f.endsWith(".css")).map((f) => fs.readFileSync(f, "utf8"));
    expect(css.join("\n")).toContain("Noto Sans CJK SC");
  });

  test("links between pages end in .html, so any static server serves them", () => {
    const html = fs.readFileSync(path.join(site.dist, "index.html"), "utf8");
    for (const page of ["cases", "hazards", "enforcers", "report", "quality"]) expect(html).toContain(`href="./${page}.html"`);
  });
});

describe("Framework runs with telemetry off", () => {
  test("the build and preview environment", () => {
    const env = frameworkEnv(dashboardContext({ ANJIAN_WAREHOUSE: "/tmp/x.duckdb", ANJIAN_PROFILE: "/tmp/区情.json" }));
    expect(env.OBSERVABLE_TELEMETRY_DISABLE).toBe("true");
    expect([env.ANJIAN_WAREHOUSE, env.ANJIAN_PROFILE]).toEqual(["/tmp/x.duckdb", "/tmp/区情.json"]);
  });
});

describe("scripts/serve.js", () => {
  test("serves pages, clean URLs, compressed assets; nothing outside the folder", async () => {
    const server = await startServer({ dir: site.dist, host: "127.0.0.1", port: 0 });
    try {
      const get = (p: string, headers: Record<string, string> = {}) => fetch(new URL(p, server.url), { headers });
      const home = await get("/");
      expect(home.status).toBe(200);
      expect(home.headers.get("content-type")).toContain("text/html");
      expect((await get("/cases")).status).toBe(200);
      expect((await get("/cases.html")).status).toBe(200);
      expect((await get("/no-such-page")).status).toBe(404);
      for (const outside of ["/../package.json", "/%2e%2e/package.json", "/..%2fpackage.json"]) expect((await get(outside)).status, outside).toBe(404);
      const js = fs.readdirSync(path.join(site.dist, "_observablehq")).find((f) => f.startsWith("client.") && f.endsWith(".js"))!;
      const asset = await get(`/_observablehq/${js}`, { "accept-encoding": "gzip" });
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toContain("javascript");
      expect(asset.headers.get("cache-control")).toContain("immutable");
      expect((await get("/", { "accept-encoding": "gzip" })).headers.get("cache-control")).toBe("no-cache");
    } finally {
      await server.close();
    }
  });

  test("takes host and port from ANJIAN_HOST / ANJIAN_PORT, and --host / --port over them", async () => {
    const started = (args: string[], env: Record<string, string>) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(PACKAGE_DIR, "scripts", "serve.js"), "--dir", site.dist, ...args], {
          env: { ...process.env, ...env },
        });
        let out = "";
        const timer = setTimeout(() => {
          child.kill();
          reject(new Error(`serve.js did not start: ${out}`));
        }, 15_000);
        child.stdout.on("data", (d) => {
          out += d;
          const m = /http:\/\/[^\s（]+/.exec(out);
          if (m) {
            clearTimeout(timer);
            fetch(m[0])
              .then((r) => {
                child.kill();
                resolve(`${m[0]} ${r.status}`);
              })
              .catch((e) => {
                child.kill();
                reject(e);
              });
          }
        });
        child.stderr.on("data", (d) => {
          out += d;
        });
      });
    const port = 20000 + Math.floor(Math.random() * 20000);
    expect(await started([], { ANJIAN_HOST: "127.0.0.1", ANJIAN_PORT: String(port) })).toBe(`http://127.0.0.1:${port}/ 200`);
    expect(await started(["--host", "127.0.0.1", "--port", String(port + 1)], { ANJIAN_PORT: String(port) })).toBe(`http://127.0.0.1:${port + 1}/ 200`);
  });
});
