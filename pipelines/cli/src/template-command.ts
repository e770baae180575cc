// anjian template KIND [--out FILE.xlsx] [--force]: a blank import template of one kind of ledger.
import path from "node:path";
import { kinds, templateBuffer } from "@anjian/exports";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { UserError } from "@anjian/errors";
import type { Context, Output } from "./context.ts";
import { checkOutputPath, outputGuard, writeOutput } from "./safe-output.ts";

export interface TemplateArgs {
  kind: string | undefined;
  out: string | undefined;
  force: boolean;
}

export const KIND_LIST = kinds.map((k) => `${k.name}（${k.label}）`).join("、");

/** --out never writes over the warehouse in use (nor its WAL and key). */
export async function runTemplate(args: TemplateArgs, context: Context, output: Output): Promise<number> {
  if (!args.kind) throw new UserError(`请给出台账类型：${KIND_LIST}。例如：anjian template accidents`, { exitCode: 2 });
  const wanted = args.kind.trim();
  const kind = kinds.find((k) => k.name === wanted || k.label === wanted);
  if (!kind) throw new UserError(`不认识的台账类型“${wanted}”。可选：${KIND_LIST}。`, { exitCode: 2 });
  const out = path.resolve(args.out ?? `${kind.label}导入模板.xlsx`);
  if (!/\.xlsx$/i.test(out)) throw new UserError(`模板是 Excel 工作簿，请给出以 .xlsx 结尾的文件名（现为 ${args.out}）。`, { exitCode: 2 });
  const options = outputGuard(context, args.force);
  checkOutputPath(out, options);
  const written = writeOutput(out, await templateBuffer(kind, new ProfileResolver(loadProfile(context.profile))), options);
  output.err(`已生成${kind.label}导入模板：${written}\n填好后用 anjian ingest ${path.basename(written)} 导入。`);
  return 0;
}
