import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openWarehouse, queryRows } from "../src/warehouse.ts";

describe("warehouse", () => {
  it("applies every migration once, in order, and again is a no-op", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "anjian-wh-")), "w.duckdb");
    const a = await openWarehouse(file);
    const first = await queryRows<{ name: string }>(a.connection, "SELECT name FROM schema_migrations ORDER BY name");
    a.close();
    const b = await openWarehouse(file);
    const second = await queryRows<{ name: string }>(b.connection, "SELECT name FROM schema_migrations ORDER BY name");
    b.close();
    expect(first.map((r) => r.name)).toEqual(fs.readdirSync(path.join(import.meta.dirname, "..", "sql")).filter((f) => f.endsWith(".sql")).sort());
    expect(second).toEqual(first);
  });

  it("read-only open of a missing warehouse says what to do", async () => {
    await expect(openWarehouse("/nonexistent/x.duckdb", { readOnly: true })).rejects.toThrow("请先用 anjian ingest 导入数据");
  });
});
