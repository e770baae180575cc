// docs/import.md §5 lists every kind's columns for analysts. The declarations (kinds.ts) and the
// shipped alias table are the truth; this keeps the document from drifting away from them: a kind
// or a column added, renamed, made required or given an alias fails here until the table says so.
import fs from "node:fs";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { describe, expect, it } from "vitest";
import { type KindDecl, kinds, loadAliasTable, normaliseHeader } from "../src/index.ts";

const repo = repoPaths();
const doc = fs.readFileSync(path.join(repo.root, "docs", "import.md"), "utf8");
const aliases = loadAliasTable(repo.aliases);

interface DocRow {
  header: string;
  required: boolean;
  aliases: string[];
  columns: string[];
}

/** The section of a kind (### … (`name`)) up to the next heading, and its table rows by header. */
function documented(kind: KindDecl): { key: string | null; rows: Map<string, DocRow> } {
  const start = doc.search(new RegExp(`^### .*（\`${kind.name}\`）`, "m"));
  if (start < 0) return { key: null, rows: new Map() };
  const rest = doc.slice(start + 4);
  const end = rest.search(/^#{2,3} /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const key = /^键：(.+?)。/m.exec(section)?.[1] ?? null;
  const rows = new Map<string, DocRow>();
  for (const line of section.split("\n")) {
    if (!line.startsWith("| ") || line.startsWith("| ---") || line.startsWith("| 标准表头")) continue;
    const cells = line.split("|").map((c) => c.trim());
    // | header | required | type | aliases | notes | columns |
    const [, header, required, , aliasCell, , columnCell] = cells;
    rows.set(header!, {
      header: header!,
      required: required === "✱",
      aliases: aliasCell ? aliasCell.split("、").filter(Boolean) : [],
      columns: [...(columnCell ?? "").matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!),
    });
  }
  return { key, rows };
}

/** The aliases that the shipped table maps onto a column (the canonical header itself left out). */
function shippedAliases(kind: KindDecl, column: string, header: string): string[] {
  const byHeader = aliases.byKind.get(kind.name)!;
  return [...byHeader.entries()].filter(([text, col]) => col === column && text !== normaliseHeader(header)).map(([text]) => text);
}

describe("docs/import.md describes every kind as declared", () => {
  for (const kind of kinds) {
    it(`${kind.label} (${kind.name})`, () => {
      const { key, rows } = documented(kind);
      expect(rows.size, `docs/import.md has no column table for ${kind.name}`).toBeGreaterThan(0);
      expect(key).toBe(kind.columns.find((c) => c.name === kind.key)!.header);
      expect([...rows.keys()]).toEqual(kind.columns.map((c) => c.header));
      for (const c of kind.columns) {
        const row = rows.get(c.header)!;
        expect(row.required, `${c.header}: required`).toBe(Boolean(c.required));
        expect(row.aliases.map(normaliseHeader).sort(), `${c.header}: aliases`).toEqual(shippedAliases(kind, c.name, c.header).sort());
        const stored = c.type === "unit" ? [c.name, `${c.name}_level`] : c.type === "hazard_category" ? [c.name, `${c.name}_raw`] : [c.name];
        expect(row.columns, `${c.header}: warehouse columns`).toEqual(stored);
      }
    });
  }
});
