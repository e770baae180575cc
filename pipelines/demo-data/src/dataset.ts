// All records of all kinds, before any file is written.

import { Rng } from "./prng.ts";
import { buildBadRows } from "./records/bad-rows.ts";
import { buildCases } from "./records/cases.ts";
import { buildEnforcers, CERT_PLAN } from "./records/enforcers.ts";
import { buildEnterprises, type EnterprisePool } from "./records/enterprises.ts";
import { buildHazards } from "./records/hazards.ts";
import { campaignVisits, majorHazardCampaignVisits, numberVisits, ordinaryVisits } from "./records/inspections.ts";
import type { BadRow, CaseHistory, EnforcerRecord, HazardRecord, InspectionRecord } from "./records/types.ts";
import { CAMPAIGNS, CASE_YEARS, EXPORTED, HAZARD_YEARS, MAJOR_HAZARD_CAMPAIGN_2023, ORDINARY } from "./targets.ts";

export interface Dataset {
  pool: EnterprisePool;
  cases: CaseHistory[];
  inspections: InspectionRecord[];
  hazards: HazardRecord[];
  enforcers: EnforcerRecord[];
  badRows: BadRow[];
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
  };
}
