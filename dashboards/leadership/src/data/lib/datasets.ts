// Everything the pages read, queried from the indicator marts (packages/indicators/models) on a
// read-only connection. No counting rule lives here: a figure is either taken from the figures JSON
// (computeFigures, via buildReportData) or read from a mart at the mart's own grain; the pages only
// filter and add up mart rows. What a page shows of people is decided here, once:
//   - an individual party (当事人类型 个人) is shown as 个人, never by name;
//   - officers are shown by unit and certificate number, never by name (README: 隐私);
//   - ID numbers never reach this layer (the warehouse keeps only keyed hashes).

import {
  buildReportData,
  type Coverage,
  change,
  dateZh,
  emptyStateText,
  type Figures,
  kindName,
  readSources,
  reportBlocks,
  reportDocx,
  reportMarkdown,
  ruleFor,
  yearPeriod,
} from "@anjian/indicators";
import type { ProfileResolver } from "@anjian/profile";
import { queryRows } from "@anjian/warehouse";
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { arrowFile } from "./arrow.ts";
import { ledgerDatasets } from "./ledgers.ts";
import type { TarEntry } from "./tar.ts";

export const DISTRICT = "全区";

const KIND_LABELS: Record<string, string> = {
  cases: "行政处罚案件",
  inspections: "执法检查记录",
  hazards: "隐患排查治理台账",
  enforcers: "执法人员名册",
  random_checks: "双随机抽查任务",
  accidents: "事故调查台账",
  activities: "工作台账",
};

/**
 * A party or unit name that looks like a person's name (2–4 Chinese characters, nothing that names
 * a business) is shown as 个人 even when the record did not say 当事人类型 个人: a safeguard against
 * a mis-typed row leaking an individual's name into a static page.
 */
export function looksLikePersonName(name: string): boolean {
  return /^[\u4e00-\u9fa5·]{2,4}$/.test(name.trim());
}

export function displayParty(name: string | null, partyType: string | null): string {
  if (partyType === "个人") return "个人";
  if (name === null) return "";
  return looksLikePersonName(name) ? "个人" : name;
}

/** The last day of a month, ISO. */
function monthEnd(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

function minIso(a: string, b: string | null): string {
  return b !== null && b < a ? b : a;
}

/** "1217960.00" → 121796000 (分), as a number (exact below 2^53). */
function centsOf(yuan: string | null | undefined): number {
  if (!yuan) return 0;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) throw new Error(`not an amount: ${yuan}`);
  const v = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -v : v;
}

/** Change of a rate in percentage points, on basis points: "同比上升1.23个百分点". */
function rateChange(current: number, previous: number): string {
  const diff = Math.round(current * 10000) - Math.round(previous * 10000);
  if (diff === 0) return "同比持平";
  const text = (Math.abs(diff) / 100).toFixed(2);
  return diff > 0 ? `同比上升${text}个百分点` : `同比下降${text}个百分点`;
}

interface TownValues {
  cases: number;
  cents: number;
  amount_wan: number;
  hazards: number;
  rectified: number;
  rectification_rate: number;
  major_listed: number;
  certified: number;
}

interface Leaf {
  path: string;
  label: string;
  unit: string;
  rule: string;
  value: number;
}

function leavesOf(figures: Figures): Leaf[] {
  const out: Leaf[] = [];
  const walk = (v: unknown, parts: string[]) => {
    if (typeof v === "number") {
      const found = ruleFor(parts);
      out.push({
        path: parts.join("."),
        label: found ? found.rule.label.replace("{name}", found.name ?? "") : parts.join("."),
        unit: found?.rule.unit ?? "",
        rule: found?.rule.rule ?? "",
        value: v,
      });
    } else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...parts, k]);
  };
  const { period: _period, coverage: _coverage, ...rest } = figures;
  walk(rest, []);
  return out;
}

/** What the dashboard shows of a kind in a year: its state, the empty-state text or the as-of note. */
export interface KindCoverage extends Coverage {
  /** What the kind's data is called: 隐患排查. */
  label: string;
  /** For `none`: “2024年暂无隐患排查数据（已导入至2023年12月26日）”. */
  empty: string | null;
  /** For `partial`: “数据截至2025年1月6日”. */
  note: string | null;
}

/** The work ledger's KPIs (工作台账). */
const ACTIVITY_METRICS = ["guidance_towns_villages", "guidance_enterprises", "exposure_enterprises", "typical_cases", "trained"] as const;

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

