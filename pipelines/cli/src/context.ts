// What every command needs: the context of the run (the warehouse from --warehouse, and what the
// environment says: packages/config reads it, docs/cli.md lists the variables), and an output that
// tests can capture.
import { type Context, type Env, readContext } from "@anjian/config";

export type { Context };

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

/** One run's context: --warehouse (resolved where the user is) over the environment's. */
export function commandContext(warehouse: string | undefined, env: Env, cwd: string = process.cwd()): Context {
  return readContext(env, { cwd, warehouse });
}

/** The original of an error, for ANJIAN_DEBUG=1. */
export function technical(e: unknown): string {
  return String((e as Error)?.stack ?? e);
}
