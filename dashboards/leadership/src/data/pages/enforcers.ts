// 执法队伍: enforcers-monthly.arrow, each unit's valid and new certificates at every month's end
// (mart_enforcer_totals over the month), every unit of the profile listed (0 when none) up to the
// month the data reaches; expiring.arrow, for each year the certificates valid on the day its state
// is read that expire within 90 days (mart_certificates_expiring). Officers appear by unit and
// certificate number only, never by name (README: 隐私).
import { arrowFile } from "../lib/arrow.ts";
import type { DashContext } from "../lib/context.ts";
import type { TarEntry } from "../lib/tar.ts";

/** The last day of a month, ISO. */
function monthEnd(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export async function enforcersFiles(ctx: DashContext): Promise<TarEntry[]> {
  const monthly: Record<string, unknown>[] = [];
  const reach = ctx.reach.get("enforcers") ?? null;
  for (const y of ctx.years) {
    for (let m = 1; m <= 12; m++) {
      const from = `${y}-${String(m).padStart(2, "0")}-01`;
      if (reach === null || from > reach) break;
      const to = monthEnd(y, m);
      const rows = await ctx.q<{ unit: string; unit_level: string; certified: number; new_certified: number }>(
        "SELECT unit, unit_level, certified, new_certified FROM mart_enforcer_totals(CAST($from AS DATE), CAST($to AS DATE))",
        { from, to },
      );
      for (const u of ctx.units) {
        const r = rows.find((x) => x.unit === u.name);
        monthly.push({ year: y, month: m, month_end: to, unit: u.name, unit_level: u.level, certified: r?.certified ?? 0, new_certified: r?.new_certified ?? 0 });
      }
      // a unit the profile no longer lists (certificates imported under an older profile)
      for (const r of rows)
        if (!ctx.units.some((u) => u.name === r.unit))
          monthly.push({ year: y, month: m, month_end: to, unit: r.unit, unit_level: r.unit_level, certified: r.certified, new_certified: r.new_certified });
    }
  }

  const expiring: Record<string, unknown>[] = [];
  for (const y of ctx.years) {
    const d = ctx.kindRefDate(y, "enforcers");
    if (d === null) continue;
    const rows = await ctx.q<Record<string, unknown>>(
      `SELECT certificate_no, unit, unit_level, CAST(valid_until AS VARCHAR) AS valid_until, days_left
       FROM mart_certificates_expiring(CAST($d AS DATE), 90) ORDER BY valid_until, certificate_no`,
      { d },
    );
    for (const r of rows) expiring.push({ ...r, year: y, ref_date: d });
  }

  return [
    {
      name: "enforcers-monthly.arrow",
      data: arrowFile(monthly, {
        year: "int",
        month: "int",
        month_end: "text",
        unit: "text",
        unit_level: "text",
        certified: "int",
        new_certified: "int",
      }),
    },
    {
      name: "expiring.arrow",
      data: arrowFile(expiring, {
        year: "int",
        ref_date: "text",
        certificate_no: "text",
        unit: "text",
        unit_level: "text",
        valid_until: "text",
        days_left: "int",
      }),
    },
  ];
}
