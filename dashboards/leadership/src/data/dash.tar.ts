// The one data loader: opens the warehouse read-only once, reads the indicator marts and writes every
// file the pages use (Arrow IPC tables and a few JSON documents) as one tar archive on stdout.
// Pages read the members: FileAttachment("data/dash/kpi.arrow").
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { buildDatasets } from "./lib/datasets.ts";
import { tar } from "./lib/tar.ts";
import { dashboardContext, openMarts } from "./lib/warehouse.ts";

const context = dashboardContext();
const warehouse = await openMarts(context);
try {
  const entries = await buildDatasets(warehouse.connection, { resolver: new ProfileResolver(loadProfile(context.profile)) });
  process.stdout.write(tar(entries));
} finally {
  warehouse.close();
}
