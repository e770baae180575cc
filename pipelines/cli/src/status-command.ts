// anjian status: what the warehouse holds.
import { kinds } from "@anjian/exports";
import { modelsUpToDate } from "@anjian/indicators";
import { openWarehouse, quotedIdentifier as id, queryRows } from "@anjian/warehouse";
import type { Context, Output } from "./context.ts";
import { dateZh, num } from "./format.ts";

export interface StatusArgs {
  json: boolean;
}

export async function runStatus(args: StatusArgs, context: Context, output: Output): Promise<number> {
  const warehouse = await openWarehouse(context.warehouse, { readOnly: true, memoryLimit: context.memoryLimit });
  try {
    const c = warehouse.connection;
    const perKind = [];
    for (const kind of kinds) {
      const [row] = await queryRows<{ rows: number; first: string | null; last: string | null; warned: number }>(
        c,
        `SELECT count(*)::INTEGER AS rows, min(${id(kind.dateColumn)})::VARCHAR AS first, max(${id(kind.dateColumn)})::VARCHAR AS last,
                count(*) FILTER (len(warnings) > 0)::INTEGER AS warned
         FROM ${id(kind.table)}`,
      );
      const dateHeader = kind.columns.find((col) => col.name === kind.dateColumn)!.header;
      perKind.push({ kind: kind.name, label: kind.label, dateHeader, ...row! });
    }
    const batches = await queryRows<{
      batch_id: string;
      started: string;
      interrupted: boolean;
      files: number;
      imported: number;
      refused: number;
      accepted: number;
      rejected: number;
    }>(
      c,
      // A batch without an end time was interrupted (killed, power cut): a running import holds the
      // warehouse's write lock, so this read-only open would have failed.
      `SELECT b.batch_id, strftime(b.started_at, '%Y-%m-%d %H:%M') AS started, b.finished_at IS NULL AS interrupted,
              count(f.seq)::INTEGER AS files,
              count(*) FILTER (f.status = 'imported')::INTEGER AS imported,
              count(*) FILTER (f.status = 'refused')::INTEGER AS refused,
              coalesce(sum(f.accepted), 0)::INTEGER AS accepted,
              coalesce(sum(f.rejected), 0)::INTEGER AS rejected
       FROM batches b LEFT JOIN files f USING (batch_id)
       GROUP BY b.batch_id, b.started_at, b.finished_at ORDER BY b.started_at DESC, b.batch_id DESC LIMIT 5`,
    );
    // Open rejects: those no later file has supplied a row for (the others stay as history).
    const rejects = await queryRows<{ kind: string; rows: number; resolved: number }>(
      c,
      `SELECT kind, count(*) FILTER (is_open)::INTEGER AS rows,
              count(*) FILTER (NOT is_open)::INTEGER AS resolved
       FROM rejects_state GROUP BY kind HAVING count(*) FILTER (is_open) > 0 ORDER BY kind`,
    );
    const [resolvedTotal] = await queryRows<{ n: number }>(c, "SELECT count(*)::INTEGER AS n FROM rejects_state WHERE NOT is_open");
    const [asOf] = await queryRows<{ as_of: string | null }>(
      c,
      "SELECT strftime(coalesce(max(export_time), max(imported_at)), '%Y-%m-%d %H:%M') AS as_of FROM files WHERE status = 'imported'",
    );
    // The indicator tables the import stores for figures and the dashboard: current, or not (then
    // readers compute them on the spot, slower, until the next import stores them again).
    const indicatorsCurrent = await modelsUpToDate(c).catch(() => false);
    if (args.json) {
      output.out(
        JSON.stringify(
          {
            warehouse: warehouse.path,
            as_of: asOf?.as_of ?? null,
            kinds: perKind,
            batches,
            rejects,
            rejects_resolved: resolvedTotal!.n,
            indicators_current: indicatorsCurrent,
          },
          null,
          2,
        ),
      );
      return 0;
    }
    output.out(`数据仓库：${warehouse.path}`);
    output.out(`数据截至：${dateZh(asOf?.as_of)}`);
    output.out("各类数据：");
    for (const k of perKind)
      output.out(
        `  ${k.label.padEnd(10, "　")} ${num(k.rows).padStart(9)} 条` +
          (k.rows > 0 ? `，${k.dateHeader} ${dateZh(k.first)} 至 ${dateZh(k.last)}` : "") +
          (k.warned > 0 ? `，${num(k.warned)} 条带警告` : ""),
      );
    output.out("最近的导入批次：");
    if (batches.length === 0) output.out("  （尚无）");
    for (const b of batches)
      output.out(
        `  ${b.batch_id}  ${dateZh(b.started)}  ` +
          (b.interrupted ? "（中途中断，未完成的文件未写入数据仓库）" : "") +
          `文件 ${b.files} 个（导入 ${b.imported}，未导入 ${b.refused}），导入 ${num(b.accepted)} 行，拒绝 ${num(b.rejected)} 行`,
      );
    const total = rejects.reduce((a, r) => a + r.rows, 0);
    output.out(
      `待处理的被拒绝行：共 ${num(total)} 行` +
        (total > 0 ? `（${rejects.map((r) => `${kinds.find((k) => k.name === r.kind)?.label ?? r.kind} ${num(r.rows)}`).join("，")}）；用 anjian rejects --out 文件.csv 导出` : "") +
        (resolvedTotal!.n > 0 ? `；另有 ${num(resolvedTotal!.n)} 行已由之后导入的文件改正（anjian rejects --all 可查看）` : ""),
    );
    output.out(
      indicatorsCurrent
        ? "指标表：已是最新（年报数据和驾驶舱直接读取）"
        : "指标表：未更新（年报数据和驾驶舱会临时计算，较慢；下次有数据导入时自动更新）",
    );
    return 0;
  } finally {
    warehouse.close();
  }
}
