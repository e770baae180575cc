// An upgrade that changes a cleaning rule: the import opens a warehouse written by an older version
// (whose anj_clean did not yet take off the apostrophe `anjian rejects` puts before formulas), brings
// it to this code's rules, and cleans the new file with them; the rows stored before stay as they were.
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { loadAliasTable } from "@anjian/exports";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { openWarehouse, queryRows, rulesHash, type Warehouse } from "@anjian/warehouse";
import { describe, expect, it } from "vitest";
import { ingest } from "../src/ingest.ts";
import { CASES_HEADER, caseRow, HASH_KEY, tempDir, writeCsv } from "./helpers.ts";

const OLDER_CLEAN = `CREATE OR REPLACE MACRO anj_clean(s) AS CASE
  WHEN regexp_full_match(s, '[\\s　 ]*(-|—|——|－|/|／|无|空|"")?[\\s　 ]*') THEN NULL
  WHEN regexp_matches(s, '^[\\s　 ]|[\\s　 ]$') THEN anj_trim(s)
  ELSE s
END`;

const options = {
  hashKey: HASH_KEY,
  resolver: new ProfileResolver(loadProfile(repoPaths().profile)),
  aliases: loadAliasTable(repoPaths().aliases),
};

describe("an import after an upgrade of the cleaning rules", () => {
  it("uses this code's rules for the new file and leaves the stored rows as they were", async () => {
    const dir = tempDir();
    const file = path.join(dir, "wh.duckdb");
    const older = writeCsv(path.join(dir, "older.csv"), [CASES_HEADER, caseRow({ 案件编号: "LC-1", 违法行为: "'=1+1" })]);
    const newer = writeCsv(path.join(dir, "newer.csv"), [CASES_HEADER, caseRow({ 案件编号: "LC-2", 违法行为: "'=2+2" })]);
    const violations = async (w: Warehouse) =>
      queryRows<{ case_no: string; violation: string }>(w.connection, "SELECT case_no, violation FROM cases ORDER BY case_no");

    // The older version: its rules, its hash, a file imported with them.
    let w = await openWarehouse(file);
    await w.connection.run(OLDER_CLEAN);
    await w.connection.run("UPDATE meta SET value = 'rules-of-an-older-version' WHERE key = 'rules_hash'");
    await ingest({ warehouse: w, paths: [older], ...options });
    expect(await violations(w)).toEqual([{ case_no: "LC-1", violation: "'=1+1" }]);
    w.close();

    w = await openWarehouse(file);
    try {
      const result = await ingest({ warehouse: w, paths: [newer], ...options });
      expect(result.files.map((f) => [f.status, f.accepted])).toEqual([["imported", 1]]);
      expect(await violations(w)).toEqual([
        { case_no: "LC-1", violation: "'=1+1" },
        { case_no: "LC-2", violation: "=2+2" },
      ]);
      expect(await queryRows(w.connection, "SELECT value FROM meta WHERE key = 'rules_hash'")).toEqual([{ value: rulesHash() }]);
    } finally {
      w.close();
    }
  });
});
