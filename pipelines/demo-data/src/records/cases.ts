// Penalty cases (行政处罚案件) with their history: each case is a list of versions as the
// platform showed it over time (filed → decided → closed), so that exports taken at
// different times can show different versions of the same case.

import { addDays, maxDate, minDate, nextWorkday, officeTime, pad, toDays, workday, yearOf } from "../dates.ts";
import { idNumber, personName } from "../names.ts";
import { Rng } from "../prng.ts";
import {
  BUREAU,
  BUREAU_ALIASES,
  BUREAU_SECTIONS,
  type Industry,
  TOWN_UNIT,
  TOWNS,
  type Town,
  type Unit,
} from "../profile.ts";
import type { EnterprisePool } from "./enterprises.ts";
import { type FineSlot, fitFines } from "./fines.ts";
import type { CaseHistory, CaseRecord, CaseStatus, Enterprise, PartyType, Penalty } from "./types.ts";
import { BY_INDUSTRY, COMMON, DUAL, PERSON, STOP, TOWN_UNIT_VIOLATIONS, type Violation } from "./violations.ts";

export interface CaseYearSpec {
  year: number;
  bureau: {
    /** Cases decided in the year (普通程序). */
    count: number;
    /** Exact sum of their fines, 元. */
    fineTotal: number;
    dual: number;
    /** Cases per distinct party ordered to stop production, e.g. [2, 1, 1, 1]. */
    stopProduction: number[];
    /** The second case of a party with two stop-production cases carries no credit code. */
    codelessRepeatStop: boolean;
    /** One case filed in the year before (a carry-in) is a stop-production case. */
    stopInCarryIn: boolean;
    individuals: number;
    getihu: number;
    /** Decision dates (MM-DD) of cases filed in December of the year before. */
    carryIn: string[];
  };
  towns: {
    /** Cases decided in the year (简易程序). */
    count: number;
    fineTotal: number;
    warningsOnly: number;
    individuals: number;
    getihu: number;
    /** One town case's party carries a credit code with a wrong check digit. */
    flawedParty: boolean;
  };
  /** Cases filed late in the year and still undecided when the data ends. */
  openAtEnd: number;
}

/** Last date for which versions exist: later events have not happened yet. */
export const HORIZON = "2025-01-06";

type SlotType = "stop" | "dual" | "individual" | "getihu" | "normal";
interface BureauSlot extends FineSlot {
  type: SlotType;
  stopParty?: Enterprise;
  codeless?: boolean;
  carryIn?: string;
  decidedOn?: string;
}

const MONTH_WEIGHTS = [4, 5, 9, 9, 10, 9, 9, 10, 9, 10, 10, 9];

function monthDate(rng: Rng, year: number, fromMonth = 1): string {
  const month = rng.weighted(MONTH_WEIGHTS.map((w, i) => [i + 1, i + 1 >= fromMonth ? w : 0] as const));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return workday(rng, `${year}-${pad(month)}-01`, `${year}-${pad(month)}-${pad(Math.min(last, month === 12 ? 29 : last))}`);
}

function bureauLabel(rng: Rng): string {
  return rng.weighted([
    [BUREAU_SECTIONS[0], 10],
    [BUREAU, 8],
    [BUREAU_ALIASES[0], 2],
    [BUREAU_ALIASES[1], 1],
    [BUREAU_ALIASES[2], 1],
    [BUREAU_SECTIONS[2], 1],
    [BUREAU_SECTIONS[3], 1],
  ] as const);
}

function townLabel(rng: Rng, t: Town): string {
  return rng.weighted([
    [TOWN_UNIT[t], 12],
    [`${t}安办`, 3],
    [`${t}综合执法队`, 3],
    [t, 2],
  ] as const);
}

const TOWN_DOC: Record<Town, string> = {
  镇海街道: "镇",
  拱辰街道: "拱",
  西天尾镇: "西",
  黄石镇: "黄",
  新度镇: "新",
  北高镇: "北",
};

const BUREAU_INDUSTRY_WEIGHTS: readonly (readonly [Industry, number])[] = [
  ["工贸", 60],
  ["危险化学品", 10],
  ["烟花爆竹", 4],
  ["商贸", 10],
  ["建筑施工", 6],
  ["道路运输", 5],
  ["文化旅游", 3],
  ["其他", 2],
];

