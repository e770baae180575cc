import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { ProfileError } from "@anjian/errors";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadProfile } from "../src/load.ts";

const DEFAULT_FILE = repoPaths().profile;
const defaultJson = () => JSON.parse(readFileSync(DEFAULT_FILE, "utf8"));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "anjian-profile-"));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

function loadError(file: string): ProfileError {
  try {
    loadProfile(file);
  } catch (err) {
    expect(err).toBeInstanceOf(ProfileError);
    return err as ProfileError;
  }
  throw new Error("expected a ProfileError");
}

describe("loadProfile", () => {
  it("loads the repository's profile", () => {
    const p = loadProfile(DEFAULT_FILE);
    expect(p.district.name).toBe("荔城区");
    expect(p.bureau.name).toBe("荔城区应急管理局");
    expect(p.towns.map((t) => t.name)).toEqual(["镇海街道", "拱辰街道", "西天尾镇", "黄石镇", "新度镇", "北高镇"]);
    expect(p.hazardCategories).toHaveLength(16);
  });

  it("loads the file it is given (ANJIAN_PROFILE is the app's context: packages/config)", () => {
    const p = defaultJson();
    p.district.name = "参数区";
    expect(loadProfile(write("arg.json", p)).district.name).toBe("参数区");
  });

  it("accepts a UTF-8 BOM and missing alias lists, and normalises names", () => {
    const p = defaultJson();
    delete p.towns[0].aliases;
    p.towns[1].name = "\u3000拱辰街道 ";
    const loaded = loadProfile(write("bom.json", `\uFEFF${JSON.stringify(p)}`));
    expect(loaded.towns[0]!.aliases).toEqual([]);
    expect(loaded.towns[1]!.name).toBe("拱辰街道");
  });

  it("names the file relative to the working directory when inside it", () => {
    vi.spyOn(process, "cwd").mockReturnValue(dir);
    const p = defaultJson();
    p.towns[1].aliases.push("镇海");
    write("profile.json", p);
    const err = loadError(path.join(dir, "profile.json"));
    expect(err.file).toBe("profile.json");
    expect(err.message).toMatchInlineSnapshot(
      `"地区配置文件 profile.json 有误：towns[1].aliases[1]：“镇海” 已属于 镇海街道，不能再属于 拱辰街道"`,
    );
  });
});

describe("bad profiles", () => {
  it("rejects an alias claimed by two towns", () => {
    const p = defaultJson();
    p.towns[2].aliases.push("镇海");
    const file = write("dup.json", p);
    const err = loadError(file);
    expect(err.file).toBe(file);
    expect(err.issues).toEqual([
      { path: "towns[2].aliases[1]", message: "“镇海” 已属于 镇海街道，不能再属于 西天尾镇" },
    ]);
    expect(err.message).toBe(`地区配置文件 ${file} 有误：towns[2].aliases[1]：“镇海” 已属于 镇海街道，不能再属于 西天尾镇`);
  });

  it("rejects a town alias that is the bureau's", () => {
    const p = defaultJson();
    p.towns[3].unit.aliases.push("区应急局");
    const err = loadError(write("dup-bureau.json", p));
    expect(err.issues).toEqual([
      { path: "towns[3].unit.aliases[1]", message: "“区应急局” 已属于 荔城区应急管理局，不能再属于 黄石镇" },
    ]);
  });

  it("rejects a derived spelling that collides (bare name of a new town)", () => {
    const p = defaultJson();
    p.towns.push({ name: "新度街道", aliases: [], unit: { name: "新度街道办事处", aliases: [] } });
    const err = loadError(write("derived.json", p));
    expect(err.issues).toEqual([
      { path: "towns[6].name", message: "由此推得的 “新度” 已属于 新度镇，不能再属于 新度街道" },
    ]);
  });

  it("rejects a hazard alias claimed by two categories", () => {
    const p = defaultJson();
    p.hazardCategories[7].aliases.push("消防");
    const err = loadError(write("dup-cat.json", p));
    expect(err.message).toMatch(/dup-cat\.json 有误：hazardCategories\[7\]\.aliases\[2\]：“消防” 已属于 消防安全，不能再属于 电气安全$/);
  });

  it("rejects a missing town name", () => {
    const p = defaultJson();
    delete p.towns[2].name;
    const file = write("noname.json", p);
    const err = loadError(file);
    expect(err.message).toBe(`地区配置文件 ${file} 有误：towns[2].name：缺少此项`);
  });

  it("rejects empty names, wrong types and misspelt keys, listing every one", () => {
    const p = defaultJson();
    p.towns[0].name = "  ";
    p.towns[1].aliases = "拱辰";
    p.towns[4].alias = ["新度"];
    const file = write("many.json", p);
    const err = loadError(file);
    expect(err.issues.map((i) => i.path)).toEqual(["towns[0].name", "towns[1].aliases", "towns[4]"]);
    expect(err.message.replace(file, "<file>")).toMatchInlineSnapshot(`
      "地区配置文件 <file> 有误（共 3 处）：
        towns[0].name：不能为空
        towns[1].aliases：应为列表 [ ... ]，实际是文字 “拱辰”
        towns[4]：无法识别的项 “alias”（请检查拼写）"
    `);
  });

  it("requires the 其他 category", () => {
    const p = defaultJson();
    p.hazardCategories = p.hazardCategories.filter((c: { name: string }) => c.name !== "其他");
    const err = loadError(write("no-other.json", p));
    expect(err.issues).toEqual([
      { path: "hazardCategories", message: "缺少 “其他” 类别（无法识别的隐患类别要归入此类）" },
    ]);
  });

  it("rejects invalid JSON with the line, column and a hint", () => {
    const file = write("trailing.json", '{\n  "district": { "name": "荔城区", },\n}');
    const err = loadError(file);
    expect(err.message).toBe(`地区配置文件 ${file} 不是有效的 JSON：第 2 行第 32 列：最后一项后面不能有逗号`);
    expect(err.issues).toEqual([{ path: "第 2 行第 32 列", message: "最后一项后面不能有逗号" }]);
  });

  it("points at Chinese quotes and commas", () => {
    const quotes = loadError(write("quotes.json", '{\n  "district": “荔城区”\n}'));
    expect(quotes.message).toMatch(/quotes\.json 不是有效的 JSON：第 2 行第 15 列：引号 “ 应为英文半角双引号 "$/);
    const comma = loadError(write("comma.json", '{ "a": 1， "b": 2 }'));
    expect(comma.message).toMatch(/comma\.json 不是有效的 JSON：第 1 行第 9 列：逗号应为英文半角逗号 ,$/);
    const cut = loadError(write("cut.json", '{ "a": [1, 2'));
    expect(cut.message).toMatch(/cut\.json 不是有效的 JSON：第 1 行第 13 列：文件不完整/);
  });

  it("reports a missing file", () => {
    const file = path.join(dir, "missing.json");
    expect(loadError(file).message).toBe(`找不到地区配置文件 ${file}`);
  });
});
