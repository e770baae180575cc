// The CSV reader marks, per record, the cells that the cleaning rule (anj_clean) may change, and
// typing runs the rule on those cells only. A cell the rule would change must never go unmarked:
// random cells made of blanks, empty markers, quotes, commas and text check that against DuckDB.
import fs from "node:fs";
import path from "node:path";
import { mulberry32 } from "@anjian/demo-data";
import { prepareCsv } from "@anjian/exports";
import { openWarehouse, queryRows } from "@anjian/warehouse";
import { afterAll, describe, expect, it } from "vitest";
import { stageCsvChunk } from "../src/stage.ts";
import { csvText, tempDir } from "./helpers.ts";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PIECES = [" ", "\t", "\u3000", "\u00a0", "\f", "\v", "-", "—", "——", "－", "/", "／", "无", "空", '"', '""', "a", "中", "镇", "1", ",", "\n"];

describe("cells marked for cleaning", () => {
  it("every cell that anj_clean changes is marked, so skipping the unmarked ones changes nothing", async () => {
    const random = mulberry32(3);
    const width = 6;
    const rows = Array.from({ length: 3000 }, () =>
      Array.from({ length: width }, () => Array.from({ length: Math.floor(random() * 5) }, () => PIECES[Math.floor(random() * PIECES.length)]).join("")),
    );
    const file = path.join(dir, "cells.csv");
    fs.writeFileSync(file, csvText([Array.from({ length: width }, (_, i) => `列${i}`), ...rows]));
    const prepared = await prepareCsv(file, { tmpDir: dir, chunkRows: 1000, pickHeader: () => 0 });
    expect(prepared.dataRecords).toBe(rows.length);
    const warehouse = await openWarehouse(path.join(dir, "wh.duckdb"));
    try {
      let changed = 0;
      for (const chunk of prepared.chunks) {
        await stageCsvChunk(warehouse.connection, chunk.file, width, []);
        for (let i = 0; i < width; i++) {
          const [r] = await queryRows<{ changed: number | bigint; unmarked: number | bigint }>(
            warehouse.connection,
            `SELECT count(*) FILTER (WHERE anj_clean(c${i}) IS DISTINCT FROM c${i}) AS changed,
                    count(*) FILTER (WHERE anj_clean(c${i}) IS DISTINCT FROM c${i} AND dirty & ${2 ** i} = 0) AS unmarked
             FROM stage`,
          );
          expect(Number(r!.unmarked), `${path.basename(chunk.file)} column ${i}`).toBe(0);
          changed += Number(r!.changed);
        }
      }
      // The cells are tricky enough that the rule changes many of them.
      expect(changed).toBeGreaterThan(3000);
    } finally {
      warehouse.close();
    }
  });
});