export function buildCases(pool: EnterprisePool, specs: readonly CaseYearSpec[]): CaseHistory[] {
  const drafts: Draft[] = [];
  for (const spec of specs) {
    const rng = Rng.for(`cases:${spec.year}`);
    drafts.push(...bureauDrafts(rng, pool, spec), ...townDrafts(rng, pool, spec), ...openDrafts(rng, pool, spec));
  }
  return finish(drafts);
}

/** A case before numbering: everything but the numbers and the version list. */
interface Draft {
  party: string;
  partyType: PartyType;
  creditCode: string | null;
  idNumber: string | null;
  town: Town;
  industry: Industry;
  violation: Violation;
  authority: Unit;
  authorityLabel: string;
  procedure: "简易程序" | "普通程序";
  filedOn: string;
  decidedOn: string | null;
  closedOn: string | null;
  penalties: Penalty[];
  fine: number;
  dualPenalty: boolean;
  legalReview: boolean;
  enforcingStatus: boolean;
  placeholder: boolean;
  enterpriseId?: number;
  seed: number;
}

function pickEnterprise(rng: Rng, pool: EnterprisePool, filter: (e: Enterprise) => boolean): Enterprise {
  const options = pool.regular.filter(filter);
  return rng.pick(options);
}

function violationFor(rng: Rng, industry: Industry): Violation {
  const special = BY_INDUSTRY[industry] ?? [];
  return special.length > 0 && rng.chance(0.35) ? rng.pick(special) : rng.pick(COMMON);
}

