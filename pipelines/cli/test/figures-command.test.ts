import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { applyModels, computeFigures, FiguresSchema, modelsUpToDate } from "@anjian/indicators";
import { UserError } from "@anjian/errors";
import { openWarehouse } from "@anjian/warehouse";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandContext, type Output } from "../src/context.ts";
import { defaultDocxName, figuresFormat, figuresPeriod, runFigures } from "../src/figures-command.ts";
import { main } from "../src/main.ts";

function capture(): Output & { stdout: string; stderr: string } {
  const o = {
    stdout: "",
    stderr: "",
    isTTY: false,
    out(t: string) {
      o.stdout += t.endsWith("\n") ? t : `${t}\n`;
    },
    err(t: string) {
      o.stderr += t.endsWith("\n") ? t : `${t}\n`;
    },
  };
  return o;
}

/** The context of a run on `warehouse`, whatever the environment of the test run says. */
const at = (warehouse: string) => commandContext(warehouse, {});
const resolver = new ProfileResolver(loadProfile(repoPaths().profile));

/** A valid 统一社会信用代码 from its first 17 characters. */
function creditCode(first17: string): string {
  const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += chars.indexOf(first17[i]!) * w[i]!;
  return first17 + chars[(31 - (sum % 31)) % 31];
}

const A = creditCode("91350304MA2Y0CLI1");
const B = creditCode("91350304MA2Y0CLI2");
const PERSON = "张三丰";
const PERSON_ID = "350304199001011234";

const csv = (rows: string[][]) => `${rows.map((r) => r.join(",")).join("\n")}\n`;

