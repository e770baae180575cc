// The indicator models are stale when the warehouse's rules change, not only when a model does: the
// stored tables were computed with the macros of their time (here anj_name_key, which the enterprise
// identity tables store the result of). A warehouse written by an older version, whose anj_name_key
// differed, is read with this code's macro and models, and refreshed by the next writer.
import { openWarehouse, queryRows } from "@anjian/warehouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyModels, loadModelFiles, modelsHash, modelsUpToDate, useModels } from "../src/models.ts";
import type { TempWarehouse } from "./fixture.ts";
import { scenarioWarehouse } from "./scenario.ts";

const OLDER_NAME_KEY = "CREATE OR REPLACE MACRO anj_name_key(s) AS 'older:' || s";
const OLDER_RULES = "rules-of-an-older-version";

let t: TempWarehouse;
beforeAll(async () => {
  t = await scenarioWarehouse();
  const c = t.warehouse.connection;
  // As the older version left it: its macro, its models computed with it, both hashes its own.
  await c.run(OLDER_NAME_KEY);
  await applyModels(c);
  await c.run("UPDATE meta SET value = $v WHERE key = 'rules_hash'", { v: OLDER_RULES });
  await c.run("UPDATE meta SET value = $v WHERE key = 'models_hash'", { v: modelsHash(loadModelFiles(), OLDER_RULES) });
  t.warehouse.close();
});
afterAll(() => t.cleanup());

const olderKeys = async (c: Parameters<typeof queryRows>[0]) =>
  (await queryRows<{ n: number }>(c, "SELECT count(*) FILTER (starts_with(name_key, 'older:'))::INTEGER AS n FROM int_name_keys"))[0]!.n;

describe("models versioned with the rules they use", () => {
  it("the models' hash covers the rules", () => {
    expect(modelsHash(loadModelFiles(), OLDER_RULES)).not.toBe(modelsHash());
    expect(modelsHash(loadModelFiles())).toBe(modelsHash());
  });

  it("a reader of the older warehouse finds the stored models stale and computes them with this code's macro", async () => {
    const ro = await openWarehouse(t.file, { readOnly: true });
    try {
      expect(await modelsUpToDate(ro.connection)).toBe(false);
      expect(await useModels(ro.connection)).toBe("temporary");
      expect(await olderKeys(ro.connection)).toBe(0);
      expect((await queryRows<{ k: string }>(ro.connection, "SELECT anj_name_key('某（莆田）公司 ') AS k"))[0]!.k).toBe("某(莆田)公司");
    } finally {
      ro.close();
    }
  });

  it("the next writer stores this code's macro; the models stay stale until refreshed, then use it", async () => {
    const rw = await openWarehouse(t.file);
    try {
      const c = rw.connection;
      expect(await modelsUpToDate(c)).toBe(false);
      expect(await olderKeys(c)).toBeGreaterThan(0); // the stored tables, as the older rules computed them
      await applyModels(c);
      expect(await modelsUpToDate(c)).toBe(true);
      expect(await olderKeys(c)).toBe(0);
    } finally {
      rw.close();
    }
    const ro = await openWarehouse(t.file, { readOnly: true });
    try {
      expect(await useModels(ro.connection)).toBe("stored");
    } finally {
      ro.close();
    }
  });
});
