// Inspections (执法检查记录), grouped as campaigns and ordinary work. Each visit carries a
// quota of hazards found on it; records/hazards.ts turns quotas into hazard records.

import { addDays, officeTime, pad, workday, yearOf } from "../dates.ts";
import { apportion, Rng } from "../prng.ts";
import { BUREAU, BUREAU_SECTIONS, type Industry, TOWN_UNIT, type Unit } from "../profile.ts";
import type { EnterprisePool } from "./enterprises.ts";
import type { Enterprise, InspectionMethod, InspectionRecord } from "./types.ts";

/** An inspection plus what it found, before numbering. */
export interface Visit {
  record: Omit<InspectionRecord, "inspectionNo" | "result">;
  enterprise: Enterprise;
  general: number;
  major: number;
  revisit: boolean;
  seed: number;
}

export interface CampaignSpec {
  name: string;
  from: string;
  to: string;
  pick: "transport" | "hospital" | "construction" | "stadium" | "industry";
  enterprises: number;
  revisits: number;
  codelessRevisits: number;
  /** General hazards found in the campaign. */
  hazards: number;
  /** Major hazards per unit, e.g. [2, 1]: three majors at two units. */
  majors: number[];
  jointDept: string | null;
}

export interface MajorHazardCampaignSpec {
  name: string;
  /** First visits fall in [from, to]; re-inspections follow 15–40 days later (maybe next year). */
  from: string;
  to: string;
  enterprises: number;
  twice: number;
  thrice: number;
  codelessRevisits: number;
  unregistered: number;
  unregisteredTwice: number;
  /** Enterprises whose only campaign row lacks a code, coded in an earlier ordinary inspection. */
  codedElsewhere: number;
  generalHazards: number;
  majorHazards: number;
  /** How many of the enterprises with a major hazard have two. */
  majorUnitsWithTwo: number;
}

export interface OrdinarySpec {
  year: number;
  inspections: number;
  /** Hazards found on these inspections. */
  hazards: number;
  majors: number;
}

const INDUSTRY_MIX: readonly (readonly [Industry, number])[] = [
  ["工贸", 62],
  ["危险化学品", 8],
  ["烟花爆竹", 3],
  ["商贸", 14],
  ["建筑施工", 3],
  ["道路运输", 3],
  ["文化旅游", 4],
  ["其他", 3],
];

function inspectorLabel(rng: Rng, unit: Unit): string {
  if (unit.type === "town") return rng.chance(0.7) ? TOWN_UNIT[unit.town] : `${unit.town}安办`;
  return rng.weighted([
    [BUREAU_SECTIONS[0], 6],
    [BUREAU, 3],
    [BUREAU_SECTIONS[2], 1],
    [BUREAU_SECTIONS[3], 1],
  ] as const);
}

function visit(
  rng: Rng,
  e: Enterprise,
  date: string,
  method: InspectionMethod,
  campaign: string | null,
  opts: { unit?: Unit; codeless?: boolean; jointDept?: string | null; revisit?: boolean } = {},
): Visit {
  const unit: Unit = opts.unit ?? { type: "bureau" };
  const joint = !!opts.jointDept || method === "联合检查";
  return {
    record: {
      target: e.name,
      creditCode: opts.codeless ? null : e.code,
      town: e.town,
      industry: e.industry,
      date,
      method: joint && method === "专项检查" ? "联合检查" : method,
      campaign,
      unit,
      unitLabel: inspectorLabel(rng, unit),
      joint,
      jointDepts: joint ? (opts.jointDept ?? rng.pick(["区消防救援大队", "区市场监管局", "区住建局", "区工信局"])) : null,
      updatedAt: officeTime(rng, addDays(date, rng.int(0, 2))),
      enterpriseId: e.id,
    },
    enterprise: e,
    general: 0,
    major: 0,
    revisit: !!opts.revisit,
    seed: rng.int(0, 2 ** 30),
  };
}

function byIndustry(rng: Rng, pool: readonly Enterprise[], n: number): Enterprise[] {
  const out = new Set<Enterprise>();
  const groups = new Map<Industry, Enterprise[]>();
  for (const e of pool) groups.set(e.industry, [...(groups.get(e.industry) ?? []), e]);
  for (let guard = 0; out.size < n; guard++) {
    if (guard > n * 100) throw new Error(`cannot find ${n} enterprises`);
    const list = groups.get(rng.weighted(INDUSTRY_MIX)) ?? [];
    if (list.length > 0) out.add(rng.pick(list));
  }
  return [...out];
}

