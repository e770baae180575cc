// The CSV reader marks, per record, the cells that the cleaning rule (anj_clean) may change and the
// cells that may hold an ID number (anj_mask_ids), and typing runs each rule on its marked cells
// only. A cell a rule would change must never go unmarked: random cells made of blanks, empty
// markers, quotes, commas, digits and text check that against DuckDB.
import fs from "node:fs";
import path from "node:path";
import { idCardCheckChar } from "@anjian/codes";
import { prepareCsv } from "@anjian/exports";
import { openWarehouse, queryRows } from "@anjian/warehouse";
import { afterAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../bench/prng.ts";
import { stageCsvChunk } from "../src/stage.ts";
import { csvText, tempDir } from "./helpers.ts";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const WIDTH = 6;

/**
 * Stages random rows made of `pieces` through the CSV reader and counts, per column, the cells that
 * `rule` changes and those among them whose bit in `marks` is not set (which must be none).
 */
async function changedAndUnmarked(name: string, seed: number, pieces: (string | (() => string))[], rule: (cell: string) => string, marks: "dirty" | "ids") {
  const random = mulberry32(seed);
  const piece = () => {
    const p = pieces[Math.floor(random() * pieces.length)]!;
    return typeof p === "string" ? p : p();
  };
  const rows = Array.from({ length: 3000 }, () =>
    Array.from({ length: WIDTH }, () => Array.from({ length: Math.floor(random() * 5) }, piece).join("")),
  );
  const file = path.join(dir, `${name}.csv`);
  fs.writeFileSync(file, csvText([Array.from({ length: WIDTH }, (_, i) => `列${i}`), ...rows]));
  const prepared = await prepareCsv(file, { tmpDir: dir, chunkRows: 1000, pickHeader: () => 0 });
  expect(prepared.dataRecords).toBe(rows.length);
  const warehouse = await openWarehouse(path.join(dir, `${name}.duckdb`));
  let changed = 0;
  try {
    for (const chunk of prepared.chunks) {
      await stageCsvChunk(warehouse.connection, chunk.file, WIDTH, []);
      for (let i = 0; i < WIDTH; i++) {
        const [r] = await queryRows<{ changed: number | bigint; unmarked: number | bigint }>(
          warehouse.connection,
          `SELECT count(*) FILTER (WHERE ${rule(`c${i}`)} IS DISTINCT FROM c${i}) AS changed,
                  count(*) FILTER (WHERE ${rule(`c${i}`)} IS DISTINCT FROM c${i} AND ${marks} & ${2 ** i} = 0) AS unmarked
           FROM stage`,
        );
        expect(Number(r!.unmarked), `${path.basename(chunk.file)} column ${i}`).toBe(0);
        changed += Number(r!.changed);
      }
    }
  } finally {
    warehouse.close();
  }
  return changed;
}

describe("cells marked for the rules", () => {
  it("every cell that anj_clean changes is marked, so skipping the unmarked ones changes nothing", async () => {
    const pieces = [" ", "\t", "\u3000", "\u00a0", "\f", "\v", "-", "—", "——", "－", "/", "／", "无", "空", '"', '""', "a", "中", "镇", "1", ",", "\n"];
    const changed = await changedAndUnmarked("clean", 3, pieces, (c) => `anj_clean(${c})`, "dirty");
    // The cells are tricky enough that the rule changes many of them.
    expect(changed).toBeGreaterThan(3000);
  });

  it("every cell in which anj_mask_ids finds an ID number is marked, so masking only the marked ones hides them all", async () => {
    const random = mulberry32(11);
    const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(random() * 10))).join("");
    const id = () => {
      const first17 = `350304${digits(11)}`;
      return first17 + idCardCheckChar(first17);
    };
    const pieces = [" ", "中", "号", ",", '"', "X", "x", "-", "\n", () => digits(1 + Math.floor(random() * 20)), id, id];
    const masked = await changedAndUnmarked("ids", 11, pieces, (c) => `anj_mask_ids(${c}, 'k')`, "ids");
    // Many cells hold a valid ID number, so the test has something to find.
    expect(masked).toBeGreaterThan(1000);
  });
});
