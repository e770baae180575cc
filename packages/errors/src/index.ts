export {
  type Place,
  type ProfileIssue,
  ProfileError,
  ReferenceDataError,
  RefusedFileError,
  UserError,
  type UserErrorOptions,
  WarehouseLockedError,
} from "./errors.ts";
