// 事故调查: accidents.arrow, each year's accidents (mart_accidents_in) with their lead unit and
// investigation status; the page filters and adds them up. The year's district figures come from
// ledgers.json. Accidents keep their names (镇海“1.24”坍塌事故), which the annual report prints too.
import { arrowFile } from "../lib/arrow.ts";
import { type DashContext, rowsByYear } from "../lib/context.ts";
import type { TarEntry } from "../lib/tar.ts";

export async function accidentsFiles(ctx: DashContext): Promise<TarEntry[]> {
  const accidents = await rowsByYear(
    ctx,
    `SELECT accident_no AS no, accident_name AS name, CAST(occurred_on AS VARCHAR) AS date, month(occurred_on) AS month,
            town, accident_type AS type, investigated, deaths, injuries,
            CAST(CAST(direct_loss_yuan * 100 AS BIGINT) AS DOUBLE) AS loss_cents, accountable, units_penalised,
            lead_unit, investigation_status AS status
     FROM mart_accidents_in(CAST($from AS DATE), CAST($to AS DATE))
     ORDER BY occurred_on, accident_no`,
  );
  return [
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
  ];
}
