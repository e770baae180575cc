// The year-end figures (docs/cli.md) read from the marts: the counting rules live in
// the models; this module only queries them with bound values and shapes the JSON contract.
import type { DuckDBConnection } from "@duckdb/node-api";
import { ACCIDENT_TYPES, ACTIVITY_CATEGORIES } from "@anjian/exports";
import type { ProfileResolver } from "@anjian/profile";
import { queryRows } from "@anjian/warehouse";
import {
  type CasesFigures,
  type CountAmount,
  type Coverage,
  type EnforcersFigures,
  type Figures,
  FiguresSchema,
  type HazardsFigures,
  type InspectionsFigures,
  KINDS,
  type AccidentsFigures,
  type ActivitiesFigures,
  type RandomChecksFigures,
} from "./figures-schema.ts";
import { isIsoDate, type Period } from "./period.ts";

export const PROCEDURES = ["简易程序", "普通程序"] as const;

/** Exact values behind the figures, for the report text (year-on-year on exact sums, wording). */
export interface FiguresDetail {
  /** Exact sums in 元 as decimal text (e.g. "1217960.00"), keyed by the figure path of the amount. */
  yuan: Record<string, string>;
  /** Decided cases by unit level × procedure. */
  byLevelProcedure: { bureau: Record<string, CountAmount>; town: Record<string, CountAmount> };
  /** The period's campaigns with their figures and first inspection or hazard day, in that order. */
  campaigns: CampaignRow[];
  /** Inspections in the period (all, not distinct). */
  inspections: number;
  /** The period's accidents whose investigation the bureau led (调查牵头单位), in date order. */
  accidentsInvestigated: string[];
}

export interface FiguresResult {
  figures: Figures;
  detail: FiguresDetail;
}

interface CaseSlice {
  dimension: string;
  member: string;
  cases: number;
  fine_yuan: string;
  amount_wan: string;
  dual_penalty: number;
  legal_review: number;
}

/** One campaign of the period (a row of mart_campaigns). */
export interface CampaignRow {
  campaign: string;
  inspections: number;
  enterprises: number;
  total: number;
  general: number;
  major: number;
  major_listed: number;
  units_with_major: number;
  first_on: string;
}

/**
 * One connection, or several to the same warehouse (see readerPool): the figures' queries are
 * independent, and run at the same time on several connections.
 */
export type Readers = DuckDBConnection | DuckDBConnection[];

/**
 * The period as the two date literals the marts' macros take. Literals, not bound parameters: a
 * prepared statement whose parameters reach a table macro is planned again when it runs, and
 * planning is most of a figure's time (measured: 72 ms against 63 ms for all of them on the
 * province bench). The dates are checked to be real ISO dates first, so nothing else gets in.
 */
function periodSql(period: Period): string {
  for (const d of [period.from, period.to]) if (!isIsoDate(d)) throw new Error(`not an ISO date: ${d}`);
  return `DATE '${period.from}', DATE '${period.to}'`;
}

/** The figures JSON for one period. The models must be usable on the connections (useModels). */
export async function computeFigures(readers: Readers, period: Period, resolver: ProfileResolver): Promise<Figures> {
  return (await collectFigures(readers, period, resolver)).figures;
}

