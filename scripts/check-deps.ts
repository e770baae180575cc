// The repository's dependency rules, checked on the files themselves (run by
// pipelines/cli/test/dependencies.test.ts under `npm test`; by hand: npm run check:deps):
//  - every import of a package (npm or @anjian/*) is declared in the importing workspace's package.json
//    (tests, benches and configs may also use the root's shared dev tools: vitest, tsx, …), and what
//    runs in production (src/, bin/, scripts/; tests aside) only from "dependencies";
//  - an @anjian/* import goes through the package's entry points (its "exports"), never deeper;
//  - no relative import leaves its workspace (another package is reached by its name), and no code
//    names a path inside another workspace (listed below with the reason where it must);
//  - every declared dependency is used: imported, or run as a command by a package.json script, or
//    listed below with the reason; one that only tests, benches or configs use is a devDependency;
//  - nothing in packages/ depends on pipelines/ or dashboards/, and no workspaces depend on each
//    other in a circle.
// Imports are read with TypeScript's own pre-processor (comments and strings are not imports), from
// every .ts/.js/.mts/.mjs/.cjs file of a workspace and the ```js blocks of its Markdown pages
// (Observable Framework).
// Usage: node --import tsx scripts/check-deps.ts [--root DIR] [--json]   exit 0: clean, 1: findings
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import ts from "typescript";

/** Declared but never imported, on purpose: workspace → dependency → why. */
export const USED_WITHOUT_IMPORT: Record<string, Record<string, string>> = {
  "@anjian/dashboard": {
    d3: "Plot's own dependency, which Framework bundles into dist/_node: pinned here so that the self-hosted version is fixed (test/offline.test.ts)",
  },
};

/**
 * Code that names a path inside another workspace (to run it as a process), on purpose: file → why.
 * Everything else reaches another package by its name and entry points.
 */
export const PATHS_INTO_OTHERS: Record<string, string> = {
  "pipelines/ingest/bench/ingest.bench.ts":
    "runs the CLI's harness (pipelines/cli/bench/measure.ts) as a child: the CLI depends on @anjian/ingest, so an import would close a circle",
};

/** Folders never scanned: installed or generated files, not the workspace's own code. */
const SKIP_DIRS = new Set(["node_modules", "dist", ".observablehq", ".turbo", "screenshots", "rendered", "golden"]);
const CODE = /\.(ts|mts|cts|tsx|js|mjs|cjs)$/;
/**
 * Folders whose files run in production (a dashboard's scripts/ build and serve it): they may not
 * lean on the root's dev tools or on devDependencies.
 */
const RUNTIME_DIRS = ["src", "bin", "scripts"];
const LAYERS = ["packages", "pipelines", "dashboards"] as const;

interface PackageJson {
  name?: string;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  exports?: string | Record<string, unknown>;
  scripts?: Record<string, string>;
  bin?: string | Record<string, string>;
}

export interface Workspace {
  dir: string;
  /** Relative to the root, with forward slashes: packages/codes. */
  rel: string;
  pkg: PackageJson;
}

const readJson = (file: string): PackageJson => JSON.parse(fs.readFileSync(file, "utf8"));

export function workspaces(root: string): Workspace[] {
  const patterns = readJson(path.join(root, "package.json")).workspaces ?? [];
  const out: Workspace[] = [];
  for (const pattern of patterns) {
    // The root lists folders of workspaces ("packages/*"); nothing more elaborate is used.
    const base = pattern.endsWith("/*") ? pattern.slice(0, -2) : null;
    const dirs = base
      ? fs.existsSync(path.join(root, base))
        ? fs
            .readdirSync(path.join(root, base), { withFileTypes: true })
            .filter((e) => e.isDirectory())
            .map((e) => path.join(base, e.name))
        : []
      : [pattern];
    for (const rel of dirs) {
      const file = path.join(root, rel, "package.json");
      if (fs.existsSync(file)) out.push({ dir: path.join(root, rel), rel: rel.split(path.sep).join("/"), pkg: readJson(file) });
    }
  }
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".") && e.name !== ".") continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) out.push(...sourceFiles(full));
    } else if (CODE.test(e.name) && !e.name.endsWith(".d.ts")) out.push(full);
    else if (e.name.endsWith(".md")) out.push(full);
  }
  return out;
}

/**
 * The module specifiers a file imports (static, dynamic with a literal, export … from, require) or
 * resolves (require.resolve, createRequire(…).resolve, import.meta.resolve of a literal).
 */
