// The models' own tests, dbt style, on real DuckDB files: every model states its grain and key;
// keys are unique, declared columns not null, enumerations hold accepted values, relationships
// hold, and the invariants of models/tests/*.sql return zero rows, for several periods.
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { repoPaths } from "@anjian/config";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { openWarehouse, queryRows, sqlStatements } from "@anjian/warehouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyModels, loadModelFiles, modelsHash, modelsUpToDate, useModels } from "../src/models.ts";
import { insertRows, type TempWarehouse, tempWarehouse } from "./fixture.ts";
import { decls, genericChecks, INVARIANTS, PERIODS, rows } from "../src/model-checks.ts";
import { CODE_A, CODE_B, CODE_C, INDIVIDUAL, loadScenario, scenarioWarehouse } from "./scenario.ts";

describe("model declarations", () => {
  it("every view and macro states its grain and key", () => {
    expect(decls.length).toBeGreaterThan(20);
    for (const d of decls) {
      expect(d.grain, d.name).not.toBe("");
      expect(d.keyDeclared, d.name).not.toBe("");
    }
  });

  it("names say the layer: stg_ in staging, int_ in intermediate, mart_ in marts", () => {
    for (const d of decls) {
      const layer = d.file.split("/")[0];
      const prefix = { staging: "stg_", intermediate: "int_", marts: "mart_" }[layer as "staging"];
      expect(d.name.startsWith(prefix), `${d.file}: ${d.name}`).toBe(true);
    }
  });

  it("files apply in numeric order with no number used twice", () => {
    const numbers = decls.map((d) => path.basename(d.file).slice(0, 3));
    expect(new Set(decls.map((d) => d.file)).size).toBe(new Set(numbers).size);
  });
});

describe("applying the models", () => {
  let t: TempWarehouse;
  beforeAll(async () => {
    t = await tempWarehouse();
    await loadScenario(t.warehouse.connection);
  });
  afterAll(() => t.cleanup());

  it("is idempotent and records the models' hash", async () => {
    const c = t.warehouse.connection;
    expect(await modelsUpToDate(c)).toBe(false);
    const first = await applyModels(c);
    const second = await applyModels(c);
    expect(second).toBe(first);
    expect(first).toBe(modelsHash());
    expect(await modelsUpToDate(c)).toBe(true);
    const [row] = await queryRows<{ n: number }>(c, "SELECT CAST(count(*) AS INTEGER) AS n FROM mart_cases");
    expect(row!.n).toBe(11);
  });

  it("works as temporary objects on a read-only warehouse, also when none are stored", async () => {
    t.warehouse.close();
    const fresh = await tempWarehouse();
    await loadScenario(fresh.warehouse.connection);
    fresh.warehouse.close();
    const ro = await openWarehouse(fresh.file, { readOnly: true });
    try {
      await expect(ro.connection.run("CREATE VIEW x AS SELECT 1")).rejects.toThrow();
      await applyModels(ro.connection, { temporary: true });
      await applyModels(ro.connection, { temporary: true });
      const [row] = await queryRows<{ n: number }>(
        ro.connection,
        "SELECT cases AS n FROM mart_case_totals(CAST($f AS DATE), CAST($t AS DATE)) WHERE dimension = 'total'",
        { f: "2023-01-01", t: "2023-12-31" },
      );
      expect(row!.n).toBe(9);
    } finally {
      ro.close();
      fresh.cleanup();
    }
  });
});

