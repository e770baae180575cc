export { expandPaths, sha256File } from "./files.ts";
export { checkHashKey, resolveHashKey } from "./hash-key.ts";
export { type FileResult, type FileStatus, type IngestOptions, type IngestResult, ingest } from "./ingest.ts";
export type { Counts } from "./merge.ts";
export { type Progress, silentProgress, terminalProgress } from "./progress.ts";
export type { ModelsRefresh } from "./refresh-models.ts";
export { tableColumns } from "./typing-sql.ts";
