// The `anjian` command: parses arguments, runs one command, turns errors into Chinese messages
// and exit codes (0 success, 1 a file or a run failed, 2 wrong usage).
import { parseArgs } from "node:util";
import { type Env, isDebug } from "@anjian/config";
import { UserError } from "@anjian/errors";
import { commandContext, type Output, processOutput, technical } from "./context.ts";
import { runFigures } from "./figures-command.ts";
import { runIngest } from "./ingest-command.ts";
import { runRejects } from "./rejects-command.ts";
import { describeFsError } from "./safe-output.ts";
import { runStatus } from "./status-command.ts";
import { runTemplate } from "./template-command.ts";

const USAGE = `用法：
  anjian ingest 路径… [--json] [--warehouse 路径]     导入平台导出的 .xlsx / .csv 文件或文件夹
  anjian status [--json] [--warehouse 路径]           查看数据仓库中有哪些数据
  anjian rejects [--batch 批次] [--kind 类型] [--out 文件.csv] [--all] [--force] [--warehouse 路径]
                                                      导出待处理的被拒绝行及原因（每类台账一个 UTF-8 带 BOM 的 CSV）
  anjian figures --year 年度 [--format json|md|docx] [--out 文件] [--force] [--warehouse 路径]
  anjian figures --from 日期 --to 日期 [--format json|md|docx] [--out 文件] [--force] [--warehouse 路径]
                                                      年报数据（JSON），或可直接引用的报告段落（Markdown / Word）；
                                                      某类数据未覆盖统计期时在标准错误输出中提示
  anjian template 类型 [--out 文件.xlsx] [--force]     空白导入模板（带下拉列表和填写说明），类型为
                                                      cases、inspections、hazards、enforcers、random_checks、accidents、activities
数据仓库默认为 data/warehouse/anjian.duckdb，也可用环境变量 ANJIAN_WAREHOUSE 指定。
--out 不会覆盖已有文件（加 --force 才覆盖），也永远不会覆盖数据仓库、它的日志文件和密钥文件。`;

/** Runs one command; `env` is where its context comes from (the process's environment by default). */
export async function main(argv: string[], output: Output = processOutput, env: Env = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const context = (values: { warehouse?: unknown }) => commandContext(values.warehouse as string | undefined, env);
  try {
    switch (command) {
      case "ingest": {
        const { values, positionals } = parse(rest, { json: { type: "boolean" }, warehouse: { type: "string" } }, true);
        if (positionals.length === 0) throw new UserError(`请给出要导入的文件或文件夹。\n${USAGE}`, { exitCode: 2 });
        return await runIngest({ paths: positionals, json: Boolean(values.json) }, context(values), output);
      }
      case "status": {
        const { values } = parse(rest, { json: { type: "boolean" }, warehouse: { type: "string" } });
        return await runStatus({ json: Boolean(values.json) }, context(values), output);
      }
      case "rejects": {
        const { values } = parse(rest, {
          batch: { type: "string" },
          kind: { type: "string" },
          out: { type: "string" },
          all: { type: "boolean" },
          force: { type: "boolean" },
          warehouse: { type: "string" },
        });
        return await runRejects(
          {
            batch: values.batch as string | undefined,
            kind: values.kind as string | undefined,
            out: values.out as string | undefined,
            all: Boolean(values.all),
            force: Boolean(values.force),
          },
          context(values),
          output,
        );
      }
      case "figures": {
        const { values } = parse(rest, {
          year: { type: "string" },
          from: { type: "string" },
          to: { type: "string" },
          format: { type: "string" },
          out: { type: "string" },
          force: { type: "boolean" },
          warehouse: { type: "string" },
        });
        return await runFigures(
          {
            year: values.year as string | undefined,
            from: values.from as string | undefined,
            to: values.to as string | undefined,
            format: values.format as string | undefined,
            out: values.out as string | undefined,
            force: Boolean(values.force),
          },
          context(values),
          output,
        );
      }
      case "template": {
        const { values, positionals } = parse(rest, { out: { type: "string" }, force: { type: "boolean" }, warehouse: { type: "string" } }, true);
        if (positionals.length > 1) throw new UserError(`一次只能生成一种模板。\n${USAGE}`, { exitCode: 2 });
        return await runTemplate(
          {
            kind: positionals[0],
            out: values.out as string | undefined,
            force: Boolean(values.force),
          },
          context(values),
          output,
        );
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        output.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UserError(`未知命令“${command}”。\n${USAGE}`, { exitCode: 2 });
    }
  } catch (e) {
    // Every error meant for people (a bad profile or alias table too) says itself, with its exit code;
    // the original it replaces only when asked for.
    if (e instanceof UserError) {
      output.err(e.message);
      if (e.cause !== undefined && isDebug(env)) output.err(technical(e.cause));
      return e.exitCode;
    }
    // Not a case we foresaw: say so plainly, in Chinese (the English text may quote personal data);
    // the original only when asked for.
    const code = (e as NodeJS.ErrnoException).code;
    output.err(
      `运行出错${code ? `（${describeFsError(e)}）` : ""}，命令未完成。` +
        "如需排查，请设置环境变量 ANJIAN_DEBUG=1 后重试，并把输出反馈给系统维护人员。",
    );
    if (isDebug(env)) output.err(technical(e));
    return 1;
  }
}

type Options = Parameters<typeof parseArgs>[0] extends infer T ? (T extends { options?: infer O } ? O : never) : never;

function parse(args: string[], options: NonNullable<Options>, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UserError(`参数有误：${argsProblem(e)}\n${USAGE}`, { exitCode: 2 });
  }
}

/** node:util parseArgs errors, in Chinese. */
function argsProblem(e: unknown): string {
  const message = (e as Error).message;
  const option = /'(-[^'\s]*)/.exec(message)?.[1] ?? /'([^']+)'/.exec(message)?.[1] ?? "";
  switch ((e as NodeJS.ErrnoException).code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `不认识的选项“${option}”。`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test(message) ? `选项“${option}”后面需要一个值。` : `选项“${option}”不接受值。`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `多余的参数“${option}”。`;
    default:
      return "无法识别的参数。";
  }
}
