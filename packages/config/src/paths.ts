// Where things are in a checkout of the project. The one module that knows the repository's layout:
// everything else is told these paths (by an app's context, or a test).
import path from "node:path";

/** The repository root: this file is packages/config/src/paths.ts. */
export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

export interface RepoPaths {
  root: string;
  /** The warehouse when neither --warehouse nor ANJIAN_WAREHOUSE says otherwise (ignored by git). */
  warehouse: string;
  /** The district profile (区情配置). */
  profile: string;
  /** The analyst-editable header alias table. */
  aliases: string;
  /** The demo exports (pipelines/demo-data writes them). */
  samples: string;
}

export function repoPaths(root: string = REPO_ROOT): RepoPaths {
  return {
    root,
    warehouse: path.join(root, "data", "warehouse", "anjian.duckdb"),
    profile: path.join(root, "data", "reference", "profile.json"),
    aliases: path.join(root, "data", "reference", "header-aliases.csv"),
    samples: path.join(root, "data", "samples"),
  };
}
