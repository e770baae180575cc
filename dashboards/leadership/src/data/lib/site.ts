// What every page reads: meta.json (the district, its towns and units, the years and the year the
// dashboard opens on, the days states are read on) and coverage.json (how far each kind's data
// reaches in each year); and ledgers.json, the ledgers' district figures per year for their pages
// (report.json, which also holds them, is large: it carries the Word files).
import type { Coverage } from "@anjian/indicators";
import { type DashContext, jsonEntry } from "./context.ts";
import type { TarEntry } from "./tar.ts";

/**
 * The year the dashboard opens on: the latest year every kind covers in full; when there is none,
 * the latest year with cases (the pages mark the other kinds); else the latest year.
 */
export function defaultYear(years: number[], coverage: Record<number, Record<string, Coverage>>): number | null {
  const latest = (ok: (y: number) => boolean) => [...years].reverse().find(ok) ?? null;
  return (
    latest((y) => Object.values(coverage[y] ?? {}).every((c) => c.state === "full")) ??
    latest((y) => (coverage[y]?.cases?.state ?? "none") !== "none") ??
    years[years.length - 1] ??
    null
  );
}

export function siteFiles(ctx: DashContext): TarEntry[] {
  const { resolver, years, sources } = ctx;
  const profile = resolver.profile;
  return [
    jsonEntry("meta.json", {
      district: profile.district.name,
      districtFullName: profile.district.fullName,
      bureau: profile.bureau.name,
      towns: ctx.towns,
      units: ctx.units,
      categories: resolver.categoryNames(),
      years,
      defaultYear: defaultYear(years, ctx.coverage),
      asOf: sources.asOf,
      asOfKind: sources.asOfKind ?? null,
      refDates: Object.fromEntries(years.map((y) => [y, ctx.refDate(y)])),
      refDatesByKind: Object.fromEntries(
        ["hazards", "enforcers"].map((k) => [k, Object.fromEntries(years.map((y) => [y, ctx.kindRefDate(y, k)]))]),
      ),
    }),
    jsonEntry("coverage.json", ctx.coverage),
    jsonEntry(
      "ledgers.json",
      Object.fromEntries(
        years.map((y) => {
          const f = ctx.reports.get(y)!.current.figures;
          return [String(y), { random_checks: f.random_checks, accidents: f.accidents, activities: f.activities }];
        }),
      ),
    ),
  ];
}
