// Whether a command-line tool (soffice, pdftotext, pdftoppm) is on this machine: the tests that need
// one skip, and say so, where it is not.
import { execFileSync } from "node:child_process";

export function which(cmd: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
