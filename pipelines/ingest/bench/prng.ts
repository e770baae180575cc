// Deterministic randomness for the benchmark's generated exports: the same seed gives the same
// file, byte for byte, on every machine.

export type Rng = () => number;

/** mulberry32: small, fast, good enough for test data. Returns numbers in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [lo, hi]. */
export function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Picks by weight: [[value, weight], …]. */
export function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = rng() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r < 0) return v;
  }
  return items[items.length - 1]![0];
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of a calendar date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

const isoCache = new Map<number, string>();

/** `2023-05-12` for a day number. */
export function isoDate(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

/** Midnight UTC of a day number, as Excel date cells want it (no time-zone shift). */
export function utcDate(day: number): Date {
  return new Date(day * DAY_MS);
}

export const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** `2023-05-12 14:30:05` somewhere during the given day. */
export function timestampOn(rng: Rng, day: number): string {
  return `${isoDate(day)} ${pad(int(rng, 8, 18), 2)}:${pad(int(rng, 0, 59), 2)}:${pad(int(rng, 0, 59), 2)}`;
}
