// Whoever calls ingest() gets current indicator models: the import stores them again after files that
// changed the data (not after a run that changed nothing), and a failed refresh leaves the data
// imported, says so in Chinese and is made good by the next import. Checked with the indicators' own
// "are the stored models current" test on a real warehouse.
import fs from "node:fs";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { loadAliasTable } from "@anjian/exports";
import { modelsUpToDate } from "@anjian/indicators";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { openWarehouse, type Warehouse } from "@anjian/warehouse";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingest, type Progress } from "../src/index.ts";
import { CASES_HEADER, caseRow, HASH_KEY, tempDir, writeCsv } from "./helpers.ts";

let dir: string;
let warehouse: Warehouse;
beforeEach(async () => {
  dir = tempDir();
  warehouse = await openWarehouse(path.join(dir, "wh.duckdb"));
});
afterEach(() => {
  warehouse.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A progress that only notes when the models are being stored. */
function recording(): Progress & { refreshes: number } {
  return { refreshes: 0, start() {}, rows() {}, merging() {}, done() {}, refreshing() { this.refreshes++; } };
}

const run = (paths: string[], progress: Progress) =>
  ingest({ warehouse, paths, hashKey: HASH_KEY, resolver: new ProfileResolver(loadProfile(repoPaths().profile)), aliases: loadAliasTable(repoPaths().aliases), progress });

async function storedCases(): Promise<{ n: number; yuan: number }> {
  // mart_case_days is one of the tables the refresh computes (not a view over the cases)
  const reader = await warehouse.connection.runAndReadAll(
    "SELECT sum(cases)::INTEGER AS n, sum(fine_yuan)::DOUBLE AS yuan FROM mart_case_days WHERE dimension = 'total'",
  );
  const [n, yuan] = reader.getRows()[0]!;
  return { n: Number(n), yuan: Number(yuan) };
}

describe("the import stores the indicator models", () => {
  it("after the first import, again after one that changes data, not after one that changes nothing", async () => {
    expect(await modelsUpToDate(warehouse.connection)).toBe(false);
    const first = writeCsv(path.join(dir, "a.csv"), [CASES_HEADER, caseRow({ 案件编号: "R-1", "罚款金额（元）": "12000" })]);
    const p1 = recording();
    const r1 = await run([first], p1);
    expect(r1.files.map((f) => f.status)).toEqual(["imported"]);
    expect(r1.models).toEqual({ status: "refreshed" });
    expect(p1.refreshes).toBe(1);
    expect(await modelsUpToDate(warehouse.connection)).toBe(true);
    expect(await storedCases()).toEqual({ n: 1, yuan: 12000 });

    // the same file again: nothing changed, nothing to store
    const p2 = recording();
    const r2 = await run([first], p2);
    expect(r2.files.map((f) => f.status)).toEqual(["already_imported"]);
    expect(r2.models).toEqual({ status: "current" });
    expect(p2.refreshes).toBe(0);

    // a later export with another case and a corrected fine: the stored tables follow
    const second = writeCsv(path.join(dir, "b.csv"), [
      CASES_HEADER,
      caseRow({ 案件编号: "R-1", "罚款金额（元）": "15000", 更新时间: "2023-06-01 10:00:00" }),
      caseRow({ 案件编号: "R-2", "罚款金额（元）": "3000" }),
    ]);
    const p3 = recording();
    const r3 = await run([second], p3);
    expect(r3.files[0]).toMatchObject({ status: "imported", accepted: 2, replaced: 1 });
    expect(r3.models).toEqual({ status: "refreshed" });
    expect(p3.refreshes).toBe(1);
    expect(await modelsUpToDate(warehouse.connection)).toBe(true);
    expect(await storedCases()).toEqual({ n: 2, yuan: 18000 });
  });

  it("a refresh that fails leaves the data imported, says so in Chinese, and the next import stores them", async () => {
    const first = writeCsv(path.join(dir, "a.csv"), [CASES_HEADER, caseRow({ 案件编号: "F-1" })]);
    expect((await run([first], recording())).models).toEqual({ status: "refreshed" });
    // Another connection is changing one of the stored tables and has not committed: the refresh's
    // transaction meets a write conflict, as it would with a second writer inside this process.
    const other = await warehouse.connect();
    await other.run("BEGIN TRANSACTION");
    await other.run("CREATE OR REPLACE TABLE mart_case_days AS SELECT * FROM mart_case_days LIMIT 0");
    const second = writeCsv(path.join(dir, "b.csv"), [CASES_HEADER, caseRow({ 案件编号: "F-2" })]);
    const failed = await run([second], recording());
    await other.run("ROLLBACK");
    expect(failed.files.map((f) => f.status)).toEqual(["imported"]);
    expect(failed.models.status).toBe("failed");
    const error = failed.models.status === "failed" ? failed.models.error : "";
    expect(error).toBe("数据已导入，但指标表更新失败。anjian figures 和驾驶舱仍可使用（会临时计算，较慢）；下次导入时会再次更新。");
    expect(await modelsUpToDate(warehouse.connection)).toBe(false);
    const [cases] = (await warehouse.connection.runAndReadAll("SELECT count(*)::INTEGER FROM cases")).getRows();
    expect(cases).toEqual([2]);

    const third = writeCsv(path.join(dir, "c.csv"), [CASES_HEADER, caseRow({ 案件编号: "F-3" })]);
    expect((await run([third], recording())).models).toEqual({ status: "refreshed" });
    expect(await modelsUpToDate(warehouse.connection)).toBe(true);
    expect((await storedCases()).n).toBe(3);
  });
});
