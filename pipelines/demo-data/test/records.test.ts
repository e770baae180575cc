// Checks that the records (before any file is written) yield the 2023 figures under the
// counting rules of docs/counting-rules.md. The helpers below re-implement those rules on
// plain objects, independently of the generator.

import { beforeAll, describe, expect, it } from "vitest";
import { isValidCreditCode, isValidIdCard } from "@anjian/codes";
import { buildDataset, type Dataset } from "../src/dataset.ts";
import { CAMPAIGN } from "../src/profile.ts";
import { currentCase } from "../src/records/cases.ts";
import type { CaseRecord, EnforcerRecord } from "../src/records/types.ts";

let d: Dataset;
beforeAll(() => {
  d = buildDataset();
});

const norm = (name: string) => name.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
const inYear = (date: string | null, y: number) => !!date && date.startsWith(`${y}-`);
const wan = (yuan: number) => (Math.round(yuan / 1000) / 10).toFixed(1);

/** Enterprise identity: the code; else the one code other records give for the name; else the name. */
function identity(ds: Dataset, opts: { onlyValidCodes: boolean }) {
  const codesByName = new Map<string, Set<string>>();
  const usable = (c: string | null): c is string => !!c && (!opts.onlyValidCodes || isValidCreditCode(c));
  const note = (name: string, code: string | null) => {
    if (!usable(code)) return;
    const k = norm(name);
    codesByName.set(k, (codesByName.get(k) ?? new Set()).add(code));
  };
  for (const h of ds.cases) for (const v of h.versions) if (v.partyType !== "个人") note(v.party, v.creditCode);
  for (const i of ds.inspections) note(i.target, i.creditCode);
  for (const h of ds.hazards) note(h.unitName, h.creditCode);
  return (name: string, code: string | null): string => {
    if (usable(code)) return code;
    const codes = codesByName.get(norm(name));
    if (codes && codes.size === 1) return [...codes][0]!;
    return `name:${norm(name)}`;
  };
}

function casesOf(ds: Dataset, y: number): CaseRecord[] {
  return ds.cases.map(currentCase).filter((c) => inYear(c.decidedOn, y));
}

describe("2023 cases (F1–F9)", () => {
  it("counts and sums by unit", () => {
    const cs = casesOf(d, 2023);
    const bureau = cs.filter((c) => c.authority.type === "bureau");
    const towns = cs.filter((c) => c.authority.type === "town");
    const sum = (xs: CaseRecord[]) => xs.reduce((s, c) => s + c.fine, 0);
    expect(cs.length).toBe(132);
    expect(bureau.length).toBe(59);
    expect(towns.length).toBe(73);
    expect(sum(bureau)).toBe(1_217_960);
    expect(sum(towns)).toBe(184_980);
    expect(sum(cs)).toBe(1_402_940);
    expect([wan(sum(cs)), wan(sum(bureau)), wan(sum(towns))]).toEqual(["140.3", "121.8", "18.5"]);
    expect(bureau.every((c) => c.procedure === "普通程序")).toBe(true);
    expect(towns.every((c) => c.procedure === "简易程序")).toBe(true);
  });

  it("keeps town fines within the limits of the simplified procedure", () => {
    for (const c of casesOf(d, 2023).filter((x) => x.authority.type === "town")) {
      expect(c.fine).toBeLessThanOrEqual(c.partyType === "单位" ? 3000 : 200);
    }
  });

  it("legal review, dual penalty, stop production", () => {
    const cs = casesOf(d, 2023);
    expect(cs.filter((c) => c.legalReview).length).toBe(59);
    expect(cs.filter((c) => c.dualPenalty).length).toBe(5);
    const stop = cs.filter((c) => c.penalties.includes("责令停产停业"));
    expect(stop.length).toBe(5);
    expect(stop.filter((c) => !c.creditCode).length).toBe(1);
    const id = identity(d, { onlyValidCodes: true });
    const parties = new Set(stop.map((c) => (c.partyType === "个人" ? `person:${c.party}` : id(c.party, c.creditCode))));
    expect(parties.size).toBe(4);
    // Counting by name alone or by code alone would give another number.
    expect(new Set(stop.map((c) => c.creditCode ?? c.party)).size).toBe(5);
  });

  it("has individuals with valid IDs, 个体工商户, and cases across the year boundaries", () => {
    const cs = casesOf(d, 2023);
    const people = cs.filter((c) => c.partyType === "个人");
    expect(people.length).toBeGreaterThanOrEqual(4);
    expect(people.every((c) => c.idNumber && isValidIdCard(c.idNumber))).toBe(true);
    expect(cs.some((c) => c.partyType === "个体工商户")).toBe(true);
    expect(cs.filter((c) => c.filedOn < "2023-01-01").length).toBe(3);
    const all = d.cases.map(currentCase);
    const filedDec23DecidedNextYear = all.filter((c) => c.filedOn.startsWith("2023-12") && inYear(c.decidedOn, 2024));
    expect(filedDec23DecidedNextYear.length).toBe(5);
    expect(filedDec23DecidedNextYear.some((c) => c.penalties.includes("责令停产停业"))).toBe(true);
  });
});