let dir: string;
let warehouse: string;
const quiet = capture();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-figures-cli-"));
  warehouse = path.join(dir, "wh", "anjian.duckdb");
  const data = path.join(dir, "exports");
  fs.mkdirSync(data);
  fs.writeFileSync(
    path.join(data, "cases.csv"),
    csv([
      ["导出时间：2024-01-05 09:12"],
      ["案件编号", "当事人名称", "当事人类型", "统一社会信用代码", "当事人证件号码", "所属镇街", "行业领域", "执法主体", "程序类型", "立案日期", "处罚决定日期", "处罚种类", "罚款金额（元）", "是否一案双罚", "是否法制审核", "案件状态"],
      ["AJ1", "莆田市荔城区甲鞋业有限公司", "单位", A, "", "镇海", "工贸", "荔城区应急管理局", "普通程序", "2023-03-01", "2023-04-10", "罚款、责令停产停业", "45000", "否", "是", "已结案"],
      ["AJ2", PERSON, "个人", "", PERSON_ID, "黄石镇", "工贸", "黄石镇人民政府", "简易程序", "2023-05-05", "2023-05-05", "罚款", "200", "否", "否", "已结案"],
      ["AJ3", "莆田市荔城区乙食品有限公司", "单位", B, "", "新度", "商贸", "区应急局", "普通程序", "2022-03-01", "2022-04-01", "罚款", "30000", "是", "是", "已结案"],
      ["AJ4", "莆田市荔城区乙食品有限公司", "单位", B, "", "新度", "商贸", "区应急局", "普通程序", "2023-06-01", "2023-07-01", "罚款", "12345.67", "是", "是", "执行中"],
    ]),
  );
  fs.writeFileSync(
    path.join(data, "inspections.csv"),
    csv([
      ["导出时间：2024-01-08 10:00"],
      ["检查编号", "检查对象", "统一社会信用代码", "所属镇街", "检查日期", "检查方式", "专项行动", "检查单位"],
      ["JC1", "莆田市荔城区甲鞋业有限公司", A, "镇海街道", "2023-05-10", "专项检查", "重大事故隐患专项排查整治2023行动", "荔城区应急管理局"],
      ["JC2", "莆田市荔城区甲鞋业有限公司", "", "镇海街道", "2023-06-10", "复查", "重大事故隐患专项排查整治2023行动", "荔城区应急管理局"],
      ["JC3", "莆田市荔城区乙食品有限公司", B, "新度镇", "2023-05-12", "专项检查", "重大事故隐患专项排查整治2023行动", "新度镇人民政府"],
    ]),
  );
  fs.writeFileSync(
    path.join(data, "hazards.csv"),
    csv([
      ["导出时间：2024-01-08 10:00"],
      ["隐患编号", "检查编号", "单位名称", "统一社会信用代码", "所属镇街", "发现日期", "隐患等级", "隐患类别", "专项行动", "整改期限", "整改状态", "整改完成日期", "是否挂牌督办"],
      ["YH1", "JC1", "莆田市荔城区甲鞋业有限公司", A, "镇海街道", "2023-05-10", "重大事故隐患", "粉尘防爆", "重大事故隐患专项排查整治2023行动", "2023-07-10", "已整改", "2023-06-30", "是"],
      ["YH2", "JC1", "莆田市荔城区甲鞋业有限公司", A, "镇海街道", "2023-05-10", "一般隐患", "消防", "重大事故隐患专项排查整治2023行动", "2023-05-30", "已整改", "2023-05-20", "否"],
      ["YH3", "JC3", "莆田市荔城区乙食品有限公司", B, "新度镇", "2023-05-12", "一般隐患", "用电安全", "重大事故隐患专项排查整治2023行动", "2023-06-12", "整改中", "", "否"],
    ]),
  );
  fs.writeFileSync(
    path.join(data, "enforcers.csv"),
    csv([
      ["导出时间：2024-01-08 10:00"],
      ["姓名", "身份证号", "所属单位", "执法证号", "发证日期", "有效期至", "证件状态"],
      ["林某", "350304198001010011", "荔城区应急管理局执法大队", "35030402001", "2020-03-16", "2025-03-15", "有效"],
      ["郑某", "350304198501010022", "镇海街道办事处", "35030412301", "2023-07-10", "2028-07-09", "有效"],
    ]),
  );
  expect(await main(["ingest", data, "--warehouse", warehouse, "--json"], quiet)).toBe(0);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("anjian figures: arguments", () => {
  it("--year gives the calendar year; --from and --to any period", () => {
    expect(figuresPeriod({ year: "2023" })).toEqual({ from: "2023-01-01", to: "2023-12-31" });
    expect(figuresPeriod({ from: "2023/5/1", to: "2023年8月31日" })).toEqual({ from: "2023-05-01", to: "2023-08-31" });
  });

  it("wrong usage is exit code 2 with a Chinese message", () => {
    const usage = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        expect((e as UserError).exitCode).toBe(2);
        return (e as UserError).message;
      }
      throw new Error("no error");
    };
    expect(usage(() => figuresPeriod({}))).toContain("--year");
    expect(usage(() => figuresPeriod({ year: "2023", to: "2023-06-30" }))).toContain("--year 不能与 --from、--to 同时使用");
    expect(usage(() => figuresPeriod({ year: "2023", from: "2023-01-01", to: "2023-06-30" }))).toContain("不能");
    expect(usage(() => figuresPeriod({ from: "2023-01-01" }))).toContain("--to");
    expect(usage(() => figuresPeriod({ year: "23" }))).toContain("四位年份");
    expect(usage(() => figuresPeriod({ from: "2023-02-30", to: "2023-03-01" }))).toContain("2023-02-30");
    expect(usage(() => figuresPeriod({ from: "2023-05-01", to: "2023-04-01" }))).toContain("晚于");
    expect(usage(() => figuresFormat("pdf"))).toContain("json、md 或 docx");
    expect(figuresFormat(undefined)).toBe("json");
  });

  it("names the Word file after the year or the period", () => {
    expect(defaultDocxName({ from: "2023-01-01", to: "2023-12-31" })).toBe("年报数据-2023.docx");
    expect(defaultDocxName({ from: "2023-01-01", to: "2023-06-30" })).toBe("年报数据-2023-01-01至2023-06-30.docx");
  });
});

