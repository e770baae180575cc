// What the global setup hands to the tests (vitest provide / inject).
import path from "node:path";

export const PACKAGE_DIR = path.resolve(import.meta.dirname, "..", "..");
export const REPO_ROOT = path.resolve(PACKAGE_DIR, "..", "..");
export const SCREENSHOTS = path.join(PACKAGE_DIR, "test", "screenshots");

export interface CliFigures {
  /** `anjian figures --year Y --format json` as printed. */
  json: string;
  /** `anjian figures --year Y --format md` as printed. */
  md: string;
}

export interface Site {
  /** http://127.0.0.1:PORT/ */
  url: string;
  dist: string;
  warehouse: string;
  years: number[];
  defaultYear: number;
  figures: Record<string, CliFigures>;
}

declare module "vitest" {
  export interface ProvidedContext {
    site: Site;
  }
}
