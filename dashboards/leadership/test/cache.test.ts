// The loader cache follows the warehouse: the fingerprint is stable while the warehouse is only read,
// changes when its content changes, and a change clears the cached loader output.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { fingerprint, tieCacheToWarehouse } from "../scripts/fingerprint.ts";

const site = inject("site");
let dir: string;
let copy: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-cache-test-"));
  copy = path.join(dir, "copy.duckdb");
  fs.copyFileSync(site.warehouse, copy);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function write(sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(copy);
  const c = await instance.connect();
  await c.run(sql);
  c.closeSync();
  instance.closeSync();
}

describe("warehouse fingerprint", () => {
  test("is stable across reads, and changes with the content", async () => {
    const a = await fingerprint(copy);
    const b = await fingerprint(copy);
    expect(b.hash).toBe(a.hash);
    await write("UPDATE cases SET row_hash = row_hash || 'x' WHERE case_no = (SELECT min(case_no) FROM cases)");
    const c = await fingerprint(copy);
    expect(c.hash).not.toBe(a.hash);
    expect(c.state.cases).not.toBe(a.state.cases);
  });

  test("a new import batch changes it", async () => {
    const before = await fingerprint(copy);
    await write("INSERT INTO batches VALUES ('29991231-000000-ffffff', now(), now(), 'anjian ingest test', 'test')");
    const after = await fingerprint(copy);
    expect(after.state.last_batch).toBe("29991231-000000-ffffff");
    expect(after.hash).not.toBe(before.hash);
  });

  test("a changed fingerprint clears the loader cache; an unchanged one keeps it", async () => {
    const cacheDir = path.join(dir, "cache", "data");
    const fingerprintFile = path.join(dir, "cache", "fingerprint.json");
    const cached = path.join(cacheDir, "dash.tar");
    const fill = () => {
      fs.mkdirSync(cacheDir, { recursive: true });
      fs.writeFileSync(cached, "old output");
    };
    fill();
    expect(await tieCacheToWarehouse(copy, { cacheDir, fingerprintFile })).toBe(true); // no record yet
    expect(fs.existsSync(cached)).toBe(false);
    fill();
    expect(await tieCacheToWarehouse(copy, { cacheDir, fingerprintFile })).toBe(false);
    expect(fs.existsSync(cached)).toBe(true);
    await write("DELETE FROM hazards WHERE hazard_no = (SELECT min(hazard_no) FROM hazards)");
    expect(await tieCacheToWarehouse(copy, { cacheDir, fingerprintFile })).toBe(true);
    expect(fs.existsSync(cached)).toBe(false);
  });
});
