// The anjian command as a user runs it: a child process, real files, a real warehouse.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anjian, casesExport } from "./run-cli.ts";


function setup() {
  const made = casesExport("C1,某公司,镇海,区应急局,普通,2023-03-01,2023-04-01,1000\nC2,某公司,火星镇,区应急局,普通,2023-03-01,,0\n", "a.duckdb");
  fs.writeFileSync(path.join(made.exports, "b.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  return made;
}

describe("anjian ingest", () => {
  it("--json prints only the contract's object; exit 1 when a file was refused", () => {
    const { exports, warehouse } = setup();
    const r = anjian(["ingest", exports, "--json", "--warehouse", warehouse]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["batch", "files"]);
    expect(out.files).toHaveLength(2);
    expect(Object.keys(out.files[0])).toEqual([
      "path",
      "sha256",
      "kind",
      "status",
      "read",
      "accepted",
      "rejected",
      "skipped",
      "duplicate",
      "replaced",
      "warnings",
      "error",
    ]);
    expect(out.files[0]).toMatchObject({ kind: "cases", status: "imported", read: 2, accepted: 1, rejected: 1, error: null });
    expect(out.files[1]).toMatchObject({ status: "refused", kind: null });
    expect(out.files[1].error).toContain(".xlsx");
    expect(r.stderr).toBe("");
  });

  it("prints a Chinese summary when not --json, and is silent about progress off a terminal", () => {
    const { exports, warehouse } = setup();
    const r = anjian(["ingest", exports, "--warehouse", warehouse]);
    expect(r.stdout).toContain("读取 2 行：导入 1");
    expect(r.stdout).toContain("未导入：");
    expect(r.stderr).not.toContain("正在导入");
  });

  it("honours ANJIAN_WAREHOUSE and wrong usage exits 2", () => {
    const { exports, dir } = setup();
    const wh = path.join(dir, "env.duckdb");
    expect(anjian(["ingest", path.join(exports, "a.csv")], { env: { ANJIAN_WAREHOUSE: wh } }).code).toBe(0);
    expect(fs.existsSync(wh)).toBe(true);
    expect(anjian(["ingest"]).code).toBe(2);
    expect(anjian(["ingest", "--bogus", "x"]).code).toBe(2);
    const missing = anjian(["ingest", path.join(dir, "nope.csv"), "--warehouse", wh]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("找不到文件或文件夹");
    expect(anjian(["frobnicate"]).code).toBe(2);
  });
});

describe("anjian status and rejects", () => {
  it("status shows rows per kind, batches and rejects; rejects writes a UTF-8-BOM CSV that re-imports", () => {
    const { exports, warehouse, dir } = setup();
    const first = JSON.parse(anjian(["ingest", exports, "--json", "--warehouse", warehouse]).stdout);
    const status = anjian(["status", "--warehouse", warehouse]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/行政处罚案件台账.*1 条/);
    expect(status.stdout).toContain(first.batch);
    expect(status.stdout).toContain("待处理的被拒绝行：共 1 行");
    // the import stored the indicator tables, also with a file refused
    expect(status.stdout).toContain("指标表：已是最新");

    const out = path.join(dir, "拒绝行.csv");
    const r = anjian(["rejects", "--batch", first.batch, "--out", out, "--warehouse", warehouse]);
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("问题原因,问题列,来源文件,工作表,行号,导入批次,案件编号");
    expect(text).toContain("“火星镇”不是本区镇街");

    // The analyst fixes the town and imports the same file again.
    fs.writeFileSync(out, text.replace(",火星镇,", ",北高,"));
    const again = JSON.parse(anjian(["ingest", out, "--json", "--warehouse", warehouse]).stdout);
    expect(again.files[0]).toMatchObject({ kind: "cases", status: "imported", accepted: 1, rejected: 0 });
    expect(JSON.parse(anjian(["status", "--json", "--warehouse", warehouse]).stdout).indicators_current).toBe(true);
    expect(anjian(["rejects", "--batch", "nope", "--warehouse", warehouse]).code).toBe(2);
  });

  it("status on a missing warehouse says what to do", () => {
    const r = anjian(["status", "--warehouse", path.join(os.tmpdir(), "no-such", "x.duckdb")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("请先用 anjian ingest 导入数据");
  });
});