describe("stored models and readers", () => {
  it("readers use the stored tables while current, and compute their own once the data changed", async () => {
    const t = await scenarioWarehouse();
    const total = async (c: DuckDBConnection) =>
      (
        await queryRows<{ n: number }>(
          c,
          "SELECT cases AS n FROM mart_case_totals(CAST($f AS DATE), CAST($t AS DATE)) WHERE dimension = 'total'",
          { f: "2023-01-01", t: "2023-12-31" },
        )
      )[0]!.n;
    try {
      const [stored] = await queryRows<{ type: string }>(
        t.warehouse.connection,
        "SELECT table_type AS type FROM information_schema.tables WHERE table_name = 'mart_case_days'",
      );
      expect(stored!.type).toBe("BASE TABLE");
      expect(await modelsUpToDate(t.warehouse.connection)).toBe(true);
      t.warehouse.close();

      let ro = await openWarehouse(t.file, { readOnly: true });
      expect(await useModels(ro.connection)).toBe("stored");
      expect(await total(ro.connection)).toBe(9);
      ro.close();

      // An import whose refresh did not run (it failed, or the process was killed): stale tables.
      const rw = await openWarehouse(t.file);
      await insertRows(rw.connection, "cases", [{ case_no: "NEW1", decided_on: "2023-11-11", fine_yuan: "100" }]);
      await rw.connection.run(
        `INSERT INTO files (batch_id, seq, path, file_name, file_sha256, size_bytes, kind, status, imported_at)
         VALUES ('b2', 0, 'x.csv', 'x.csv', 'sha-x', 1, 'cases', 'imported', TIMESTAMP '2024-02-01 10:00:00')`,
      );
      rw.close();
      ro = await openWarehouse(t.file, { readOnly: true });
      expect(await modelsUpToDate(ro.connection)).toBe(false);
      expect(await useModels(ro.connection)).toBe("temporary");
      expect(await total(ro.connection)).toBe(10);
      ro.close();
    } finally {
      t.cleanup();
    }
  });

  it("a model that became a table replaces the view stored by older code", async () => {
    const t = await scenarioWarehouse();
    try {
      const c = t.warehouse.connection;
      await c.run("DROP TABLE mart_case_days");
      await c.run("CREATE VIEW mart_case_days AS SELECT 1 AS stale");
      await applyModels(c);
      const [row] = await queryRows<{ n: number }>(c, "SELECT CAST(sum(cases) AS INTEGER) AS n FROM mart_case_days WHERE dimension = 'total'");
      expect(row!.n).toBe(11);
    } finally {
      t.cleanup();
    }
  });
});

