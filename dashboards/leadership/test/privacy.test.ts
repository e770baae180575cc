// No individual's name and no ID number of the demo data reaches the built site: every file of the
// site is scanned (and the Word documents inside report.json are unpacked and scanned too).
import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { REPO_ROOT } from "./support/site.ts";
import { readZipEntries } from "@anjian/exports";

const site = inject("site");

/** 18-digit ID numbers (GB 11643): area, birth date, sequence, check character. */
const ID_NUMBER = /[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]/g;

function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

function* walk(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** The text of a sample file: a CSV in whatever encoding, or every XML part of a workbook. */
async function sampleText(file: string): Promise<string> {
  const bytes = fs.readFileSync(file);
  if (/\.xlsx$/i.test(file))
    return [...(await readZipEntries(bytes)).values()].map((b) => b.toString("utf8")).join("\n");
  return decode(bytes);
}

/** Every text the site serves, with any Word document inside a JSON file unpacked. */
async function siteTexts(dist: string): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const file of walk(dist)) {
    const bytes = fs.readFileSync(file);
    const rel = path.relative(dist, file);
    out.push({ file: rel, text: bytes.toString("utf8") });
    if (rel.startsWith(path.join("_file", "data", "dash", "report."))) {
      const reports = JSON.parse(bytes.toString("utf8")) as Record<string, { docx: string }>;
      for (const [year, r] of Object.entries(reports))
        for (const [part, content] of await readZipEntries(Buffer.from(r.docx, "base64"))) out.push({ file: `${rel}#${year}/${part}`, text: content.toString("utf8") });
    }
  }
  return out;
}

let idNumbers: string[] = [];
let individuals: string[] = [];
let officers: string[] = [];
let hashes: string[] = [];
let texts: { file: string; text: string }[] = [];

beforeAll(async () => {
  const ids = new Set<string>();
  for (const file of walk(path.join(REPO_ROOT, "data", "samples")))
    for (const m of halfWidth(await sampleText(file)).matchAll(ID_NUMBER)) ids.add(m[0].toUpperCase());
  idNumbers = [...ids];

  const instance = await DuckDBInstance.create(site.warehouse, { access_mode: "READ_ONLY" });
  const c = await instance.connect();
  const column = async (sql: string) => (await c.runAndReadAll(sql)).getRows().map((r) => String(r[0]));
  individuals = await column("SELECT DISTINCT party_name FROM cases WHERE party_type = '个人'");
  officers = await column("SELECT DISTINCT person_name FROM enforcers");
  hashes = await column(
    "SELECT DISTINCT h FROM (SELECT party_id_hash AS h FROM cases UNION SELECT person_id_hash FROM enforcers) WHERE h IS NOT NULL",
  );
  c.closeSync();
  instance.closeSync();
  texts = await siteTexts(site.dist);
});

describe("the demo data has personal data to protect", () => {
  test("ID numbers, individual parties and officers are found in it", () => {
    expect(idNumbers.length).toBeGreaterThan(10);
    expect(individuals.length).toBeGreaterThan(5);
    expect(officers.length).toBeGreaterThan(5);
    expect(texts.length).toBeGreaterThan(20);
  });
});

describe("the built site holds none of it", () => {
  test("no ID number", () => {
    const found = texts.flatMap(({ file, text }) => {
      const t = halfWidth(text).toUpperCase();
      return idNumbers.filter((id) => t.includes(id)).map((id) => `${file}: ${id}`);
    });
    expect(found).toEqual([]);
  });

  test("no individual party's name (an individual shows as 个人)", () => {
    const found = texts.flatMap(({ file, text }) => individuals.filter((n) => text.includes(n)).map((n) => `${file}: ${n}`));
    expect(found).toEqual([]);
  });

  test("no officer's name (the 执法队伍 page shows units and certificate numbers)", () => {
    const found = texts.flatMap(({ file, text }) => officers.filter((n) => text.includes(n)).map((n) => `${file}: ${n}`));
    expect(found).toEqual([]);
  });

  test("not even the keyed hashes of ID numbers", () => {
    const found = texts.flatMap(({ file, text }) => hashes.filter((h) => text.includes(h)).map((h) => `${file}: ${h.slice(0, 12)}…`));
    expect(found).toEqual([]);
  });
});
