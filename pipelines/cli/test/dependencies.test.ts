// The repository's dependency rules (scripts/check-deps.ts, run as a process as `npm run check:deps`
// does): this repository keeps them, and a made-up one that breaks each is caught, rule by rule.
// And `npm ls` finds the installed tree as package-lock.json says (nothing extraneous, missing or
// invalid).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { afterAll, describe, expect, it } from "vitest";

const REPO = repoPaths().root;

function checkDeps(root: string): { code: number | null; findings: string[]; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "scripts", "check-deps.ts"), "--root", root, "--json"], {
    cwd: REPO,
    encoding: "utf8",
  });
  return { code: r.status, findings: r.status === 0 || r.status === 1 ? JSON.parse(r.stdout) : [], stderr: r.stderr };
}

const made = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-deps-"));
afterAll(() => fs.rmSync(made, { recursive: true, force: true }));

function write(rel: string, content: unknown): void {
  const file = path.join(made, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
}

describe("dependency rules", () => {
  it("hold in this repository", () => {
    const r = checkDeps(REPO);
    expect(r.stderr).toBe("");
    expect(r.findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("catch every kind of breach in a made-up repository", () => {
    write("package.json", { name: "made", private: true, workspaces: ["packages/*", "pipelines/*"], devDependencies: { vitest: "4" } });
    write("packages/a/package.json", {
      name: "@m/a",
      exports: { ".": "./src/index.ts" },
      dependencies: { "@m/p": "0", zod: "4" },
    });
    write(
      "packages/a/src/index.ts",
      [
        'import { p } from "@m/p";',
        'import lodash from "lodash";', // not declared
        'import { x } from "../../b/src/x.ts";', // into another workspace by path
        'import { it } from "vitest";', // a dev tool in production code
        '// import "commented-out"; a comment is no import',
        'const text = "from \\"in-a-string\\"";',
        "export const a = [p, lodash, x, it, text];",
      ].join("\n"),
    );
    write("packages/b/package.json", {
      name: "@m/b",
      exports: { ".": "./src/index.ts" },
      dependencies: { chalk: "5" }, // used by a test only
      devDependencies: { "left-pad": "1" },
    });
    write("packages/b/src/x.ts", 'import pad from "left-pad";\nexport const x = pad;\n'); // a dev tool in production code
    write(
      "packages/b/test/x.test.ts",
      [
        'import path from "node:path";',
        'import { it } from "vitest";', // the root's dev tool, in a test: fine
        'import chalk from "chalk";',
        'const bin = path.join("root", "pipelines", "p", "bin.js");', // a path into another workspace
        'const re = /["\']/;', // quotes in a regular expression are no strings
        "it('x', () => [bin, re, chalk]);",
      ].join("\n"),
    );
    write("pipelines/p/package.json", { name: "@m/p", exports: { ".": "./src/index.ts" }, dependencies: { "@m/a": "0" } });
    write("pipelines/p/src/index.ts", 'import { a } from "@m/a/src/index.ts";\nexport const p = a;\n');

    const r = checkDeps(made);
    expect(r.code).toBe(1);
    expect(r.findings.sort()).toEqual(
      [
        'packages/a/src/index.ts: imports "lodash", which packages/a/package.json does not declare',
        'packages/a/src/index.ts: relative import "../../b/src/x.ts" leaves packages/a (import the other package by its name)',
        'packages/a/src/index.ts: imports "vitest", which packages/a/package.json does not declare',
        'packages/a/package.json: declares "zod" (dependencies), which nothing in packages/a imports or runs',
        "packages/a/package.json: depends on @m/p (pipelines/p); packages/ may depend only on packages/",
        'packages/b/package.json: has "chalk" in dependencies, but only tests, benches or configs use it (a devDependency)',
        'packages/b/src/x.ts: imports "left-pad" in production code, but packages/b/package.json has it only in devDependencies',
        "packages/b/test/x.test.ts: names a path inside pipelines/p (reach that package by its name and entry points)",
        'pipelines/p/src/index.ts: imports "@m/a/src/index.ts", which is not an entry point of @m/a (see its "exports")',
        "workspaces depend on each other in a circle: @m/a → @m/p → @m/a",
      ].sort(),
    );
  });

  it("npm ls finds nothing extraneous, missing or invalid", () => {
    const r = spawnSync("npm", ["ls"], { cwd: REPO, encoding: "utf8" });
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/extraneous|missing|invalid|UNMET DEPENDENCY|ERR!/i);
    expect(r.status).toBe(0);
  });
});
