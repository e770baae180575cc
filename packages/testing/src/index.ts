export { type Expect, goldenFiles } from "./golden.ts";
export { which } from "./which.ts";
