// Observable Framework configuration. Offline by construction:
//  - no Google Fonts: globalStylesheets is empty and src/style.css sets a CJK system font stack;
//  - no npm: imports: pages import Plot, d3 and apache-arrow by bare specifier, which Framework
//    bundles from node_modules into dist/_node (self-hosted), and never use the implicit globals
//    (Plot, d3, Inputs, html, …) nor the FileAttachment helpers that import from a CDN;
//  - no search index, no Observable footer, no favicon request; telemetry is turned off by the
//    scripts that run Framework (OBSERVABLE_TELEMETRY_DISABLE=true);
//  - links end in .html (preserveExtension), so any static web server serves dist/ as it is.
export default {
  root: "src",
  // scripts/build.ts sets ANJIAN_DASHBOARD_DIST to an absolute path when asked to build elsewhere.
  output: process.env.ANJIAN_DASHBOARD_DIST || "dist",
  title: "安全生产执法驾驶舱",
  pages: [
    {name: "总览", path: "/"},
    {name: "行政处罚", path: "/cases"},
    {name: "隐患排查", path: "/hazards"},
    {name: "执法队伍", path: "/enforcers"},
    {name: "双随机抽查", path: "/random-checks"},
    {name: "事故调查", path: "/accidents"},
    {name: "工作台账", path: "/activities"},
    {name: "年报数据", path: "/report"},
    {name: "数据质量", path: "/quality"},
    {name: "如何更新数据", path: "/help"}
  ],
  pager: false,
  toc: false,
  search: false,
  sidebar: true,
  style: "style.css",
  globalStylesheets: [],
  // Framework writes <html> without a language and titles its sidebar toggle in English at run time:
  // the pages are Chinese (scripts/build.ts also writes lang="zh-CN" into every page it builds).
  head:
    '<link rel="icon" href="data:,">\n<meta name="robots" content="noindex, nofollow">\n' +
    "<script>document.documentElement.lang=\"zh-CN\";addEventListener(\"DOMContentLoaded\",()=>{" +
    "for(const e of document.querySelectorAll(\"#observablehq-sidebar-toggle,label[for='observablehq-sidebar-toggle']\"))e.title=\"打开或关闭菜单\";" +
    "document.querySelector(\"#observablehq-sidebar-toggle\")?.setAttribute(\"aria-label\",\"菜单\");" +
    "document.querySelector(\"#observablehq-sidebar\")?.setAttribute(\"aria-label\",\"栏目\")})</script>",
  // The menu button (phones and narrow windows: the sidebar is then off-screen) toggles Framework's
  // sidebar checkbox; on paper the header carries the selected year and town (filters.js fills it).
  header:
    '<label for="observablehq-sidebar-toggle" class="menu-button"><span class="menu-icon" aria-hidden="true"></span>菜单</label>' +
    '<span class="brand">安监数据<span class="brand-sub"> · 安全生产执法驾驶舱</span></span>' +
    '<span class="print-only print-scope" id="print-scope"></span>',
  footer:
    "安全生产执法驾驶舱（内部使用）｜数据来源：省行政执法一体化平台导出数据与局内台账，经安监数据按统一口径计算｜本页为离线静态页面，不连接互联网",
  preserveExtension: true,
  linkify: false,
  typographer: false,
  // Data loaders in TypeScript run on this Node through tsx, whatever the PATH.
  interpreters: {".ts": [process.execPath, "--import", "tsx"]}
};
