// Header matching: which kind a header row is, and which cell holds which column.
import fs from "node:fs";
import { z } from "zod";
import { ReferenceDataError, UserError } from "@anjian/errors";
import { parseCsvText } from "./csv-text.ts";
import { type KindDecl, type KindName, kinds } from "./kinds.ts";
import { normaliseHeader } from "./text.ts";

const AliasRow = z.object({
  kind: z.enum(kinds.map((k) => k.name) as [KindName, ...KindName[]], { message: "未知的数据类型" }),
  header: z.string().min(1, "标准表头不能为空"),
  alias: z.string().min(1, "别名不能为空"),
});

export interface AliasTable {
  /** kind → normalised header text → warehouse column name */
  byKind: Map<KindName, Map<string, string>>;
}

/**
 * Loads the analyst-editable alias table, checked entry by entry; errors name the line. Which file is
 * the app's choice (its context: ANJIAN_ALIASES or data/reference/header-aliases.csv).
 */
export function loadAliasTable(file: string): AliasTable {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === "ENOENT" ? `找不到表头别名表 ${file}，请检查文件路径。` : `无法读取表头别名表 ${file}（${code ?? "未知错误"}），请检查文件和权限。`,
      { file, cause: e },
    );
  }
  const records = parseCsvText(text);
  const [head, ...rows] = records;
  if (head?.join(",") !== "kind,header,alias")
    throw new ReferenceDataError(file, ["第1行：表头应为 kind,header,alias"]);
  const byKind = new Map<KindName, Map<string, string>>();
  for (const kind of kinds) {
    const m = new Map<string, string>();
    for (const c of kind.columns) m.set(normaliseHeader(c.header), c.name);
    byKind.set(kind.name, m);
  }
  const problems: string[] = [];
  rows.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === "")) return;
    const parsed = AliasRow.safeParse({ kind: cells[0]?.trim(), header: cells[1]?.trim(), alias: cells[2]?.trim() });
    if (!parsed.success) {
      problems.push(`第${line}行：${parsed.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("；")}`);
      return;
    }
    const { kind, header, alias } = parsed.data;
    const decl = kinds.find((k) => k.name === kind)!;
    const column = decl.columns.find((c) => normaliseHeader(c.header) === normaliseHeader(header));
    if (!column) {
      problems.push(`第${line}行：“${header}”不是 ${kind} 的标准表头（可选：${decl.columns.map((c) => c.header).join("、")}）`);
      return;
    }
    const m = byKind.get(kind)!;
    const key = normaliseHeader(alias);
    const taken = m.get(key);
    if (taken && taken !== column.name) {
      const other = decl.columns.find((c) => c.name === taken)!;
      problems.push(`第${line}行：别名“${alias}”已属于“${other.header}”，不能再属于“${column.header}”`);
      return;
    }
    m.set(key, column.name);
  });
  if (problems.length > 0) throw new ReferenceDataError(file, problems);
  return { byKind };
}

export interface HeaderMatch {
  kind: KindDecl;
  /** warehouse column → index of the cell in the header row */
  columns: Map<string, number>;
  /** warehouse column → the header text as written in the file */
  headers: Map<string, string>;
}

export interface HeaderVerdict {
  match: HeaderMatch | null;
  /** Kinds whose required columns are all present (more than one: ambiguous). */
  candidates: KindName[];
  /** The kind with the most required columns present, and what it lacks. */
  nearest: { kind: KindDecl; missing: string[] } | null;
  duplicates: string[];
}

export function matchHeader(cells: readonly (string | null)[], aliases: AliasTable): HeaderVerdict {
  const norm = cells.map((c) => (c == null ? "" : normaliseHeader(c)));
  const full: HeaderMatch[] = [];
  let nearest: HeaderVerdict["nearest"] = null;
  let nearestScore = -1;
  const duplicates: string[] = [];
  for (const kind of kinds) {
    const table = aliases.byKind.get(kind.name)!;
    const columns = new Map<string, number>();
    const headers = new Map<string, string>();
    norm.forEach((h, i) => {
      const col = h ? table.get(h) : undefined;
      if (!col) return;
      if (columns.has(col)) {
        duplicates.push(`${cells[columns.get(col)!]} / ${cells[i]}`);
        return;
      }
      columns.set(col, i);
      headers.set(col, String(cells[i]).trim());
    });
    const required = kind.columns.filter((c) => c.required);
    const missing = required.filter((c) => !columns.has(c.name)).map((c) => c.header);
    const score = required.length - missing.length + columns.size / 100;
    if (missing.length === 0) full.push({ kind, columns, headers });
    if (score > nearestScore && columns.size > 0) {
      nearestScore = score;
      nearest = { kind, missing };
    }
  }
  return {
    match: full.length === 1 ? full[0]! : null,
    candidates: full.map((m) => m.kind.name),
    nearest,
    duplicates,
  };
}
