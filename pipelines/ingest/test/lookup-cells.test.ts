// The CSV reader collects the distinct cells of the looked-up columns (towns, units) while it
// splits records, so that lookups need no second parse of each chunk. Those cells must be exactly
// what DuckDB's read_csv gives for the same chunk, or a row would miss its lookup and be rejected.
import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { prepareCsv } from "@anjian/exports";
import { afterAll, describe, expect, it } from "vitest";
import { stageCsvChunk } from "../src/stage.ts";
import { tempDir } from "./helpers.ts";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("distinct cells collected by the CSV reader", () => {
  it("equal read_csv's cells of each chunk: quotes, escaped quotes, CRLF, blanks, short and set-aside rows", async () => {
    const file = path.join(dir, "tricky.csv");
    const lines = [
      "标题行",
      "编号,镇街,执法单位,备注",
      '1,黄石镇,"区应急局",x',
      '2,"黄石镇",区应急管理局,"多行\n备注"',
      '3, 新度镇 ,"带""引号""的单位",',
      "4,,,",
      '5,"",区应急局',
      "6,北高镇",
      "",
      "7,笏石镇,单位,多,出,的,列",
      '8,"逗号,镇",笏石镇安办,y',
      "9,　新度镇　,区应急局,z",
      '10,"黄石镇",区应急局,"末行"',
    ];
    fs.writeFileSync(file, lines.join("\r\n"));
    const prepared = await prepareCsv(file, {
      tmpDir: dir,
      chunkRows: 3,
      pickHeader: (rows) => rows.findIndex((r) => r[0] === "编号"),
      distinctOf: () => [1, 2],
    });
    expect(prepared.chunks.length).toBe(4);
    expect(prepared.badRecords.map((b) => b.rowNo)).toEqual([10]);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      for (const chunk of prepared.chunks) {
        await stageCsvChunk(connection, chunk.file, 4, []);
        for (const [slot, column] of [1, 2].entries()) {
          const reader = await connection.runAndReadAll(
            `SELECT DISTINCT c${column} FROM stage s ANTI JOIN (SELECT 10 AS row_no) b USING (row_no) WHERE c${column} IS NOT NULL`,
          );
          const fromDuckDb = reader.getRows().map((r) => String(r[0]));
          expect([...chunk.distinct[slot]!].sort(), `${path.basename(chunk.file)} column ${column}`).toEqual(fromDuckDb.sort());
        }
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    const all = (slot: number) => new Set(prepared.chunks.flatMap((c) => [...c.distinct[slot]!]));
    expect(all(0)).toEqual(new Set(["黄石镇", " 新度镇 ", "北高镇", "逗号,镇", "　新度镇　"]));
    expect(all(1)).toEqual(new Set(["区应急局", "区应急管理局", '带"引号"的单位', "笏石镇安办"]));
  });
});
