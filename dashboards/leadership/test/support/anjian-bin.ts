// The `anjian` command as the tests and the bench run it (a child process), found through the
// entry points of @anjian/cli (its "./bin" export) rather than by a path into that package.
import { createRequire } from "node:module";

export const ANJIAN_BIN = createRequire(import.meta.url).resolve("@anjian/cli/bin");
