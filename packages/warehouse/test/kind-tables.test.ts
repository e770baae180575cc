import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { kinds, kindTable } from "@anjian/exports";
import { describe, expect, it } from "vitest";
import { openWarehouse, queryRows } from "../src/warehouse.ts";

const newFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "anjian-kt-")), "w.duckdb");

async function columnsOf(w: Awaited<ReturnType<typeof openWarehouse>>, table: string) {
  return queryRows<{ column_name: string; data_type: string; is_nullable: boolean }>(
    w.connection,
    `SELECT column_name, data_type, is_nullable FROM duckdb_columns() WHERE table_name = $t AND NOT internal ORDER BY column_index`,
    { t: table },
  );
}

describe("kind tables derive from the kind declarations", () => {
  it("a new warehouse has one table per declared kind, with exactly the declared columns and types", async () => {
    const w = await openWarehouse(newFile());
    try {
      for (const kind of kinds) {
        const decl = kindTable(kind);
        const cols = await columnsOf(w, kind.table);
        expect(cols.map((c) => [c.column_name, c.data_type.replace(/\s/g, ""), !c.is_nullable])).toEqual(
          decl.columns.map((c) => [c.name, c.type.replace(/\s/g, ""), c.notNull]),
        );
      }
    } finally {
      w.close();
    }
  });

  it("a warehouse written before a kind or a column was declared still opens: readers see them empty, a writer adds them", async () => {
    const file = newFile();
    const old = await openWarehouse(file);
    // As a warehouse of the four platform kinds, before the ledgers and cases.closed_on existed.
    await old.connection.run("DROP TABLE random_checks; DROP TABLE accidents; DROP TABLE activities");
    await old.connection.run("ALTER TABLE cases DROP COLUMN closed_on");
    await old.connection.run(
      `INSERT INTO cases (case_no, party_name, town, authority, authority_level, "procedure", filed_on, batch_id, file_sha256, row_no, row_hash)
       VALUES ('A1', '甲公司', '镇海街道', '荔城区应急管理局', 'bureau', '普通程序', DATE '2023-03-01', 'b', 's', 2, 'h')`,
    );
    old.close();

    const reader = await openWarehouse(file, { readOnly: true });
    try {
      expect(await queryRows(reader.connection, "SELECT count(*)::INTEGER AS n FROM accidents")).toEqual([{ n: 0 }]);
      expect(await queryRows(reader.connection, "SELECT case_no, closed_on, fine_yuan FROM cases")).toEqual([
        { case_no: "A1", closed_on: null, fine_yuan: "0.00" },
      ]);
      // A second connection of the same reader sees the same.
      const other = await reader.connect();
      expect(await queryRows(other, "SELECT count(*)::INTEGER AS n FROM activities")).toEqual([{ n: 0 }]);
    } finally {
      reader.close();
    }

    const writer = await openWarehouse(file);
    try {
      for (const table of ["random_checks", "accidents", "activities"])
        expect((await columnsOf(writer, table)).map((c) => c.column_name)).toEqual(
          kindTable(kinds.find((k) => k.table === table)!).columns.map((c) => c.name),
        );
      expect((await columnsOf(writer, "cases")).map((c) => c.column_name)).toContain("closed_on");
      expect(await queryRows(writer.connection, "SELECT case_no, closed_on FROM cases")).toEqual([{ case_no: "A1", closed_on: null }]);
    } finally {
      writer.close();
    }
  });
});