describe("2023 inspections and hazards (F10–F18)", () => {
  it("F10: 199 enterprises in the major-hazard campaign since May", () => {
    const rows = d.inspections.filter((i) => i.campaign === CAMPAIGN.majorHazards2023 && i.date >= "2023-05-01" && i.date <= "2023-12-31");
    expect(rows.length).toBeGreaterThan(240);
    expect(rows.length).toBeLessThan(280);
    for (const onlyValidCodes of [true, false]) {
      const id = identity(d, { onlyValidCodes });
      expect(new Set(rows.map((r) => id(r.target, r.creditCode))).size).toBe(199);
    }
    // Traps: rows without a code, and enterprises never coded anywhere.
    expect(rows.filter((r) => !r.creditCode).length).toBeGreaterThanOrEqual(20);
    expect(new Set(rows.map((r) => r.creditCode ?? r.target)).size).toBeGreaterThan(199);
    // Follow-ups in January 2024 are of enterprises already counted.
    const later = d.inspections.filter((i) => i.campaign === CAMPAIGN.majorHazards2023 && i.date > "2023-12-31");
    const id = identity(d, { onlyValidCodes: true });
    const counted = new Set(rows.map((r) => id(r.target, r.creditCode)));
    expect(later.every((r) => counted.has(id(r.target, r.creditCode)))).toBe(true);
  });

  const hz = (campaign: string) => d.hazards.filter((h) => h.campaign === campaign && inYear(h.foundOn, 2023));

  it("F11–F13: campaign hazards", () => {
    const h = hz(CAMPAIGN.majorHazards2023);
    expect(h.filter((x) => x.level === "一般隐患").length).toBe(1223);
    const major = h.filter((x) => x.level === "重大事故隐患");
    expect(major.length).toBe(19);
    expect(major.filter((x) => x.supervised).length).toBe(19);
    // All 2023 majors listed for supervision are more than the campaign's.
    expect(d.hazards.filter((x) => inYear(x.foundOn, 2023) && x.supervised).length).toBeGreaterThan(19);
  });

  it("F14–F18: special campaigns", () => {
    expect(hz(CAMPAIGN.springTransport).length).toBe(36);
    expect(hz(CAMPAIGN.springTransport).every((h) => h.foundOn < "2023-03-16")).toBe(true);
    expect(hz(CAMPAIGN.medical).length).toBe(137);
    expect(hz(CAMPAIGN.construction).length).toBe(126);
    const majors = hz(CAMPAIGN.construction).filter((h) => h.level === "重大事故隐患");
    expect(majors.length).toBe(3);
    const id = identity(d, { onlyValidCodes: true });
    expect(new Set(majors.map((h) => id(h.unitName, h.creditCode))).size).toBe(2);
    expect(majors.some((h) => !h.creditCode)).toBe(true);
    expect(hz(CAMPAIGN.stadiums).length).toBe(48);
    const stadiumRows = d.inspections.filter((i) => i.campaign === CAMPAIGN.stadiums && inYear(i.date, 2023));
    expect(stadiumRows.length).toBe(9);
    expect(new Set(stadiumRows.map((r) => id(r.target, r.creditCode))).size).toBe(7);
    // The same campaign names in other years must not count.
    expect(d.hazards.filter((h) => h.campaign === CAMPAIGN.springTransport).length).toBeGreaterThan(36);
  });

  it("uses all 16 categories, some aliases, an unknown label, and every status", () => {
    const h = d.hazards.filter((x) => inYear(x.foundOn, 2023));
    expect(new Set(h.map((x) => x.category)).size).toBe(16);
    expect(h.some((x) => x.categoryLabel === "消防")).toBe(true);
    expect(h.some((x) => x.categoryLabel === "职业卫生")).toBe(true);
    expect(new Set(h.map((x) => x.status))).toEqual(new Set(["已整改", "整改中", "逾期未整改"]));
    expect(h.every((x) => (x.status === "已整改") === !!x.rectifiedOn)).toBe(true);
    const ordinary = h.filter((x) => !x.campaign).length;
    expect(ordinary).toBeGreaterThan(300);
  });
});

