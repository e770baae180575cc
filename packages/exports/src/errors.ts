// Errors meant for people: Chinese, saying what, where and what to do.

/** A file that loads nothing; `message` is shown to the analyst as the reason. */
export class RefusedFileError extends Error {
  override readonly name = "RefusedFileError";
}

/** A reference file (alias table, profile) with bad entries. */
export class ReferenceDataError extends Error {
  override readonly name = "ReferenceDataError";
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`参考数据文件 ${file} 有误：\n  ${problems.join("\n  ")}`);
  }
}