describe("generic and singular tests on the hand-made district", () => {
  let t: TempWarehouse;
  beforeAll(async () => {
    t = await scenarioWarehouse();
  });
  afterAll(() => t.cleanup());

  const relational = decls.filter((d) => d.object !== "scalar");
  for (const d of relational) {
    it(`${d.name}: unique key, not null, accepted values, relationships`, async () => {
      for (const p of d.args === "none" ? [PERIODS[0]!] : PERIODS)
        for (const check of genericChecks(d))
          expect(await rows(t.warehouse.connection, check.sql, p), `${d.name} ${check.name} ${p.from}..${p.to}`).toEqual([]);
    });
  }

  for (const inv of INVARIANTS) {
    it(`invariant ${inv.name} returns zero rows`, async () => {
      for (const p of PERIODS) expect(await rows(t.warehouse.connection, inv.sql, p), `${inv.name} ${p.from}..${p.to}`).toEqual([]);
    });
  }

  it("towns, units and categories in the marts are the profile's", async () => {
    const r = new ProfileResolver(loadProfile(repoPaths().profile));
    const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(", ");
    const c = t.warehouse.connection;
    const p = PERIODS[1]!;
    for (const sql of [
      `SELECT town FROM mart_cases WHERE town NOT IN (${list(r.townNames())})`,
      `SELECT unit FROM mart_cases WHERE unit NOT IN (${list(r.unitNames())})`,
      `SELECT town FROM mart_hazards WHERE town NOT IN (${list(r.townNames())})`,
      `SELECT category FROM mart_hazards WHERE category NOT IN (${list(r.categoryNames())})`,
      `SELECT unit FROM mart_certificates WHERE unit NOT IN (${list(r.unitNames())})`,
    ])
      expect(await rows(c, sql, p), sql).toEqual([]);
  });

  it("the invariants do catch a broken rule", async () => {
    const c = t.warehouse.connection;
    // Break the bureau/towns split in a temporary copy of the case mart: the invariant must fail.
    // Break the case mart in a temporary copy that shadows the real one: town cases lose their
    // level, and one case is counted twice. The invariant and the generic tests must fail.
    await c.run(
      `CREATE TEMP TABLE broken_cases AS
       SELECT * REPLACE (CASE WHEN unit_level = 'town' THEN 'district' ELSE unit_level END AS unit_level) FROM mart_cases
       UNION ALL SELECT * FROM mart_cases WHERE case_no = 'C01'`,
    );
    await c.run("CREATE TEMP VIEW mart_cases AS SELECT * FROM broken_cases");
    // The day and month slices are stored tables: recompute them from the broken mart, as a refresh would.
    for (const name of ["mart_case_days", "mart_case_months"])
      await c.run(modelStatement(name).replace("CREATE OR REPLACE VIEW", "CREATE TEMP TABLE"));
    try {
      const inv = INVARIANTS.find((i) => i.name === "cases_bureau_plus_towns_is_total.sql")!;
      expect((await rows(c, inv.sql, PERIODS[1]!)).length).toBeGreaterThan(0);
      const checks = genericChecks(decls.find((d) => d.name === "mart_cases")!);
      for (const name of ["unique (case_no)", "accepted unit_level"]) {
        const check = checks.find((k) => k.name === name)!;
        expect((await rows(c, check.sql, PERIODS[1]!)).length, name).toBeGreaterThan(0);
      }
    } finally {
      await c.run("DROP TABLE temp.mart_case_months");
      await c.run("DROP TABLE temp.mart_case_days");
      await c.run("DROP VIEW temp.mart_cases");
      await c.run("DROP TABLE temp.broken_cases");
    }
  });
});