function bureauDrafts(rng: Rng, pool: EnterprisePool, spec: CaseYearSpec): Draft[] {
  const b = spec.bureau;
  const Y = spec.year;
  const slots: BureauSlot[] = [];
  const stopParties = rng.sample(
    pool.regular.filter((e) => e.form === "company" && (e.industry === "工贸" || e.industry === "危险化学品")),
    b.stopProduction.length,
  );
  b.stopProduction.forEach((n, p) => {
    for (let k = 0; k < n; k++) {
      slots.push({
        type: "stop",
        stopParty: stopParties[p]!,
        codeless: b.codelessRepeatStop && n > 1 && k === 1,
        amount: rng.pick([30000, 40000, 50000, 60000]),
        min: 30000,
        max: 100000,
      });
    }
  });
  for (let i = 0; i < b.dual; i++) slots.push({ type: "dual", amount: rng.pick([20000, 25000, 30000]) + rng.int(400, 1400) * 10, min: 24000, max: 70000 });
  for (let i = 0; i < b.individuals; i++) slots.push({ type: "individual", amount: rng.pick([2000, 3000, 5000]), min: 2000, max: 10000 });
  for (let i = 0; i < b.getihu; i++) slots.push({ type: "getihu", amount: rng.pick([3000, 5000, 8000]), min: 3000, max: 10000 });
  while (slots.length < b.count) {
    const amount = rng.weighted([[5000, 3], [8000, 2], [10000, 5], [12000, 2], [15000, 4], [20000, 5], [25000, 3], [30000, 3], [40000, 1], [50000, 1]] as const);
    slots.push({ type: "normal", amount, min: 5000, max: 60000 });
  }
  if (slots.length !== b.count) throw new Error(`bureau ${Y}: ${slots.length} special cases exceed ${b.count}`);

  // Dates. Carry-ins: decided early in the year, filed in December of the year before.
  const normals = slots.filter((s) => s.type === "normal");
  const carrySlots: BureauSlot[] = [];
  if (b.stopInCarryIn) {
    const single = [...slots].reverse().find((s) => s.type === "stop" && !slots.some((o) => o !== s && o.stopParty === s.stopParty));
    if (!single) throw new Error("stopInCarryIn needs a party with one stop-production case");
    carrySlots.push(single);
  }
  for (const s of normals) if (carrySlots.length < b.carryIn.length) carrySlots.push(s);
  carrySlots.forEach((s, i) => {
    s.carryIn = b.carryIn[i]!;
    s.decidedOn = `${Y}-${s.carryIn}`;
  });
  const seen = new Map<number, number>();
  for (const s of slots) {
    if (s.decidedOn) continue;
    if (s.type === "stop" && s.stopParty) {
      const k = seen.get(s.stopParty.id) ?? 0;
      seen.set(s.stopParty.id, k + 1);
      const twice = slots.filter((o) => o.stopParty === s.stopParty).length > 1;
      s.decidedOn = twice
        ? k === 0
          ? workday(rng, `${Y}-03-01`, `${Y}-06-20`)
          : workday(rng, `${Y}-09-01`, `${Y}-12-15`)
        : monthDate(rng, Y, 2);
    } else s.decidedOn = monthDate(rng, Y, 2);
  }

  // Fines: the last dual case (a percentage of the manager's income) takes the odd remainder.
  const residue = slots.findIndex((s) => s.type === "dual");
  fitFines(rng, slots, b.fineTotal, 1000, residue >= 0 ? residue : slots.findIndex((s) => s.type === "normal"));

  // Two cases a year were filed for two offences: the wording runs over two lines.
  const twoOffences = new Set(slots.filter((s) => s.type === "normal" && !s.carryIn).slice(0, 2));
  return slots.map((s) => {
    const decidedOn = s.decidedOn!;
    const filedOn = s.carryIn
      ? workday(rng, `${Y - 1}-12-01`, minDate(`${Y - 1}-12-28`, addDays(decidedOn, -8)))
      : workday(rng, maxDate(`${Y}-01-03`, addDays(decidedOn, -70)), addDays(decidedOn, -12));
    let party: Enterprise | null = null;
    let partyType: PartyType = "单位";
    let person: { name: string; id: string } | null = null;
    let violation: Violation;
    let penalties: Penalty[] = ["罚款"];
    if (s.type === "stop") {
      party = s.stopParty!;
      violation = rng.pick(STOP);
      penalties = rng.chance(0.5) ? ["罚款", "责令停产停业"] : ["责令停产停业", "罚款"];
    } else if (s.type === "individual") {
      person = { name: personName(rng), id: idNumber(rng, "m") };
      partyType = "个人";
      violation = rng.pick(PERSON);
    } else {
      const industry = rng.weighted(BUREAU_INDUSTRY_WEIGHTS);
      party =
        s.type === "getihu"
          ? pickEnterprise(rng, pool, (e) => e.form === "getihu")
          : pickEnterprise(rng, pool, (e) => e.form === "company" && e.industry === industry);
      if (s.type === "getihu") partyType = "个体工商户";
      violation = s.type === "dual" ? rng.pick(DUAL) : violationFor(rng, party.industry);
      if (twoOffences.has(s)) {
        const second = rng.pick(COMMON.filter((v) => v !== violation));
        violation = [`${violation[0]}；\n${second[0]}`, `${violation[1]},${second[1]}`];
      }
      if (s.type === "normal" && rng.chance(0.15)) penalties = ["警告", "罚款"];
      if (s.type === "normal" && (party.industry === "危险化学品" || party.industry === "烟花爆竹") && rng.chance(0.4))
        penalties = ["罚款", "没收违法所得"];
    }
    const town = party ? party.town : rng.pick(TOWNS);
    return {
      party: party ? party.name : person!.name,
      partyType,
      creditCode: party && !s.codeless ? party.code : null,
      idNumber: person ? person.id : null,
      town,
      industry: party ? party.industry : "工贸",
      violation,
      authority: { type: "bureau" },
      authorityLabel: bureauLabel(rng),
      procedure: "普通程序",
      filedOn,
      decidedOn,
      closedOn: addDays(decidedOn, rng.int(12, 80)),
      penalties,
      fine: s.amount,
      dualPenalty: s.type === "dual",
      legalReview: true,
      enforcingStatus: rng.chance(0.3),
      placeholder: rng.chance(0.5),
      enterpriseId: party?.id,
      seed: rng.int(0, 2 ** 30),
    } satisfies Draft;
  });
}

