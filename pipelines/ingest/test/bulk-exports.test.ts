// The bulk exports of the project's data generator (pipelines/demo-data: the ingest benchmark's
// files and `npm run demo-data -- --scale N`), imported by the real pipeline: every generated row is
// accepted, none rejected, the title, export-time and footer rows skipped. The benchmark counts on
// this (it checks accepted = rows); here it is checked in CI on small files, across chunk bounds.
import path from "node:path";
import { BULK_SEED, writeCasesCsv, writeHazardsXlsx } from "@anjian/demo-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshWarehouse, type TestWarehouse } from "./helpers.ts";

let w: TestWarehouse;
beforeAll(async () => {
  w = await freshWarehouse({ chunkRows: 97 });
});
afterAll(() => w?.close());

describe("the generator's bulk exports", () => {
  it("a GB18030 cases CSV: every row imported, the title, export-time and 合计 rows skipped", async () => {
    const file = path.join(w.dir, "行政处罚案件台账.csv");
    writeCasesCsv({ rows: 400, seed: BULK_SEED, gb18030File: file });
    const { files } = await w.run([file]);
    const f = files[0]!;
    expect(f).toMatchObject({ status: "imported", kind: "cases", accepted: 400, rejected: 0, skipped: 3, duplicate: 0 });
    expect(f.exportTime).toMatch(/^2024-01-05[ T]09:12/);
    const [n] = await w.rows<{ n: number; fined: number }>(
      "SELECT count(*)::INTEGER AS n, count(*) FILTER (fine_yuan > 0)::INTEGER AS fined FROM cases",
    );
    expect(n).toMatchObject({ n: 400 });
    expect(n!.fined).toBeGreaterThan(100);
  });

  it("a hazards workbook: every row imported with its dates, the merged title row skipped", async () => {
    const file = path.join(w.dir, "隐患排查治理台账.xlsx");
    await writeHazardsXlsx({ rows: 300, seed: BULK_SEED, file });
    const { files } = await w.run([file]);
    expect(files[0]).toMatchObject({ status: "imported", kind: "hazards", accepted: 300, rejected: 0, skipped: 1, duplicate: 0 });
    const [r] = await w.rows<{ n: number; dated: number }>(
      "SELECT count(*)::INTEGER AS n, count(*) FILTER (found_on BETWEEN DATE '2021-01-01' AND DATE '2024-12-31')::INTEGER AS dated FROM hazards",
    );
    expect(r).toEqual({ n: 300, dated: 300 });
  });
});