function kindCoverage(kind: string, c: Coverage, y: number): KindCoverage {
  return {
    ...c,
    label: kindName(kind),
    empty: c.state === "none" ? emptyStateText(kind, c, yearPeriod(y), `${y}年`) : null,
    note: c.state === "partial" && c.to ? `数据截至${dateZh(c.to)}` : null,
  };
}

/**
 * The year the dashboard opens on: the latest year every kind covers in full; when there is none,
 * the latest year with cases (the pages mark the other kinds); else the latest year.
 */
export function defaultYear(years: number[], coverage: Record<number, Record<string, Coverage>>): number | null {
  const latest = (ok: (y: number) => boolean) => [...years].reverse().find(ok) ?? null;
  return (
    latest((y) => Object.values(coverage[y] ?? {}).every((c) => c.state === "full")) ??
    latest((y) => (coverage[y]?.cases?.state ?? "none") !== "none") ??
    years[years.length - 1] ??
    null
  );
}

export interface DatasetOptions {
  resolver: ProfileResolver;
}

/** Every file of data/dash.tar, in the order they are written. */
export async function buildDatasets(connection: DuckDBConnection, { resolver }: DatasetOptions): Promise<TarEntry[]> {
  const q = <T>(sql: string, values?: Record<string, DuckDBValue>) => queryRows<T>(connection, sql, values);
  const period = (from: string, to: string) => ({ from, to });
  const profile = resolver.profile;
  const towns = profile.towns.map((t) => ({ name: t.name, unit: t.unit.name }));
  const unitOfTown = new Map(towns.map((t) => [t.name, t.unit]));
  const units = resolver.unitNames().map((name) => ({
    name,
    level: name === profile.bureau.name ? "bureau" : "town",
    town: towns.find((t) => t.unit === name)?.name ?? null,
  }));
  const entries: TarEntry[] = [];
  const json = (name: string, value: unknown) => entries.push({ name, data: Buffer.from(JSON.stringify(value), "utf8") });

  // ------------------------------------------------------------ years and the data's date
  const sources = await readSources(connection);
  const asOfDate = sources.asOf ? sources.asOf.slice(0, 10) : null;
  // The years of the activity data (cases, hazards, inspections); certificates issued long before
  // are counted within those years but do not add years of their own.
  const found = await q<{ y: number }>(
    `SELECT DISTINCT y FROM (
       SELECT decided_year AS y FROM mart_cases
       UNION SELECT found_year FROM mart_hazards
       UNION SELECT inspected_year FROM mart_inspections
     ) WHERE y IS NOT NULL ORDER BY y`,
  );
  const years: number[] = [];
  if (found.length > 0) for (let y = found[0]!.y; y <= found[found.length - 1]!.y; y++) years.push(y);
  /** The day a year's states (overdue, expiring) are read on: its last day, or the data's date if earlier. */
  const refDate = (y: number): string | null => {
    const d = minIso(`${y}-12-31`, asOfDate);
    return d >= `${y}-01-01` ? d : null;
  };
  // How far each kind reaches (mart_coverage): a state read on a day its ledger does not reach
  // (hazards overdue on 31 December from a ledger exported in January) would be a guess.
  const spans = new Map(
    (await q<{ kind: string; to_on: string | null }>("SELECT kind, CAST(to_on AS VARCHAR) AS to_on FROM mart_coverage")).map((r) => [r.kind, r.to_on]),
  );
  /** The day a year's state of a kind is read on: its last day, or the day the kind's data reaches if earlier; null when that is before the year. */
  const kindRefDate = (y: number, kind: string): string | null => {
    const to = spans.get(kind) ?? null;
    if (to === null) return null;
    const d = minIso(`${y}-12-31`, to);
    return d >= `${y}-01-01` ? d : null;
  };

  // ------------------------------------------------------------ figures, report, KPIs
  const reports: Record<string, unknown> = {};
  const kpi: Record<string, unknown>[] = [];
  const coverage: Record<number, Record<string, KindCoverage>> = {};
  const townCache = new Map<number, Map<string, TownValues>>();
  const townValues = async (y: number): Promise<Map<string, TownValues>> => {
    const cached = townCache.get(y);
    if (cached) return cached;
    const p = yearPeriod(y);
    const out = new Map<string, TownValues>();
    for (const t of towns)
      out.set(t.name, { cases: 0, cents: 0, amount_wan: 0, hazards: 0, rectified: 0, rectification_rate: 0, major_listed: 0, certified: 0 });
    const caseRows = await q<{ town: string; cases: number; fine_yuan: string; amount_wan: string }>(
      `SELECT member AS town, cases, CAST(fine_yuan AS VARCHAR) AS fine_yuan, CAST(amount_wan AS VARCHAR) AS amount_wan
       FROM mart_case_totals(CAST($from AS DATE), CAST($to AS DATE)) WHERE dimension = 'town'`,
      period(p.from, p.to),
    );
    for (const r of caseRows) {
      const v = out.get(r.town);
      if (v) Object.assign(v, { cases: r.cases, cents: centsOf(r.fine_yuan), amount_wan: Number(r.amount_wan) });
    }
    // TODO(indicators): a mart_hazard_totals_by_town(d_from, d_to) macro would carry these columns;
    // until then they are read from mart_hazards_in with the mart's own flags (is_major, listed,
    // is_rectified) and its mart_rate4, exactly as mart_hazard_totals does for the whole district.
    const hazardRows = await q<{ town: string; total: number; rectified: number; rate: string; major_listed: number }>(
      `SELECT town,
              CAST(count(*) AS INTEGER)                                  AS total,
              CAST(count(*) FILTER (is_rectified) AS INTEGER)            AS rectified,
              CAST(mart_rate4(count(*) FILTER (is_rectified), count(*)) AS VARCHAR) AS rate,
              CAST(count(*) FILTER (is_major AND listed) AS INTEGER)     AS major_listed
       FROM mart_hazards_in(CAST($from AS DATE), CAST($to AS DATE))
       GROUP BY town`,
      period(p.from, p.to),
    );
    for (const r of hazardRows) {
      const v = out.get(r.town);
      if (v) Object.assign(v, { hazards: r.total, rectified: r.rectified, rectification_rate: Number(r.rate), major_listed: r.major_listed });
    }
    const unitRows = await q<{ unit: string; certified: number }>(
      "SELECT unit, certified FROM mart_enforcer_totals(CAST($from AS DATE), CAST($to AS DATE))",
      period(p.from, p.to),
    );
    for (const t of towns) {
      const v = out.get(t.name)!;
      v.certified = unitRows.find((u) => u.unit === unitOfTown.get(t.name))?.certified ?? 0;
    }
    townCache.set(y, out);
    return out;
  };

  // The ledgers' KPIs by town: the rows of their marts added up (accidents by 所属镇街; completed
  // random checks from the figures' by_town).
  const ledgerTownCache = new Map<number, Map<string, { accidents: number; deaths: number; accountable: number }>>();
  const ledgerTownValues = async (y: number) => {
    const cached = ledgerTownCache.get(y);
    if (cached) return cached;
    const p = yearPeriod(y);
    const out = new Map(towns.map((t) => [t.name, { accidents: 0, deaths: 0, accountable: 0 }]));
    for (const r of await q<{ town: string; accidents: number; deaths: number; accountable: number }>(
      `SELECT town, CAST(count(*) AS INTEGER) AS accidents, CAST(sum(deaths) AS INTEGER) AS deaths, CAST(sum(accountable) AS INTEGER) AS accountable
       FROM mart_accidents_in(CAST($from AS DATE), CAST($to AS DATE)) GROUP BY town`,
      period(p.from, p.to),
    ))
      if (out.has(r.town)) out.set(r.town, { accidents: r.accidents, deaths: r.deaths, accountable: r.accountable });
    ledgerTownCache.set(y, out);
    return out;
  };
  // The work ledger's KPIs by town, over the records that name the town: the sums of
  // mart_activity_figures (guidance, exposure), mart_typical_cases and mart_trainings, by 镇街.
  type ActivityValues = Record<(typeof ACTIVITY_METRICS)[number], number>;
  const activityTownCache = new Map<number, Map<string, ActivityValues>>();
  const activityTownValues = async (y: number) => {
    const cached = activityTownCache.get(y);
    if (cached) return cached;
    const p = yearPeriod(y);
    const out = new Map<string, ActivityValues>(
      towns.map((t) => [t.name, { guidance_towns_villages: 0, guidance_enterprises: 0, exposure_enterprises: 0, typical_cases: 0, trained: 0 }]),
    );
    for (const r of await q<ActivityValues & { town: string }>(
      `SELECT town,
              CAST(coalesce(sum(objects) FILTER (category = '帮扶指导' AND object_type IN ('镇街', '村居')), 0) AS INTEGER) AS guidance_towns_villages,
              CAST(coalesce(sum(objects) FILTER (category = '帮扶指导' AND object_type = '企业'), 0) AS INTEGER)          AS guidance_enterprises,
              CAST(coalesce(sum(objects) FILTER (category = '约谈曝光' AND object_type = '企业'), 0) AS INTEGER)          AS exposure_enterprises,
              CAST(coalesce(sum(objects) FILTER (category = '典型案例公布'), 0) AS INTEGER)                              AS typical_cases,
              CAST(coalesce(sum(participants) FILTER (category = '执法培训'), 0) AS INTEGER)                             AS trained
       FROM mart_activities_in(CAST($from AS DATE), CAST($to AS DATE)) WHERE town IS NOT NULL GROUP BY town`,
      period(p.from, p.to),
    ))
      if (out.has(r.town)) out.set(r.town, r);
    activityTownCache.set(y, out);
    return out;
  };

  for (const y of years) {
    const data = await buildReportData(connection, yearPeriod(y), resolver);
    const f = data.current.figures;
    const pf = data.previous.figures;
    const has = data.previous.has;
    coverage[y] = Object.fromEntries(Object.entries(f.coverage).map(([k, c]) => [k, kindCoverage(k, c, y)]));
    const docx = await reportDocx(data);
    // The names `anjian figures --format docx` gives its file (年报数据-2023.docx).
    const base = `年报数据-${y}`;
    reports[String(y)] = {
      year: y,
      fileBase: base,
      figures: f,
      json: `${JSON.stringify(f, null, 2)}\n`,
      markdown: reportMarkdown(data),
      blocks: reportBlocks(data),
      docx: docx.toString("base64"),
      leaves: leavesOf(f),
    };

    // A KPI of a kind that does not reach the year carries no value, only its empty state; one that
    // stops early carries the date it reaches. Year-on-year only where both years are full (has).
    const push = (scope: string, metric: string, value: number, prev: number | null, hasPrev: boolean, yoy: string | null) => {
      const cov = coverage[y]![KPI_KIND[metric]!]!;
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
    const activity = (a: typeof f.activities): ActivityValues => ({
      guidance_towns_villages: a?.guidance.towns_villages ?? 0,
      guidance_enterprises: a?.guidance.enterprises ?? 0,
      exposure_enterprises: a?.exposure_enterprises ?? 0,
      typical_cases: Object.values(a?.typical_cases ?? {}).reduce((s, n) => s + n, 0),
      trained: (a?.trainings ?? []).reduce((s, t) => s + t.participants, 0),
    });
    const fact = activity(f.activities);
    const pact = activity(pf.activities);
    for (const m of ACTIVITY_METRICS) push(DISTRICT, m, fact[m], pact[m], has.activities, change(fact[m], pact[m]));
    const activityNow = await activityTownValues(y);
    const activityPrev = await activityTownValues(y - 1);
    const ledgerNow = await ledgerTownValues(y);
    const ledgerPrev = await ledgerTownValues(y - 1);

    const cur = await townValues(y);
    const prev = await townValues(y - 1);
    for (const t of towns) {
      const c = cur.get(t.name)!;
      const p = prev.get(t.name)!;
      push(t.name, "cases", c.cases, p.cases, has.cases, change(c.cases, p.cases));
      push(t.name, "amount_wan", c.amount_wan, p.amount_wan, has.cases, change(c.cents, p.cents));
      push(t.name, "hazards", c.hazards, p.hazards, has.hazards, change(c.hazards, p.hazards));
      push(t.name, "rectification_rate", c.rectification_rate, p.rectification_rate, has.hazards, rateChange(c.rectification_rate, p.rectification_rate));
      push(t.name, "major_listed", c.major_listed, p.major_listed, has.hazards, change(c.major_listed, p.major_listed));
      push(t.name, "certified", c.certified, p.certified, has.enforcers, change(c.certified, p.certified));
      const la = ledgerNow.get(t.name)!;
      const lp = ledgerPrev.get(t.name)!;
      push(t.name, "accidents", la.accidents, lp.accidents, has.accidents, change(la.accidents, lp.accidents));
      push(t.name, "deaths", la.deaths, lp.deaths, has.accidents, change(la.deaths, lp.deaths));
      push(t.name, "accountable", la.accountable, lp.accountable, has.accidents, change(la.accountable, lp.accountable));
      const rcNow = frc.by_town[t.name] ?? 0;
      const rcPrev = prc.by_town[t.name] ?? 0;
      push(t.name, "random_checks", rcNow, rcPrev, has.random_checks, change(rcNow, rcPrev));
      for (const m of ACTIVITY_METRICS) push(t.name, m, activityNow.get(t.name)![m], activityPrev.get(t.name)![m], has.activities, change(activityNow.get(t.name)![m], activityPrev.get(t.name)![m]));
    }
  }

  json("meta.json", {
    district: profile.district.name,
    districtFullName: profile.district.fullName,
    bureau: profile.bureau.name,
    towns,
    units,
    categories: resolver.categoryNames(),
    years,
    defaultYear: defaultYear(years, coverage),
    asOf: sources.asOf,
    asOfKind: (sources as { asOfKind?: string }).asOfKind ?? null,
    refDates: Object.fromEntries(years.map((y) => [y, refDate(y)])),
    refDatesByKind: Object.fromEntries(
      ["hazards", "enforcers"].map((k) => [k, Object.fromEntries(years.map((y) => [y, kindRefDate(y, k)]))]),
    ),
  });
  json("report.json", reports);
  // The ledgers' district figures per year, for their pages (report.json is large: it holds the Word files).
  json(
    "ledgers.json",
    Object.fromEntries(
      Object.entries(reports).map(([y, r]) => {
        const f = (r as { figures: Figures }).figures;
        return [y, { random_checks: f.random_checks, accidents: f.accidents, activities: f.activities }];
      }),
    ),
  );
  entries.push(...(await ledgerDatasets(connection, years)));
  json("coverage.json", coverage);
  entries.push({
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
  });

  // ------------------------------------------------------------ cases
  const casesMonthly = await q<Record<string, unknown>>(
    `SELECT decided_year AS year, decided_month AS month, unit, unit_level, procedure_type AS procedure, town, industry,
            cases, CAST(fine_yuan * 100 AS BIGINT) AS cents
     FROM mart_cases_monthly ORDER BY ALL`,
  );
  entries.push({
    name: "cases-monthly.arrow",
    data: arrowFile(casesMonthly, {
      year: "int",
      month: "int",
      unit: "text",
      unit_level: "text",
      procedure: "text",
      town: "text",
      industry: "text",
      cases: "int",
      cents: "float",
    }),
  });

  // TODO(indicators): a case-list mart (one decided case with its party shown as 个人 for individuals,
  // 违法行为 and 处罚种类) would let this read one mart; mart_cases lacks the party, stg_cases has it.
  const caseList = await q<Record<string, unknown> & { party_name: string | null; party_type: string | null }>(
    `SELECT c.case_no, c.decided_year AS year, CAST(c.decided_on AS VARCHAR) AS decided_on,
            s.party_name, s.party_type, c.town, c.unit, c.unit_level, c.procedure_type AS procedure, c.industry,
            array_to_string(s.penalty_kinds, '、') AS penalties, CAST(c.fine_yuan * 100 AS BIGINT) AS cents,
            c.dual_penalty, c.legal_review, c.stop_production
     FROM mart_cases c JOIN stg_cases s USING (case_no)
     ORDER BY c.decided_on DESC, c.case_no`,
  );
  entries.push({
    name: "case-list.arrow",
    data: arrowFile(
      caseList.map(({ party_name, ...r }) => ({ ...r, party: displayParty(party_name, r.party_type) })),
      {
        case_no: "text",
        year: "int",
        decided_on: "text",
        party: "text",
        party_type: "text",
        town: "text",
        unit: "text",
        unit_level: "text",
        procedure: "text",
        industry: "text",
        penalties: "text",
        cents: "float",
        dual_penalty: "bool",
        legal_review: "bool",
        stop_production: "bool",
      },
    ),
  });

  // ------------------------------------------------------------ hazards
  const hazardsMonthly = await q<Record<string, unknown>>(
    `SELECT found_year AS year, found_month AS month, level, category, town, campaign, rectification, hazards, listed
     FROM mart_hazards_monthly ORDER BY ALL`,
  );
  entries.push({
    name: "hazards-monthly.arrow",
    data: arrowFile(hazardsMonthly, {
      year: "int",
      month: "int",
      level: "text",
      category: "text",
      town: "text",
      campaign: "text",
      rectification: "text",
      hazards: "int",
      listed: "int",
    }),
  });

  const overdue: Record<string, unknown>[] = [];
  for (const y of years) {
    const d = kindRefDate(y, "hazards");
    if (d === null) continue;
    const rows = await q<Record<string, unknown> & { unit_name: string }>(
      `SELECT CAST(found_on AS VARCHAR) AS found_on, year(found_on) AS found_year, CAST(deadline AS VARCHAR) AS deadline,
              days_overdue, level, category, town, campaign, unit_name, listed
       FROM mart_hazards_overdue(CAST($d AS DATE)) ORDER BY days_overdue DESC, found_on`,
      { d },
    );
    for (const r of rows) overdue.push({ ...r, year: y, ref_date: d, unit: displayParty(r.unit_name, null) });
  }
  entries.push({
    name: "overdue.arrow",
    data: arrowFile(overdue, {
      year: "int",
      ref_date: "text",
      found_on: "text",
      found_year: "int",
      deadline: "text",
      days_overdue: "int",
      level: "text",
      category: "text",
      town: "text",
      campaign: "text",
      unit: "text",
      listed: "bool",
    }),
  });

  const majors = await q<Record<string, unknown> & { unit_name: string }>(
    `SELECT found_year AS year, CAST(found_on AS VARCHAR) AS found_on, unit_name, town, industry, category, campaign,
            CAST(deadline AS VARCHAR) AS deadline, rectification, CAST(rectified_on AS VARCHAR) AS rectified_on, listed
     FROM mart_major_hazards ORDER BY found_on, hazard_no`,
  );
  entries.push({
    name: "major-hazards.arrow",
    data: arrowFile(
      majors.map(({ unit_name, ...r }) => ({ ...r, unit: displayParty(unit_name, null) })),
      {
        year: "int",
        found_on: "text",
        unit: "text",
        town: "text",
        industry: "text",
        category: "text",
        campaign: "text",
        deadline: "text",
        rectification: "text",
        rectified_on: "text",
        listed: "bool",
      },
    ),
  });

  const inspectionsMonthly = await q<Record<string, unknown>>(
    "SELECT inspected_year AS year, inspected_month AS month, campaign, inspections FROM mart_inspections_monthly ORDER BY ALL",
  );
  entries.push({
    name: "inspections-monthly.arrow",
    data: arrowFile(inspectionsMonthly, { year: "int", month: "int", campaign: "text", inspections: "int" }),
  });

  // ------------------------------------------------------------ enforcers
  const monthly: Record<string, unknown>[] = [];
  for (const y of years) {
    for (let m = 1; m <= 12; m++) {
      const from = `${y}-${String(m).padStart(2, "0")}-01`;
      const reach = spans.get("enforcers") ?? null;
      if (reach === null || from > reach) break;
      const to = monthEnd(y, m);
      const rows = await q<{ unit: string; certified: number; new_certified: number }>(
        "SELECT unit, certified, new_certified FROM mart_enforcer_totals(CAST($from AS DATE), CAST($to AS DATE))",
        period(from, to),
      );
      for (const u of units) {
        const r = rows.find((x) => x.unit === u.name);
        monthly.push({ year: y, month: m, month_end: to, unit: u.name, unit_level: u.level, certified: r?.certified ?? 0, new_certified: r?.new_certified ?? 0 });
      }
      for (const r of rows)
        if (!units.some((u) => u.name === r.unit))
          monthly.push({ year: y, month: m, month_end: to, unit: r.unit, unit_level: "town", certified: r.certified, new_certified: r.new_certified });
    }
  }
  entries.push({
    name: "enforcers-monthly.arrow",
    data: arrowFile(monthly, {
      year: "int",
      month: "int",
      month_end: "text",
      unit: "text",
      unit_level: "text",
      certified: "int",
      new_certified: "int",
    }),
  });

  const expiring: Record<string, unknown>[] = [];
  for (const y of years) {
    const d = kindRefDate(y, "enforcers");
    if (d === null) continue;
    const rows = await q<Record<string, unknown>>(
      `SELECT certificate_no, unit, unit_level, CAST(valid_until AS VARCHAR) AS valid_until, days_left
       FROM mart_certificates_expiring(CAST($d AS DATE), 90) ORDER BY valid_until, certificate_no`,
      { d },
    );
    for (const r of rows) expiring.push({ ...r, year: y, ref_date: d });
  }
  entries.push({
    name: "expiring.arrow",
    data: arrowFile(expiring, {
      year: "int",
      ref_date: "text",
      certificate_no: "text",
      unit: "text",
      unit_level: "text",
      valid_until: "text",
      days_left: "int",
    }),
  });

  // ------------------------------------------------------------ data quality (the import log)
  const batches = await q<Record<string, unknown>>(
    `SELECT b.batch_id, strftime(b.started_at, '%Y-%m-%d %H:%M') AS started_at, strftime(b.finished_at, '%Y-%m-%d %H:%M') AS finished_at,
            CAST(count(f.seq) AS INTEGER) AS files,
            CAST(count(f.seq) FILTER (f.status = 'imported') AS INTEGER) AS imported,
            CAST(count(f.seq) FILTER (f.status = 'already_imported') AS INTEGER) AS already_imported,
            CAST(count(f.seq) FILTER (f.status = 'refused') AS INTEGER) AS refused,
            CAST(coalesce(sum(f."read"), 0) AS INTEGER) AS "read",
            CAST(coalesce(sum(f.accepted), 0) AS INTEGER) AS accepted,
            CAST(coalesce(sum(f.rejected), 0) AS INTEGER) AS rejected
     FROM batches b LEFT JOIN files f USING (batch_id)
     GROUP BY ALL ORDER BY b.batch_id`,
  );
  entries.push({
    name: "batches.arrow",
    data: arrowFile(batches, {
      batch_id: "text",
      started_at: "text",
      finished_at: "text",
      files: "int",
      imported: "int",
      already_imported: "int",
      refused: "int",
      read: "int",
      accepted: "int",
      rejected: "int",
    }),
  });
  const files = await q<Record<string, unknown> & { kind: string | null }>(
    `SELECT batch_id, seq, file_name, kind, format, encoding, status,
            strftime(export_time, '%Y-%m-%d %H:%M') AS export_time, strftime(imported_at, '%Y-%m-%d %H:%M') AS imported_at,
            "read", accepted, rejected, skipped, duplicate, replaced, warnings, error
     FROM files ORDER BY batch_id, seq`,
  );
  entries.push({
    name: "files.arrow",
    data: arrowFile(
      files.map((f) => ({ ...f, kind_label: f.kind ? (KIND_LABELS[f.kind] ?? f.kind) : "未识别" })),
      {
        batch_id: "text",
        seq: "int",
        file_name: "text",
        kind: "text",
        kind_label: "text",
        format: "text",
        encoding: "text",
        status: "text",
        export_time: "text",
        imported_at: "text",
        read: "int",
        accepted: "int",
        rejected: "int",
        skipped: "int",
        duplicate: "int",
        replaced: "int",
        warnings: "int",
        error: "text",
      },
    ),
  });
  // Open rejects only (rejects_state, the rule `anjian status` counts by); reasons without the cell
  // values they quote (“…”): grouped, and no personal data can ride along.
  const rejects = await q<Record<string, unknown> & { kind: string }>(
    `SELECT r.batch_id, f.file_name, r.kind, r.columns,
            regexp_replace(r.reason, '“[^”]*”', '“…”', 'g') AS reason,
            CAST(count(*) AS INTEGER) AS rows
     FROM rejects_state r
     LEFT JOIN (SELECT DISTINCT batch_id, file_sha256, file_name FROM files) f USING (batch_id, file_sha256)
     WHERE r.is_open
     GROUP BY ALL ORDER BY rows DESC, r.kind, reason`,
  );
  entries.push({
    name: "rejects.arrow",
    data: arrowFile(
      rejects.map((r) => ({ ...r, kind_label: KIND_LABELS[r.kind] ?? r.kind })),
      { batch_id: "text", file_name: "text", kind: "text", kind_label: "text", columns: "text", reason: "text", rows: "int" },
    ),
  });
  json("sources.json", {
    asOf: sources.asOf,
    asOfKind: (sources as { asOfKind?: string }).asOfKind ?? null,
    batches: sources.batches,
    files: sources.files.map((f) => ({ ...f, kindLabel: KIND_LABELS[f.kind] ?? f.kind })),
  });
  return entries;
}
