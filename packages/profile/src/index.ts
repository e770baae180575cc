export { bareTownName, lookupKey, normaliseText } from "./keys.ts";
export { loadProfile, parseProfile } from "./load.ts";
export { ProfileResolver, type ResolvedCategory, type ResolvedUnit, type UnitLevel } from "./resolve.ts";
export {
  bureauSchema,
  districtSchema,
  formatPath,
  type HazardCategory,
  hazardCategorySchema,
  OTHER_CATEGORY,
  type Profile,
  type ProfileInput,
  profileErrorMap,
  profileSchema,
  type Town,
  townSchema,
  unitSchema,
} from "./schema.ts";
