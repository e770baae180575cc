// 隐患排查 (its monthly rows also feed 数据质量): hazards-monthly.arrow, the hazards by month × level ×
// category × town × campaign × rectification status (mart_hazards_monthly); overdue.arrow, for each
// year the hazards overdue on the day its state is read (mart_hazards_overdue); major-hazards.arrow,
// every major hazard (mart_major_hazards). Units are shown as the marts show them (unit_shown: a
// name that looks like a person's is 个人).
import { arrowFile } from "../lib/arrow.ts";
import type { DashContext } from "../lib/context.ts";
import type { TarEntry } from "../lib/tar.ts";

export async function hazardsFiles(ctx: DashContext): Promise<TarEntry[]> {
  const monthly = await ctx.q<Record<string, unknown>>(
    `SELECT found_year AS year, found_month AS month, level, category, town, campaign, rectification, hazards, listed
     FROM mart_hazards_monthly ORDER BY ALL`,
  );

  const overdue: Record<string, unknown>[] = [];
  for (const y of ctx.years) {
    const d = ctx.kindRefDate(y, "hazards");
    if (d === null) continue;
    const rows = await ctx.q<Record<string, unknown>>(
      `SELECT CAST(found_on AS VARCHAR) AS found_on, year(found_on) AS found_year, CAST(deadline AS VARCHAR) AS deadline,
              days_overdue, level, category, town, campaign, unit_shown AS unit, listed
       FROM mart_hazards_overdue(CAST($d AS DATE)) ORDER BY days_overdue DESC, found_on`,
      { d },
    );
    for (const r of rows) overdue.push({ ...r, year: y, ref_date: d });
  }

  const majors = await ctx.q<Record<string, unknown>>(
    `SELECT found_year AS year, CAST(found_on AS VARCHAR) AS found_on, unit_shown AS unit, town, industry, category, campaign,
            CAST(deadline AS VARCHAR) AS deadline, rectification, CAST(rectified_on AS VARCHAR) AS rectified_on, listed
     FROM mart_major_hazards ORDER BY found_on, hazard_no`,
  );

  return [
    {
      name: "hazards-monthly.arrow",
      data: arrowFile(monthly, {
        year: "int",
        month: "int",
        level: "text",
        category: "text",
        town: "text",
        campaign: "text",
        rectification: "text",
        hazards: "int",
        listed: "int",
      }),
    },
    {
      name: "overdue.arrow",
      data: arrowFile(overdue, {
        year: "int",
        ref_date: "text",
        found_on: "text",
        found_year: "int",
        deadline: "text",
        days_overdue: "int",
        level: "text",
        category: "text",
        town: "text",
        campaign: "text",
        unit: "text",
        listed: "bool",
      }),
    },
    {
      name: "major-hazards.arrow",
      data: arrowFile(majors, {
        year: "int",
        found_on: "text",
        unit: "text",
        town: "text",
        industry: "text",
        category: "text",
        campaign: "text",
        deadline: "text",
        rectification: "text",
        rectified_on: "text",
        listed: "bool",
      }),
    },
  ];
}
