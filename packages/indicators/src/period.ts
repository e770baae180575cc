// Periods of the figures: [from, to], both ISO dates, both days included.

export interface Period {
  from: string;
  to: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** 2023-5-12, 2023/5/12, 2023.5.12, 2023年5月12日, 20230512 → 2023-05-12; null when not a real date. */
export function parseDateArg(s: string): string | null {
  const t = s.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The whole calendar year Y: from 1 January to 31 December. */
export function isWholeYear(p: Period): boolean {
  return p.from.slice(0, 4) === p.to.slice(0, 4) && p.from.endsWith("-01-01") && p.to.endsWith("-12-31");
}

/** The same dates one year earlier (29 February becomes 28 February). */
export function previousPeriod(p: Period): Period {
  return { from: yearEarlier(p.from), to: yearEarlier(p.to) };
}

function yearEarlier(iso: string): string {
  const y = Number(iso.slice(0, 4)) - 1;
  const md = iso.slice(5);
  const candidate = `${y}-${md}`;
  return isIsoDate(candidate) ? candidate : `${y}-02-28`;
}

/** 2023-05-12 → 2023年5月12日 */
export function dateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