export function importsOf(file: string): string[] {
  let text = fs.readFileSync(file, "utf8");
  if (file.endsWith(".md")) text = [...text.matchAll(/^```(?:js|javascript|ts)\b[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]).join("\n");
  const imported = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  const resolved = [...text.matchAll(/(?:\brequire|\bimport\.meta|\))\.resolve\(\s*["']([^"'$]+)["']/g)].map((m) => m[1]!);
  return [...imported, ...resolved];
}

/** "@scope/name/sub" → ["@scope/name", "./sub"]; "name/sub" → ["name", "./sub"]. */
function splitSpecifier(spec: string): [string, string] {
  const parts = spec.split("/");
  const n = spec.startsWith("@") ? 2 : 1;
  const rest = parts.slice(n).join("/");
  return [parts.slice(0, n).join("/"), rest ? `./${rest}` : "."];
}

const BUILTINS = new Set(builtinModules);
const isBuiltin = (spec: string) => spec.startsWith("node:") || BUILTINS.has(spec.split("/")[0]!);

function exported(pkg: PackageJson, subpath: string): boolean {
  const map = pkg.exports;
  if (map === undefined) return subpath === ".";
  if (typeof map === "string") return subpath === ".";
  return Object.keys(map).some((key) => {
    if (!key.includes("*")) return key === subpath;
    const [head, tail] = key.split("*") as [string, string];
    return subpath.startsWith(head) && subpath.endsWith(tail);
  });
}

/** The command names a dependency installs (its package.json "bin"), if it is installed. */
function binsOf(root: string, dep: string, from: string): string[] {
  for (const dir of [path.join(from, "node_modules", dep), path.join(root, "node_modules", dep)]) {
    const file = path.join(dir, "package.json");
    if (!fs.existsSync(file)) continue;
    const { bin, name } = readJson(file);
    if (!bin) return [];
    return typeof bin === "string" ? [name!.split("/").pop()!] : Object.keys(bin);
  }
  return [];
}

/**
 * Paths written in code into another workspace: a string literal "pipelines/cli/…", or consecutive
 * literal arguments "pipelines", "cli" (as in path.join(root, "pipelines", "cli", "bin")).
 */
export function pathsInto(file: string, others: Workspace[]): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, fs.readFileSync(file, "utf8"));
  const literals: string[][] = [];
  let run: string[] = [];
  let afterComma = false;
  // braces open inside each `${…}` of the template literals being read: a "}" that closes one
  // continues the template (the scanner alone cannot tell)
  const templates: number[] = [];
  // a "/" where no value precedes it starts a regular expression, whose quotes are no strings
  const valueEnds = new Set([
    ts.SyntaxKind.Identifier,
    ts.SyntaxKind.NumericLiteral,
    ts.SyntaxKind.StringLiteral,
    ts.SyntaxKind.CloseParenToken,
    ts.SyntaxKind.CloseBracketToken,
    ts.SyntaxKind.TemplateTail,
    ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ]);
  let previous = ts.SyntaxKind.Unknown;
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; previous = t, t = scanner.scan()) {
    if ((t === ts.SyntaxKind.SlashToken || t === ts.SyntaxKind.SlashEqualsToken) && !valueEnds.has(previous)) t = scanner.reScanSlashToken();
    if (t === ts.SyntaxKind.TemplateHead) templates.push(0);
    else if (t === ts.SyntaxKind.OpenBraceToken && templates.length > 0) templates[templates.length - 1]!++;
    else if (t === ts.SyntaxKind.CloseBraceToken && templates.length > 0) {
      if (templates[templates.length - 1] === 0) {
        if (scanner.reScanTemplateToken(false) === ts.SyntaxKind.TemplateTail) templates.pop();
      } else templates[templates.length - 1]!--;
    }
    if (t === ts.SyntaxKind.StringLiteral || t === ts.SyntaxKind.NoSubstitutionTemplateLiteral) {
      if (!afterComma) run = [];
      run.push(scanner.getTokenValue());
      literals.push([...run]);
      afterComma = false;
    } else if (t === ts.SyntaxKind.CommaToken && run.length > 0) afterComma = true;
    else {
      run = [];
      afterComma = false;
    }
  }
  const hits = new Set<string>();
  for (const seq of literals) {
    const joined = seq.join("/");
    for (const w of others) if (joined === w.rel || joined.includes(`${w.rel}/`) || joined.endsWith(`/${w.rel}`)) hits.add(w.rel);
  }
  return [...hits];
}

const layerOf = (rel: string) => LAYERS.find((l) => rel.startsWith(`${l}/`)) ?? null;

export function checkDependencies(root: string): string[] {
  const findings: string[] = [];
  const all = workspaces(root);
  const byName = new Map(all.filter((w) => w.pkg.name).map((w) => [w.pkg.name!, w]));
  const rootTools = new Set(Object.keys(readJson(path.join(root, "package.json")).devDependencies ?? {}));

  for (const w of all) {
    const declared = new Map<string, string>();
    for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] as const)
      for (const dep of Object.keys(w.pkg[field] ?? {})) declared.set(dep, field);
    const used = new Set<string>();
    const usedInProduction = new Set<string>();

    for (const file of sourceFiles(w.dir)) {
      const shown = path.relative(root, file).split(path.sep).join("/");
      const runtime = RUNTIME_DIRS.some((d) => shown.startsWith(`${w.rel}/${d}/`)) && !/\.test\.[cm]?[jt]s$/.test(shown);
      for (const spec of importsOf(file)) {
        if (spec.startsWith(".") || path.isAbsolute(spec)) {
          const target = path.resolve(path.dirname(file), spec);
          if (path.relative(w.dir, target).startsWith("..") || path.isAbsolute(path.relative(w.dir, target)))
            findings.push(`${shown}: relative import "${spec}" leaves ${w.rel} (import the other package by its name)`);
          continue;
        }
        if (isBuiltin(spec)) continue;
        const [name, subpath] = splitSpecifier(spec);
        used.add(name);
        if (runtime) usedInProduction.add(name);
        const self = name === w.pkg.name;
        if (!self && !declared.has(name) && !(rootTools.has(name) && !runtime))
          findings.push(`${shown}: imports "${name}", which ${w.rel}/package.json does not declare`);
        else if (runtime && declared.get(name) === "devDependencies")
          findings.push(`${shown}: imports "${name}" in production code, but ${w.rel}/package.json has it only in devDependencies`);
        const target = byName.get(name);
        if (target && !exported(target.pkg, subpath))
          findings.push(`${shown}: imports "${spec}", which is not an entry point of ${name} (see its "exports")`);
      }
    }

    for (const file of sourceFiles(w.dir).filter((f) => CODE.test(f))) {
      const shown = path.relative(root, file).split(path.sep).join("/");
      if (PATHS_INTO_OTHERS[shown]) continue;
      for (const other of pathsInto(
        file,
        all.filter((o) => o !== w),
      ))
        findings.push(`${shown}: names a path inside ${other} (reach that package by its name and entry points)`);
    }

    const scriptWords = new Set(
      Object.values(w.pkg.scripts ?? {})
        .flatMap((s) => s.split(/[\s;&|()]+/))
        .filter(Boolean),
    );
    const reasons = USED_WITHOUT_IMPORT[w.pkg.name ?? ""] ?? {};
    for (const dep of declared.keys()) {
      if (used.has(dep) || reasons[dep]) continue;
      if (dep.startsWith("@types/") && used.has(typesTarget(dep))) continue;
      if (binsOf(root, dep, w.dir).some((b) => scriptWords.has(b))) continue;
      findings.push(`${w.rel}/package.json: declares "${dep}" (${declared.get(dep)}), which nothing in ${w.rel} imports or runs`);
    }
    for (const dep of Object.keys(w.pkg.dependencies ?? {}))
      if (used.has(dep) && !usedInProduction.has(dep) && !reasons[dep] && !binsOf(root, dep, w.dir).some((b) => scriptWords.has(b)))
        findings.push(`${w.rel}/package.json: has "${dep}" in dependencies, but only tests, benches or configs use it (a devDependency)`);

    const layer = layerOf(w.rel);
    for (const dep of declared.keys()) {
      const target = byName.get(dep);
      if (!target) continue;
      const targetLayer = layerOf(target.rel);
      if (layer === "packages" && targetLayer !== "packages")
        findings.push(`${w.rel}/package.json: depends on ${dep} (${target.rel}); packages/ may depend only on packages/`);
    }
  }

  for (const cycle of cycles(all, byName)) findings.push(`workspaces depend on each other in a circle: ${cycle.join(" → ")}`);
  return findings;
}

/** "@types/node" → "node"; "@types/babel__core" → "@babel/core". */
function typesTarget(dep: string): string {
  const name = dep.slice("@types/".length);
  return name.includes("__") ? `@${name.replace("__", "/")}` : name;
}

function cycles(all: Workspace[], byName: Map<string, Workspace>): string[][] {
  const edges = new Map(
    all.map((w) => [
      w.pkg.name ?? w.rel,
      [
        ...new Set(
          ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].flatMap((f) =>
            Object.keys((w.pkg[f as keyof PackageJson] as Record<string, string> | undefined) ?? {}).filter((d) => byName.has(d)),
          ),
        ),
      ],
    ]),
  );
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, "open");
    stack.push(n);
    for (const m of edges.get(n) ?? []) {
      if (state.get(m) === "open") found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, "done");
  };
  for (const n of edges.keys()) if (!state.has(n)) visit(n);
  return found;
}

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith("check-deps.ts")) {
  const { values } = parseArgs({ options: { root: { type: "string" }, json: { type: "boolean" } } });
  const root = path.resolve(values.root ?? path.join(import.meta.dirname, ".."));
  const findings = checkDependencies(root);
  if (values.json) process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  else if (findings.length === 0) process.stdout.write(`dependencies: ${workspaces(root).length} workspaces checked, no findings\n`);
  else process.stdout.write(`${findings.map((f) => `✘ ${f}`).join("\n")}\n${findings.length} finding(s)\n`);
  process.exitCode = findings.length === 0 ? 0 : 1;
}