function townDrafts(rng: Rng, pool: EnterprisePool, spec: CaseYearSpec): Draft[] {
  const t = spec.towns;
  const Y = spec.year;
  type TSlot = FineSlot & { type: "warning" | "individual" | "getihu" | "unit" | "flawed" };
  const slots: TSlot[] = [];
  for (let i = 0; i < t.warningsOnly; i++) slots.push({ type: "warning", amount: 0, min: 0, max: 0 });
  // 简易程序 limits: individuals up to 200 元, organisations up to 3000 元.
  for (let i = 0; i < t.individuals; i++) slots.push({ type: "individual", amount: rng.pick([50, 100, 200]), min: 50, max: 200 });
  for (let i = 0; i < t.getihu; i++) slots.push({ type: "getihu", amount: rng.pick([100, 200]), min: 50, max: 200 });
  if (t.flawedParty) slots.push({ type: "flawed", amount: 2000, min: 500, max: 3000 });
  while (slots.length < t.count) {
    const amount = rng.weighted([[3000, 10], [2500, 2], [2000, 3], [1500, 1], [1000, 1]] as const);
    slots.push({ type: "unit", amount, min: 500, max: 3000 });
  }
  const residue = slots.findIndex((s) => s.type === "individual");
  fitFines(rng, slots, t.fineTotal, 100, residue);

  const townWeights = TOWNS.map((x) => [x, rng.int(6, 14)] as const);
  let individualsSoFar = 0;
  return slots.map((s) => {
    let party: Enterprise | null = null;
    let person: { name: string; id: string } | null = null;
    let town: Town;
    let partyType: PartyType = "单位";
    if (s.type === "flawed") {
      party = pool.flawed[1];
      town = party.town;
    } else if (s.type === "individual") {
      town = rng.weighted(townWeights);
      // The first individual's ID ends in X, which forms often write in lower case.
      person = { name: personName(rng), id: idNumber(rng, undefined, individualsSoFar++ === 0) };
      partyType = "个人";
    } else {
      town = rng.weighted(townWeights);
      const tt = town;
      party =
        s.type === "getihu"
          ? pickEnterprise(rng, pool, (e) => e.form === "getihu" && e.town === tt)
          : pickEnterprise(rng, pool, (e) => e.form === "company" && e.town === tt && (e.industry === "工贸" || e.industry === "商贸"));
      if (s.type === "getihu") partyType = "个体工商户";
    }
    const decidedOn = monthDate(rng, Y, Y === 2021 ? 3 : 1);
    const penalties: Penalty[] = s.type === "warning" ? ["警告"] : rng.chance(0.2) ? ["警告", "罚款"] : ["罚款"];
    return {
      party: party ? party.name : person!.name,
      partyType,
      creditCode: party ? party.code : null,
      idNumber: person ? person.id : null,
      town,
      industry: party ? party.industry : "工贸",
      violation: person ? rng.pick(PERSON) : rng.pick(TOWN_UNIT_VIOLATIONS),
      authority: { type: "town", town },
      authorityLabel: townLabel(rng, town),
      procedure: "简易程序",
      // 当场处罚: filed and decided on the same day.
      filedOn: decidedOn,
      decidedOn,
      closedOn: addDays(decidedOn, rng.int(0, 12)),
      penalties,
      fine: s.amount,
      dualPenalty: false,
      legalReview: false,
      enforcingStatus: false,
      placeholder: false,
      enterpriseId: party?.id,
      seed: rng.int(0, 2 ** 30),
    } satisfies Draft;
  });
}

function openDrafts(rng: Rng, pool: EnterprisePool, spec: CaseYearSpec): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; i < spec.openAtEnd; i++) {
    const party = pickEnterprise(rng, pool, (e) => e.form === "company" && e.industry === "工贸");
    out.push({
      party: party.name,
      partyType: "单位",
      creditCode: party.code,
      idNumber: null,
      town: party.town,
      industry: party.industry,
      violation: violationFor(rng, party.industry),
      authority: { type: "bureau" },
      authorityLabel: bureauLabel(rng),
      procedure: "普通程序",
      filedOn: workday(rng, `${spec.year}-11-15`, `${spec.year}-12-27`),
      decidedOn: null,
      closedOn: null,
      penalties: [],
      fine: 0,
      dualPenalty: false,
      legalReview: false,
      enforcingStatus: false,
      placeholder: i % 2 === 0,
      enterpriseId: party.id,
      seed: rng.int(0, 2 ** 30),
    });
  }
  return out;
}

