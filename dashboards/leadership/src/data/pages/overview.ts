// 总览 (and the KPI strips of 行政处罚, 隐患排查, 执法队伍 and the ledgers' pages): kpi.arrow, one row
// per year × scope (全区 or a town) × metric, with the year before and the year-on-year wording.
// The district's values are the figures JSON's (as `anjian figures` prints them); a town's are read
// from the marts' by-town rows (mart_case_totals, mart_hazards_by_town, mart_enforcer_totals,
// mart_accidents_by_town, mart_random_checks_by_town via the figures, mart_activity_figures_by_town).
import { change, rateChange } from "@anjian/indicators";
import { arrowFile } from "../lib/arrow.ts";
import { type DashContext, DISTRICT, yearValues } from "../lib/context.ts";
import type { TarEntry } from "../lib/tar.ts";

/** The work ledger's KPIs (工作台账), as columns of mart_activity_figures. */
const ACTIVITY_METRICS = ["guidance_towns_villages", "guidance_enterprises", "exposure_enterprises", "typical_cases", "trained"] as const;
type ActivityValues = Record<(typeof ACTIVITY_METRICS)[number], number>;
const ACTIVITY_COLUMNS = ACTIVITY_METRICS.join(", ");

/** Which kind each KPI speaks for. */
const KPI_KIND: Record<string, string> = {
  cases: "cases",
  amount_wan: "cases",
  hazards: "hazards",
  rectification_rate: "hazards",
  major_listed: "hazards",
  certified: "enforcers",
  accidents: "accidents",
  deaths: "accidents",
  accountable: "accidents",
  random_checks: "random_checks",
  guidance_towns_villages: "activities",
  guidance_enterprises: "activities",
  exposure_enterprises: "activities",
  typical_cases: "activities",
  trained: "activities",
};

/** "1217960.00" → 121796000 (分), as a number (exact below 2^53): year-on-year on exact amounts. */
function centsOf(yuan: string | null | undefined): number {
  if (!yuan) return 0;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) throw new Error(`not an amount: ${yuan}`);
  const v = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -v : v;
}

interface TownValues extends ActivityValues {
  cases: number;
  cents: number;
  amount_wan: number;
  hazards: number;
  rectification_rate: number;
  major_listed: number;
  certified: number;
  accidents: number;
  deaths: number;
  accountable: number;
}

/** Each town's values in a year, zero where a mart has no row for the town. */
async function townValues(ctx: DashContext, y: number): Promise<Map<string, TownValues>> {
  const p = yearValues(y);
  const out = new Map<string, TownValues>();
  for (const t of ctx.towns)
    out.set(t.name, {
      cases: 0,
      cents: 0,
      amount_wan: 0,
      hazards: 0,
      rectification_rate: 0,
      major_listed: 0,
      certified: 0,
      accidents: 0,
      deaths: 0,
      accountable: 0,
      guidance_towns_villages: 0,
      guidance_enterprises: 0,
      exposure_enterprises: 0,
      typical_cases: 0,
      trained: 0,
    });
  const set = (town: string, values: Partial<TownValues>) => {
    const v = out.get(town);
    if (v) Object.assign(v, values);
  };
  for (const r of await ctx.q<{ town: string; cases: number; fine_yuan: string; amount_wan: string }>(
    `SELECT member AS town, cases, CAST(fine_yuan AS VARCHAR) AS fine_yuan, CAST(amount_wan AS VARCHAR) AS amount_wan
     FROM mart_case_totals(CAST($from AS DATE), CAST($to AS DATE)) WHERE dimension = 'town'`,
    p,
  ))
    set(r.town, { cases: r.cases, cents: centsOf(r.fine_yuan), amount_wan: Number(r.amount_wan) });
  for (const r of await ctx.q<{ town: string; hazards: number; rate: string; major_listed: number }>(
    `SELECT town, hazards, CAST(rectification_rate AS VARCHAR) AS rate, major_listed
     FROM mart_hazards_by_town(CAST($from AS DATE), CAST($to AS DATE))`,
    p,
  ))
    set(r.town, { hazards: r.hazards, rectification_rate: Number(r.rate), major_listed: r.major_listed });
  const certified = await ctx.q<{ unit: string; certified: number }>(
    "SELECT unit, certified FROM mart_enforcer_totals(CAST($from AS DATE), CAST($to AS DATE))",
    p,
  );
  for (const t of ctx.towns) set(t.name, { certified: certified.find((u) => u.unit === t.unit)?.certified ?? 0 });
  for (const r of await ctx.q<{ town: string; accidents: number; deaths: number; accountable: number }>(
    "SELECT town, accidents, deaths, accountable FROM mart_accidents_by_town(CAST($from AS DATE), CAST($to AS DATE))",
    p,
  ))
    set(r.town, { accidents: r.accidents, deaths: r.deaths, accountable: r.accountable });
  for (const r of await ctx.q<ActivityValues & { town: string }>(
    `SELECT town, ${ACTIVITY_COLUMNS} FROM mart_activity_figures_by_town(CAST($from AS DATE), CAST($to AS DATE))`,
    p,
  ))
    set(r.town, Object.fromEntries(ACTIVITY_METRICS.map((m) => [m, r[m]])));
  return out;
}

/** The district's work-ledger KPIs of a year (the figures JSON spreads them over its sections). */
async function districtActivities(ctx: DashContext, y: number): Promise<ActivityValues> {
  const [row] = await ctx.q<ActivityValues>(
    `SELECT ${ACTIVITY_COLUMNS} FROM mart_activity_figures(CAST($from AS DATE), CAST($to AS DATE))`,
    yearValues(y),
  );
  return row!;
}

