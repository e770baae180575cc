import { describe, expect, it } from "vitest";
import { ProfileError, ReferenceDataError, RefusedFileError, UserError, WarehouseLockedError } from "../src/index.ts";

describe("one kind of error for people", () => {
  it("carries the exit code (1 unless wrong usage), the place and the cause", () => {
    const cause = new Error("Conversion Error: 350304199001011234");
    const e = new UserError("第3行“罚款金额”不是数字。", { exitCode: 2, file: "a.csv", sheet: "Sheet1", row: 3, column: "罚款金额", cause });
    expect(e).toBeInstanceOf(Error);
    expect([e.message, e.exitCode, e.file, e.sheet, e.row, e.column, e.cause]).toEqual(["第3行“罚款金额”不是数字。", 2, "a.csv", "Sheet1", 3, "罚款金额", cause]);
    const plain = new UserError("无法打开。");
    expect([plain.exitCode, plain.file, plain.cause, "cause" in plain]).toEqual([1, undefined, undefined, false]);
  });

  it("every particular error is a UserError with exit code 1 and its file", () => {
    const errors = [
      new WarehouseLockedError("w.duckdb", "42"),
      new RefusedFileError("这是 .xls 文件。"),
      new ReferenceDataError("aliases.csv", ["第2行：别名不能为空"]),
      new ProfileError("地区配置文件 p.json 有误：towns：不能为空", "p.json", [{ path: "towns", message: "不能为空" }]),
    ];
    for (const e of errors) {
      expect(e).toBeInstanceOf(UserError);
      expect(e.exitCode).toBe(1);
    }
    expect(errors.map((e) => [e.name, e.file])).toEqual([
      ["WarehouseLockedError", "w.duckdb"],
      ["RefusedFileError", undefined],
      ["ReferenceDataError", "aliases.csv"],
      ["ProfileError", "p.json"],
    ]);
    expect(errors[0]!.message).toBe(
      "数据仓库 w.duckdb 正被另一个程序（进程号 42）使用，暂时无法写入。请等待其他导入或看板构建完成后再试；如确认没有其他程序在用，请关闭占用它的程序。",
    );
    expect(errors[2]!.message).toBe("参考数据文件 aliases.csv 有误：\n  第2行：别名不能为空");
  });
});
