// What report authors and analysts see on the demo data, pinned: the figures JSON and Markdown for
// 2023 and for a part-year period, and `anjian status`. The command runs as a user runs it (a child
// process on a warehouse made by `anjian ingest data/samples`); only values that change from run to
// run (batch ids, import times, temp paths) are normalised.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { afterAll, beforeAll, describe, it } from "vitest";
import { expectGolden } from "./golden.ts";
import { runAnjian } from "./run-cli.ts";

const SAMPLES = repoPaths().samples;
const ENV = { ANJIAN_KEY: "golden-key-0123456789abcdef0123", TZ: "Asia/Shanghai" };

let dir = "";
let warehouse = "";

function anjian(args: string[]): string {
  const r = runAnjian([...args, "--warehouse", warehouse], { env: ENV });
  if (r.code !== 0) throw new Error(`anjian ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
  return normalise(r.stdout);
}

function normalise(text: string): string {
  return text
    .replaceAll(warehouse, "<warehouse>")
    .replace(/\d{8}-\d{6}-[0-9a-f]{6}/g, "<batch>")
    .replace(/(<batch> +)\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/g, "$1<imported at>");
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-golden-"));
  warehouse = path.join(dir, "anjian.duckdb");
  const r = runAnjian(["ingest", SAMPLES, "--json", "--warehouse", warehouse], { env: ENV });
  if (r.code !== 0) throw new Error(`import of the demo data failed: ${r.stderr}`);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("golden outputs on the demo data", () => {
  it("figures --year 2023 (json)", () => {
    expectGolden("figures-2023.json", anjian(["figures", "--year", "2023"]));
  });
  it("figures --year 2023 --format md", () => {
    expectGolden("figures-2023.md", anjian(["figures", "--year", "2023", "--format", "md"]));
  });
  it("figures --from 2023-05-01 --to 2023-12-31 (json)", () => {
    expectGolden("figures-2023-05-to-12.json", anjian(["figures", "--from", "2023-05-01", "--to", "2023-12-31"]));
  });
  it("figures --from 2023-05-01 --to 2023-12-31 --format md", () => {
    expectGolden("figures-2023-05-to-12.md", anjian(["figures", "--from", "2023-05-01", "--to", "2023-12-31", "--format", "md"]));
  });
  it("status", () => {
    expectGolden("status.txt", anjian(["status"]));
  });
});
