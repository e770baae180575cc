// The bureau's own ledgers for the pages 双随机抽查, 事故调查 and 工作台账: the rows of the marts that
// count them (mart_random_checks_in, mart_accidents_in, mart_activities_in), one year at a time, at the
// marts' own grain; the pages only filter and add them up. The year's district figures come from the
// figures JSON (report.json). Nothing about people: random-check targets are left out (the pages
// count tasks), accidents keep their names (镇海“1.24”坍塌事故) and lead units, work-ledger records
// their titles, which the annual report prints too.
import type { DuckDBConnection } from "@duckdb/node-api";
import { yearPeriod } from "@anjian/indicators";
import { queryRows } from "@anjian/warehouse";
import { arrowFile } from "./arrow.ts";
import type { TarEntry } from "./tar.ts";

export async function ledgerDatasets(connection: DuckDBConnection, years: number[]): Promise<TarEntry[]> {
  const checks: Record<string, unknown>[] = [];
  const accidents: Record<string, unknown>[] = [];
  const activities: Record<string, unknown>[] = [];
  for (const y of years) {
    const p = yearPeriod(y);
    const values = { from: p.from, to: p.to };
    for (const r of await queryRows<Record<string, unknown>>(
      connection,
      `SELECT town, month(checked_on) AS month, task_status AS status, planned, completed, joint, published
       FROM mart_random_checks_in(CAST($from AS DATE), CAST($to AS DATE)) ORDER BY checked_on NULLS LAST, task_no`,
      values,
    ))
      checks.push({ year: y, ...r });
    for (const r of await queryRows<Record<string, unknown>>(
      connection,
      `SELECT a.accident_no AS no, a.accident_name AS name, CAST(a.occurred_on AS VARCHAR) AS date, month(a.occurred_on) AS month,
              a.town, a.accident_type AS type, a.investigated, a.deaths, a.injuries,
              CAST(CAST(a.direct_loss_yuan * 100 AS BIGINT) AS DOUBLE) AS loss_cents, a.accountable, a.units_penalised,
              s.lead_unit, s.investigation_status AS status
       FROM mart_accidents_in(CAST($from AS DATE), CAST($to AS DATE)) a
       JOIN stg_accidents s USING (accident_no)
       ORDER BY a.occurred_on, a.accident_no`,
      values,
    ))
      accidents.push({ year: y, ...r });
    for (const r of await queryRows<Record<string, unknown>>(
      connection,
      `SELECT CAST(held_on AS VARCHAR) AS date, month(held_on) AS month, category, title, town, object_type, objects,
              participants, problems_found, problems_fixed, channel
       FROM mart_activities_in(CAST($from AS DATE), CAST($to AS DATE)) ORDER BY held_on, record_no`,
      values,
    ))
      activities.push({ year: y, ...r });
  }
  return [
    {
      name: "random-checks.arrow",
      data: arrowFile(checks, {
        year: "int",
        town: "text",
        month: "int",
        status: "text",
        planned: "bool",
        completed: "bool",
        joint: "bool",
        published: "bool",
      }),
    },
    {
      name: "accidents.arrow",
      data: arrowFile(accidents, {
        year: "int",
        no: "text",
        name: "text",
        date: "text",
        month: "int",
        town: "text",
        type: "text",
        investigated: "bool",
        deaths: "int",
        injuries: "int",
        loss_cents: "float",
        accountable: "int",
        units_penalised: "int",
        lead_unit: "text",
        status: "text",
      }),
    },
    {
      name: "activities.arrow",
      data: arrowFile(activities, {
        year: "int",
        date: "text",
        month: "int",
        category: "text",
        title: "text",
        town: "text",
        object_type: "text",
        objects: "int",
        participants: "int",
        problems_found: "int",
        problems_fixed: "int",
        channel: "text",
      }),
    },
  ];
}
