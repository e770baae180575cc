import { kinds } from "@anjian/exports";
import { afterEach, describe, expect, it } from "vitest";
import { tableColumns } from "../src/index.ts";
import { freshWarehouse, type TestWarehouse } from "./helpers.ts";

let w: TestWarehouse;
afterEach(() => w?.close());

describe("kind declarations and warehouse tables stay in step", () => {
  it("each kind's table has exactly its declared columns plus lineage", async () => {
    w = await freshWarehouse();
    for (const kind of kinds) {
      const cols = await w.rows<{ column_name: string }>(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = $t ORDER BY column_index",
        { t: kind.table },
      );
      expect(cols.map((c) => c.column_name)).toEqual([
        ...tableColumns(kind),
        "batch_id",
        "file_sha256",
        "sheet",
        "row_no",
        "row_hash",
        "warnings",
      ]);
    }
  });
});
