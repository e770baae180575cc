// The one data loader: opens the warehouse read-only once, reads the indicator marts and writes every
// file the pages use (Arrow IPC tables and a few JSON documents) as one tar archive on stdout.
// Pages read the members: FileAttachment("data/dash/kpi.arrow"). Each page's files are built by the
// module named after it (pages/*.ts) from one shared context (lib/context.ts).
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { loadContext } from "./lib/context.ts";
import { siteFiles } from "./lib/site.ts";
import { tar } from "./lib/tar.ts";
import { dashboardContext, openMarts } from "./lib/warehouse.ts";
import { accidentsFiles } from "./pages/accidents.ts";
import { activitiesFiles } from "./pages/activities.ts";
import { casesFiles } from "./pages/cases.ts";
import { enforcersFiles } from "./pages/enforcers.ts";
import { hazardsFiles } from "./pages/hazards.ts";
import { overviewFiles } from "./pages/overview.ts";
import { qualityFiles } from "./pages/quality.ts";
import { randomChecksFiles } from "./pages/random-checks.ts";
import { reportFiles } from "./pages/report.ts";

const context = dashboardContext();
const warehouse = await openMarts(context);
try {
  const ctx = await loadContext(warehouse.connection, new ProfileResolver(loadProfile(context.profile)));
  const entries = [
    ...siteFiles(ctx),
    ...(await overviewFiles(ctx)),
    ...(await casesFiles(ctx)),
    ...(await hazardsFiles(ctx)),
    ...(await enforcersFiles(ctx)),
    ...(await randomChecksFiles(ctx)),
    ...(await accidentsFiles(ctx)),
    ...(await activitiesFiles(ctx)),
    ...(await reportFiles(ctx)),
    ...(await qualityFiles(ctx)),
  ];
  process.stdout.write(tar(entries));
} finally {
  warehouse.close();
}
