// The warehouse, opened read-only for the data loaders, with the indicator models: the stored ones
// when current, else the same models as temporary objects of this connection (packages/indicators:
// useModels).
import path from "node:path";
import { useModels } from "@anjian/indicators";
import { defaultWarehousePath, openWarehouse, type Warehouse } from "@anjian/warehouse";

/** The repository root: dashboards/leadership/src/data/lib → five levels up. */
export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..", "..", "..", "..");

/** ANJIAN_WAREHOUSE, or data/warehouse/anjian.duckdb under the repository root. */
export function warehousePath(): string {
  return path.resolve(defaultWarehousePath(REPO_ROOT));
}

export async function openMarts(file: string = warehousePath()): Promise<Warehouse> {
  const warehouse = await openWarehouse(file, { readOnly: true });
  try {
    await useModels(warehouse.connection);
  } catch (e) {
    warehouse.close();
    throw e;
  }
  return warehouse;
}
