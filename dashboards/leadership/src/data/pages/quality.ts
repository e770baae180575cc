// 数据质量: the import log, not counting rules — batches.arrow (each batch with its files' outcomes
// and rows), files.arrow (each file), rejects.arrow (the open rejects by batch, file, kind, columns
// and reason, as `anjian status` counts them: the warehouse's rejects_state view), sources.json (the
// data's date and the batches and files the figures come from); and inspections-monthly.arrow
// (mart_inspections_monthly) for the page's monthly coverage grid.
import { arrowFile } from "../lib/arrow.ts";
import { type DashContext, jsonEntry } from "../lib/context.ts";
import type { TarEntry } from "../lib/tar.ts";

const KIND_LABELS: Record<string, string> = {
  cases: "行政处罚案件",
  inspections: "执法检查记录",
  hazards: "隐患排查治理台账",
  enforcers: "执法人员名册",
  random_checks: "双随机抽查任务",
  accidents: "事故调查台账",
  activities: "工作台账",
};

export async function qualityFiles(ctx: DashContext): Promise<TarEntry[]> {
  const inspectionsMonthly = await ctx.q<Record<string, unknown>>(
    "SELECT inspected_year AS year, inspected_month AS month, campaign, inspections FROM mart_inspections_monthly ORDER BY ALL",
  );
  const batches = await ctx.q<Record<string, unknown>>(
    `SELECT b.batch_id, strftime(b.started_at, '%Y-%m-%d %H:%M') AS started_at, strftime(b.finished_at, '%Y-%m-%d %H:%M') AS finished_at,
            CAST(count(f.seq) AS INTEGER) AS files,
            CAST(count(f.seq) FILTER (f.status = 'imported') AS INTEGER) AS imported,
            CAST(count(f.seq) FILTER (f.status = 'already_imported') AS INTEGER) AS already_imported,
            CAST(count(f.seq) FILTER (f.status = 'refused') AS INTEGER) AS refused,
            CAST(coalesce(sum(f."read"), 0) AS INTEGER) AS "read",
            CAST(coalesce(sum(f.accepted), 0) AS INTEGER) AS accepted,
            CAST(coalesce(sum(f.rejected), 0) AS INTEGER) AS rejected
     FROM batches b LEFT JOIN files f USING (batch_id)
     GROUP BY ALL ORDER BY b.batch_id`,
  );
  const files = await ctx.q<Record<string, unknown> & { kind: string | null }>(
    `SELECT batch_id, seq, file_name, kind, format, encoding, status,
            strftime(export_time, '%Y-%m-%d %H:%M') AS export_time, strftime(imported_at, '%Y-%m-%d %H:%M') AS imported_at,
            "read", accepted, rejected, skipped, duplicate, replaced, warnings, error
     FROM files ORDER BY batch_id, seq`,
  );
  // Open rejects only (rejects_state, the rule `anjian status` counts by); reasons without the cell
  // values they quote (“…”): grouped, and no personal data can ride along.
  const rejects = await ctx.q<Record<string, unknown> & { kind: string }>(
    `SELECT r.batch_id, f.file_name, r.kind, r.columns,
            regexp_replace(r.reason, '“[^”]*”', '“…”', 'g') AS reason,
            CAST(count(*) AS INTEGER) AS rows
     FROM rejects_state r
     LEFT JOIN (SELECT DISTINCT batch_id, file_sha256, file_name FROM files) f USING (batch_id, file_sha256)
     WHERE r.is_open
     GROUP BY ALL ORDER BY rows DESC, r.kind, reason`,
  );
  const { sources } = ctx;
  return [
    {
      name: "inspections-monthly.arrow",
      data: arrowFile(inspectionsMonthly, { year: "int", month: "int", campaign: "text", inspections: "int" }),
    },
    {
      name: "batches.arrow",
      data: arrowFile(batches, {
        batch_id: "text",
        started_at: "text",
        finished_at: "text",
        files: "int",
        imported: "int",
        already_imported: "int",
        refused: "int",
        read: "int",
        accepted: "int",
        rejected: "int",
      }),
    },
    {
      name: "files.arrow",
      data: arrowFile(
        files.map((f) => ({ ...f, kind_label: f.kind ? (KIND_LABELS[f.kind] ?? f.kind) : "未识别" })),
        {
          batch_id: "text",
          seq: "int",
          file_name: "text",
          kind: "text",
          kind_label: "text",
          format: "text",
          encoding: "text",
          status: "text",
          export_time: "text",
          imported_at: "text",
          read: "int",
          accepted: "int",
          rejected: "int",
          skipped: "int",
          duplicate: "int",
          replaced: "int",
          warnings: "int",
          error: "text",
        },
      ),
    },
    {
      name: "rejects.arrow",
      data: arrowFile(
        rejects.map((r) => ({ ...r, kind_label: KIND_LABELS[r.kind] ?? r.kind })),
        { batch_id: "text", file_name: "text", kind: "text", kind_label: "text", columns: "text", reason: "text", rows: "int" },
      ),
    },
    jsonEntry("sources.json", {
      asOf: sources.asOf,
      asOfKind: sources.asOfKind ?? null,
      batches: sources.batches,
      files: sources.files.map((f) => ({ ...f, kindLabel: KIND_LABELS[f.kind] ?? f.kind })),
    }),
  ];
}