describe("rules on the hand-made district", () => {
  let t: TempWarehouse;
  let c: DuckDBConnection;
  beforeAll(async () => {
    t = await scenarioWarehouse();
    c = t.warehouse.connection;
  });
  afterAll(() => t.cleanup());

  const idOf = async (kind: string, key: string) =>
    (
      await queryRows<{ enterprise_id: string; identified_by: string }>(
        c,
        "SELECT enterprise_id, identified_by FROM int_enterprise_identity WHERE kind = $k AND record_key = $r",
        { k: kind, r: key },
      )
    )[0];

  it("enterprise identity: own valid code, else the one code of the name, else the name", async () => {
    expect(await idOf("cases", "C01")).toEqual({ enterprise_id: CODE_A, identified_by: "code" });
    // other spelling (half-width brackets, trailing space), no code
    expect(await idOf("cases", "C02")).toEqual({ enterprise_id: CODE_A, identified_by: "name_code" });
    expect(await idOf("hazards", "H05")).toEqual({ enterprise_id: CODE_A, identified_by: "name_code" });
    // wrong check digit: resolved through the name to the valid code
    expect(await idOf("cases", "C13")).toEqual({ enterprise_id: CODE_B, identified_by: "name_code" });
    // coded only in an ordinary inspection
    expect(await idOf("inspections", "I05")).toEqual({ enterprise_id: CODE_C, identified_by: "name_code" });
    // a wrong code everywhere, or two codes for the name: the name stands
    expect((await idOf("inspections", "I07"))!.identified_by).toBe("name");
    expect((await idOf("inspections", "I10"))!.identified_by).toBe("name");
    // the unregistered workshop, spelt with a space once: one identity
    expect((await idOf("inspections", "I03"))!.enterprise_id).toBe((await idOf("inspections", "I04"))!.enterprise_id);
  });

  it("an individual is identified by name, and the name never appears in a mart", async () => {
    const ind = await idOf("cases", "C03");
    expect(ind!.identified_by).toBe("individual");
    expect(ind!.enterprise_id).not.toContain(INDIVIDUAL);
    for (const d of decls.filter((x) => x.object === "view" && x.name.startsWith("mart_"))) {
      const found = await queryRows(c, `SELECT * FROM ${d.name} t WHERE CAST(t AS VARCHAR) LIKE '%' || $n || '%'`, { n: INDIVIDUAL });
      expect(found, d.name).toEqual([]);
    }
  });

  it("overdue hazards on any day", async () => {
    const overdue = async (d: string) =>
      (await queryRows<{ hazard_no: string }>(c, "SELECT hazard_no FROM mart_hazards_overdue(CAST($d AS DATE)) ORDER BY 1", { d })).map(
        (r) => r.hazard_no,
      );
    expect(await overdue("2023-05-25")).toEqual([]);
    expect(await overdue("2023-06-15")).toEqual(["H04"]);
    // H01 was rectified before its deadline; H03 too
    expect(await overdue("2023-07-15")).toEqual(["H02", "H04"]);
    expect(await overdue("2023-12-31")).toEqual(["H02", "H04", "H05"]);
  });

  it("certificates valid on a day, new ones, and those expiring within 90 days", async () => {
    const valid = async (d: string) =>
      (await queryRows<{ n: number }>(c, "SELECT CAST(count(*) AS INTEGER) AS n FROM mart_certificates_valid_on(CAST($d AS DATE))", { d }))[0]!.n;
    expect(await valid("2023-12-31")).toBe(8);
    // E02 was cancelled on 2023-04-20 (the day E03 was issued): on that day only E03 counts for the holder
    expect(await valid("2023-04-19")).toBe(await valid("2023-04-20"));
    const expiring = await queryRows<{ certificate_no: string; days_left: number }>(
      c,
      "SELECT certificate_no, days_left FROM mart_certificates_expiring(CAST($d AS DATE), 90)",
      { d: "2023-12-31" },
    );
    expect(expiring).toEqual([{ certificate_no: "E12", days_left: 31 }]);
    const fresh = await queryRows<{ certificate_no: string }>(
      c,
      "SELECT certificate_no FROM mart_certificates WHERE new_holder AND issued_on >= DATE '2023-01-01' ORDER BY 1",
    );
    expect(fresh.map((r) => r.certificate_no)).toEqual(["E06", "E07", "E10"]);
  });

  it("pending cases: filed in the period, undecided at its end, not withdrawn", async () => {
    const pending = await queryRows<{ case_no: string }>(
      c,
      "SELECT case_no FROM mart_cases_pending(CAST($f AS DATE), CAST($t AS DATE)) ORDER BY 1",
      { f: "2023-01-01", t: "2023-12-31" },
    );
    expect(pending.map((r) => r.case_no)).toEqual(["C08", "C09"]);
  });

  it("the monthly marts hold every month × unit × procedure × town × industry", async () => {
    const [m] = await queryRows<{ n: number; cases: number }>(
      c,
      "SELECT CAST(count(*) AS INTEGER) AS n, CAST(sum(cases) AS INTEGER) AS cases FROM mart_cases_monthly WHERE decided_year = 2023",
    );
    expect(m).toEqual({ n: 9, cases: 9 });
    const [h] = await queryRows<{ hazards: number }>(c, "SELECT CAST(sum(hazards) AS INTEGER) AS hazards FROM mart_hazards_monthly WHERE found_year = 2023");
    expect(h!.hazards).toBe(7);
  });
});


/** The CREATE statement of one model, as written in its file. */
function modelStatement(name: string): string {
  for (const f of loadModelFiles())
    for (const statement of sqlStatements(f.sql))
      if (new RegExp(`^CREATE OR REPLACE (VIEW|MACRO) ${name}\\b`, "m").test(statement))
        return statement.replace(/^(--.*\n)*/gm, "").trim();
  throw new Error(`no model ${name}`);
}
