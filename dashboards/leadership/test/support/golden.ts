// The dashboard's golden files (test/golden/): see @anjian/testing's goldenFiles.
import path from "node:path";
import { goldenFiles } from "@anjian/testing";
import { expect } from "vitest";
import { PACKAGE_DIR } from "./site.ts";

export const GOLDEN_DIR = path.join(PACKAGE_DIR, "test", "golden");
export const expectGolden = goldenFiles(GOLDEN_DIR, expect);
