// Fits a list of fines to an exact total while keeping each within its legal bounds.

import type { Rng } from "../prng.ts";

export interface FineSlot {
  amount: number;
  min: number;
  max: number;
}

/**
 * Adjusts `slots` in place so that their amounts add up to `target` exactly.
 * First the slot at `residueIndex` absorbs the remainder modulo `coarse` (it gets the odd
 * amount, like a fine computed from a percentage of income); then random slots move by
 * `coarse` until the sum is exact. Throws when the bounds make the target impossible.
 */
export function fitFines(rng: Rng, slots: FineSlot[], target: number, coarse: number, residueIndex: number): void {
  const sum = () => slots.reduce((s, x) => s + x.amount, 0);
  const r = slots[residueIndex];
  if (r) {
    const residue = (((target - sum()) % coarse) + coarse) % coarse;
    r.amount += residue;
    if (r.amount > r.max) r.amount -= coarse;
    if (r.amount < r.min) throw new Error("residue slot cannot absorb the remainder");
  }
  if ((target - sum()) % coarse !== 0) throw new Error(`cannot reach ${target} in steps of ${coarse}`);
  for (let guard = 0; guard < 1_000_000; guard++) {
    const diff = target - sum();
    if (diff === 0) return;
    const dir = diff > 0 ? 1 : -1;
    const movable = slots.filter((s) => s.amount + dir * coarse >= s.min && s.amount + dir * coarse <= s.max);
    if (movable.length === 0) throw new Error(`fines cannot reach ${target}: bounds exhausted at ${sum()}`);
    rng.pick(movable).amount += dir * coarse;
  }
  throw new Error("fitFines did not converge");
}
