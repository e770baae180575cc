// The report's appendix: every figure of the period once, in a few compact tables (one group per
// kind, cross-tables for towns, units, categories and campaigns), each group followed by its
// counting rule once. A kind that does not reach the period gets one sentence instead of its tables;
// one that stops early says up to when.
import { asOfNote, missingClause } from "./coverage-text.ts";
import type { Kind } from "./figures-schema.ts";
import { dateZh } from "./period.ts";
import type { ReportData } from "./report-data.ts";
import { type Block, cents, change, percent, rateChange, wan } from "./report-text.ts";
import { ruleFor } from "./rules.ts";

const KIND_TITLES: Record<Kind, string> = {
  cases: "行政处罚案件",
  inspections: "执法检查",
  hazards: "隐患排查",
  enforcers: "执法人员",
  random_checks: "双随机抽查",
  accidents: "事故调查",
  activities: "工作台账",
};

export function appendixBlocks(data: ReportData): Block[] {
  const cur = data.current;
  const prev = data.previous;
  const f = cur.figures;
  const get = (figures: unknown, path: string[]): number | undefined => {
    let v: unknown = figures;
    for (const k of path) v = v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
    return typeof v === "number" ? v : undefined;
  };
  const unitOf = (path: string[]) => ruleFor(path)?.rule.unit ?? "";
  const show = (path: string[], v: number | undefined): string => {
    if (v === undefined) return "—";
    const key = path.join(".");
    if (key === "hazards.rectification_rate") return percent(v);
    return unitOf(path) === "万元" ? wan(v) : String(v);
  };
  const comparable = (path: string[]) => prev.has[path[0] as Kind] ?? false;
  const yoyOf = (path: string[]): string => {
    const c = get(f, path);
    const p = get(prev.figures, path);
    if (!comparable(path) || c === undefined || p === undefined) return "—";
    const key = path.join(".");
    if (key === "hazards.rectification_rate") return rateChange(c, p).replace(/^同比/, "");
    const text =
      unitOf(path) === "万元" ? change(cents(cur.detail.yuan[key] ?? "0"), cents(prev.detail.yuan[key] ?? "0")) : change(c, p);
    return text ? text.replace(/^同比/, "") : "—";
  };
  const label = (path: string[]) => {
    const r = ruleFor(path);
    if (!r) throw new Error(`no counting rule for ${path.join(".")} in rules.ts`);
    const unit = r.rule.unit === "" ? "" : `（${r.rule.unit}）`;
    return `${r.rule.label.replace("{name}", r.name ?? "")}${unit}`;
  };
  /** One row: label (unit) | this period | the same period last year | change. */
  const row = (path: string[]) => [
    label(path),
    show(path, get(f, path)),
    comparable(path) ? show(path, get(prev.figures, path)) : "—",
    yoyOf(path),
  ];
  const MAIN = ["指标（单位）", "本期", "上年同期", "同比"];
  /** The group's rule: every distinct rule of its figures once, without the “口径同…” cross-references. */
  const rules = (paths: string[][]): string => {
    const seen: string[] = [];
    for (const p of paths)
      for (const part of (ruleFor(p)?.rule.rule ?? "").split("；")) {
        const t = part.replace(/^口径同“[^”]*”$/, "").trim();
        if (t && !seen.includes(t)) seen.push(t);
      }
    return seen.join("；");
  };

  const blocks: Block[] = [{ kind: "heading1", text: "附表：各项数据及口径" }];
  let n = 0;
  const group = (kind: Kind, build: () => { tables: Block[]; paths: string[][] }) => {
    const title = `（${["一", "二", "三", "四", "五", "六", "七"][n++]}）${KIND_TITLES[kind]}`;
    const c = f.coverage[kind]!;
    if (f[kind] === null) {
      blocks.push({ kind: "heading2", text: title });
      blocks.push({ kind: "note", text: `${missingClause(kind, c, data.period)}，本期未统计。` });
      return;
    }
    blocks.push({ kind: "heading2", text: `${title}${asOfNote(c)}` });
    const { tables, paths } = build();
    blocks.push(...tables);
    blocks.push({ kind: "note", text: `口径：${rules(paths)}。` });
  };

  group("cases", () => {
    const c = f.cases!;
    const paths: string[][] = [
      ["cases", "total", "count"],
      ["cases", "total", "amount_wan"],
      ["cases", "bureau", "count"],
      ["cases", "bureau", "amount_wan"],
      ["cases", "towns", "count"],
      ["cases", "towns", "amount_wan"],
      ...Object.keys(c.by_procedure).flatMap((k) => [
        ["cases", "by_procedure", k, "count"],
        ["cases", "by_procedure", k, "amount_wan"],
      ]),
      ["cases", "dual_penalty"],
      ["cases", "stop_production_parties"],
      ["cases", "legal_review"],
      ["cases", "pending"],
    ];
    const towns = Object.keys(c.by_town);
    const ok = comparable(["cases"]);
    const p = prev.figures.cases;
    const townTable: Block = {
      kind: "table",
      header: ["当事人所属镇街", "案件（起）", "上年同期", "金额（万元）", "上年同期"],
      rows: towns.map((t) => [
        t,
        String(c.by_town[t]!.count),
        ok && p ? String(p.by_town[t]?.count ?? 0) : "—",
        wan(c.by_town[t]!.amount_wan),
        ok && p ? wan(p.by_town[t]?.amount_wan ?? 0) : "—",
      ]),
    };
    return {
      tables: [{ kind: "table", header: MAIN, rows: paths.map(row) }, townTable],
      paths: [...paths, ["cases", "by_town", towns[0] ?? "", "count"], ["cases", "by_town", towns[0] ?? "", "amount_wan"]],
    };
  });

  group("inspections", () => {
    const i = f.inspections!;
    const campaigns = Object.keys(i.by_campaign);
    const tables: Block[] = [{ kind: "table", header: MAIN, rows: [row(["inspections", "enterprises"])] }];
    if (campaigns.length > 0)
      tables.push({
        kind: "table",
        header: ["专项行动", "检查次数（次）", "检查企业（家）"],
        rows: campaigns.map((k) => [k, String(i.by_campaign[k]!.inspections), String(i.by_campaign[k]!.enterprises)]),
      });
    return {
      tables,
      paths: [
        ["inspections", "enterprises"],
        ...(campaigns.length ? ["inspections", "enterprises"].map((k) => ["inspections", "by_campaign", campaigns[0]!, k]) : []),
      ],
    };
  });

  group("hazards", () => {
    const h = f.hazards!;
    const paths: string[][] = ["total", "general", "major", "major_listed", "rectified", "rectification_rate"].map((k) => ["hazards", k]);
    const categories = Object.entries(h.by_category);
    const tables: Block[] = [{ kind: "table", header: MAIN, rows: paths.map(row) }];
    if (categories.length > 0) {
      // two categories a row: the list is long and the numbers short
      const rows: string[][] = [];
      for (let k = 0; k < categories.length; k += 2) {
        const [a, b] = [categories[k]!, categories[k + 1]];
        rows.push([a[0], String(a[1]), b?.[0] ?? "", b ? String(b[1]) : ""]);
      }
      tables.push({ kind: "table", header: ["隐患类别", "隐患（项）", "隐患类别", "隐患（项）"], rows });
    }
    const campaigns = Object.entries(h.by_campaign);
    if (campaigns.length > 0)
      tables.push({
        kind: "table",
        header: ["专项行动", "隐患（条）", "一般隐患（项）", "重大事故隐患（项）", "挂牌督办（项）", "存在重大事故隐患的单位（家）"],
        rows: campaigns.map(([k, v]) => [k, String(v.total), String(v.general), String(v.major), String(v.major_listed), String(v.units_with_major)]),
      });
    const first = (o: object) => Object.keys(o)[0] ?? "";
    return {
      tables,
      paths: [
        ...paths,
        ...(categories.length ? [["hazards", "by_category", first(h.by_category)]] : []),
        ...(campaigns.length
          ? ["total", "general", "major", "major_listed", "units_with_major"].map((k) => ["hazards", "by_campaign", first(h.by_campaign), k])
          : []),
      ],
    };
  });

  group("enforcers", () => {
    const e = f.enforcers!;
    const paths: string[][] = ["certified", "bureau_certified", "towns_certified", "new_certified", "towns_new_certified"].map((k) => [
      "enforcers",
      k,
    ]);
    const units = Object.keys(e.by_unit);
    const ok = comparable(["enforcers"]);
    const p = prev.figures.enforcers;
    return {
      tables: [
        { kind: "table", header: MAIN, rows: paths.map(row) },
        {
          kind: "table",
          header: ["单位", "持证执法人员（名）", "上年同期"],
          rows: units.map((u) => [u, String(e.by_unit[u]), ok && p ? String(p.by_unit[u] ?? 0) : "—"]),
        },
      ],
      paths: [...paths, ["enforcers", "by_unit", units[0] ?? ""]],
    };
  });

  group("random_checks", () => {
    const r = f.random_checks!;
    const paths: string[][] = ["planned", "completed", "joint", "published"].map((k) => ["random_checks", k]);
    const towns = Object.keys(r.by_town);
    const ok = comparable(["random_checks"]);
    const p = prev.figures.random_checks;
    const tables: Block[] = [
      { kind: "table", header: MAIN, rows: paths.map(row) },
      {
        kind: "table",
        header: ["镇街", "完成抽查（家）", "上年同期"],
        rows: towns.map((t) => [t, String(r.by_town[t]), ok && p ? String(p.by_town[t] ?? 0) : "—"]),
      },
    ];
    if (r.joint_departments.length > 0)
      tables.push({ kind: "table", header: ["联合抽查部门"], rows: [[r.joint_departments.join("、")]] });
    return { tables, paths: [...paths, ["random_checks", "by_town", towns[0] ?? ""]] };
  });

  group("accidents", () => {
    const a = f.accidents!;
    const paths: string[][] = ["count", "investigated", "deaths", "injuries", "direct_loss_wan", "accountable", "units_penalised"].map((k) => [
      "accidents",
      k,
    ]);
    const tables: Block[] = [{ kind: "table", header: MAIN, rows: paths.map(row) }];
    if (a.list.length > 0)
      tables.push({
        kind: "table",
        header: ["事故", "发生日期", "镇街", "类型"],
        rows: a.list.map((x) => [x.name, dateZh(x.date), x.town, x.type]),
      });
    const types = Object.keys(a.by_type);
    return { tables, paths: [...paths, ...(types.length ? [["accidents", "by_type", types[0]!]] : [])] };
  });

  group("activities", () => {
    const a = f.activities!;
    const paths: string[][] = [
      ["activities", "guidance", "towns_villages"],
      ["activities", "guidance", "enterprises"],
      ["activities", "exposure_enterprises"],
      ...Object.keys(a.typical_cases).map((k) => ["activities", "typical_cases", k]),
      ["activities", "case_file_review", "files_with_problems"],
      ["activities", "case_file_review", "problems_found"],
      ["activities", "case_file_review", "problems_fixed"],
    ];
    const categories = Object.entries(a.by_category).filter(([, v]) => v.records > 0);
    const tables: Block[] = [{ kind: "table", header: MAIN, rows: paths.map(row) }];
    if (categories.length > 0)
      tables.push({
        kind: "table",
        header: ["类别", "记录（条）", "对象数量", "参加人数", "发现问题", "整改问题"],
        rows: categories.map(([k, v]) => [k, String(v.records), String(v.objects), String(v.participants), String(v.problems_found), String(v.problems_fixed)]),
      });
    if (a.trainings.length > 0)
      tables.push({
        kind: "table",
        header: ["执法培训", "日期", "参加人数（人）"],
        rows: a.trainings.map((t) => [t.title, dateZh(t.date), String(t.participants)]),
      });
    return {
      tables,
      paths: [
        ...paths,
        ...(categories.length ? ["records", "objects", "participants", "problems_found", "problems_fixed"].map((k) => ["activities", "by_category", categories[0]![0], k]) : []),
        ...(a.trainings.length ? [["activities", "trainings", "0", "participants"]] : []),
      ],
    };
  });
  return blocks;
}
