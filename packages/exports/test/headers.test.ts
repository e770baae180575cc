import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { describe, expect, it } from "vitest";
import { loadAliasTable, matchHeader } from "../src/headers.ts";
import { kinds } from "../src/kinds.ts";
import { normaliseHeader } from "../src/text.ts";

const table = loadAliasTable(repoPaths().aliases);

function tmpAliases(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "alias-")), "header-aliases.csv");
  fs.writeFileSync(file, text);
  return file;
}

describe("header text", () => {
  it("ignores spaces (U+3000 too), bracket width and the required marker", () => {
    expect(normaliseHeader("　罚款金额（元）*")).toBe(normaliseHeader("罚款金额(元)"));
    expect(normaliseHeader(" 姓名 ＊")).toBe("姓名");
  });
});

describe("kind detection by header", () => {
  it("finds each kind from its canonical headers", () => {
    for (const kind of kinds) {
      const verdict = matchHeader(
        kind.columns.map((c) => c.header),
        table,
      );
      expect(verdict.match?.kind.name).toBe(kind.name);
    }
  });

  it("accepts the aliases of the spec out of the box", () => {
    const verdict = matchHeader(["案件号", "被处罚人", "镇街", "办案单位", "适用程序", "立案日期", "罚款金额（万元）"], table);
    expect(verdict.match?.kind.name).toBe("cases");
    expect(verdict.match?.columns.get("fine_yuan")).toBe(6);
    expect(verdict.match?.headers.get("fine_yuan")).toBe("罚款金额（万元）");
    const hazards = matchHeader(["隐患编号", "检查对象", "所属镇街", "检查日期", "隐患级别", "隐患类型", "整改状态"], table);
    expect(hazards.match?.kind.name).toBe("hazards");
  });

  it("reports the nearest kind and what it lacks", () => {
    const verdict = matchHeader(["检查编号", "检查对象", "所属镇街", "检查日期"], table);
    expect(verdict.match).toBeNull();
    expect(verdict.nearest?.kind.name).toBe("inspections");
    expect(verdict.nearest?.missing).toEqual(["检查方式"]);
  });
});

describe("the alias table an analyst edits", () => {
  it("a bad entry gets an error that points at its line", () => {
    const file = tmpAliases("kind,header,alias\ncases,案件编号,案号\ncasez,案件编号,x\ncases,不存在的列,y\ncases,当事人名称,案号\n");
    expect(() => loadAliasTable(file)).toThrowError(
      /第3行：kind 未知的数据类型[\s\S]*第4行：“不存在的列”不是 cases 的标准表头[\s\S]*第5行：别名“案号”已属于“案件编号”，不能再属于“当事人名称”/,
    );
  });

  it("an added alias is used", () => {
    const file = tmpAliases("kind,header,alias\ncases,案件编号,平台案号\n");
    const verdict = matchHeader(["平台案号", "当事人名称", "所属镇街", "执法主体", "程序类型", "立案日期"], loadAliasTable(file));
    expect(verdict.match?.kind.name).toBe("cases");
  });
});
