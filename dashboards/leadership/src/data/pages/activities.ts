// 工作台账: activities.arrow, each year's work-ledger records (mart_activities_in) with their titles,
// which the annual report prints too; the page filters and adds them up. The year's district
// figures come from ledgers.json.
import { arrowFile } from "../lib/arrow.ts";
import { type DashContext, rowsByYear } from "../lib/context.ts";
import type { TarEntry } from "../lib/tar.ts";

export async function activitiesFiles(ctx: DashContext): Promise<TarEntry[]> {
  const activities = await rowsByYear(
    ctx,
    `SELECT CAST(held_on AS VARCHAR) AS date, month(held_on) AS month, category, title, town, object_type, objects,
            participants, problems_found, problems_fixed, channel
     FROM mart_activities_in(CAST($from AS DATE), CAST($to AS DATE)) ORDER BY held_on, record_no`,
  );
  return [
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
