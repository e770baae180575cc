// The report as Markdown: paste-ready paragraphs, the appendix as a table.
import type { ReportData } from "./report-data.ts";
import { type Block, reportBlocks } from "./report-text.ts";

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

export function renderMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "title":
        out.push(`# ${b.text.replaceAll("\n", "")}`);
        break;
      case "subtitle":
        out.push(b.text);
        break;
      case "heading1":
        out.push(`## ${b.text}`);
        break;
      case "heading2":
        out.push(`### ${b.text}`);
        break;
      case "paragraph":
        out.push(b.text);
        break;
      case "note":
        out.push(`> ${b.text}`);
        break;
      case "table":
        out.push(
          [
            `| ${b.header.map(cell).join(" | ")} |`,
            `| ${b.header.map(() => "---").join(" | ")} |`,
            ...b.rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
          ].join("\n"),
        );
        break;
    }
  }
  return `${out.join("\n\n")}\n`;
}

export function reportMarkdown(data: ReportData): string {
  return renderMarkdown(reportBlocks(data));
}
