// After an import, the indicator models are stored again when the data (or the models' code) changed,
// so that every reader of the warehouse (`anjian figures`, the dashboard) finds current tables
// whoever imported. A failure here does not undo the import: readers then compute the models
// themselves, only slower, and the next import tries again.
import type { DuckDBConnection } from "@duckdb/node-api";
import { applyModels, modelsUpToDate } from "@anjian/indicators";
import type { Progress } from "./progress.ts";

/** What became of the stored models: already current, stored again, or not (with the user's sentence). */
export type ModelsRefresh = { status: "current" } | { status: "refreshed" } | { status: "failed"; error: string };

export const MODELS_NOT_REFRESHED =
  "数据已导入，但指标表更新失败。anjian figures 和驾驶舱仍可使用（会临时计算，较慢）；下次导入时会再次更新。";

export async function refreshModels(connection: DuckDBConnection, progress: Progress, debug?: (error: unknown) => void): Promise<ModelsRefresh> {
  try {
    if (await modelsUpToDate(connection)) return { status: "current" };
    progress.refreshing();
    await applyModels(connection);
    return { status: "refreshed" };
  } catch (e) {
    // The DuckDB text is English and may quote a value: only to `debug` (ANJIAN_DEBUG=1: stderr).
    debug?.(e);
    return { status: "failed", error: MODELS_NOT_REFRESHED };
  }
}