export async function collectFigures(
  readers: Readers,
  period: Period,
  resolver: ProfileResolver,
): Promise<FiguresResult> {
  const span = periodSql(period);
  // Each query goes to the connection that has waited least; one query at a time per connection.
  const pool = Array.isArray(readers) ? readers : [readers];
  const queues: Promise<unknown>[] = pool.map(() => Promise.resolve());
  let turn = 0;
  const q = <T>(sql: string): Promise<T[]> => {
    const i = turn++ % pool.length;
    const result = queues[i]!.then(() => queryRows<T>(pool[i]!, sql));
    queues[i] = result.catch(() => {});
    return result;
  };

  const slicesQ = q<CaseSlice>(
    `SELECT dimension, member, cases, CAST(fine_yuan AS VARCHAR) AS fine_yuan, CAST(amount_wan AS VARCHAR) AS amount_wan,
            dual_penalty, legal_review
     FROM mart_case_totals(${span})`,
  );
  const stopQ = q<{ n: number }>(
    `SELECT parties AS n FROM mart_stop_production_count(${span})`,
  );
  const pendingQ = q<{ n: number }>(`SELECT pending AS n FROM mart_pending_count(${span})`);
  const inspectedQ = q<{ inspections: number; enterprises: number }>(
    `SELECT inspections, enterprises FROM mart_enterprises_inspected(${span})`,
  );
  const campaignsQ = q<CampaignRow>(
    `SELECT campaign, inspections, enterprises, total, general, major, major_listed, units_with_major,
            CAST(first_on AS VARCHAR) AS first_on
     FROM mart_campaigns(${span}) ORDER BY first_on, campaign`,
  );
  // The period's hazard totals and categories: one read of the hazard slices (mart_hazard_totals
  // and mart_hazards_by_category are the same slices, one macro each).
  const hazardSlicesQ = q<{
    dimension: string;
    member: string;
    hazards: number;
    general: number;
    major: number;
    major_listed: number;
    rectified: number;
    rectification_rate: string;
    first_on: string;
  }>(
    `SELECT dimension, member, hazards, general, major, major_listed, rectified, CAST(rectification_rate AS VARCHAR) AS rectification_rate,
            CAST(first_on AS VARCHAR) AS first_on
     FROM mart_hazard_slices(${span}) WHERE dimension IN ('total', 'category')`,
  );
  const coverageQ = q<{ kind: string; from_on: string | null; to_on: string | null; state: Coverage["state"] }>(
    `SELECT kind, CAST(from_on AS VARCHAR) AS from_on, CAST(to_on AS VARCHAR) AS to_on, state
     FROM mart_coverage_in(${span}) ORDER BY kind`,
  );
  const enforcerSlicesQ = q<{ dimension: string; member: string; certified: number; new_certified: number }>(
    `SELECT dimension, member, certified, new_certified FROM mart_enforcer_slices(${span})`,
  );

  // The bureau's own ledgers.
  const checksQ = q<{ planned: number; completed: number; joint: number; published: number }>(
    `SELECT planned, completed, joint, published FROM mart_random_check_totals(${span})`,
  );
  const checkTownsQ = q<{ town: string; completed: number }>(
    `SELECT town, completed FROM mart_random_checks_by_town(${span})`,
  );
  const departmentsQ = q<{ department: string }>(
    `SELECT department FROM mart_random_check_departments(${span}) ORDER BY first_seen`,
  );
  const accidentTotalsQ = q<{
    accidents: number;
    investigated: number;
    deaths: number;
    injuries: number;
    direct_loss_yuan: string;
    direct_loss_wan: string;
    accountable: number;
    units_penalised: number;
  }>(
    `SELECT accidents, investigated, deaths, injuries, CAST(direct_loss_yuan AS VARCHAR) AS direct_loss_yuan,
            CAST(direct_loss_wan AS VARCHAR) AS direct_loss_wan, accountable, units_penalised
     FROM mart_accident_totals(${span})`,
  );
  const accidentTypesQ = q<{ type: string; accidents: number }>(
    `SELECT accident_type AS type, accidents FROM mart_accidents_by_type(${span})`,
  );
  const accidentListQ = q<{ name: string; date: string; town: string; type: string; investigated: boolean }>(
    `SELECT accident_name AS name, CAST(occurred_on AS VARCHAR) AS date, town, accident_type AS type, investigated
     FROM mart_accidents_in(${span}) ORDER BY occurred_on, accident_no`,
  );
  const activityCategoriesQ = q<{ category: string; records: number; objects: number; participants: number; problems_found: number; problems_fixed: number }>(
    `SELECT * FROM mart_activity_categories(${span})`,
  );
  const activityFiguresQ = q<{
    guidance_towns_villages: number;
    guidance_enterprises: number;
    exposure_enterprises: number;
    files_with_problems: number;
    problems_found: number;
    problems_fixed: number;
  }>(
    `SELECT guidance_towns_villages, guidance_enterprises, exposure_enterprises, files_with_problems, problems_found, problems_fixed
     FROM mart_activity_figures(${span})`,
  );
  const typicalQ = q<{ channel: string; cases: number }>(
    `SELECT channel, cases FROM mart_typical_cases(${span}) ORDER BY first_on, channel`,
  );
  const trainingsQ = q<{ date: string; title: string; participants: number }>(
    `SELECT CAST(held_on AS VARCHAR) AS date, title, participants
     FROM mart_trainings(${span}) ORDER BY held_on, record_no`,
  );

  // All issued above; wait for them together.
  const [slices, [stop], [pending], [inspected], campaigns, hazardSlices, enforcerSlices, coverageRows] = await Promise.all([
    slicesQ,
    stopQ,
    pendingQ,
    inspectedQ,
    campaignsQ,
    hazardSlicesQ,
    enforcerSlicesQ,
    coverageQ,
  ]);
  const [[checks], checkTowns, departments, [accidents], accidentTypes, accidentList, activityCategories, [activity], typical, trainings] =
    await Promise.all([
      checksQ,
      checkTownsQ,
      departmentsQ,
      accidentTotalsQ,
      accidentTypesQ,
      accidentListQ,
      activityCategoriesQ,
      activityFiguresQ,
      typicalQ,
      trainingsQ,
    ]);
  const coverage = coverageOf(coverageRows);
  const hazardTotal = hazardSlices.find((h) => h.dimension === "total");
  const hazards = hazardTotal && { ...hazardTotal, total: hazardTotal.hazards };
  const categories = hazardSlices
    .filter((h) => h.dimension === "category" && h.hazards > 0)
    .map((h) => ({ category: h.member, hazards: h.hazards }));

  const slice = (dimension: string, member: string): CaseSlice | undefined =>
    slices.find((s) => s.dimension === dimension && s.member === member);
  const ca = (s: CaseSlice | undefined): CountAmount => ({ count: s?.cases ?? 0, amount_wan: s ? Number(s.amount_wan) : 0 });
  const members = (dimension: string) => slices.filter((s) => s.dimension === dimension).map((s) => s.member);

  const total = slice("total", "全区");
  const byProcedure: Record<string, CountAmount> = {};
  for (const name of ordered([...PROCEDURES], members("procedure"))) byProcedure[name] = ca(slice("procedure", name));
  const byTown: Record<string, CountAmount> = {};
  for (const town of ordered(resolver.townNames(), members("town"))) byTown[town] = ca(slice("town", town));

  const inspectionsByCampaign: InspectionsFigures["by_campaign"] = {};
  const hazardsByCampaign: HazardsFigures["by_campaign"] = {};
  for (const c of campaigns) {
    inspectionsByCampaign[c.campaign] = { inspections: c.inspections, enterprises: c.enterprises };
    hazardsByCampaign[c.campaign] = {
      total: c.total,
      general: c.general,
      major: c.major,
      major_listed: c.major_listed,
      units_with_major: c.units_with_major,
    };
  }

  const byCategory: Record<string, number> = {};
  for (const name of ordered(resolver.categoryNames(), categories.map((c) => c.category), false))
    byCategory[name] = categories.find((c) => c.category === name)!.hazards;

  const enforcerSlice = (dimension: string, member: string) => enforcerSlices.find((s) => s.dimension === dimension && s.member === member);
  const units = enforcerSlices.filter((s) => s.dimension === "unit");
  const byUnit: Record<string, number> = {};
  for (const name of ordered(resolver.unitNames(), units.map((u) => u.member)))
    byUnit[name] = units.find((u) => u.member === name)?.certified ?? 0;

  const checksByTown: Record<string, number> = {};
  for (const town of ordered(resolver.townNames(), checkTowns.map((t) => t.town)))
    checksByTown[town] = checkTowns.find((t) => t.town === town)?.completed ?? 0;
  const byAccidentType: Record<string, number> = {};
  for (const type of ordered([...ACCIDENT_TYPES], accidentTypes.map((a) => a.type), false))
    byAccidentType[type] = accidentTypes.find((a) => a.type === type)!.accidents;
  const byActivity: ActivitiesFigures["by_category"] = {};
  for (const name of ordered([...ACTIVITY_CATEGORIES], activityCategories.map((c) => c.category))) {
    const c = activityCategories.find((x) => x.category === name);
    byActivity[name] = {
      records: c?.records ?? 0,
      objects: c?.objects ?? 0,
      participants: c?.participants ?? 0,
      problems_found: c?.problems_found ?? 0,
      problems_fixed: c?.problems_fixed ?? 0,
    };
  }

  const counted: CountedFigures = {
    cases: {
      total: ca(total),
      bureau: ca(slice("unit_level", "bureau")),
      towns: ca(slice("unit_level", "town")),
      by_procedure: byProcedure,
      by_town: byTown,
      dual_penalty: total?.dual_penalty ?? 0,
      stop_production_parties: stop?.n ?? 0,
      legal_review: total?.legal_review ?? 0,
      pending: pending?.n ?? 0,
    },
    inspections: {
      enterprises: inspected?.enterprises ?? 0,
      by_campaign: inspectionsByCampaign,
    },
    hazards: {
      total: hazards?.total ?? 0,
      general: hazards?.general ?? 0,
      major: hazards?.major ?? 0,
      major_listed: hazards?.major_listed ?? 0,
      rectified: hazards?.rectified ?? 0,
      rectification_rate: Number(hazards?.rectification_rate ?? 0),
      by_category: byCategory,
      by_campaign: hazardsByCampaign,
    },
    enforcers: {
      certified: enforcerSlice("total", "全区")?.certified ?? 0,
      by_unit: byUnit,
      bureau_certified: enforcerSlice("unit_level", "bureau")?.certified ?? 0,
      towns_certified: enforcerSlice("unit_level", "town")?.certified ?? 0,
      new_certified: enforcerSlice("total", "全区")?.new_certified ?? 0,
      towns_new_certified: enforcerSlice("unit_level", "town")?.new_certified ?? 0,
    },
    random_checks: {
      planned: checks?.planned ?? 0,
      completed: checks?.completed ?? 0,
      joint: checks?.joint ?? 0,
      published: checks?.published ?? 0,
      joint_departments: departments.map((d) => d.department),
      by_town: checksByTown,
    },
    accidents: {
      count: accidents?.accidents ?? 0,
      investigated: accidents?.investigated ?? 0,
      deaths: accidents?.deaths ?? 0,
      injuries: accidents?.injuries ?? 0,
      direct_loss_wan: Number(accidents?.direct_loss_wan ?? 0),
      accountable: accidents?.accountable ?? 0,
      units_penalised: accidents?.units_penalised ?? 0,
      by_type: byAccidentType,
      list: accidentList.map(({ name, date, town, type }) => ({ name, date, town, type })),
    },
    activities: {
      by_category: byActivity,
      guidance: { towns_villages: activity?.guidance_towns_villages ?? 0, enterprises: activity?.guidance_enterprises ?? 0 },
      exposure_enterprises: activity?.exposure_enterprises ?? 0,
      typical_cases: Object.fromEntries(typical.map((t) => [t.channel, t.cases])),
      case_file_review: {
        files_with_problems: activity?.files_with_problems ?? 0,
        problems_found: activity?.problems_found ?? 0,
        problems_fixed: activity?.problems_fixed ?? 0,
      },
      trainings,
    },
  };
  // A kind whose data does not reach the period says nothing about it: its section is null.
  const reached = <K extends keyof CountedFigures>(kind: K) => (coverage[kind]?.state === "none" ? null : counted[kind]);
  const figures: Figures = {
    period: { from: period.from, to: period.to },
    cases: reached("cases"),
    inspections: reached("inspections"),
    hazards: reached("hazards"),
    enforcers: reached("enforcers"),
    random_checks: reached("random_checks"),
    accidents: reached("accidents"),
    activities: reached("activities"),
    coverage,
  };

  const levelProcedure = (level: string) => {
    const out: Record<string, CountAmount> = {};
    for (const s of slices)
      if (s.dimension === "unit_level_procedure" && s.member.startsWith(`${level}|`)) out[s.member.slice(level.length + 1)] = ca(s);
    return out;
  };
  const detail: FiguresDetail = {
    yuan: {
      "cases.total.amount_wan": total?.fine_yuan ?? "0.00",
      "cases.bureau.amount_wan": slice("unit_level", "bureau")?.fine_yuan ?? "0.00",
      "cases.towns.amount_wan": slice("unit_level", "town")?.fine_yuan ?? "0.00",
      ...Object.fromEntries(Object.keys(byProcedure).map((k) => [`cases.by_procedure.${k}.amount_wan`, slice("procedure", k)?.fine_yuan ?? "0.00"])),
      ...Object.fromEntries(Object.keys(byTown).map((k) => [`cases.by_town.${k}.amount_wan`, slice("town", k)?.fine_yuan ?? "0.00"])),
      "accidents.direct_loss_wan": accidents?.direct_loss_yuan ?? "0.00",
    },
    byLevelProcedure: { bureau: levelProcedure("bureau"), town: levelProcedure("town") },
    campaigns,
    inspections: inspected?.inspections ?? 0,
    accidentsInvestigated: accidentList.filter((a) => a.investigated).map((a) => a.name),
  };
  return { figures: FiguresSchema.parse(figures), detail };
}

