// Errors for people, in Chinese, with the exit code the CLI should end with.

export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export class WarehouseLockedError extends CliError {
  constructor(path: string, pid: string | null) {
    super(
      `数据仓库 ${path} 正被另一个程序${pid ? `（进程号 ${pid}）` : ""}使用，暂时无法写入。` +
        "请等待其他导入或看板构建完成后再试；如确认没有其他程序在用，请关闭占用它的程序。",
    );
  }
}
