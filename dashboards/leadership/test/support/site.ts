// What the global setup hands to the tests (vitest provide / inject).
import path from "node:path";
import { REPO_ROOT } from "@anjian/config";

export { REPO_ROOT };
export const PACKAGE_DIR = path.resolve(import.meta.dirname, "..", "..");
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

/** The demo exports less these files: hazard data stops at the 2022 ledger's export time. */
export const UNEVEN_LEFT_OUT = ["隐患/隐患排查治理台账_2023.xlsx", "隐患/隐患排查治理台账_2024.csv"];

/** A kind's coverage in a year, as the loader writes it (coverage.json). */
export interface KindCoverage {
  from: string | null;
  to: string | null;
  state: "none" | "partial" | "full";
  label: string;
  empty: string | null;
  note: string | null;
}

/** The site built from exports in which one kind stops early. */
export interface UnevenSite {
  url: string;
  dist: string;
  years: number[];
  defaultYear: number;
  coverage: Record<string, Record<string, KindCoverage>>;
}

declare module "vitest" {
  export interface ProvidedContext {
    site: Site;
    unevenSite: UnevenSite;
    demoCoverage: Record<string, Record<string, KindCoverage>>;
  }
}
