import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { openWarehouse } from "@anjian/warehouse";
import { describe, expect, it } from "vitest";
import { CASES_HEADER, caseRow, HASH_KEY, tempDir, writeCsv } from "./helpers.ts";

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, "../../cli/bin/anjian.js");

describe("a second writer", () => {
  it("gets a clear Chinese message and exit code 1, not a stack trace", async () => {
    const dir = tempDir();
    const file = path.join(dir, "wh.duckdb");
    const csv = writeCsv(path.join(dir, "a.csv"), [CASES_HEADER, caseRow()]);
    const holder = await openWarehouse(file);
    try {
      const child = await run(process.execPath, [BIN, "ingest", csv, "--warehouse", file], {
        env: { ...process.env, ANJIAN_KEY: HASH_KEY },
      }).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(child.code).toBe(1);
      expect(child.stderr).toContain("正被另一个程序");
      expect(child.stderr).toContain(String(process.pid));
      expect(child.stderr).not.toMatch(/\n\s+at /);
    } finally {
      holder.close();
    }
  });
});
