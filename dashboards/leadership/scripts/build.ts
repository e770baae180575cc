// npm run build: the static site in dist/ (or ANJIAN_DASHBOARD_DIST), from the warehouse
// (ANJIAN_WAREHOUSE or data/warehouse/anjian.duckdb). Then checks that the site links nothing
// outside itself.
import fs from "node:fs";
import path from "node:path";
import { outputDir } from "./fingerprint.ts";
import { runFramework } from "./framework.ts";
import { externalReferences } from "./offline.ts";

const dist = outputDir();
// Framework clears only an output folder inside the working directory; clear an earlier build
// elsewhere too, but only if it is one (it holds _observablehq/).
if (fs.existsSync(path.join(dist, "_observablehq"))) fs.rmSync(dist, { recursive: true, force: true });

const code = await runFramework("build", process.argv.slice(2));
if (code !== 0) process.exit(code);
const found = externalReferences(dist);
if (found.length > 0) {
  console.error("构建结果引用了外部网址（驾驶舱必须离线可用）：");
  for (const f of found.slice(0, 20)) console.error(`  ${f.file}: ${f.url}`);
  process.exit(1);
}
// Framework writes <html> with no language and an English title on its sidebar toggle: the pages are
// Chinese, for screen readers, fonts and hyphenation (the pages' head script does the same at run
// time, for the preview server).
for (const name of fs.readdirSync(dist)) {
  if (!name.endsWith(".html")) continue;
  const file = path.join(dist, name);
  const html = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, html.replace(/<html>/, '<html lang="zh-CN">').replaceAll('title="Toggle sidebar"', 'title="打开或关闭菜单"'));
}
// IIS serves no file whose extension it does not know (404.3): declare the Arrow files. nginx, Apache
// and the bundled server need nothing.
fs.writeFileSync(
  path.join(dist, "web.config"),
  `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <system.webServer>
    <staticContent>
      <remove fileExtension=".arrow" />
      <mimeMap fileExtension=".arrow" mimeType="application/vnd.apache.arrow.file" />
      <remove fileExtension=".json" />
      <mimeMap fileExtension=".json" mimeType="application/json" />
    </staticContent>
    <defaultDocument>
      <files>
        <clear />
        <add value="index.html" />
      </files>
    </defaultDocument>
  </system.webServer>
</configuration>
`,
);
console.log(`驾驶舱已构建：${dist}（未引用任何外部网址）`);
