export { main } from "./main.ts";
export type { Output } from "./context.ts";