describe("anjian figures on an imported warehouse", () => {
  it("--format json (the default) writes only the contract's JSON to stdout", async () => {
    const o = capture();
    expect(await runFigures({ year: "2023" }, at(warehouse), o)).toBe(0);
    const figures = JSON.parse(o.stdout);
    expect(FiguresSchema.parse(figures)).toEqual(figures);
    expect(figures.period).toEqual({ from: "2023-01-01", to: "2023-12-31" });
    expect(figures.cases.total).toEqual({ count: 3, amount_wan: 5.8 }); // 57 545.67 元
    expect(figures.cases.bureau).toEqual({ count: 2, amount_wan: 5.7 }); // 57 345.67 元
    expect(figures.cases.towns).toEqual({ count: 1, amount_wan: 0 });
    expect(figures.cases.stop_production_parties).toBe(1);
    expect(figures.cases.dual_penalty).toBe(1);
    expect(Object.keys(figures.cases.by_town)).toEqual(["镇海街道", "拱辰街道", "西天尾镇", "黄石镇", "新度镇", "北高镇"]);
    expect(figures.inspections.by_campaign["重大事故隐患专项排查整治2023行动"]).toEqual({ inspections: 3, enterprises: 2 });
    expect(figures.hazards.by_category).toEqual({ 消防安全: 1, 粉尘防爆: 1, 电气安全: 1 });
    expect(figures.enforcers).toMatchObject({ certified: 2, bureau_certified: 1, towns_certified: 1, towns_new_certified: 1 });
    // Only the bureau's ledgers, never imported here, are said to be missing.
    expect(o.stderr.trim().split("\n")).toEqual(NO_LEDGERS);
  });

  it("--format md writes the paragraphs, with no individual's name or ID number", async () => {
    const o = capture();
    expect(await runFigures({ year: "2023", format: "md" }, at(warehouse), o)).toBe(0);
    expect(o.stdout).toContain("全区共办理安全生产行政处罚案件3起");
    expect(o.stdout).toContain("行政处罚金额5.8万元");
    expect(o.stdout).toContain("涉及“一案双罚”1起，责令停产整顿1家");
    expect(o.stdout).toContain("镇街增加1名持证执法人员");
    expect(o.stdout).toContain("数据截至2024年1月8日"); // the latest export time of the files
    expect(o.stdout).not.toContain(PERSON);
    expect(o.stdout).not.toContain(PERSON_ID);
  });

  it("--format docx writes 年报数据-2023.docx when --out is not given", async () => {
    const o = capture();
    expect(await runFigures({ year: "2023", format: "docx", cwd: dir }, at(warehouse), o)).toBe(0);
    const file = path.join(dir, "年报数据-2023.docx");
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    expect(o.stdout).toBe("");
    expect(o.stderr).toContain(file);
  });

  it("--out writes md and json to a file, creating its folder", async () => {
    const o = capture();
    const md = path.join(dir, "out", "报告.md");
    expect(await runFigures({ from: "2023-05-01", to: "2023-08-31", format: "md", out: md }, at(warehouse), o)).toBe(0);
    expect(fs.readFileSync(md, "utf8")).toContain("2023年5月1日至2023年8月31日");
    const json = path.join(dir, "out", "figures.json");
    expect(await runFigures({ year: "2023", out: json }, at(warehouse), capture())).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, "utf8")).cases.total.count).toBe(3);
  });

  it("reads the warehouse without changing it", async () => {
    const hash = () => crypto.createHash("sha256").update(fs.readFileSync(warehouse)).digest("hex");
    const before = hash();
    expect(await runFigures({ year: "2023", format: "md" }, at(warehouse), capture())).toBe(0);
    expect(hash()).toBe(before);
  });

  it("reads the models the import stored, which give what computing them on the spot gives", async () => {
    const w = await openWarehouse(warehouse, { readOnly: true });
    try {
      expect(await modelsUpToDate(w.connection)).toBe(true);
      const periods = [
        { from: "2023-01-01", to: "2023-12-31" },
        { from: "2023-05-11", to: "2023-07-05" },
      ];
      const stored = [];
      for (const p of periods) stored.push(await computeFigures(w.connection, p, resolver));
      await applyModels(w.connection, { temporary: true });
      for (const [i, p] of periods.entries()) expect(await computeFigures(w.connection, p, resolver)).toEqual(stored[i]);
      expect(stored[1]!.inspections!.by_campaign["重大事故隐患专项排查整治2023行动"]).toEqual({ inspections: 2, enterprises: 2 });
    } finally {
      w.close();
    }
  });

  it("warns on stderr, in Chinese, where the data does not reach the period; stdout stays clean JSON", async () => {
    // 2024: every ledger was exported in early January 2024 (partial); cases reach 5 January
    const o = capture();
    expect(await runFigures({ year: "2024", today: "2026-03-01" }, at(warehouse), o)).toBe(0);
    const figures = JSON.parse(o.stdout);
    expect(figures.coverage.cases).toEqual({ from: "2022-03-01", to: "2024-01-05", state: "partial" });
    expect(o.stderr).toContain("注意：行政处罚案件数据只导入到2024年1月5日，早于统计期末（2024年12月31日）一个月以上");
    expect(o.stderr).toContain("注意：隐患排查数据只导入到2024年1月8日");
    // 2019: nothing reaches it; sections null, exit 0, one warning
    const old = capture();
    expect(await runFigures({ year: "2019", today: "2026-03-01" }, at(warehouse), old)).toBe(0);
    expect(JSON.parse(old.stdout)).toMatchObject({ cases: null, inspections: null, hazards: null, enforcers: null });
    expect(old.stderr).toContain("数据仓库中没有统计期2019年1月1日至2019年12月31日的任何数据");
    // 2030: in the future
    const future = capture();
    expect(await runFigures({ year: "2030", format: "md", today: "2026-03-01" }, at(warehouse), future)).toBe(0);
    expect(future.stderr).toContain("注意：统计期2030年1月1日至2030年12月31日尚未到来");
    expect(future.stdout).toContain("行政处罚案件数据只导入到2024年1月5日，本期未统计。");
    expect(future.stdout).not.toMatch(/案件0起/);
  });

  it("a warehouse of another shape is a Chinese sentence without DuckDB's text or values", async () => {
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const other = path.join(dir, "other.duckdb");
    const instance = await DuckDBInstance.create(other);
    const c = await instance.connect();
    // a table of the kind's name but not its columns, holding a value that must not be echoed
    await c.run(`CREATE TABLE cases (x VARCHAR); INSERT INTO cases VALUES ('${PERSON_ID}')`);
    c.closeSync();
    instance.closeSync();
    const failure = await runFigures({ year: "2023", format: "json" }, at(other), capture()).catch((e: UserError) => e);
    expect(failure).toBeInstanceOf(UserError);
    const message = (failure as UserError).message;
    expect(message).toContain("结构与本程序不符");
    expect(message).toContain("anjian ingest");
    expect(message).not.toMatch(/Error|Catalog|Binder|Table|column|does not exist/i);
    expect(message).not.toContain(PERSON_ID);
    expect(message.replace(other, "").replace(/anjian ingest/g, "")).not.toMatch(/[A-Za-z]{3,}/);
  });

  it("a missing warehouse is exit code 1 with a message saying to import first", async () => {
    await expect(runFigures({ year: "2023" }, at(path.join(dir, "nope.duckdb")), capture())).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining("anjian ingest"),
    });
  });
});

