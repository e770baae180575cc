// What every command needs: where the warehouse is, and an output that tests can capture.
import path from "node:path";
import { findRepoRoot } from "@anjian/exports";
import { defaultWarehousePath } from "@anjian/warehouse";

export interface Output {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
}

export const processOutput: Output = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
  isTTY: Boolean(process.stdout.isTTY),
};

export function warehousePathFrom(flag: string | undefined): string {
  if (flag) return path.resolve(flag);
  return defaultWarehousePath(findRepoRoot());
}