/** Spreads `total` hazards over visits; first visits find more than re-inspections. */
function spreadHazards(rng: Rng, visits: Visit[], total: number): void {
  if (visits.length === 0) return;
  const weights = visits.map((v) => (v.revisit ? rng.int(0, 2) : rng.int(2, 10)));
  if (!weights.some((w) => w > 0)) weights[0] = 1;
  apportion(total, weights).forEach((n, i) => {
    visits[i]!.general += n;
  });
}

export function campaignVisits(pool: EnterprisePool, spec: CampaignSpec): Visit[] {
  const rng = Rng.for(`campaign:${spec.name}:${spec.from}`);
  const candidates =
    spec.pick === "stadium"
      ? pool.stadiums
      : pool.regular.filter((e) =>
          spec.pick === "transport"
            ? e.industry === "道路运输"
            : spec.pick === "hospital"
              ? e.tags.includes("hospital")
              : spec.pick === "construction"
                ? e.industry === "建筑施工"
                : e.industry === "工贸" || e.industry === "危险化学品" || e.industry === "商贸",
        );
  const chosen = rng.sample(candidates, spec.enterprises);
  const visits: Visit[] = [];
  const firsts = chosen.map((e) =>
    visit(rng, e, workday(rng, spec.from, spec.to), rng.chance(0.15) ? "执法+专家" : "专项检查", spec.name, {
      jointDept: spec.jointDept && rng.chance(0.4) ? spec.jointDept : null,
    }),
  );
  visits.push(...firsts);
  const revisited = chosen.slice(0, spec.revisits);
  revisited.forEach((e, i) => {
    const first = firsts[i]!;
    visits.push(
      visit(rng, e, addDays(first.record.date, rng.int(10, 30)), "复查", spec.name, {
        codeless: i < spec.codelessRevisits,
        revisit: true,
      }),
    );
  });
  spreadHazards(rng, visits, spec.hazards);
  // Majors: unit k gets spec.majors[k] of them, on its first visit and then its re-inspection.
  spec.majors.forEach((n, k) => {
    const mine = visits.filter((v) => v.enterprise === chosen[k]);
    for (let j = 0; j < n; j++) mine[Math.min(j, mine.length - 1)]!.major += 1;
  });
  return visits;
}

