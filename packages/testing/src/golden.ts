// Golden files in the style of Observable Plot's snapshot tests: the expected output is a committed
// file; a mismatch writes `<name>-changed.<ext>` beside it for a person to diff, and fails. Set
// GOLDEN_UPDATE=1 to accept the new output (the diff then shows up in review).
import fs from "node:fs";
import path from "node:path";

/** vitest's `expect`, passed in by the test so that a mismatch is shown as vitest shows any diff. */
export type Expect = (actual: unknown, message?: string) => { toBe(expected: unknown): void };

/** `expectGolden(name, actual)` for the golden files under `dir` (names may hold subfolders). */
export function goldenFiles(dir: string, expect: Expect): (name: string, actual: string) => void {
  return (name, actual) => {
    const file = path.join(dir, name);
    const ext = path.extname(name);
    const changed = path.join(path.dirname(file), `${path.basename(name, ext)}-changed${ext}`);
    if (process.env.GOLDEN_UPDATE === "1") {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, actual);
      fs.rmSync(changed, { force: true });
      return;
    }
    if (!fs.existsSync(file)) throw new Error(`golden file ${name} is missing: run the test with GOLDEN_UPDATE=1 and review it`);
    const expected = fs.readFileSync(file, "utf8");
    if (expected === actual) {
      fs.rmSync(changed, { force: true });
      return;
    }
    fs.writeFileSync(changed, actual);
    expect(actual, `output differs from ${path.relative(process.cwd(), file)}; see ${path.relative(process.cwd(), changed)}`).toBe(expected);
  };
}