/** Numbers the cases and the decisions, then spells out each case's versions. */
function finish(drafts: Draft[]): CaseHistory[] {
  const byFiling = [...drafts].sort((a, b) => a.filedOn.localeCompare(b.filedOn) || a.seed - b.seed);
  const caseNo = new Map<Draft, string>();
  const seqByYear = new Map<number, number>();
  for (const d of byFiling) {
    const y = yearOf(d.filedOn);
    const n = (seqByYear.get(y) ?? 0) + 1;
    seqByYear.set(y, n);
    caseNo.set(d, `AJ350304${y}${pad(n, 4)}`);
  }
  const decided = drafts.filter((d) => d.decidedOn).sort((a, b) => a.decidedOn!.localeCompare(b.decidedOn!) || a.seed - b.seed);
  const docNo = new Map<Draft, string>();
  const docSeq = new Map<string, number>();
  for (const d of decided) {
    const y = yearOf(d.decidedOn!);
    const key = `${y}:${d.authority.type === "bureau" ? "b" : d.authority.town}`;
    const n = (docSeq.get(key) ?? 0) + 1;
    docSeq.set(key, n);
    docNo.set(d, d.authority.type === "bureau" ? `（荔）应急罚〔${y}〕${n}号` : `荔${TOWN_DOC[d.authority.town]}应急简罚〔${y}〕${n}号`);
  }

  return byFiling.map((d) => {
    const rng = new Rng(d.seed);
    const no = caseNo.get(d)!;
    const who = d.partyType === "个人" ? `${d.party[0]}某某` : d.party;
    const base: Omit<CaseRecord, "status" | "updatedAt" | "decisionNo" | "decidedOn" | "closedOn" | "penalties" | "fine"> = {
      caseNo: no,
      caseName: `${who}${d.violation[1]}案`,
      party: d.party,
      partyType: d.partyType,
      creditCode: d.creditCode,
      idNumber: d.idNumber,
      town: d.town,
      industry: d.industry,
      violation: d.violation[0],
      authority: d.authority,
      authorityLabel: d.authorityLabel,
      procedure: d.procedure,
      filedOn: d.filedOn,
      dualPenalty: d.dualPenalty,
      legalReview: d.legalReview,
      enterpriseId: d.enterpriseId,
    };
    const versions: CaseRecord[] = [];
    const push = (at: string, v: Pick<CaseRecord, "status" | "decisionNo" | "decidedOn" | "closedOn" | "penalties" | "fine"> & { placeholder?: boolean }) => {
      if (at > HORIZON) return;
      const { placeholder, ...rest } = v;
      const rec: CaseRecord = { ...base, ...rest, updatedAt: officeTime(rng, at) };
      if (placeholder) rec.decisionNoPlaceholder = "预立案";
      // Dual penalty and legal review are recorded with the decision.
      if (!rec.decidedOn) {
        rec.dualPenalty = false;
        rec.legalReview = false;
      }
      versions.push(rec);
    };
    if (d.procedure === "普通程序") {
      push(d.filedOn, { status: "调查中", decisionNo: null, decidedOn: null, closedOn: null, penalties: [], fine: 0, placeholder: d.placeholder });
    }
    if (d.decidedOn) {
      const decisionNo = docNo.get(d)!;
      const status: CaseStatus = d.enforcingStatus ? "执行中" : "已决定";
      push(d.decidedOn, { status, decisionNo, decidedOn: d.decidedOn, closedOn: null, penalties: d.penalties, fine: d.fine });
      const closedOn = nextWorkday(d.closedOn!);
      if (toDays(closedOn) >= toDays(d.decidedOn)) {
        if (closedOn === d.decidedOn && versions.length > 0) versions.pop();
        push(closedOn, { status: "已结案", decisionNo, decidedOn: d.decidedOn, closedOn, penalties: d.penalties, fine: d.fine });
      }
    }
    if (versions.length === 0) throw new Error(`case ${no} has no version before the horizon`);
    return { versions };
  });
}

/** The version a platform export taken at `at` ("YYYY-MM-DD HH:MM") would show, if any. */
export function caseAsOf(h: CaseHistory, at: string): CaseRecord | null {
  let out: CaseRecord | null = null;
  for (const v of h.versions) if (v.updatedAt <= at) out = v;
  return out;
}

export function currentCase(h: CaseHistory): CaseRecord {
  return h.versions[h.versions.length - 1]!;
}
