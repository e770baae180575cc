// What an app runs with, read from its arguments and environment in this one place: the repository
// root, the warehouse, the district profile, the header alias table, where the personal-data key
// comes from, DuckDB's memory limit and whether to show technical details. Each app (the anjian
// command, the dashboard's scripts and data loader, the benches) builds it and passes what each
// library needs as parameters; the libraries read no environment variables and find no root.
// It only parses the environment object it is given (tests pass their own); nothing is read from disk.
import path from "node:path";
import { UserError } from "@anjian/errors";
import { REPO_ROOT, repoPaths } from "./paths.ts";

export type Env = Readonly<Record<string, string | undefined>>;

/** Where the personal-data key comes from (the key itself is read, or created, by the import). */
export interface KeySource {
  /** ANJIAN_KEY */
  key: string | null;
  /** ANJIAN_KEY_FILE: then the file must exist. Without either, anjian.key beside the warehouse. */
  file: string | null;
}

export interface Context {
  root: string;
  /** --warehouse, else ANJIAN_WAREHOUSE, else data/warehouse/anjian.duckdb; absolute. */
  warehouse: string;
  /** ANJIAN_PROFILE, else data/reference/profile.json; absolute. */
  profile: string;
  /** ANJIAN_ALIASES, else data/reference/header-aliases.csv; absolute. */
  aliases: string;
  hashKey: KeySource;
  /** ANJIAN_MEMORY_LIMIT (e.g. 1GB): DuckDB's limit for reading and importing; null: the defaults. */
  memoryLimit: string | null;
  /** ANJIAN_DEBUG: unforeseen errors show their original text. */
  debug: boolean;
}

export interface ContextOptions {
  /** Where paths the user gave are resolved: the working directory (or npm's INIT_CWD). */
  cwd?: string;
  root?: string;
  /** The --warehouse argument, which wins over ANJIAN_WAREHOUSE. */
  warehouse?: string;
}

/** A variable that is set and not blank (an empty value counts as unset). */
function value(env: Env, name: string): string | null {
  const v = env[name]?.trim();
  return v ? v : null;
}

/** ANJIAN_DEBUG=1 (any value but empty and 0). Apart, so that an error in the context is shown with it too. */
export function isDebug(env: Env): boolean {
  const v = value(env, "ANJIAN_DEBUG");
  return v !== null && v !== "0";
}

/** DuckDB's size syntax: a number and a unit (512MB, 1.5GB, 2GiB). */
const MEMORY = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

export function readContext(env: Env, options: ContextOptions = {}): Context {
  const cwd = options.cwd ?? process.cwd();
  const defaults = repoPaths(options.root ?? REPO_ROOT);
  const given = (p: string | null | undefined, fallback: string) => (p ? path.resolve(cwd, p) : fallback);
  const memoryLimit = value(env, "ANJIAN_MEMORY_LIMIT");
  if (memoryLimit !== null && !MEMORY.test(memoryLimit))
    throw new UserError(
      `环境变量 ANJIAN_MEMORY_LIMIT 的值“${memoryLimit}”无法识别。请写成数值加单位，如 512MB、2GB，或删去这个变量使用默认值。`,
    );
  const keyFile = value(env, "ANJIAN_KEY_FILE");
  return {
    root: defaults.root,
    warehouse: given(options.warehouse || value(env, "ANJIAN_WAREHOUSE"), defaults.warehouse),
    profile: given(value(env, "ANJIAN_PROFILE"), defaults.profile),
    aliases: given(value(env, "ANJIAN_ALIASES"), defaults.aliases),
    hashKey: { key: value(env, "ANJIAN_KEY"), file: keyFile === null ? null : path.resolve(cwd, keyFile) },
    memoryLimit,
    debug: isDebug(env),
  };
}
