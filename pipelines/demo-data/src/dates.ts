// Calendar dates as ISO strings ("2023-05-12") and day numbers, all in UTC arithmetic so
// that the machine's time zone can never shift a generated date.

import type { Rng } from "./prng.ts";

const DAY = 86_400_000;

export function toDays(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY);
}

const isoOfDay = new Map<number, string>();

export function fromDays(days: number): string {
  // Cached: the bulk exports format millions of dates from a few thousand days.
  let iso = isoOfDay.get(days);
  if (iso === undefined) {
    iso = new Date(days * DAY).toISOString().slice(0, 10);
    isoOfDay.set(days, iso);
  }
  return iso;
}

/** Midnight UTC of a day number, as Excel date cells want it (no time-zone shift). */
export function utcMidnight(days: number): Date {
  return new Date(days * DAY);
}

export function addDays(iso: string, n: number): string {
  return fromDays(toDays(iso) + n);
}

export function addYears(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  // 29 Feb + 1 year becomes 28 Feb, as certificate offices do.
  const last = new Date(Date.UTC(y + n, m, 0)).getUTCDate();
  return `${y + n}-${pad(m)}-${pad(Math.min(d, last))}`;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function parts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return { y, m, d };
}

/** Day of week, 0 = Sunday. */
export function weekday(iso: string): number {
  return new Date(toDays(iso) * DAY).getUTCDay();
}

/** A random date in [from, to]; weekends are moved to the next Monday unless that leaves the range. */
export function workday(rng: Rng, from: string, to: string): string {
  const a = toDays(from);
  const b = toDays(to);
  let day = rng.int(a, b);
  const wd = new Date(day * DAY).getUTCDay();
  if (wd === 6 && day + 2 <= b) day += 2;
  else if (wd === 0 && day + 1 <= b) day += 1;
  return fromDays(day);
}

/** Moves a date forward to a weekday (or keeps it). */
export function nextWorkday(iso: string): string {
  const wd = weekday(iso);
  if (wd === 6) return addDays(iso, 2);
  if (wd === 0) return addDays(iso, 1);
  return iso;
}

/** An office-hours timestamp on the given date: "2023-05-12 14:30:07". */
export function officeTime(rng: Rng, iso: string): string {
  const minutes = rng.int(8 * 60 + 20, 17 * 60 + 50);
  return `${iso} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:${pad(rng.int(0, 59))}`;
}

/** The bulk exports' timestamps: "2023-05-12 14:30:05", any minute from 08:00 to 18:59. */
export function timestampOn(rng: Rng, days: number): string {
  return `${fromDays(days)} ${pad(rng.int(8, 18))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
