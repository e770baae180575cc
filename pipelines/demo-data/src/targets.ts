// Generation inputs: how many records of each sort to make, and the exact fine totals to
// distribute. These are the plan's inputs; the figures are computed from the records by the
// importer (and, independently, by test/records.test.ts), never read from here.

import { CAMPAIGN } from "./profile.ts";
import type { CaseYearSpec } from "./records/cases.ts";
import type { HazardYearOptions } from "./records/hazards.ts";
import type { CampaignSpec, MajorHazardCampaignSpec, OrdinarySpec } from "./records/inspections.ts";

export const YEARS = [2021, 2022, 2023, 2024] as const;

/** When each year's ledgers were exported (title rows, and hazard statuses "as of"). */
export const EXPORTED = {
  cases2122: "2023-01-06 10:05",
  cases2023: "2024-01-05 09:12",
  casesOverlap: "2024-04-08 15:40",
  cases2024: "2025-01-06 08:55",
  inspections: "2025-01-10 10:30",
  hazards: { 2021: "2022-01-10 09:30", 2022: "2023-01-09 16:02", 2023: "2024-01-08 11:20", 2024: "2025-01-07 14:45" },
  enforcers: "2025-01-10 11:05",
} as const;

export const CASE_YEARS: readonly CaseYearSpec[] = [
  {
    year: 2021,
    bureau: { count: 44, fineTotal: 902_400, dual: 3, stopProduction: [1, 1], codelessRepeatStop: false, stopInCarryIn: false, individuals: 1, getihu: 2, carryIn: ["01-15", "03-03"] },
    towns: { count: 35, fineTotal: 71_600, warningsOnly: 1, individuals: 2, getihu: 1, flawedParty: false },
    openAtEnd: 0,
  },
  {
    year: 2022,
    bureau: { count: 52, fineTotal: 1_053_200, dual: 4, stopProduction: [1, 1, 1], codelessRepeatStop: false, stopInCarryIn: false, individuals: 2, getihu: 1, carryIn: ["01-12", "02-24"] },
    towns: { count: 58, fineTotal: 139_700, warningsOnly: 1, individuals: 3, getihu: 1, flawedParty: false },
    openAtEnd: 0,
  },
  {
    // The 2023 report: 59 + 73 = 132 cases, 121.8 + 18.5 = 140.3 万元, 5 dual, 4 parties stopped.
    year: 2023,
    bureau: { count: 59, fineTotal: 1_217_960, dual: 5, stopProduction: [2, 1, 1, 1], codelessRepeatStop: true, stopInCarryIn: false, individuals: 2, getihu: 2, carryIn: ["01-09", "02-16", "03-02"] },
    towns: { count: 73, fineTotal: 184_980, warningsOnly: 2, individuals: 4, getihu: 1, flawedParty: true },
    openAtEnd: 0,
  },
  {
    // Carry-ins filed in Dec 2023: two decided before the 2023 ledger was exported (5 Jan),
    // three after it (pending in that ledger); the first is a stop-production case.
    year: 2024,
    bureau: { count: 64, fineTotal: 1_342_500, dual: 5, stopProduction: [1, 1, 1], codelessRepeatStop: false, stopInCarryIn: true, individuals: 2, getihu: 2, carryIn: ["01-02", "01-04", "02-21", "03-14", "05-09"] },
    towns: { count: 81, fineTotal: 205_300, warningsOnly: 1, individuals: 4, getihu: 1, flawedParty: false },
    openAtEnd: 3,
  },
];

export const MAJOR_HAZARD_CAMPAIGN_2023: MajorHazardCampaignSpec = {
  name: CAMPAIGN.majorHazards2023,
  from: "2023-05-06",
  to: "2023-11-30",
  enterprises: 199,
  twice: 52,
  thrice: 5,
  codelessRevisits: 15,
  unregistered: 6,
  unregisteredTwice: 2,
  codedElsewhere: 4,
  generalHazards: 1223,
  majorHazards: 19,
  majorUnitsWithTwo: 2,
};

