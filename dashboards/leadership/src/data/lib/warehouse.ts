// The dashboard's context and its warehouse. The context (packages/config) is read the same way by the
// build scripts and by the data loader (which Framework runs in a child process, in this package's
// folder): paths the user gave are resolved where npm was started (INIT_CWD). The loader opens the
// warehouse read-only through the same function as every other reader, with the indicator models: the
// stored ones when current, else the same models as temporary objects of this connection
// (packages/indicators: useModels).
import { type Context, type Env, readContext } from "@anjian/config";
import { useModels } from "@anjian/indicators";
import { openWarehouse, type Warehouse } from "@anjian/warehouse";

export function dashboardContext(env: Env = process.env): Context {
  return readContext(env, { cwd: env.INIT_CWD ?? process.cwd() });
}

/** Opens a warehouse read-only, as every reader does. */
export function openReadOnly(file: string, context: Context): Promise<Warehouse> {
  return openWarehouse(file, { readOnly: true, memoryLimit: context.memoryLimit });
}

/** The context's warehouse, read-only, with the indicator models usable. */
export async function openMarts(context: Context): Promise<Warehouse> {
  const warehouse = await openReadOnly(context.warehouse, context);
  try {
    await useModels(warehouse.connection);
  } catch (e) {
    warehouse.close();
    throw e;
  }
  return warehouse;
}
