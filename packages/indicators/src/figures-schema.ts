// The figures JSON of docs/cli.md, as a zod schema: every key required, nothing else
// allowed, so that the output is checked against the contract before it is printed.
import { z } from "zod";

const count = z.int().nonnegative();
/** 万元 with at most one decimal. */
const wan = z
  .number()
  .nonnegative()
  .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-6, { message: "amount_wan must have one decimal at most" });

export const CountAmountSchema = z.strictObject({ count, amount_wan: wan });

export const CampaignInspectionsSchema = z.strictObject({ inspections: count, enterprises: count });

export const CampaignHazardsSchema = z.strictObject({
  total: count,
  general: count,
  major: count,
  major_listed: count,
  units_with_major: count,
});

const isoDate = z.iso.date();

/** How far a kind's data reaches, and what that means for the period (spec: "Coverage"). */
export const COVERAGE_STATES = ["none", "partial", "full"] as const;
export const CoverageSchema = z.strictObject({
  /** The kind's span: earliest record date .. later of latest record date and latest export time; null without data. */
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  state: z.enum(COVERAGE_STATES),
});

/** The kinds of the platform exports and the bureau's ledgers, in the order the figures list them. */
export const KINDS = ["cases", "inspections", "hazards", "enforcers", "random_checks", "accidents", "activities"] as const;
export type Kind = (typeof KINDS)[number];

export const CasesSchema = z.strictObject({
  total: CountAmountSchema,
  bureau: CountAmountSchema,
  towns: CountAmountSchema,
  by_procedure: z.record(z.string(), CountAmountSchema),
  by_town: z.record(z.string(), CountAmountSchema),
  dual_penalty: count,
  stop_production_parties: count,
  legal_review: count,
  pending: count,
});
export const InspectionsSchema = z.strictObject({
  enterprises: count,
  by_campaign: z.record(z.string(), CampaignInspectionsSchema),
});
export const HazardsSchema = z.strictObject({
  total: count,
  general: count,
  major: count,
  major_listed: count,
  rectified: count,
  rectification_rate: z.number().min(0).max(1),
  by_category: z.record(z.string(), count),
  by_campaign: z.record(z.string(), CampaignHazardsSchema),
});
export const EnforcersSchema = z.strictObject({
  certified: count,
  by_unit: z.record(z.string(), count),
  bureau_certified: count,
  towns_certified: count,
  new_certified: count,
  towns_new_certified: count,
});

export const ActivityCategorySchema = z.strictObject({
  records: count,
  objects: count,
  participants: count,
  problems_found: count,
  problems_fixed: count,
});

/** The bureau's own ledgers (platform-exports.md §3.5, §4). */
export const RandomChecksSchema = z.strictObject({
  planned: count,
  completed: count,
  joint: count,
  published: count,
  joint_departments: z.array(z.string()),
  by_town: z.record(z.string(), count),
});

export const AccidentsSchema = z.strictObject({
  count,
  investigated: count,
  deaths: count,
  injuries: count,
  direct_loss_wan: wan,
  accountable: count,
  units_penalised: count,
  by_type: z.record(z.string(), count),
  list: z.array(z.strictObject({ name: z.string(), date: isoDate, town: z.string(), type: z.string() })),
});

export const ActivitiesSchema = z.strictObject({
  by_category: z.record(z.string(), ActivityCategorySchema),
  guidance: z.strictObject({ towns_villages: count, enterprises: count }),
  exposure_enterprises: count,
  typical_cases: z.record(z.string(), count),
  case_file_review: z.strictObject({ files_with_problems: count, problems_found: count, problems_fixed: count }),
  trainings: z.array(z.strictObject({ date: isoDate, title: z.string(), participants: count })),
});

/** A kind whose data does not reach the period (coverage `none`) has a null section, never zeros. */
export const FiguresSchema = z.strictObject({
  period: z.strictObject({ from: isoDate, to: isoDate }),
  cases: CasesSchema.nullable(),
  inspections: InspectionsSchema.nullable(),
  hazards: HazardsSchema.nullable(),
  enforcers: EnforcersSchema.nullable(),
  random_checks: RandomChecksSchema.nullable(),
  accidents: AccidentsSchema.nullable(),
  activities: ActivitiesSchema.nullable(),
  coverage: z.record(z.string(), CoverageSchema),
});

export type Figures = z.infer<typeof FiguresSchema>;
export type Coverage = z.infer<typeof CoverageSchema>;
export type CoverageState = Coverage["state"];
export type CasesFigures = z.infer<typeof CasesSchema>;
export type InspectionsFigures = z.infer<typeof InspectionsSchema>;
export type HazardsFigures = z.infer<typeof HazardsSchema>;
export type EnforcersFigures = z.infer<typeof EnforcersSchema>;
export type CountAmount = z.infer<typeof CountAmountSchema>;
export type RandomChecksFigures = z.infer<typeof RandomChecksSchema>;
export type AccidentsFigures = z.infer<typeof AccidentsSchema>;
export type ActivitiesFigures = z.infer<typeof ActivitiesSchema>;
