import { repoPaths } from "@anjian/config";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProfile } from "../src/load.ts";
import { ProfileResolver } from "../src/resolve.ts";

let r: ProfileResolver;
beforeAll(() => {
  r = new ProfileResolver(loadProfile(repoPaths().profile));
});

const TOWNS = ["镇海街道", "拱辰街道", "西天尾镇", "黄石镇", "新度镇", "北高镇"];
const TOWN_UNITS: Record<string, string> = {
  镇海街道: "镇海街道办事处",
  拱辰街道: "拱辰街道办事处",
  西天尾镇: "西天尾镇人民政府",
  黄石镇: "黄石镇人民政府",
  新度镇: "新度镇人民政府",
  北高镇: "北高镇人民政府",
};
const BARE: Record<string, string> = {
  镇海街道: "镇海",
  拱辰街道: "拱辰",
  西天尾镇: "西天尾",
  黄石镇: "黄石",
  新度镇: "新度",
  北高镇: "北高",
};

describe("normalise", () => {
  it("trims ASCII whitespace and U+3000", () => {
    expect(r.normalise("  \t镇海街道\u3000\r\n")).toBe("镇海街道");
  });
  it("folds full-width ASCII and brackets", () => {
    expect(r.normalise("ＡＢＣ（１２３）！～")).toBe("ABC(123)!~");
    expect(r.normalise("罚款金额（元）")).toBe("罚款金额(元)");
  });
  it("turns an inner full-width space into a space", () => {
    expect(r.normalise("黄石\u3000镇")).toBe("黄石 镇");
  });
});

describe("town", () => {
  it("maps the canonical names and the spec's aliases", () => {
    for (const t of TOWNS) {
      expect(r.town(t)).toBe(t);
      expect(r.town(BARE[t]!), BARE[t]).toBe(t);
      expect(r.town(`荔城区${t}`)).toBe(t);
      expect(r.town(`荔城区${BARE[t]}`)).toBe(t);
      expect(r.town(`莆田市荔城区${t}`)).toBe(t);
      expect(r.town(`福建省莆田市荔城区${t}`)).toBe(t);
      expect(r.town(TOWN_UNITS[t]!)).toBe(t);
      expect(r.town(`${t}安办`)).toBe(t);
    }
    expect(r.town("镇海街道办事处")).toBe("镇海街道");
    expect(r.town("黄石镇人民政府")).toBe("黄石镇");
    expect(r.town("荔城区黄石镇人民政府")).toBe("黄石镇");
    expect(r.town("黄石镇安监站")).toBe("黄石镇");
    expect(r.town("镇海街道综合执法大队")).toBe("镇海街道");
  });
  it("ignores stray spaces and full-width characters", () => {
    expect(r.town("\u3000镇海街道 ")).toBe("镇海街道");
    expect(r.town("黄石 镇")).toBe("黄石镇");
  });
  it("returns null for unknown values", () => {
    for (const v of ["", "城厢区", "龙桥街道", "荔城区", "镇海街道X", "荔城区应急管理局", "黄石镇XX"]) {
      expect(r.town(v), v).toBeNull();
    }
  });
});

describe("unit", () => {
  const bureau = { unit: "荔城区应急管理局", level: "bureau", town: null };
  it("maps the bureau, its aliases and its sections", () => {
    for (const v of [
      "荔城区应急管理局",
      "区应急局",
      "荔城区应急局",
      "莆田市荔城区应急管理局",
      "福建省莆田市荔城区应急管理局",
      "荔城区应急管理局执法大队",
      "区应急局安全生产基础股",
      "荔城区应急管理局政策法规股",
      "荔城区应急管理局办公室",
      "区应急局执法一中队",
      "荔城区应急局综合科",
    ]) {
      expect(r.unit(v), v).toEqual(bureau);
    }
  });
  it("maps each town's unit, name, aliases and suffixed forms", () => {
    for (const t of TOWNS) {
      const town = { unit: TOWN_UNITS[t], level: "town", town: t };
      for (const v of [TOWN_UNITS[t]!, t, BARE[t]!, `荔城区${t}`, `${t}安办`, `${t}综合执法队`, `${t}应急办`]) {
        expect(r.unit(v), v).toEqual(town);
      }
    }
    expect(r.unit("黄石镇")).toEqual({ unit: "黄石镇人民政府", level: "town", town: "黄石镇" });
    expect(r.unit("黄石")).toEqual({ unit: "黄石镇人民政府", level: "town", town: "黄石镇" });
    expect(r.unit("镇海街道综合执法队")).toEqual({ unit: "镇海街道办事处", level: "town", town: "镇海街道" });
  });
  it("returns null for unknown units", () => {
    for (const v of [
      "",
      "莆田市应急管理局",
      "荔城区市场监督管理局",
      "执法大队",
      "区应急局某某",
      "城厢区应急管理局执法大队",
      "黄石镇派出所",
    ]) {
      expect(r.unit(v), v).toBeNull();
    }
  });
});

describe("hazardCategory", () => {
  it("knows every canonical category, including 其他", () => {
    for (const c of r.categoryNames()) expect(r.hazardCategory(c)).toEqual({ category: c, known: true });
    expect(r.hazardCategory("其他")).toEqual({ category: "其他", known: true });
  });
  it("maps the spec's aliases", () => {
    const aliases: [string, string][] = [
      ["特种作业人员未持证上岗", "特种作业人员持证"],
      ["用电安全", "电气安全"],
      ["电气线路", "电气安全"],
      ["消防", "消防安全"],
      ["危化品", "危险化学品"],
      ["危险化学品储存使用", "危险化学品"],
      ["安全出口", "疏散通道与应急出口"],
      ["疏散通道", "疏散通道与应急出口"],
      ["机械设备", "设备设施"],
      ["\u3000消防 ", "消防安全"],
    ];
    for (const [alias, category] of aliases) {
      expect(r.hazardCategory(alias), alias).toEqual({ category, known: true });
    }
  });
  it("puts anything else in 其他, unknown", () => {
    for (const v of ["", "职业健康", "消防安全隐患"]) {
      expect(r.hazardCategory(v), v).toEqual({ category: "其他", known: false });
    }
  });
});

describe("name lists", () => {
  it("lists towns, units (bureau first) and categories in profile order", () => {
    expect(r.townNames()).toEqual(TOWNS);
    expect(r.unitNames()).toEqual(["荔城区应急管理局", ...TOWNS.map((t) => TOWN_UNITS[t])]);
    expect(r.categoryNames()).toEqual([
      "安全管理",
      "特种作业人员持证",
      "承包承租管理",
      "有限空间作业",
      "粉尘防爆",
      "危险化学品",
      "消防安全",
      "电气安全",
      "设备设施",
      "特种设备",
      "高处作业",
      "建筑施工",
      "燃气安全",
      "道路运输",
      "疏散通道与应急出口",
      "其他",
    ]);
  });
});
