export { type Context, type ContextOptions, type Env, type KeySource, isDebug, readContext } from "./context.ts";
export { REPO_ROOT, type RepoPaths, repoPaths } from "./paths.ts";
