// anjian ingest PATH… [--json] [--warehouse PATH]
import path from "node:path";
import { kindByName, loadAliasTable } from "@anjian/exports";
import { expandPaths, type FileResult, ingest, resolveHashKey, silentProgress, terminalProgress } from "@anjian/ingest";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { openWarehouse } from "@anjian/warehouse";
import { type Context, type Output, technical } from "./context.ts";
import { num } from "./format.ts";

export interface IngestArgs {
  paths: string[];
  json: boolean;
}

const ENCODING_NAMES: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16",
  "utf-16be": "UTF-16BE",
  gb18030: "GBK/GB18030",
};

function kindLabel(kind: string | null): string {
  if (!kind) return "";
  return kind
    .split(",")
    .map((k) => kindByName(k).label)
    .join("、");
}

export function describeFile(f: FileResult): string {
  if (f.status === "refused") return `✘ ${f.path}\n    未导入：${f.error}`;
  if (f.status === "already_imported") return `· ${f.path}\n    已导入过（内容相同），本次跳过`;
  const shape = [kindLabel(f.kind), f.encoding ? ENCODING_NAMES[f.encoding] : null, f.sheets.length ? `工作表 ${f.sheets.join("、")}` : null]
    .filter(Boolean)
    .join("，");
  const lines = [
    `✔ ${f.path}（${shape}）`,
    `    读取 ${num(f.read)} 行：导入 ${num(f.accepted)}（其中更新 ${num(f.replaced)}），拒绝 ${num(f.rejected)}，跳过 ${num(f.skipped)}，重复 ${num(f.duplicate)}；警告 ${num(f.warnings)} 条`,
  ];
  for (const note of f.notes) lines.push(`    注：${note}`);
  return lines.join("\n");
}

export async function runIngest(args: IngestArgs, context: Context, output: Output): Promise<number> {
  // A wrong path is told before anything is created (no empty warehouse, no key file).
  expandPaths(args.paths);
  const profile = loadProfile(context.profile);
  const aliases = loadAliasTable(context.aliases);
  const hashKey = resolveHashKey(context.hashKey, context.warehouse);
  const warehouse = await openWarehouse(context.warehouse, { memoryLimit: context.memoryLimit });
  const debug = context.debug ? (e: unknown) => output.err(technical(e)) : undefined;
  try {
    const result = await ingest({
      warehouse,
      paths: args.paths,
      hashKey,
      resolver: new ProfileResolver(profile),
      aliases,
      progress: !args.json && output.isTTY ? terminalProgress() : silentProgress,
      command: `anjian ingest ${args.paths.join(" ")}`,
      memoryLimit: context.memoryLimit,
      debug,
    });
    const refused = result.files.filter((f) => f.status === "refused");
    if (args.json) {
      output.out(
        JSON.stringify(
          {
            batch: result.batch,
            files: result.files.map((f) => ({
              path: f.path,
              sha256: f.sha256,
              kind: f.kind,
              status: f.status,
              read: f.read,
              accepted: f.accepted,
              rejected: f.rejected,
              skipped: f.skipped,
              duplicate: f.duplicate,
              replaced: f.replaced,
              warnings: f.warnings,
              error: f.error,
            })),
          },
          null,
          2,
        ),
      );
    } else {
      output.out(`导入批次 ${result.batch}，数据仓库 ${path.relative(process.cwd(), warehouse.path) || warehouse.path}`);
      for (const f of result.files) output.out(describeFile(f));
      const sum = (k: "read" | "accepted" | "rejected") => num(result.files.reduce((a, f) => a + f[k], 0));
      output.out(
        `共 ${result.files.length} 个文件：导入 ${result.files.filter((f) => f.status === "imported").length} 个，` +
          `已导入过 ${result.files.filter((f) => f.status === "already_imported").length} 个，未导入 ${refused.length} 个；` +
          `读取 ${sum("read")} 行，导入 ${sum("accepted")} 行，拒绝 ${sum("rejected")} 行。`,
      );
      if (result.files.some((f) => f.rejected > 0))
        output.out(`被拒绝的行及原因：anjian rejects --batch ${result.batch} --out 拒绝行.csv`);
    }
    // The models are stored again by the import itself; a failure there leaves the data imported.
    if (result.models.status === "failed") output.err(result.models.error);
    return refused.length > 0 || result.models.status === "failed" ? 1 : 0;
  } finally {
    warehouse.close();
  }
}