describe("enforcers (F19)", () => {
  const validOn = (c: EnforcerRecord, day: string) => c.issuedOn <= day && day <= c.validUntil && (!c.cancelledOn || c.cancelledOn > day);
  it("two new town certificates in 2023; renewals do not count", () => {
    const certs = d.enforcers;
    const isNew = (c: EnforcerRecord) => !certs.some((o) => o !== c && o.idNumber === c.idNumber && o.issuedOn < c.issuedOn);
    const town2023 = certs.filter((c) => c.unit.type === "town" && inYear(c.issuedOn, 2023));
    expect(town2023.length).toBeGreaterThanOrEqual(4);
    expect(town2023.filter(isNew).length).toBe(2);
    const valid = certs.filter((c) => validOn(c, "2023-12-31")).length;
    expect(valid).toBeGreaterThanOrEqual(20);
    expect(valid).toBeLessThanOrEqual(30);
    expect(certs.some((c) => c.status === "已注销" && c.cancelledOn)).toBe(true);
    expect(certs.some((c) => c.status === "已过期")).toBe(true);
    expect(certs.every((c) => isValidIdCard(c.idNumber))).toBe(true);
    // Same name, different people.
    const names = certs.map((c) => c.name);
    expect(new Set(certs.map((c) => `${c.name}/${c.idNumber}`)).size).toBeGreaterThan(new Set(names).size);
  });
});

describe("codes in the records", () => {
  it("are valid except the two deliberate typos", () => {
    const codes = new Set<string>();
    for (const h of d.cases) for (const v of h.versions) if (v.creditCode) codes.add(v.creditCode);
    for (const i of d.inspections) if (i.creditCode) codes.add(i.creditCode);
    for (const h of d.hazards) if (h.creditCode) codes.add(h.creditCode);
    const bad = [...codes].filter((c) => !isValidCreditCode(c));
    expect(bad.sort()).toEqual(d.pool.flawed.map((e) => e.code!).sort());
    for (const h of d.cases) for (const v of h.versions) if (v.idNumber) expect(isValidIdCard(v.idNumber)).toBe(true);
  });

  it("one name never has two codes", () => {
    const seen = new Map<string, string>();
    const check = (name: string, code: string | null) => {
      if (!code) return;
      const prev = seen.get(norm(name));
      if (prev) expect(prev).toBe(code);
      seen.set(norm(name), code);
    };
    for (const h of d.cases) for (const v of h.versions) check(v.party, v.creditCode);
    for (const i of d.inspections) check(i.target, i.creditCode);
    for (const h of d.hazards) check(h.unitName, h.creditCode);
  });
});

describe("the bureau's ledgers (F20–F25)", () => {
  it("F20: 40 tasks of the 2023 plan completed, 4 joint with 工信 and 镇街", () => {
    const tasks = d.randomChecks.filter((t) => t.planYear === 2023 && t.status === "已完成");
    expect(tasks).toHaveLength(40);
    const joint = tasks.filter((t) => t.joint);
    expect(joint).toHaveLength(4);
    expect([...new Set(joint.flatMap((t) => t.departments!.split("、")))]).toEqual(["工信", "镇街"]);
    expect(new Set(d.randomChecks.map((t) => t.taskNo)).size).toBe(d.randomChecks.length);
  });

  it("F21: three accidents in 2023, all led by the bureau, four persons held accountable", () => {
    const acc = d.accidents.filter((a) => inYear(a.occurredOn, 2023));
    expect(acc.map((a) => a.name)).toEqual(["镇海“1.24”坍塌事故", "黄石镇“3.4”火灾事故", "拱辰“10.9”透水事故"]);
    expect(acc.every((a) => /应急/.test(a.leadUnit))).toBe(true);
    expect(acc.reduce((s, a) => s + (a.accountable ?? 0), 0)).toBe(4);
  });

  it("F22–F25: the 2023 work ledger", () => {
    const recs = d.activities.filter((a) => inYear(a.date, 2023));
    const sum = (pick: (a: (typeof recs)[number]) => boolean) => recs.filter(pick).reduce((s, a) => s + (a.objects ?? 1), 0);
    expect(sum((a) => a.category === "帮扶指导" && (a.objectType === "镇街" || a.objectType === "村居"))).toBe(230);
    expect(sum((a) => a.category === "帮扶指导" && a.objectType === "企业")).toBe(390);
    expect(sum((a) => a.category === "约谈曝光" && a.objectType === "企业")).toBe(10);
    expect(sum((a) => a.category === "典型案例公布" && a.channel === "莆田晚报")).toBe(4);
    expect(sum((a) => a.category === "典型案例公布" && a.channel === "区政府网站")).toBe(5);
    expect(sum((a) => a.category === "案卷评查" && (a.found ?? 0) > 0)).toBe(3);
    expect(recs.filter((a) => a.category === "案卷评查").reduce((s, a) => s + (a.found ?? 0), 0)).toBe(16);
    expect(recs.filter((a) => a.category === "执法培训").map((a) => [a.date, a.participants])).toEqual([["2023-08-23", 29]]);
    expect(new Set(d.activities.map((a) => a.no)).size).toBe(d.activities.length);
  });
});
