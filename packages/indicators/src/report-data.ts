// Everything the report text needs: the period's figures, the same period a year earlier (for
// year-on-year change), and where the data came from.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { ProfileResolver } from "@anjian/profile";
import { queryRows } from "@anjian/warehouse";
import { collectFigures, type FiguresResult, type Readers } from "./figures.ts";
import type { Coverage, Kind } from "./figures-schema.ts";
import { type Period, previousPeriod } from "./period.ts";

export interface Sources {
  /** Latest export time (导出时间) of the files, "YYYY-MM-DD HH:MM"; when no file gave one, the latest import time. */
  asOf: string | null;
  asOfKind: "export" | "import";
  batches: string[];
  files: { name: string; kind: string; batch: string }[];
}

export interface PreviousFigures extends FiguresResult {
  period: Period;
  /** Which kinds may be compared: year-on-year change only where the kind is `full` in both periods. */
  has: Record<Kind, boolean>;
}

export interface ReportData {
  period: Period;
  current: FiguresResult;
  previous: PreviousFigures;
  sources: Sources;
  bureauName: string;
  districtName: string;
}

export async function buildReportData(readers: Readers, period: Period, resolver: ProfileResolver): Promise<ReportData> {
  const connection = Array.isArray(readers) ? readers[0]! : readers;
  const current = await collectFigures(readers, period, resolver);
  const prevPeriod = previousPeriod(period);
  const prev = await collectFigures(readers, prevPeriod, resolver);
  const full = (c: Coverage | undefined) => c?.state === "full";
  const comparable = (kind: Kind) => full(current.figures.coverage[kind]) && full(prev.figures.coverage[kind]);
  return {
    period,
    current,
    previous: {
      ...prev,
      period: prevPeriod,
      has: {
        cases: comparable("cases"),
        inspections: comparable("inspections"),
        hazards: comparable("hazards"),
        enforcers: comparable("enforcers"),
        random_checks: comparable("random_checks"),
        accidents: comparable("accidents"),
        activities: comparable("activities"),
      },
    },
    sources: await readSources(connection),
    bureauName: resolver.profile.bureau.name,
    districtName: resolver.profile.district.name,
  };
}

export async function readSources(connection: DuckDBConnection): Promise<Sources> {
  const files = await queryRows<{ file_name: string; kind: string; batch_id: string; exported: string | null; imported: string }>(
    connection,
    `SELECT file_name, kind, batch_id, strftime(export_time, '%Y-%m-%d %H:%M') AS exported,
            strftime(imported_at, '%Y-%m-%d %H:%M') AS imported
     FROM mart_sources ORDER BY batch_id, kind, file_name`,
  );
  const latest = (xs: (string | null)[]) => xs.reduce<string | null>((max, x) => (x !== null && (max === null || x > max) ? x : max), null);
  const exported = latest(files.map((f) => f.exported));
  return {
    asOf: exported ?? latest(files.map((f) => f.imported)),
    asOfKind: exported ? "export" : "import",
    batches: [...new Set(files.map((f) => f.batch_id))],
    files: files.map((f) => ({ name: f.file_name, kind: f.kind, batch: f.batch_id })),
  };
}