/** The warnings for the three ledgers when none of them has been imported. */
const NO_LEDGERS = ["双随机抽查", "事故调查", "工作台账"].map(
  (n) => `注意：尚未导入${n}数据：本期${n}各项为“未统计”（JSON 中为 null）。如有该时期的台账，请先导入。`,
);

describe("anjian figures through main()", () => {
  it("runs with its flags, JSON on stdout only", async () => {
    const o = capture();
    expect(await main(["figures", "--year", "2023", "--warehouse", warehouse], o)).toBe(0);
    expect(JSON.parse(o.stdout).cases.total.count).toBe(3);
    expect(o.stderr.trim().split("\n")).toEqual(NO_LEDGERS);
  });

  it("wrong usage: exit code 2 and a message in Chinese on stderr", async () => {
    for (const argv of [
      ["figures", "--warehouse", warehouse],
      ["figures", "--year", "2023", "--format", "pdf", "--warehouse", warehouse],
      ["figures", "--year", "2023", "--month", "5", "--warehouse", warehouse],
      ["figures", "--from", "2023-13-01", "--to", "2023-12-31", "--warehouse", warehouse],
      ["figures", "--year", "2023", "--from", "2023-05-01", "--to", "2023-12-31", "--warehouse", warehouse],
    ]) {
      const o = capture();
      expect(await main(argv, o), argv.join(" ")).toBe(2);
      expect(o.stdout).toBe("");
      expect(o.stderr).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("is listed in the usage", async () => {
    const o = capture();
    expect(await main(["help"], o)).toBe(0);
    expect(o.stdout).toContain("anjian figures --year 年度");
  });
});
