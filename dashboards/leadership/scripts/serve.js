#!/usr/bin/env node
// A small static server for the built dashboard (dist/), with node:http only.
//   node scripts/serve.js [--host 127.0.0.1] [--port 3000] [--dir dist]
// Host and port also from ANJIAN_HOST / ANJIAN_PORT; the defaults serve http://127.0.0.1:3000 to this
// computer only. Any other static web server (nginx, IIS) serves dist/ just as well (README).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import zlib from "node:zlib";

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".arrow", ".svg", ".txt", ".md", ".csv", ".map"]);

/** The file for a request path, or null: /x → x.html or x/index.html; never outside `root`. */
function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const full = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  const candidates = decoded.endsWith("/") ? [path.join(full, "index.html")] : [full, `${full}.html`, path.join(full, "index.html")];
  for (const c of candidates) {
    try {
      if (fs.statSync(c).isFile()) return c;
    } catch {
      // try the next candidate
    }
  }
  return null;
}

/**
 * Starts serving `dir`. Resolves with the server once it listens; `url` is where.
 * @param {{dir?: string, host?: string, port?: number, log?: (line: string) => void}} options
 * @returns {Promise<{server: http.Server, url: string, close: () => Promise<void>}>}
 */
export function startServer({ dir = path.join(PACKAGE_DIR, "dist"), host = "127.0.0.1", port = 3000, log = () => {} } = {}) {
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, "index.html")))
    return Promise.reject(new Error(`${root} 中没有 index.html：请先构建驾驶舱（npm run build -w @anjian/dashboard）。`));
  const gzipCache = new Map();
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const urlPath = new URL(req.url ?? "/", "http://localhost").pathname;
    const file = resolveFile(root, urlPath);
    if (!file) {
      const notFound = path.join(root, "404.html");
      res.writeHead(404, { "Content-Type": TYPES[".html"] });
      res.end(req.method === "HEAD" ? undefined : fs.existsSync(notFound) ? fs.readFileSync(notFound) : "404 未找到");
      log(`404 ${urlPath}`);
      return;
    }
    const ext = path.extname(file).toLowerCase();
    const headers = {
      "Content-Type": TYPES[ext] ?? "application/octet-stream",
      // Framework puts a content hash in every asset name under /_…/: those never change.
      "Cache-Control": /^\/_(node|observablehq|file|import|npm)\//.test(urlPath) ? "public, max-age=31536000, immutable" : "no-cache",
      "X-Content-Type-Options": "nosniff",
    };
    let body = fs.readFileSync(file);
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && body.length > 1024) {
      const stat = fs.statSync(file);
      const key = `${file}:${stat.mtimeMs}:${stat.size}`;
      let gz = gzipCache.get(key);
      if (!gz) {
        gz = zlib.gzipSync(body, { level: 6 });
        gzipCache.set(key, gz);
      }
      body = gz;
      headers["Content-Encoding"] = "gzip";
      headers.Vary = "Accept-Encoding";
    }
    headers["Content-Length"] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolve({
        server,
        url: `http://${shownHost}:${actualPort}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function cli() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { host: { type: "string" }, port: { type: "string" }, dir: { type: "string" }, quiet: { type: "boolean" } },
      strict: true,
    }));
  } catch (e) {
    console.error(`参数有误：${e.message}\n用法：node scripts/serve.js [--host 127.0.0.1] [--port 3000] [--dir dist]`);
    process.exit(2);
  }
  const host = values.host ?? process.env.ANJIAN_HOST ?? "127.0.0.1";
  const portText = values.port ?? process.env.ANJIAN_PORT ?? "3000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口“${portText}”无效：请给出 0–65535 之间的整数。`);
    process.exit(2);
  }
  const dir = values.dir ? path.resolve(values.dir) : path.join(PACKAGE_DIR, "dist");
  startServer({ dir, host, port, log: values.quiet ? () => {} : (line) => console.log(line) }).then(
    ({ url }) => {
      console.log(`驾驶舱已启动：${url}（按 Ctrl+C 停止）`);
    },
    (e) => {
      const message = e.code === "EADDRINUSE" ? `端口 ${port} 已被占用：请用 --port 或 ANJIAN_PORT 换一个端口。` : e.message;
      console.error(message);
      process.exit(1);
    },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) cli();
