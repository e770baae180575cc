// Real imports into temporary warehouses, through the ingest library's entry point (as `anjian
// ingest` does, models refreshed included), for the end-to-end tests: files → warehouse → figures.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { loadAliasTable } from "@anjian/exports";
import { type IngestResult, ingest } from "@anjian/ingest";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { openWarehouse, type Warehouse } from "@anjian/warehouse";

export interface TempWarehouse {
  dir: string;
  warehouse: Warehouse;
  /** Closes the warehouse and removes the folder. */
  cleanup(): void;
}

export async function tempWarehouse(prefix: string): Promise<TempWarehouse> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const warehouse = await openWarehouse(path.join(dir, "anjian.duckdb"));
  return {
    dir,
    warehouse,
    cleanup() {
      warehouse.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Imports files or folders with the district profile and alias table of the repository. */
export function importPaths(warehouse: Warehouse, paths: string[], command: string): Promise<IngestResult> {
  return ingest({
    warehouse,
    paths,
    hashKey: "0123456789abcdef0123456789abcdef",
    resolver: new ProfileResolver(loadProfile(repoPaths().profile)),
    aliases: loadAliasTable(repoPaths().aliases),
    command,
  });
}
