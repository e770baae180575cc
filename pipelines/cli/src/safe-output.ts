// Writing a file the user named with --out: never over the warehouse, its WAL or the key file
// (not even with --force: losing them loses the data or splits every person in two), never over
// any other existing file unless --force, and never half-written (a temp file beside it, renamed
// into place).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Context } from "@anjian/config";
import { UserError } from "@anjian/errors";

export interface SafeOutputOptions {
  /** The warehouse in use: it, its WAL and the key file beside it are never written. */
  warehouse: string;
  /** The key file named by ANJIAN_KEY_FILE, never written either. */
  keyFile?: string | null;
  force?: boolean;
}

/** What the context protects: its warehouse and key file. */
export function outputGuard(context: Context, force?: boolean): SafeOutputOptions {
  return { warehouse: context.warehouse, keyFile: context.hashKey.file, force };
}

/** The files an output must never replace, for the warehouse at `warehouse`, each with what it is. */
export function protectedFiles(warehouse: string, keyFile?: string | null): { file: string; what: string }[] {
  const key = "的个人信息脱敏密钥文件";
  const files = [
    { file: warehouse, what: "文件" },
    { file: `${warehouse}.wal`, what: "的日志文件" },
    { file: path.join(path.dirname(warehouse), "anjian.key"), what: key },
  ];
  if (keyFile) files.push({ file: path.resolve(keyFile), what: key });
  return files;
}

/** The path with symlinks resolved as far as it exists (the file itself may not exist yet). */
function realish(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realish(parent), path.basename(abs));
  }
}

function sameFile(a: string, b: string): boolean {
  if (realish(a) === realish(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino; // hard links, bind mounts
  } catch {
    return false;
  }
}

/** Refuses an output path that would destroy something; call before any slow work. */
export function checkOutputPath(out: string, options: SafeOutputOptions): void {
  const target = path.resolve(out);
  for (const p of protectedFiles(options.warehouse, options.keyFile))
    if (sameFile(target, p.file))
      throw new UserError(
        `不能写入 ${target}：这是数据仓库${p.what}，` +
          "覆盖它会丢失数据。请用 --out 指定另一个文件名。",
        { exitCode: 2 },
      );
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(target);
  } catch {
    stat = null;
  }
  // Another warehouse or key file: not even with --force.
  if (stat && /\.(duckdb|wal|key)$/i.test(realish(target)))
    throw new UserError(`不能写入 ${target}：已有的 .duckdb、.wal 和 .key 文件可能是数据仓库或密钥，覆盖会丢失数据。请用 --out 指定另一个文件名。`, { exitCode: 2 });
  if (stat?.isDirectory()) throw new UserError(`${target} 是一个文件夹，请用 --out 指定文件名。`, { exitCode: 2 });
  if (stat && !options.force)
    throw new UserError(`文件 ${target} 已存在，未覆盖。请换一个文件名，或加上 --force 覆盖它。`, { exitCode: 2 });
}

/**
 * Writes `content` to `out` after checkOutputPath: into a temp file in the same folder, then
 * renamed into place, so a crash or a full disk leaves the old file (or none), never half of one.
 * Without --force the final step is a hard link, which fails if the file appeared meanwhile.
 */
export function writeOutput(out: string, content: string | Buffer, options: SafeOutputOptions): string {
  const target = path.resolve(out);
  checkOutputPath(target, options);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.anjian-${process.pid}-${crypto.randomBytes(4).toString("hex")}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(temp, content, { flag: "wx", mode: 0o644 });
    if (options.force) fs.renameSync(temp, target);
    else {
      try {
        fs.linkSync(temp, target);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new UserError(`文件 ${target} 已存在，未覆盖。请换一个文件名，或加上 --force 覆盖它。`, { exitCode: 2 });
        // File systems without hard links: the check above is the guard.
        if (fs.existsSync(target)) throw e;
        fs.renameSync(temp, target);
      }
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`无法写入 ${target}（${describeFsError(e)}）。请检查路径、权限和磁盘空间，或用 --out 指定其他文件。`);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return target;
}

/** A Node file-system error in Chinese, without the path (shown by the caller). */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "路径不存在";
    case "EACCES":
    case "EPERM":
      return "没有权限";
    case "ENOSPC":
      return "磁盘空间不足";
    case "EROFS":
      return "只读的文件系统";
    case "EISDIR":
      return "这是一个文件夹";
    case "ENOTDIR":
      return "路径中有一段不是文件夹";
    case "ELOOP":
      return "符号链接形成了循环";
    case "ENAMETOOLONG":
      return "文件名太长";
    case "EMFILE":
    case "ENFILE":
      return "打开的文件太多";
    case "EIO":
      return "磁盘读写错误";
    case "EDQUOT":
      return "超出磁盘配额";
    default:
      return code ? `系统错误 ${code}` : "未知错误";
  }
}
