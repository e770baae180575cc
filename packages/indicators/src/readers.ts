// The connections a reader computes figures on. With the stored models current, the figures'
// independent queries run at the same time on a few connections of the same warehouse: planning a
// query takes one thread, and most of a small query's time is planning. Temporary models live in
// one connection only, so without stored models there is just that one.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Warehouse } from "@anjian/warehouse";
import { useModels } from "./models.ts";

/** The independent queries of one period's figures (figures.ts): one connection each. */
export const FIGURE_QUERIES = 9;

export interface ReaderPool {
  readers: DuckDBConnection[];
  models: "stored" | "temporary";
}

const extra = new WeakMap<Warehouse, DuckDBConnection[]>();

/** Checks the models each time (an import may have finished since); the connections are reused. */
export async function openReaders(warehouse: Warehouse, size = FIGURE_QUERIES): Promise<ReaderPool> {
  const models = await useModels(warehouse.connection);
  if (models === "temporary") return { readers: [warehouse.connection], models };
  const more = extra.get(warehouse) ?? [];
  extra.set(warehouse, more);
  while (more.length < size - 1) more.push(await warehouse.connect());
  return { readers: [warehouse.connection, ...more.slice(0, size - 1)], models };
}
