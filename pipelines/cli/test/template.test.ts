// `anjian template KIND`: a blank template per kind, read back by the importer once filled in (by a
// program, and re-saved by LibreOffice as a user's office suite would), with its drop-down lists
// surviving LibreOffice.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { type ColumnDecl, kinds, readZipEntries } from "@anjian/exports";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnjian } from "./run-cli.ts";
import { which } from "@anjian/testing";

const ENV = { ANJIAN_KEY: "template-key-0123456789abcdef0123", TZ: "Asia/Shanghai" };
const resolver = new ProfileResolver(loadProfile(repoPaths().profile));
let dir = "";

/** A valid value for a column, as a user would type or pick it. */
function sample(c: ColumnDecl, row: number): ExcelJS.CellValue {
  switch (c.type) {
    case "code":
      return `T${row}-${c.name.length}`;
    case "credit_code":
      return "91350100M000100Y43";
    case "personal_id":
    case "timestamp":
      return null;
    case "date":
      return new Date(Date.UTC(2023, 4, 12));
    case "amount":
      return 1200;
    case "boolean":
      return "否";
    case "town":
      return resolver.townNames()[row % 6]!;
    case "unit":
      return resolver.unitNames()[0]!;
    case "hazard_category":
      return resolver.categoryNames()[0]!;
    case "enum":
      return c.values![0]!;
    case "list":
      return "罚款";
    case "year":
      return 2023;
    case "count":
      return 1;
    default:
      return `测试${c.header}${row}`;
  }
}

async function fill(file: string, kindName: string, rows: number): Promise<void> {
  const kind = kinds.find((k) => k.name === kindName)!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(kind.label)!;
  for (let r = 0; r < rows; r++)
    kind.columns.forEach((c, i) => {
      ws.getCell(3 + r, i + 1).value = sample(c, r);
    });
  await wb.xlsx.writeFile(file);
}

async function listValidations(file: string): Promise<{ sqref: string; formula: string }[]> {
  const entries = await readZipEntries(fs.readFileSync(file));
  const sheet = entries.get("xl/worksheets/sheet1.xml")!.toString("utf8");
  return [...sheet.matchAll(/<dataValidation\b([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)]
    .filter((m) => /type="list"/.test(m[1]!))
    .map((m) => ({ sqref: /sqref="([^"]+)"/.exec(m[1]!)![1]!, formula: m[2]!.replaceAll("&apos;", "'") }));
}

function ingest(folder: string, warehouse: string) {
  const r = runAnjian(["ingest", folder, "--json", "--warehouse", warehouse], { env: ENV });
  return JSON.parse(r.stdout) as { files: { path: string; kind: string; status: string; read: number; accepted: number; rejected: number; skipped: number; notes?: string[] }[] };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-template-"));
  for (const kind of kinds) {
    const r = runAnjian(["template", kind.name, "--out", path.join(dir, "blank", `${kind.name}.xlsx`)], { env: ENV });
    if (r.code !== 0) throw new Error(r.stderr);
  }
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("anjian template", () => {
  it("writes each kind's template: title, header with * on required columns, an explanation sheet, formats", async () => {
    for (const kind of kinds) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, "blank", `${kind.name}.xlsx`));
      const ws = wb.getWorksheet(kind.label)!;
      expect(String(ws.getCell(1, 1).value)).toContain(kind.label);
      expect(kind.columns.map((_, i) => String(ws.getCell(2, i + 1).value))).toEqual(
        kind.columns.map((c) => (c.required ? `${c.header}*` : c.header)),
      );
      const notes = wb.getWorksheet("填写说明")!;
      expect(notes.getColumn(1).values.slice(2, 2 + kind.columns.length)).toEqual(kind.columns.map((c) => c.header));
      kind.columns.forEach((c, i) => {
        const fmt = ws.getColumn(i + 1).numFmt;
        if (c.type === "date") expect(fmt, c.header).toBe("yyyy-mm-dd");
        if (c.type === "code" || c.type === "credit_code" || c.type === "personal_id") expect(fmt, c.header).toBe("@");
      });
    }
  });

  it("puts a drop-down list on every enumerated column (towns, units, levels, categories, statuses, object types, channels)", async () => {
    const wanted = (name: string) => {
      const kind = kinds.find((k) => k.name === name)!;
      return kind.columns.filter((c) => ["enum", "town", "unit", "hazard_category", "boolean"].includes(c.type) || c.name === "channel").length;
    };
    for (const kind of kinds) expect((await listValidations(path.join(dir, "blank", `${kind.name}.xlsx`))).length, kind.name).toBe(wanted(kind.name));
    const activities = await listValidations(path.join(dir, "blank", "activities.xlsx"));
    expect(activities.every((v) => /^'可选值'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/.test(v.formula))).toBe(true);
  });

  it("never writes over an existing file without --force", () => {
    const file = path.join(dir, "blank", "cases.xlsx");
    const before = fs.readFileSync(file);
    const r = runAnjian(["template", "cases", "--out", file], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("已存在，未覆盖");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(runAnjian(["template", "cases", "--out", file, "--force"], { env: ENV }).code).toBe(0);
  });

  it("refuses an unknown kind with the list of kinds", () => {
    const r = runAnjian(["template", "罚单"], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不认识的台账类型“罚单”");
    expect(r.stderr).toContain("random_checks（双随机抽查任务）");
  });

  it("reads its own templates back once filled in", async () => {
    const filled = path.join(dir, "filled");
    fs.mkdirSync(filled);
    for (const kind of kinds) {
      fs.copyFileSync(path.join(dir, "blank", `${kind.name}.xlsx`), path.join(filled, `${kind.name}.xlsx`));
      await fill(path.join(filled, `${kind.name}.xlsx`), kind.name, 3);
    }
    const { files } = ingest(filled, path.join(dir, "filled.duckdb"));
    expect(files).toHaveLength(kinds.length);
    for (const f of files) expect(f, f.path).toMatchObject({ status: "imported", accepted: 3, rejected: 0, skipped: 1 });
    expect(files.map((f) => f.kind).sort()).toEqual(kinds.map((k) => k.name).sort());
  });

  it.skipIf(!which("soffice"))("still imports when saved by LibreOffice, and its drop-downs survive", async () => {
    const filled = path.join(dir, "lo-in");
    const saved = path.join(dir, "lo-out");
    fs.mkdirSync(filled);
    const names = kinds.map((k) => k.name);
    for (const name of names) {
      fs.copyFileSync(path.join(dir, "blank", `${name}.xlsx`), path.join(filled, `${name}.xlsx`));
      await fill(path.join(filled, `${name}.xlsx`), name, 2);
    }
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${dir}/lo-profile`, "--headless", "--calc", "--convert-to", "xlsx", "--outdir", saved, ...names.map((n) => path.join(filled, `${n}.xlsx`))],
      { stdio: "ignore", timeout: 300_000 },
    );
    for (const name of names) {
      // (the blank template's ranges: exceljs, used here to fill the rows in, re-splits them on save)
      const before = await listValidations(path.join(dir, "blank", `${name}.xlsx`));
      const after = await listValidations(path.join(saved, `${name}.xlsx`));
      expect(after.map((v) => v.sqref), name).toEqual(before.map((v) => v.sqref));
      for (const v of after) expect(v.formula, name).toMatch(/^'?可选值'?!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
    }
    const { files } = ingest(saved, path.join(dir, "lo.duckdb"));
    for (const f of files) expect(f, f.path).toMatchObject({ status: "imported", accepted: 2, rejected: 0 });
  }, 400_000);
});
