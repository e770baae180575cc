// The CLI's golden files (test/golden/): see @anjian/testing's goldenFiles.
import path from "node:path";
import { goldenFiles } from "@anjian/testing";
import { expect } from "vitest";

export const expectGolden = goldenFiles(path.join(import.meta.dirname, "golden"), expect);
