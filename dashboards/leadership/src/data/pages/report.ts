// 年报数据: each year's figures as `anjian figures` gives them — the JSON, the Markdown paragraphs,
// the blocks the page lays out, the Word file (base64) — and every figure with its rule's wording
// (rules.ts), for the page's table.
import { type Figures, reportBlocks, reportDocx, reportMarkdown, ruleFor } from "@anjian/indicators";
import { type DashContext, jsonEntry } from "../lib/context.ts";
import type { TarEntry } from "../lib/tar.ts";

interface Leaf {
  path: string;
  label: string;
  unit: string;
  rule: string;
  value: number;
}

/** Every number of the figures with its path, label, unit and rule. */
function leavesOf(figures: Figures): Leaf[] {
  const out: Leaf[] = [];
  const walk = (v: unknown, parts: string[]) => {
    if (typeof v === "number") {
      const found = ruleFor(parts);
      out.push({
        path: parts.join("."),
        label: found ? found.rule.label.replace("{name}", found.name ?? "") : parts.join("."),
        unit: found?.rule.unit ?? "",
        rule: found?.rule.rule ?? "",
        value: v,
      });
    } else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...parts, k]);
  };
  const { period: _period, coverage: _coverage, ...rest } = figures;
  walk(rest, []);
  return out;
}

export async function reportFiles(ctx: DashContext): Promise<TarEntry[]> {
  const reports: Record<string, unknown> = {};
  for (const y of ctx.years) {
    const data = ctx.reports.get(y)!;
    const f = data.current.figures;
    const docx = await reportDocx(data);
    // The names `anjian figures --format docx` gives its file (年报数据-2023.docx).
    const base = `年报数据-${y}`;
    reports[String(y)] = {
      year: y,
      fileBase: base,
      figures: f,
      json: `${JSON.stringify(f, null, 2)}\n`,
      markdown: reportMarkdown(data),
      blocks: reportBlocks(data),
      docx: docx.toString("base64"),
      leaves: leavesOf(f),
    };
  }
  return [jsonEntry("report.json", reports)];
}
