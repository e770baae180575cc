// anjian template KIND [--out FILE.xlsx]: a blank import template of one kind of ledger.
import fs from "node:fs";
import path from "node:path";
import { kinds, writeTemplate } from "@anjian/exports";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { CliError } from "@anjian/warehouse";
import type { Output } from "./context.ts";

export interface TemplateArgs {
  kind: string | undefined;
  out: string | undefined;
}

export const KIND_LIST = kinds.map((k) => `${k.name}（${k.label}）`).join("、");

export async function runTemplate(args: TemplateArgs, output: Output): Promise<number> {
  if (!args.kind) throw new CliError(`请给出台账类型：${KIND_LIST}。例如：anjian template accidents`, 2);
  const wanted = args.kind.trim();
  const kind = kinds.find((k) => k.name === wanted || k.label === wanted);
  if (!kind) throw new CliError(`不认识的台账类型“${wanted}”。可选：${KIND_LIST}。`, 2);
  const out = path.resolve(args.out ?? `${kind.label}导入模板.xlsx`);
  if (!/\.xlsx$/i.test(out)) throw new CliError(`模板是 Excel 工作簿，请给出以 .xlsx 结尾的文件名（现为 ${args.out}）。`, 2);
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await writeTemplate(kind, new ProfileResolver(loadProfile()), out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM" || code === "EBUSY")
      throw new CliError(`无法写入 ${out}：文件被占用或没有写入权限。请关闭正在打开它的 Excel/WPS，或换一个位置。`, 1);
    throw e;
  }
  output.err(`已生成${kind.label}导入模板：${out}\n填好后用 anjian ingest ${path.basename(out)} 导入。`);
  return 0;
}
