// Golden files in the style of Observable Plot's snapshot tests: the expected output is a committed
// file; a mismatch writes `<name>-changed.<ext>` beside it for a person to diff, and fails. Set
// GOLDEN_UPDATE=1 to accept the new output (the diff then shows up in review).
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";

const DIR = path.join(import.meta.dirname, "golden");

export function expectGolden(name: string, actual: string): void {
  const file = path.join(DIR, name);
  const ext = path.extname(name);
  const changed = path.join(DIR, `${path.basename(name, ext)}-changed${ext}`);
  if (process.env.GOLDEN_UPDATE === "1") {
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
  expect(actual, `output differs from golden/${name}; see ${path.relative(process.cwd(), changed)}`).toBe(expected);
}
