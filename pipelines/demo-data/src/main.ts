// npm run demo-data [-- --out DIR] [--scale N]
//   --scale 1 (default): the bundled demo exports, written to data/samples (or --out)
//   --scale N: the bulk exports, N × the demo's cases and hazards (bulk/scaled.ts); needs --out

import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { MAX_SCALE } from "./bulk/scaled.ts";
import { describe, generate } from "./generate.ts";

const USAGE = "用法：npm run demo-data -- [--out 文件夹] [--scale 倍数]";

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function options(argv: string[]): { dir: string; scale: number } {
  let values: { out?: string; scale?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: "string" }, scale: { type: "string" } } }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return usageError("只认识 --out 和 --scale 两个选项。");
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return usageError("输出文件夹请写在 --out 后面。");
    return usageError("--out 和 --scale 后面都要写一个值。");
  }
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!(Number.isFinite(scale) && scale > 0 && scale <= MAX_SCALE))
    usageError(`--scale 应为大于 0、不超过 ${MAX_SCALE} 的数（1 为演示数据），而不是“${values.scale}”。`);
  if (values.out === "") usageError("--out 后面应写输出文件夹。");
  if (values.out === undefined && scale !== 1)
    usageError("--scale 不为 1 时请用 --out 指定输出文件夹（data/samples 只放演示数据）。");
  const dir = values.out ? resolve(values.out) : fileURLToPath(new URL("../../../data/samples", import.meta.url));
  return { dir, scale };
}

const { dir, scale } = options(process.argv.slice(2));
const written = await generate(dir, { scale });
console.log(scale === 1 ? `演示数据已写入 ${dir}` : `${scale} 倍规模的台账已写入 ${dir}`);
for (const line of describe(written)) console.log(`  ${line}`);