/** The sections as counted, before coverage decides which of them speak for the period. */
export interface CountedFigures {
  cases: CasesFigures;
  inspections: InspectionsFigures;
  hazards: HazardsFigures;
  enforcers: EnforcersFigures;
  random_checks: RandomChecksFigures;
  accidents: AccidentsFigures;
  activities: ActivitiesFigures;
}

/** Every kind of the figures (in their order), then any other kind the coverage model declares. */
function coverageOf(rows: { kind: string; from_on: string | null; to_on: string | null; state: Coverage["state"] }[]): Record<string, Coverage> {
  const out: Record<string, Coverage> = {};
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  for (const kind of [...KINDS, ...rows.map((r) => r.kind).filter((k) => !(KINDS as readonly string[]).includes(k))]) {
    const r = byKind.get(kind);
    out[kind] = r ? { from: r.from_on, to: r.to_on, state: r.state } : { from: null, to: null, state: "none" };
  }
  return out;
}

/** The known names in their order (all of them, or only those present), then any others found, sorted. */
function ordered(known: string[], found: string[], includeAllKnown = true): string[] {
  const present = new Set(found);
  const head = includeAllKnown ? known : known.filter((k) => present.has(k));
  const rest = [...present].filter((f) => !known.includes(f)).sort((a, b) => a.localeCompare(b, "zh-CN"));
  return [...head, ...rest];
}
