// 双随机抽查: random-checks.arrow, each year's tasks (mart_random_checks_in) at the mart's grain with
// its flags; the page filters and adds them up. The year's district figures come from ledgers.json.
// Nothing about people: the tasks' targets are left out (the page counts tasks).
import { arrowFile } from "../lib/arrow.ts";
import { type DashContext, rowsByYear } from "../lib/context.ts";
import type { TarEntry } from "../lib/tar.ts";

export async function randomChecksFiles(ctx: DashContext): Promise<TarEntry[]> {
  const checks = await rowsByYear(
    ctx,
    `SELECT town, month(checked_on) AS month, task_status AS status, planned, completed, joint, published
     FROM mart_random_checks_in(CAST($from AS DATE), CAST($to AS DATE)) ORDER BY checked_on NULLS LAST, task_no`,
  );
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
  ];
}
