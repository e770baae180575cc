// anjian rejects [--batch ID] [--kind KIND] [--out FILE.csv]: the rejected rows with their reasons,
// as a UTF-8-with-BOM CSV (Excel and WPS open it without mojibake). Its columns are the reason
// columns followed by the original headers, so the fixed file can be imported again as it is.
import fs from "node:fs";
import path from "node:path";
import { csvCell } from "@anjian/exports";
import { CliError, openWarehouse, queryRows } from "@anjian/warehouse";
import type { Output } from "./context.ts";
import { num } from "./format.ts";

export interface RejectsArgs {
  warehouse: string;
  batch?: string;
  kind?: string;
  out?: string;
}

const LEAD = ["问题原因", "问题列", "来源文件", "工作表", "行号", "导入批次"];

export async function runRejects(args: RejectsArgs, output: Output): Promise<number> {
  const warehouse = await openWarehouse(args.warehouse, { readOnly: true });
  try {
    const c = warehouse.connection;
    if (args.batch) {
      const [b] = await queryRows(c, "SELECT 1 FROM batches WHERE batch_id = $b", { b: args.batch });
      if (!b) throw new CliError(`没有找到导入批次 ${args.batch}。可用 anjian status 查看最近的批次。`, 2);
    }
    const rows = await queryRows<{
      batch_id: string;
      path: string;
      sheet: string | null;
      row_no: number;
      columns: string;
      reason: string;
      original: string;
    }>(
      c,
      `SELECT batch_id, path, sheet, row_no, columns, reason, CAST(original AS VARCHAR) AS original
       FROM rejects
       WHERE ($batch IS NULL OR batch_id = $batch) AND ($kind IS NULL OR kind = $kind)
       ORDER BY batch_id, path, sheet NULLS FIRST, row_no`,
      { batch: args.batch ?? null, kind: args.kind ?? null },
    );
    const headers: string[] = [];
    const parsed = rows.map((r) => {
      const original = JSON.parse(r.original) as Record<string, string | null>;
      for (const h of Object.keys(original)) if (!headers.includes(h)) headers.push(h);
      return { ...r, original };
    });
    const lines = [[...LEAD, ...headers].map(csvCell).join(",")];
    for (const r of parsed)
      lines.push(
        [r.reason, r.columns, r.path, r.sheet ?? "", String(r.row_no), r.batch_id, ...headers.map((h) => r.original[h] ?? "")]
          .map(csvCell)
          .join(","),
      );
    const text = `\uFEFF${lines.join("\r\n")}\r\n`;
    const out = path.resolve(args.out ?? `拒绝行-${args.batch ?? "全部"}.csv`);
    fs.writeFileSync(out, text, "utf8");
    output.out(`已导出 ${num(rows.length)} 行被拒绝的数据到 ${out}`);
    output.out("修改“问题原因”所指的单元格后，可直接用 anjian ingest 重新导入该文件。");
    return 0;
  } finally {
    warehouse.close();
  }
}
