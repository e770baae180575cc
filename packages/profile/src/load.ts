// Reading and validating the district profile file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ProfileError, type ProfileIssue } from "@anjian/errors";
import { formatPath, type Profile, profileErrorMap, profileSchema } from "./schema.ts";

/**
 * Read and validate a profile. Throws ProfileError naming the file and every bad entry. Which file
 * is the app's choice (its context: ANJIAN_PROFILE or data/reference/profile.json).
 */
export function loadProfile(file: string): Profile {
  const abs = path.resolve(file);
  const shown = displayPath(abs);
  let text: string;
  try {
    text = readFileSync(abs, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT" ? `找不到地区配置文件 ${shown}` : `无法读取地区配置文件 ${shown}（${code ?? String(err)}）`;
    throw new ProfileError(message, shown, [], { cause: err });
  }
  return parseProfile(text, shown);
}

/** Validate profile text; `file` is only used in messages. */
export function parseProfile(text: string, file: string): Profile {
  // Notepad on Windows saves UTF-8 with a BOM, which JSON.parse refuses.
  const body = text.replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    const issue = jsonIssue(body, (err as Error).message);
    throw new ProfileError(
      `地区配置文件 ${file} 不是有效的 JSON：${issue.path ? `${issue.path}：` : ""}${issue.message}`,
      file,
      [issue],
      { cause: err },
    );
  }
  const result = profileSchema.safeParse(data, { error: profileErrorMap });
  if (result.success) return result.data;
  const issues: ProfileIssue[] = result.error.issues.map((i) => ({
    path: formatPath(i.path) || "（整个文件）",
    message: i.message,
  }));
  const lines = issues.map((i) => `${i.path}：${i.message}`);
  const message =
    lines.length === 1
      ? `地区配置文件 ${file} 有误：${lines[0]}`
      : `地区配置文件 ${file} 有误（共 ${lines.length} 处）：\n${lines.map((l) => `  ${l}`).join("\n")}`;
  throw new ProfileError(message, file, issues);
}

/** Relative to the working directory when the file is inside it, so messages stay short. */
function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return abs;
  return rel.split(path.sep).join("/");
}

/** Turn V8's English JSON error into a line, column and a hint about the usual mistake. */
function jsonIssue(text: string, v8message: string): ProfileIssue {
  if (/end of JSON input/i.test(v8message)) {
    return { path: "文件末尾", message: "文件不完整，可能缺少结尾的 } 或 ]" };
  }
  let pos = -1;
  const at = /at position (\d+)/.exec(v8message);
  if (at) pos = Number(at[1]);
  else {
    // Some messages name the bad character but not where it is.
    const tok = /Unexpected token '(.)'/u.exec(v8message);
    if (tok) pos = firstOutsideString(text, tok[1]!);
  }
  if (pos < 0 || pos > text.length) return { path: "", message: "JSON 语法错误" };
  const before = text.slice(0, pos);
  const line = before.split("\n").length;
  const column = pos - before.lastIndexOf("\n");
  return { path: `第 ${line} 行第 ${column} 列`, message: jsonHint(text, pos) };
}

function jsonHint(text: string, pos: number): string {
  if (pos >= text.length) return "文件不完整，可能缺少结尾的 } 或 ]";
  const ch = text[pos]!;
  if ("“”‘’".includes(ch)) return `引号 ${ch} 应为英文半角双引号 "`;
  if (ch === "，") return "逗号应为英文半角逗号 ,";
  if (ch === "：") return "冒号应为英文半角冒号 :";
  if (ch === "'") return `引号应为双引号 "`;
  const prev = text.slice(0, pos).trimEnd().at(-1);
  if ((ch === "}" || ch === "]") && prev === ",") return "最后一项后面不能有逗号";
  if (ch === '"' && prev !== undefined && prev !== "," && prev !== "{" && prev !== "[" && prev !== ":") {
    return "前一项后面缺少逗号";
  }
  return `JSON 语法错误（此处为 “${ch}”）`;
}

/** Offset of the first `ch` that is not inside a JSON string, or -1. */
function firstOutsideString(text: string, ch: string): number {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ch) return i;
  }
  return -1;
}
