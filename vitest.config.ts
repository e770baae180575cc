// The one vitest configuration: shared settings here, one project per workspace (named after its
// package). Each package's `npm test` runs its own project (`vitest run --project @anjian/x`, which
// finds this file by walking up), so turbo still runs, caches and fails the packages one by one;
// `npx vitest run` in a package folder runs that package's project only (see `projectsFor`), and at
// the repository root every project.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const REPO = import.meta.dirname;
/** The folders of package.json's `workspaces` ("packages/*" → packages). */
const WORKSPACE_GROUPS = (JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { workspaces: string[] }).workspaces.map(
  (glob) => glob.replace(/\/\*$/, ""),
);

interface Workspace {
  name: string;
  dir: string;
}

function workspaces(): Workspace[] {
  const out: Workspace[] = [];
  for (const group of WORKSPACE_GROUPS) {
    const groupDir = path.join(REPO, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir, { withFileTypes: true })) {
      const manifest = path.join(groupDir, entry.name, "package.json");
      if (!entry.isDirectory() || !existsSync(manifest)) continue;
      const { name } = JSON.parse(readFileSync(manifest, "utf8")) as { name: string };
      out.push({ name, dir: path.join(groupDir, entry.name) });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Test files under a folder, skipping dependencies and hidden folders (Framework's cache). */
function testFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && !entry.name.startsWith(".")) out.push(...testFilesUnder(p));
    } else if (/\.test\.[cm]?[jt]sx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

/** Tests live in test/ (the include below): one left in src/ would silently never run. */
function refuseTestsOutsideTest(all: readonly Workspace[]): void {
  const stray = all.flatMap((w) => testFilesUnder(path.join(w.dir, "src"))).map((f) => path.relative(REPO, f));
  if (stray.length > 0) throw new Error(`tests belong in the package's test/ folder; move: ${stray.join(", ")}`);
}

/** What differs from the shared settings, per package. */
const OVERRIDES: Record<string, TestProjectInlineConfiguration["test"]> = {
  // Browser tests: one site build from the demo data (test/global-setup.ts), served once, visited with
  // Debian's Chromium. Files run one after another (one browser at a time on a small machine).
  "@anjian/dashboard": {
    env: { OBSERVABLE_TELEMETRY_DISABLE: "true" },
    globalSetup: ["test/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
};

function project(w: Workspace): TestProjectInlineConfiguration {
  return {
    extends: true,
    // The project's own folder is its root: include, globalSetup and snapshots resolve there.
    root: w.dir,
    test: { name: w.name, ...OVERRIDES[w.name] },
  };
}

/**
 * Run from inside a workspace (a developer's `npx vitest run` in packages/codes), only that
 * workspace's project; from anywhere else, all of them. `--project` narrows further as usual.
 */
function projectsFor(cwd: string): TestProjectInlineConfiguration[] {
  const all = workspaces();
  const here = all.find((w) => cwd === w.dir || cwd.startsWith(w.dir + path.sep));
  const chosen = here ? [here] : all;
  refuseTestsOutsideTest(chosen);
  return chosen.map(project);
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Dates in the data are local to the district; every test sees them as a user there would.
    env: { TZ: "Asia/Shanghai" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: projectsFor(process.cwd()),
  },
});
