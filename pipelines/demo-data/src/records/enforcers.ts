// Enforcement certificates (执法人员名册). A small hand-laid timeline, because the figure
// that depends on it (new certified enforcers in the towns) turns on who held what before.

import { addDays, addYears, officeTime, pad } from "../dates.ts";
import { idNumber, personName } from "../names.ts";
import { Rng } from "../prng.ts";
import { BUREAU, BUREAU_SECTIONS, type Town, type Unit } from "../profile.ts";
import type { CertStatus, EnforcerRecord } from "./types.ts";

/** One certificate in the timeline. `who` names a person; the same `who` is the same holder. */
export interface CertPlan {
  who: string;
  unit: Unit;
  unitLabel: string;
  issuedOn: string;
  cancelledOn?: string;
  note?: string;
  /** Holder carries the same name as this other person (but another ID number). */
  sameNameAs?: string;
}

const VALID_YEARS = 5;
const BUREAU_UNIT: Unit = { type: "bureau" };
const town = (t: Town): Unit => ({ type: "town", town: t });
const [TEAM, LAW, HAZCHEM, INDUSTRY] = BUREAU_SECTIONS;

/** The district's certificates 2016–2024 (see README for what each line exercises). */
export const CERT_PLAN: readonly CertPlan[] = [
  { who: "B1", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2020-03-16" },
  { who: "B2", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2020-03-16" },
  { who: "B3", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2020-09-08" },
  { who: "B10", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2020-06-15" },
  { who: "B4", unit: BUREAU_UNIT, unitLabel: LAW, issuedOn: "2021-04-12" },
  { who: "B5", unit: BUREAU_UNIT, unitLabel: HAZCHEM, issuedOn: "2021-04-12" },
  { who: "B6", unit: BUREAU_UNIT, unitLabel: INDUSTRY, issuedOn: "2021-11-03" },
  { who: "B7", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2022-05-20" },
  { who: "B8", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2022-05-20" },
  { who: "B9", unit: BUREAU_UNIT, unitLabel: BUREAU, issuedOn: "2022-10-11" },
  // Renewals in the bureau: the old certificate replaced (注销) or simply expired.
  { who: "B11", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2018-05-10", cancelledOn: "2023-04-20", note: "换发新证" },
  { who: "B11", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2023-04-20" },
  { who: "B12", unit: BUREAU_UNIT, unitLabel: LAW, issuedOn: "2018-07-02" },
  { who: "B12", unit: BUREAU_UNIT, unitLabel: LAW, issuedOn: "2023-06-26" },
  { who: "B18", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2019-01-15", cancelledOn: "2024-01-08", note: "换发新证" },
  { who: "B18", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2024-01-08" },
  // Gone: retired (cancelled) and left without cancelling (expired).
  { who: "B13", unit: BUREAU_UNIT, unitLabel: HAZCHEM, issuedOn: "2017-03-20", cancelledOn: "2022-06-30", note: "退休" },
  { who: "B14", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2016-03-01" },
  // New bureau enforcers.
  { who: "B15", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2023-06-12" },
  { who: "B16", unit: BUREAU_UNIT, unitLabel: LAW, issuedOn: "2023-09-18" },
  { who: "B17", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2024-05-08" },
  // A bureau officer moves to 黄石镇: the town certificate of 2023 is not a new enforcer.
  { who: "T", unit: BUREAU_UNIT, unitLabel: TEAM, issuedOn: "2019-08-12", cancelledOn: "2023-03-31", note: "调任黄石镇人民政府" },
  { who: "T", unit: town("黄石镇"), unitLabel: "黄石镇人民政府", issuedOn: "2023-04-17" },
  // Towns (enforcement powers delegated to towns in 2021).
  { who: "Z1", unit: town("镇海街道"), unitLabel: "镇海街道综合执法队", issuedOn: "2021-06-07" },
  { who: "Z2", unit: town("镇海街道"), unitLabel: "镇海街道综合执法队", issuedOn: "2023-07-10" },
  { who: "Z3", unit: town("镇海街道"), unitLabel: "镇海街道办事处", issuedOn: "2024-06-03" },
  { who: "G1", unit: town("拱辰街道"), unitLabel: "拱辰街道办事处", issuedOn: "2021-06-07" },
  { who: "G2", unit: town("拱辰街道"), unitLabel: "拱辰街道办事处", issuedOn: "2017-09-05" },
  // Renewal in a town after the old certificate lapsed: not a new enforcer either.
  { who: "G2", unit: town("拱辰街道"), unitLabel: "拱辰街道安办", issuedOn: "2023-03-13" },
  { who: "X1", unit: town("西天尾镇"), unitLabel: "西天尾镇人民政府", issuedOn: "2020-11-16" },
  { who: "X2", unit: town("西天尾镇"), unitLabel: "西天尾镇人民政府", issuedOn: "2022-04-18" },
  { who: "H1", unit: town("黄石镇"), unitLabel: "黄石镇人民政府", issuedOn: "2021-06-07" },
  { who: "N1", unit: town("新度镇"), unitLabel: "新度镇人民政府", issuedOn: "2019-12-02" },
  { who: "N1", unit: town("新度镇"), unitLabel: "新度镇人民政府", issuedOn: "2024-11-20" },
  // New in 新度镇, and the namesake of a bureau officer: identity is the ID number.
  { who: "N2", unit: town("新度镇"), unitLabel: "新度镇综合执法队", issuedOn: "2023-10-23", sameNameAs: "B3" },
  { who: "BG1", unit: town("北高镇"), unitLabel: "北高镇人民政府", issuedOn: "2021-06-07" },
  { who: "BG2", unit: town("北高镇"), unitLabel: "北高镇人民政府", issuedOn: "2018-04-09", cancelledOn: "2022-08-15", note: "调离" },
  { who: "BG3", unit: town("北高镇"), unitLabel: "北高镇人民政府", issuedOn: "2024-09-02" },
];

const UNIT_DIGIT: Record<string, number> = { 镇海街道: 1, 拱辰街道: 2, 西天尾镇: 3, 黄石镇: 4, 新度镇: 5, 北高镇: 6 };

export function buildEnforcers(plan: readonly CertPlan[], asOf: string): EnforcerRecord[] {
  const rng = Rng.for("enforcers");
  const people = new Map<string, { name: string; id: string }>();
  for (const c of plan) {
    if (!people.has(c.who)) people.set(c.who, { name: personName(rng), id: idNumber(rng) });
  }
  for (const c of plan) {
    if (c.sameNameAs) people.get(c.who)!.name = people.get(c.sameNameAs)!.name;
  }
  const seq = new Map<string, number>();
  return [...plan]
    .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.who.localeCompare(b.who))
    .map((c) => {
      const p = people.get(c.who)!;
      const yy = c.issuedOn.slice(2, 4);
      const n = (seq.get(yy) ?? 0) + 1;
      seq.set(yy, n);
      const unitDigit = c.unit.type === "bureau" ? 0 : UNIT_DIGIT[c.unit.town]!;
      const validUntil = addDays(addYears(c.issuedOn, VALID_YEARS), -1);
      const status: CertStatus = c.cancelledOn ? "已注销" : validUntil < asOf ? "已过期" : "有效";
      return {
        name: p.name,
        idNumber: p.id,
        unit: c.unit,
        unitLabel: c.unitLabel,
        certNo: `350304${unitDigit}${yy}${pad(n, 3)}`,
        certType: "行政执法证",
        field: c.unit.type === "bureau" ? "安全生产" : "应急管理综合行政执法",
        issuedOn: c.issuedOn,
        validUntil,
        status,
        cancelledOn: c.cancelledOn ?? null,
        note: c.note ?? null,
        updatedAt: officeTime(rng, c.cancelledOn ?? c.issuedOn),
      } satisfies EnforcerRecord;
    });
}