export async function overviewFiles(ctx: DashContext): Promise<TarEntry[]> {
  const kpi: Record<string, unknown>[] = [];
  const towns = new Map<number, Map<string, TownValues>>();
  const townsOf = async (y: number) => {
    if (!towns.has(y)) towns.set(y, await townValues(ctx, y));
    return towns.get(y)!;
  };
  for (const y of ctx.years) {
    const data = ctx.reports.get(y)!;
    const f = data.current.figures;
    const pf = data.previous.figures;
    const has = data.previous.has;
    // A KPI of a kind that does not reach the year carries no value, only its empty state; one that
    // stops early carries the date it reaches. Year-on-year only where both years are full (has).
    const push = (scope: string, metric: string, value: number, prev: number | null, hasPrev: boolean, yoy: string | null) => {
      const cov = ctx.coverage[y]![KPI_KIND[metric]!]!;
      const none = cov.state === "none";
      kpi.push({
        year: y,
        scope,
        metric,
        value: none ? null : value,
        prev: hasPrev && !none ? prev : null,
        has_prev: hasPrev && !none,
        yoy: hasPrev && !none ? yoy : null,
        state: cov.state,
        coverage_note: none ? cov.empty : cov.note,
      });
    };
    const cents = (r: typeof data.current) => centsOf(r.detail.yuan["cases.total.amount_wan"]);
    const zeroCases = { total: { count: 0, amount_wan: 0 } };
    const zeroHazards = { total: 0, rectification_rate: 0, major_listed: 0 };
    const fc = f.cases ?? zeroCases;
    const pc = pf.cases ?? zeroCases;
    const fh = f.hazards ?? zeroHazards;
    const ph = pf.hazards ?? zeroHazards;
    const fe = f.enforcers ?? { certified: 0 };
    const pe = pf.enforcers ?? { certified: 0 };
    push(DISTRICT, "cases", fc.total.count, pc.total.count, has.cases, change(fc.total.count, pc.total.count));
    push(DISTRICT, "amount_wan", fc.total.amount_wan, pc.total.amount_wan, has.cases, change(cents(data.current), cents(data.previous)));
    push(DISTRICT, "hazards", fh.total, ph.total, has.hazards, change(fh.total, ph.total));
    push(DISTRICT, "rectification_rate", fh.rectification_rate, ph.rectification_rate, has.hazards, rateChange(fh.rectification_rate, ph.rectification_rate));
    push(DISTRICT, "major_listed", fh.major_listed, ph.major_listed, has.hazards, change(fh.major_listed, ph.major_listed));
    push(DISTRICT, "certified", fe.certified, pe.certified, has.enforcers, change(fe.certified, pe.certified));
    const fa = f.accidents ?? { count: 0, deaths: 0, accountable: 0 };
    const pa = pf.accidents ?? { count: 0, deaths: 0, accountable: 0 };
    const frc = f.random_checks ?? { completed: 0, by_town: {} as Record<string, number> };
    const prc = pf.random_checks ?? { completed: 0, by_town: {} as Record<string, number> };
    push(DISTRICT, "accidents", fa.count, pa.count, has.accidents, change(fa.count, pa.count));
    push(DISTRICT, "deaths", fa.deaths, pa.deaths, has.accidents, change(fa.deaths, pa.deaths));
    push(DISTRICT, "accountable", fa.accountable, pa.accountable, has.accidents, change(fa.accountable, pa.accountable));
    push(DISTRICT, "random_checks", frc.completed, prc.completed, has.random_checks, change(frc.completed, prc.completed));
    const fact = await districtActivities(ctx, y);
    const pact = await districtActivities(ctx, y - 1);
    for (const m of ACTIVITY_METRICS) push(DISTRICT, m, fact[m], pact[m], has.activities, change(fact[m], pact[m]));

    const cur = await townsOf(y);
    const prev = await townsOf(y - 1);
    for (const t of ctx.towns) {
      const c = cur.get(t.name)!;
      const p = prev.get(t.name)!;
      push(t.name, "cases", c.cases, p.cases, has.cases, change(c.cases, p.cases));
      push(t.name, "amount_wan", c.amount_wan, p.amount_wan, has.cases, change(c.cents, p.cents));
      push(t.name, "hazards", c.hazards, p.hazards, has.hazards, change(c.hazards, p.hazards));
      push(t.name, "rectification_rate", c.rectification_rate, p.rectification_rate, has.hazards, rateChange(c.rectification_rate, p.rectification_rate));
      push(t.name, "major_listed", c.major_listed, p.major_listed, has.hazards, change(c.major_listed, p.major_listed));
      push(t.name, "certified", c.certified, p.certified, has.enforcers, change(c.certified, p.certified));
      push(t.name, "accidents", c.accidents, p.accidents, has.accidents, change(c.accidents, p.accidents));
      push(t.name, "deaths", c.deaths, p.deaths, has.accidents, change(c.deaths, p.deaths));
      push(t.name, "accountable", c.accountable, p.accountable, has.accidents, change(c.accountable, p.accountable));
      const rcNow = frc.by_town[t.name] ?? 0;
      const rcPrev = prc.by_town[t.name] ?? 0;
      push(t.name, "random_checks", rcNow, rcPrev, has.random_checks, change(rcNow, rcPrev));
      for (const m of ACTIVITY_METRICS) push(t.name, m, c[m], p[m], has.activities, change(c[m], p[m]));
    }
  }
  return [
    {
      name: "kpi.arrow",
      data: arrowFile(kpi, {
        year: "int",
        scope: "text",
        metric: "text",
        value: "float",
        prev: "float",
        has_prev: "bool",
        yoy: "text",
        state: "text",
        coverage_note: "text",
      }),
    },
  ];
}
