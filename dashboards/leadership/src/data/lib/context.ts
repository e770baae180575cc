// What every page's files are built from, read once per build: the profile's towns and units, the
// years the data covers, how far each kind reaches, and each year's figures (buildReportData: the
// figures JSON of the year and of the year before, as `anjian figures` computes them). The page
// modules (src/data/pages/*.ts) only select from the marts and shape rows; no counting rule lives
// here or there (packages/indicators/models).
import { buildReportData, type Coverage, dateZh, emptyStateText, kindName, type ReportData, readSources, type Sources, yearPeriod } from "@anjian/indicators";
import type { ProfileResolver } from "@anjian/profile";
import { queryRows } from "@anjian/warehouse";
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { TarEntry } from "./tar.ts";

/** The scope of the whole district in the pages' town filter (components/filters.js). */
export const DISTRICT = "全区";

/** What the dashboard shows of a kind in a year: its state, the empty-state text or the as-of note. */
export interface KindCoverage extends Coverage {
  /** What the kind's data is called: 隐患排查. */
  label: string;
  /** For `none`: “2024年暂无隐患排查数据（已导入至2023年12月26日）”. */
  empty: string | null;
  /** For `partial`: “数据截至2025年1月6日”. */
  note: string | null;
}

export interface Unit {
  name: string;
  level: "bureau" | "town";
  /** The town a town's unit serves. */
  town: string | null;
}

export interface DashContext {
  connection: DuckDBConnection;
  resolver: ProfileResolver;
  /** Rows of a query with bound values. */
  q<T>(sql: string, values?: Record<string, DuckDBValue>): Promise<T[]>;
  towns: { name: string; unit: string }[];
  units: Unit[];
  sources: Sources;
  /** Every year of the activity data (mart_activity_years). */
  years: number[];
  /** How far each kind's data reaches (mart_coverage), ISO day or null. */
  reach: Map<string, string | null>;
  /** The day a year's states (overdue, expiring) are read on: its last day, or the data's date if earlier. */
  refDate(year: number): string | null;
  /** The day a year's states of a kind are read on (mart_state_days); null when its data stops before the year. */
  kindRefDate(year: number, kind: string): string | null;
  /** Each year's figures and those of the year before. */
  reports: Map<number, ReportData>;
  coverage: Record<number, Record<string, KindCoverage>>;
}

/** The bound values of a year as a period. */
export function yearValues(year: number): { from: string; to: string } {
  const p = yearPeriod(year);
  return { from: p.from, to: p.to };
}

/** A query's rows for every year, the year bound as the period ($from, $to), each row with its year first. */
export async function rowsByYear(ctx: DashContext, sql: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const y of ctx.years) for (const r of await ctx.q<Record<string, unknown>>(sql, yearValues(y))) out.push({ year: y, ...r });
  return out;
}

/** A JSON member of the archive. */
export function jsonEntry(name: string, value: unknown): TarEntry {
  return { name, data: Buffer.from(JSON.stringify(value), "utf8") };
}

function minIso(a: string, b: string | null): string {
  return b !== null && b < a ? b : a;
}

function kindCoverage(kind: string, c: Coverage, y: number): KindCoverage {
  return {
    ...c,
    label: kindName(kind),
    empty: c.state === "none" ? emptyStateText(kind, c, yearPeriod(y), `${y}年`) : null,
    note: c.state === "partial" && c.to ? `数据截至${dateZh(c.to)}` : null,
  };
}

export async function loadContext(connection: DuckDBConnection, resolver: ProfileResolver): Promise<DashContext> {
  const q = <T>(sql: string, values?: Record<string, DuckDBValue>) => queryRows<T>(connection, sql, values);
  const profile = resolver.profile;
  const towns = profile.towns.map((t) => ({ name: t.name, unit: t.unit.name }));
  const units: Unit[] = resolver.unitNames().map((name) => ({
    name,
    level: name === profile.bureau.name ? "bureau" : "town",
    town: towns.find((t) => t.unit === name)?.name ?? null,
  }));

  const sources = await readSources(connection);
  const asOfDate = sources.asOf ? sources.asOf.slice(0, 10) : null;
  const years = (await q<{ year: number }>("SELECT year FROM mart_activity_years ORDER BY year")).map((r) => r.year);
  const reach = new Map(
    (await q<{ kind: string; to_on: string | null }>("SELECT kind, CAST(to_on AS VARCHAR) AS to_on FROM mart_coverage")).map((r) => [r.kind, r.to_on]),
  );
  const stateDays = new Map(
    (await q<{ kind: string; year: number; state_on: string | null }>(
      "SELECT kind, year, CAST(state_on AS VARCHAR) AS state_on FROM mart_state_days",
    )).map((r) => [`${r.kind}|${r.year}`, r.state_on]),
  );
  // The data's date as the import log gives it (meta.json; the pages read the kinds' days).
  const refDate = (y: number): string | null => {
    const d = minIso(`${y}-12-31`, asOfDate);
    return d >= `${y}-01-01` ? d : null;
  };
  const kindRefDate = (y: number, kind: string): string | null => stateDays.get(`${kind}|${y}`) ?? null;

  const reports = new Map<number, ReportData>();
  const coverage: Record<number, Record<string, KindCoverage>> = {};
  for (const y of years) {
    const data = await buildReportData(connection, yearPeriod(y), resolver);
    reports.set(y, data);
    coverage[y] = Object.fromEntries(Object.entries(data.current.figures.coverage).map(([k, c]) => [k, kindCoverage(k, c, y)]));
  }
  return { connection, resolver, q, towns, units, sources, years, reach, refDate, kindRefDate, reports, coverage };
}
