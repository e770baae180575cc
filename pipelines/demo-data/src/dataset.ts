// All records of all kinds, before any file is written.

import { Rng } from "./prng.ts";
import { buildBadRows } from "./records/bad-rows.ts";
import { buildCases } from "./records/cases.ts";
import { buildEnforcers, CERT_PLAN } from "./records/enforcers.ts";
import { buildEnterprises, type EnterprisePool } from "./records/enterprises.ts";
import { buildHazards } from "./records/hazards.ts";
import { campaignVisits, majorHazardCampaignVisits, numberVisits, ordinaryVisits } from "./records/inspections.ts";
import {
  ACCIDENTS,
  type AccidentRecord,
  type ActivityRecord,
  buildActivities,
  buildRandomChecks,
  type RandomCheckRecord,
} from "./records/ledgers.ts";
import type { BadRow, CaseHistory, EnforcerRecord, HazardRecord, InspectionRecord } from "./records/types.ts";
import {
  ACTIVITY_YEARS,
  CAMPAIGNS,
  CASE_YEARS,
  EXPORTED,
  HAZARD_YEARS,
  MAJOR_HAZARD_CAMPAIGN_2023,
  ORDINARY,
  RANDOM_CHECK_YEARS,
} from "./targets.ts";

export interface Dataset {
  pool: EnterprisePool;
  cases: CaseHistory[];
  inspections: InspectionRecord[];
  hazards: HazardRecord[];
  enforcers: EnforcerRecord[];
  badRows: BadRow[];
  randomChecks: RandomCheckRecord[];
  accidents: readonly AccidentRecord[];
  activities: ActivityRecord[];
}

export function buildDataset(): Dataset {
  const pool = buildEnterprises(Rng.for("enterprises"));
  const cases = buildCases(pool, CASE_YEARS);
  const visits = numberVisits([
    ...majorHazardCampaignVisits(pool, MAJOR_HAZARD_CAMPAIGN_2023),
    ...CAMPAIGNS.flatMap((c) => campaignVisits(pool, c)),
    ...ORDINARY.flatMap((o) => ordinaryVisits(pool, o)),
  ]);
  const hazards = buildHazards(pool, visits, HAZARD_YEARS);
  const enforcers = buildEnforcers(CERT_PLAN, EXPORTED.enforcers.slice(0, 10));
  return {
    pool,
    cases,
    inspections: visits.map((v) => v.record),
    hazards,
    enforcers,
    badRows: buildBadRows(pool),
    // The ledgers draw on their own streams, after the rest: they shift nothing of the platform kinds.
    randomChecks: buildRandomChecks(pool, RANDOM_CHECK_YEARS, Rng.for("random-checks")),
    accidents: ACCIDENTS,
    activities: buildActivities(ACTIVITY_YEARS, Rng.for("activities")),
  };
}