export const CAMPAIGNS: readonly CampaignSpec[] = [
  // 2023: the report's special campaigns.
  { name: CAMPAIGN.springTransport, from: "2023-01-09", to: "2023-02-15", pick: "transport", enterprises: 12, revisits: 2, codelessRevisits: 1, hazards: 36, majors: [], jointDept: "区交通运输局" },
  { name: CAMPAIGN.medical, from: "2023-05-04", to: "2023-06-28", pick: "hospital", enterprises: 28, revisits: 2, codelessRevisits: 1, hazards: 137, majors: [], jointDept: "区卫健局" },
  { name: CAMPAIGN.construction, from: "2023-03-06", to: "2023-11-17", pick: "construction", enterprises: 24, revisits: 6, codelessRevisits: 1, hazards: 123, majors: [2, 1], jointDept: "区住建局" },
  { name: CAMPAIGN.stadiums, from: "2023-08-07", to: "2023-09-15", pick: "stadium", enterprises: 7, revisits: 2, codelessRevisits: 1, hazards: 48, majors: [], jointDept: "区文体旅局" },
  // Other years: same campaign names in other years (must not count for 2023), and others.
  { name: CAMPAIGN.springTransport, from: "2021-01-28", to: "2021-03-08", pick: "transport", enterprises: 10, revisits: 1, codelessRevisits: 0, hazards: 28, majors: [], jointDept: "区交通运输局" },
  { name: CAMPAIGN.springTransport, from: "2022-01-17", to: "2022-02-25", pick: "transport", enterprises: 11, revisits: 2, codelessRevisits: 0, hazards: 31, majors: [], jointDept: "区交通运输局" },
  { name: CAMPAIGN.springTransport, from: "2024-01-26", to: "2024-03-05", pick: "transport", enterprises: 13, revisits: 2, codelessRevisits: 1, hazards: 41, majors: [], jointDept: "区交通运输局" },
  { name: CAMPAIGN.bigCheck2021, from: "2021-06-01", to: "2021-09-30", pick: "industry", enterprises: 62, revisits: 10, codelessRevisits: 2, hazards: 262, majors: [1, 1], jointDept: "区消防救援大队" },
  { name: CAMPAIGN.bigCheck2022, from: "2022-05-09", to: "2022-08-31", pick: "industry", enterprises: 78, revisits: 14, codelessRevisits: 3, hazards: 338, majors: [1, 1, 1], jointDept: "区消防救援大队" },
  { name: CAMPAIGN.construction, from: "2024-03-04", to: "2024-10-31", pick: "construction", enterprises: 20, revisits: 4, codelessRevisits: 1, hazards: 97, majors: [1], jointDept: "区住建局" },
  { name: CAMPAIGN.rootCause2024, from: "2024-04-08", to: "2024-12-20", pick: "industry", enterprises: 96, revisits: 16, codelessRevisits: 3, hazards: 418, majors: [2, 1, 1], jointDept: null },
];

export const ORDINARY: readonly OrdinarySpec[] = [
  { year: 2021, inspections: 290, hazards: 1450, majors: 2 },
  { year: 2022, inspections: 330, hazards: 1680, majors: 3 },
  { year: 2023, inspections: 360, hazards: 1260, majors: 4 },
  { year: 2024, inspections: 380, hazards: 1790, majors: 3 },
];

export const HAZARD_YEARS: readonly HazardYearOptions[] = [
  { year: 2021, asOf: EXPORTED.hazards[2021].slice(0, 10), unlinked: 150, unknownCategory: 0 },
  { year: 2022, asOf: EXPORTED.hazards[2022].slice(0, 10), unlinked: 160, unknownCategory: 1 },
  { year: 2023, asOf: EXPORTED.hazards[2023].slice(0, 10), unlinked: 140, unknownCategory: 2 },
  { year: 2024, asOf: EXPORTED.hazards[2024].slice(0, 10), unlinked: 170, unknownCategory: 0 },
];
