// 行政处罚 (its monthly rows also feed 总览 and 数据质量): cases-monthly.arrow, the decided cases by
// month × unit × procedure × town × industry (mart_cases_monthly); case-list.arrow, every decided
// case as a list shows it (mart_case_list: an individual party is 个人, never a name).
import { arrowFile } from "../lib/arrow.ts";
import type { DashContext } from "../lib/context.ts";
import type { TarEntry } from "../lib/tar.ts";

export async function casesFiles(ctx: DashContext): Promise<TarEntry[]> {
  const monthly = await ctx.q<Record<string, unknown>>(
    `SELECT decided_year AS year, decided_month AS month, unit, unit_level, procedure_type AS procedure, town, industry,
            cases, CAST(fine_yuan * 100 AS BIGINT) AS cents
     FROM mart_cases_monthly ORDER BY ALL`,
  );
  const list = await ctx.q<Record<string, unknown>>(
    `SELECT case_no, decided_year AS year, CAST(decided_on AS VARCHAR) AS decided_on, party, party_type, town, unit, unit_level,
            procedure_type AS procedure, industry, penalties, CAST(fine_yuan * 100 AS BIGINT) AS cents,
            dual_penalty, legal_review, stop_production
     FROM mart_case_list ORDER BY mart_case_list.decided_on DESC, case_no`,
  );
  return [
    {
      name: "cases-monthly.arrow",
      data: arrowFile(monthly, {
        year: "int",
        month: "int",
        unit: "text",
        unit_level: "text",
        procedure: "text",
        town: "text",
        industry: "text",
        cases: "int",
        cents: "float",
      }),
    },
    {
      name: "case-list.arrow",
      data: arrowFile(list, {
        case_no: "text",
        year: "int",
        decided_on: "text",
        party: "text",
        party_type: "text",
        town: "text",
        unit: "text",
        unit_level: "text",
        procedure: "text",
        industry: "text",
        penalties: "text",
        cents: "float",
        dual_penalty: "bool",
        legal_review: "bool",
        stop_production: "bool",
      }),
    },
  ];
}
