// Pieces of the data loader that can be checked on their own.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { queryRows } from "@anjian/warehouse";
import { tableFromIPC } from "apache-arrow";
import { describe, expect, test } from "vitest";
import { arrowFile } from "../src/data/lib/arrow.ts";
import { loadContext } from "../src/data/lib/context.ts";
import { tar } from "../src/data/lib/tar.ts";
import { dashboardContext, openMarts } from "../src/data/lib/warehouse.ts";
import { qualityFiles } from "../src/data/pages/quality.ts";
import { ANJIAN_BIN } from "./support/anjian-bin.ts";

describe("the loader's archive", () => {
  test("is a tar that the system's tar reads back", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-tar-"));
    try {
      const big = Buffer.alloc(1500, 7);
      fs.writeFileSync(path.join(dir, "a.tar"), tar([{ name: "meta.json", data: Buffer.from('{"a":"镇海街道"}') }, { name: "x.arrow", data: big }]));
      expect(execFileSync("tar", ["-tf", "a.tar"], { cwd: dir, encoding: "utf8" }).trim().split("\n")).toEqual(["meta.json", "x.arrow"]);
      execFileSync("tar", ["-xf", "a.tar"], { cwd: dir });
      expect(fs.readFileSync(path.join(dir, "meta.json"), "utf8")).toBe('{"a":"镇海街道"}');
      expect(fs.readFileSync(path.join(dir, "x.arrow")).equals(big)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Arrow files", () => {
  test("carry numbers as numbers and text as text, nulls kept", () => {
    const bytes = arrowFile(
      [
        { town: "黄石镇", cases: 3, cents: 120000, listed: true, note: null },
        { town: "新度镇", cases: 0, cents: 0, listed: false, note: "x" },
      ],
      { town: "text", cases: "int", cents: "float", listed: "bool", note: "text" },
    );
    const rows = tableFromIPC(bytes).toArray().map((r) => r.toJSON());
    expect(rows).toEqual([
      { town: "黄石镇", cases: 3, cents: 120000, listed: true, note: null },
      { town: "新度镇", cases: 0, cents: 0, listed: false, note: "x" },
    ]);
  });

  test("depend on their content only, not on the files written before them", () => {
    const file = () => arrowFile([{ town: "黄石镇", unit: "黄石镇人民政府" }], { town: "text", unit: "text" });
    const first = file();
    arrowFile([{ a: "x", b: "y", c: "z" }], { a: "text", b: "text", c: "text" });
    expect(Buffer.from(file()).equals(Buffer.from(first))).toBe(true);
  });
});

describe("the quality page's rejects", () => {
  test("count open rejects only, as anjian status does (rows a later file supplied are history)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-dash-rejects-"));
    try {
      const cli = (args: string[]) =>
        execFileSync(process.execPath, [ANJIAN_BIN, ...args], {
          env: { ...process.env, ANJIAN_KEY: "dashboard-test-key-0123456789abcdef" },
          encoding: "utf8",
        });
      const warehouse = path.join(dir, "wh", "anjian.duckdb");
      const header = "案件编号,当事人名称,所属镇街,执法主体,程序类型,立案日期,罚款金额（元）";
      // two rows rejected (unknown towns), then a corrected file supplies one of them
      fs.writeFileSync(path.join(dir, "a.csv"), `${header}\nA1,甲公司,镇海,区应急局,普通,2023-03-01,100\nA2,乙公司,火星镇,区应急局,普通,2023-03-01,100\nA3,丙公司,月球镇,区应急局,普通,2023-03-01,100\n`);
      fs.writeFileSync(path.join(dir, "b.csv"), `${header}\nA2,乙公司,北高,区应急局,普通,2023-03-01,100\n`);
      cli(["ingest", path.join(dir, "a.csv"), "--json", "--warehouse", warehouse]);
      cli(["ingest", path.join(dir, "b.csv"), "--json", "--warehouse", warehouse]);
      const status = JSON.parse(cli(["status", "--json", "--warehouse", warehouse])) as { rejects: { rows: number }[]; rejects_resolved: number };
      expect(status.rejects_resolved).toBe(1);
      const open = status.rejects.reduce((a, r) => a + r.rows, 0);
      expect(open).toBe(1);

      const wh = await openMarts(dashboardContext({ ANJIAN_WAREHOUSE: warehouse }));
      try {
        const [all] = await queryRows<{ n: number }>(wh.connection, "SELECT count(*)::INTEGER AS n FROM rejects");
        expect(all!.n).toBe(2); // the history holds both
        const entries = await qualityFiles(await loadContext(wh.connection, new ProfileResolver(loadProfile(repoPaths().profile))));
        const arrow = entries.find((e) => e.name === "rejects.arrow")!;
        const rows = tableFromIPC(arrow.data).toArray().map((r) => r.toJSON() as { rows: number; reason: string });
        expect(rows.reduce((a, r) => a + r.rows, 0)).toBe(open);
        expect(rows.map((r) => r.reason).join()).not.toContain("火星镇"); // values stay out of reasons
      } finally {
        wh.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