export function majorHazardCampaignVisits(pool: EnterprisePool, spec: MajorHazardCampaignSpec): Visit[] {
  const rng = Rng.for(`campaign:${spec.name}`);
  const unregistered = pool.unregistered.slice(0, spec.unregistered);
  const specials = [pool.numericCode, pool.flawed[0]];
  const regular = byIndustry(
    rng,
    pool.regular.filter((e) => e.industry !== "建筑施工" && e.industry !== "道路运输"),
    spec.enterprises - unregistered.length - specials.length,
  );
  const codedElsewhere = regular.slice(0, spec.codedElsewhere);
  const visits: Visit[] = [];
  const ordinaryCoded: Visit[] = [];

  // Who is visited how often: the numeric-code enterprise twice (its second row has the code),
  // some workshops twice, the rest drawn from the regular enterprises not coded elsewhere.
  const rest = regular.slice(spec.codedElsewhere);
  const twice = new Set<Enterprise>([pool.numericCode, ...unregistered.slice(0, spec.unregisteredTwice)]);
  for (const e of rest) if (twice.size < spec.twice) twice.add(e);
  const thrice = new Set<Enterprise>(rest.slice(spec.twice, spec.twice + spec.thrice));

  const all = [...specials, ...unregistered, ...regular];
  let codelessLeft = spec.codelessRevisits;
  for (const e of all) {
    const visitsOf = thrice.has(e) ? 3 : twice.has(e) ? 2 : 1;
    const unit: Unit = rng.chance(0.8) ? { type: "bureau" } : { type: "town", town: e.town };
    let date = workday(rng, spec.from, spec.to);
    const isCodedElsewhere = codedElsewhere.includes(e);
    const first = visit(rng, e, date, rng.chance(0.2) ? "执法+专家" : "专项检查", spec.name, {
      unit,
      codeless: isCodedElsewhere,
      jointDept: rng.chance(0.1) ? "区消防救援大队" : null,
    });
    visits.push(first);
    if (isCodedElsewhere) {
      // The same enterprise, with its code, in an ordinary inspection before the campaign.
      ordinaryCoded.push(visit(rng, e, workday(rng, "2023-02-06", "2023-04-20"), "日常检查", null));
    }
    for (let k = 1; k < visitsOf; k++) {
      date = addDays(date, rng.int(15, 40));
      const codeless = e.code !== null && e !== pool.numericCode && e !== pool.flawed[0] && codelessLeft > 0 && rng.chance(0.35);
      if (codeless) codelessLeft--;
      visits.push(visit(rng, e, date, "复查", spec.name, { unit, codeless, revisit: true }));
    }
  }
  if (codelessLeft > 0) {
    // Top up deterministically so the number of code-less re-inspections is exact.
    for (const v of visits) {
      if (codelessLeft === 0) break;
      if (v.revisit && v.record.creditCode && v.enterprise !== pool.numericCode && v.enterprise !== pool.flawed[0]) {
        v.record.creditCode = null;
        codelessLeft--;
      }
    }
  }

  // Hazards count by 发现日期: only visits within the campaign year share the targets.
  const year = yearOf(spec.from);
  const inYear = visits.filter((v) => yearOf(v.record.date) === year);
  spreadHazards(rng, inYear, spec.generalHazards);
  for (const v of visits) if (yearOf(v.record.date) !== year) v.general = rng.int(0, 2);
  const firstVisits = rng.shuffle(inYear.filter((v) => !v.revisit));
  const withMajor = firstVisits.slice(0, spec.majorHazards - spec.majorUnitsWithTwo);
  withMajor.forEach((v, i) => {
    v.major = i < spec.majorUnitsWithTwo ? 2 : 1;
  });
  return [...visits, ...ordinaryCoded];
}

export function ordinaryVisits(pool: EnterprisePool, spec: OrdinarySpec): Visit[] {
  const rng = Rng.for(`ordinary:${spec.year}`);
  const ents = pool.regular;
  const methods: readonly (readonly [InspectionMethod, number])[] = [
    ["日常检查", 50],
    ["双随机抽查", 25],
    ["联合检查", 10],
    ["执法+专家", 8],
    ["复查", 7],
  ];
  const visits: Visit[] = [];
  for (let i = 0; i < spec.inspections; i++) {
    const e = byIndustry(rng, ents, 1)[0]!;
    const method = rng.weighted(methods);
    const unit: Unit = rng.chance(0.6) ? { type: "bureau" } : { type: "town", town: e.town };
    const date = workday(rng, `${spec.year}-01-04`, `${spec.year}-12-29`);
    visits.push(visit(rng, e, date, method, null, { unit, codeless: rng.chance(0.04), revisit: method === "复查" }));
  }
  spreadHazards(rng, visits, spec.hazards);
  for (const v of rng.sample(visits.filter((x) => !x.revisit), spec.majors)) v.major += 1;
  return visits;
}

function resultText(v: Visit): string {
  if (v.revisit) return v.general + v.major === 0 ? "复查：前次隐患已整改完毕" : `复查：发现隐患${v.general + v.major}项，责令继续整改`;
  if (v.major > 0) return `发现重大事故隐患${v.major}项、一般隐患${v.general}项，已挂牌督办并责令限期整改`;
  if (v.general > 0) return `发现一般隐患${v.general}项，已下达责令限期整改指令书`;
  return "未发现明显安全隐患";
}

/** Numbers inspections per year in date order and writes their results. */
export function numberVisits(visits: Visit[]): { visit: Visit; record: InspectionRecord }[] {
  const sorted = [...visits].sort((a, b) => a.record.date.localeCompare(b.record.date) || a.seed - b.seed);
  const seq = new Map<number, number>();
  return sorted.map((v) => {
    const y = yearOf(v.record.date);
    const n = (seq.get(y) ?? 0) + 1;
    seq.set(y, n);
    return { visit: v, record: { ...v.record, inspectionNo: `JC${y}${pad(n, 5)}`, result: resultText(v) } };
  });
}
