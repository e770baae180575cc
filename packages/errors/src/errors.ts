// Errors for people, one module for every package: a Chinese sentence saying what happened and what
// to do, the exit code the command ends with (1 a run failed, 2 wrong usage), and where, when known.
// Anything else that reaches a command is a failure nobody foresaw: it is told as such, without its
// (English, possibly personal) text.

/** Where the problem is: a file, and in it a sheet, a row and a column. */
export interface Place {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
}

export interface UserErrorOptions extends Place {
  exitCode?: 1 | 2;
  /** The original error (shown only with ANJIAN_DEBUG=1). */
  cause?: unknown;
}

export class UserError extends Error {
  override readonly name: string = "UserError";
  readonly exitCode: 1 | 2;
  readonly file?: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;

  constructor(message: string, options: UserErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? 1;
    if (options.file !== undefined) this.file = options.file;
    if (options.sheet !== undefined) this.sheet = options.sheet;
    if (options.row !== undefined) this.row = options.row;
    if (options.column !== undefined) this.column = options.column;
  }
}

/** Another program holds the warehouse's write lock. */
export class WarehouseLockedError extends UserError {
  override readonly name = "WarehouseLockedError";
  constructor(path: string, pid: string | null) {
    super(
      `数据仓库 ${path} 正被另一个程序${pid ? `（进程号 ${pid}）` : ""}使用，暂时无法写入。` +
        "请等待其他导入或看板构建完成后再试；如确认没有其他程序在用，请关闭占用它的程序。",
      { file: path },
    );
  }
}

/** A file that loads nothing; the message is shown to the analyst as the reason. */
export class RefusedFileError extends UserError {
  override readonly name = "RefusedFileError";
}

/** A reference file (the alias table) with bad entries, each named by its line. */
export class ReferenceDataError extends UserError {
  override readonly name = "ReferenceDataError";
  constructor(
    file: string,
    readonly problems: string[],
  ) {
    super(`参考数据文件 ${file} 有误：\n  ${problems.join("\n  ")}`, { file });
  }
}

/** One problem in a profile file: where (a path like `towns[2].aliases[1]`, or a line and column) and what. */
export interface ProfileIssue {
  path: string;
  message: string;
}

/** A district profile that cannot be used. `file` is the file as shown in the message. */
export class ProfileError extends UserError {
  override readonly name = "ProfileError";
  override readonly file: string;
  readonly issues: readonly ProfileIssue[];

  constructor(message: string, file: string, issues: readonly ProfileIssue[] = [], options?: ErrorOptions) {
    super(message, { file, cause: options?.cause });
    this.file = file;
    this.issues = issues;
  }
}
