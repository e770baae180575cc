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
import { buildDatasets, displayParty, looksLikePersonName } from "../src/data/lib/datasets.ts";
import { tar } from "../src/data/lib/tar.ts";
import { dashboardContext, openMarts } from "../src/data/lib/warehouse.ts";
import { REPO_ROOT } from "./support/site.ts";

describe("what a page may show of a party", () => {
  test("an individual is 个人, whatever the name", () => {
    expect(displayParty("张建华", "个人")).toBe("个人");
    expect(displayParty("莆田市某某鞋业有限公司", "个人")).toBe("个人");
  });

  test("a name that looks like a person's is 个人 even when the type says otherwise", () => {
    expect(looksLikePersonName("林海燕")).toBe(true);
    expect(looksLikePersonName("欧阳振华")).toBe(true);
    expect(displayParty("林海燕", "单位")).toBe("个人");
    expect(displayParty("林海燕", null)).toBe("个人");
  });

  test("businesses keep their names", () => {
    expect(displayParty("莆田市荔城区捷顺超市有限公司", "单位")).toBe("莆田市荔城区捷顺超市有限公司");
    expect(displayParty("荔城区镇海木兰便利店", "个体工商户")).toBe("荔城区镇海木兰便利店");
  });
});

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
});

describe("the quality page's rejects", () => {
  test("count open rejects only, as anjian status does (rows a later file supplied are history)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-dash-rejects-"));
    try {
      const cli = (args: string[]) =>
        execFileSync(process.execPath, [path.join(REPO_ROOT, "pipelines", "cli", "bin", "anjian.js"), ...args], {
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
        const entries = await buildDatasets(wh.connection, { resolver: new ProfileResolver(loadProfile(repoPaths().profile)) });
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
