// Golden files in the style of Observable Plot's snapshot tests (as pipelines/cli/test/golden.ts):
// the expected output is a committed file under test/golden/; a mismatch writes
// `<name>-changed.<ext>` beside it for a person to diff, and fails. GOLDEN_UPDATE=1 accepts the new
// output (the diff then shows up in review).
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { PACKAGE_DIR } from "./site.ts";

export const GOLDEN_DIR = path.join(PACKAGE_DIR, "test", "golden");

export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
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
  expect(actual, `output differs from golden/${name}; see ${path.relative(process.cwd(), changed)}`).toBe(expected);
}
