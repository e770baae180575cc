// The report's appendix: every figure of the period once, in a few compact tables (one group per
// kind, cross-tables for towns, units, categories and campaigns), each group followed by its
// counting rule once. A kind that does not reach the period gets one sentence instead of its tables;
// one that stops early says up to when.
import { asOfNote, KIND_NAMES, missingClause } from "./coverage-text.ts";
import type { Kind } from "./figures-schema.ts";
import { dateZh } from "./period.ts";
import type { ReportData } from "./report-data.ts";
import { type Block, cents, change, percent, rateChange, wan } from "./report-text.ts";
import { ruleFor } from "./rules.ts";

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
  /** A long list of short records, `k` of them side by side on each row of one table. */
  const sideBySide = (header: string[], records: string[][], k: number): Block => {
    const n = Math.max(1, Math.min(k, records.length));
    const rows: string[][] = [];
    for (let i = 0; i < records.length; i += n)
      rows.push(Array.from({ length: n }, (_, j) => records[i + j] ?? header.map(() => "")).flat());
    return { kind: "table", header: Array.from({ length: n }, () => header).flat(), rows };
  };

  const rules = (paths: string[][]): string => groupRule(paths.map((p) => ruleFor(p)?.rule.rule ?? ""));

  const blocks: Block[] = [{ kind: "heading1", text: "附表：各项数据及口径" }];
  let n = 0;
  /** Whether the random checks by town went into the cases' town table. */
  let townsMerged = false;
  const group = (kind: Kind, build: () => { tables: Block[]; paths: string[][]; extra?: string }) => {
    const title = `（${["一", "二", "三", "四", "五", "六", "七"][n++]}）${KIND_NAMES[kind]}`;
    const c = f.coverage[kind]!;
    if (f[kind] === null) {
      blocks.push({ kind: "heading2", text: title });
      blocks.push({ kind: "note", text: `${missingClause(kind, c, data.period)}，本期未统计。` });
      return;
    }
    blocks.push({ kind: "heading2", text: `${title}${asOfNote(c)}` });
    const { tables, paths, extra } = build();
    blocks.push(...tables);
    blocks.push({ kind: "note", text: `口径：${rules(paths)}。${extra ?? ""}` });
  };

  group("cases", () => {
    const c = f.cases!;
    // 案件 and 金额 of the same cases side by side: one row per 全区 / 我局 / 镇街 / 程序
    const pairs: [string, string[]][] = [
      ["全区", ["cases", "total"]],
      ["我局", ["cases", "bureau"]],
      ["各镇街", ["cases", "towns"]],
      ...Object.keys(c.by_procedure).map((k): [string, string[]] => [k, ["cases", "by_procedure", k]]),
    ];
    const counts: string[][] = [
      ["cases", "dual_penalty"],
      ["cases", "stop_production_parties"],
      ["cases", "legal_review"],
      ["cases", "pending"],
    ];
    const cross: Block = {
      kind: "table",
      header: ["处罚案件", "案件（起）", "上年同期", "同比", "金额（万元）", "上年同期", "同比"],
      rows: pairs.map(([name, p]) => [name, ...row([...p, "count"]).slice(1), ...row([...p, "amount_wan"]).slice(1)]),
    };
    // one table by town: the cases by the party's town and, when the random checks have data, the
    // checks completed in each town (their group points here)
    const r = f.random_checks;
    const towns = [...new Set([...Object.keys(c.by_town), ...Object.keys(r?.by_town ?? {})])];
    const ok = comparable(["cases"]);
    const p = prev.figures.cases;
    const rOk = comparable(["random_checks"]);
    const rp = prev.figures.random_checks;
    townsMerged = r !== null;
    const townTable: Block = {
      kind: "table",
      header: ["镇街", "处罚案件（起）", "上年同期", "处罚金额（万元）", "上年同期", ...(r ? ["完成双随机抽查（家）", "上年同期"] : [])],
      rows: towns.map((t) => [
        t,
        String(c.by_town[t]?.count ?? 0),
        ok && p ? String(p.by_town[t]?.count ?? 0) : "—",
        wan(c.by_town[t]?.amount_wan ?? 0),
        ok && p ? wan(p.by_town[t]?.amount_wan ?? 0) : "—",
        ...(r ? [String(r.by_town[t] ?? 0), rOk && rp ? String(rp.by_town[t] ?? 0) : "—"] : []),
      ]),
    };
    return {
      tables: [cross, { kind: "table", header: MAIN, rows: counts.map(row) }, townTable],
      paths: [
        ...pairs.flatMap(([, p]) => [
          [...p, "count"],
          [...p, "amount_wan"],
        ]),
        ...counts,
        ["cases", "by_town", towns[0] ?? "", "count"],
        ["cases", "by_town", towns[0] ?? "", "amount_wan"],
        ...(r ? [["random_checks", "by_town", towns[0] ?? ""]] : []),
      ],
    };
  });

  group("inspections", () => {
    const i = f.inspections!;
    const campaigns = Object.keys(i.by_campaign);
    // one table: all inspections first (with last year), then each campaign's
    const [, now, before, yoy] = row(["inspections", "enterprises"]);
    const tables: Block[] = [
      {
        kind: "table",
        header: ["执法检查", "检查企业（家）", "上年同期", "同比", "检查次数（次）"],
        rows: [
          ["全区执法检查", now!, before!, yoy!, "—"],
          ...campaigns.map((k) => [k, String(i.by_campaign[k]!.enterprises), "—", "—", String(i.by_campaign[k]!.inspections)]),
        ],
      },
    ];
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
    // three categories a row: the list is long and the numbers short
    if (categories.length > 0) tables.push(sideBySide(["隐患类别", "隐患（项）"], categories.map(([k, v]) => [k, String(v)]), 3));
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
        sideBySide(
          ["单位", "持证执法人员（名）", "上年同期"],
          units.map((u) => [u, String(e.by_unit[u]), ok && p ? String(p.by_unit[u] ?? 0) : "—"]),
          2,
        ),
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
    const tables: Block[] = [{ kind: "table", header: MAIN, rows: paths.map(row) }];
    if (!townsMerged)
      tables.push(
        sideBySide(
          ["镇街", "完成抽查（家）", "上年同期"],
          towns.map((t) => [t, String(r.by_town[t]), ok && p ? String(p.by_town[t] ?? 0) : "—"]),
          3,
        ),
      );
    const joint = r.joint_departments.length > 0 ? `联合抽查部门：${r.joint_departments.join("、")}。` : "";
    return {
      tables,
      paths: townsMerged ? paths : [...paths, ["random_checks", "by_town", towns[0] ?? ""]],
      extra: `${joint}${townsMerged ? `各镇街完成抽查数及其口径见（一）的镇街表。` : ""}` || undefined,
    };
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
    // the trainings by name: a sentence, their titles being long
    const trainings = a.trainings.map((t) => `${t.title}（${dateZh(t.date)}，参加${t.participants}人）`).join("；");
    return {
      tables,
      extra: trainings ? `执法培训：${trainings}。` : undefined,
      paths: [
        ...paths,
        ...(categories.length ? ["records", "objects", "participants", "problems_found", "problems_fixed"].map((k) => ["activities", "by_category", categories[0]![0], k]) : []),
        ...(a.trainings.length ? [["activities", "trainings", "0", "participants"]] : []),
      ],
    };
  });
  return blocks;
}

/**
 * The clauses that open several rules of a group (“发生日期在统计期内的事故”, “工作台账中日期在统计期内的
 * 记录” …): a group whose rules share one states it once, first, and its other rules without it.
 */
export const SHARED_CLAUSES = [
  "发现日期在统计期内的隐患",
  "发生日期在统计期内的事故",
  "工作台账中日期在统计期内的记录",
  "计划年度为统计年度的双随机抽查任务（统计期不是整年时，取抽查日期在统计期内的任务）",
] as const;

/** Drops a shared clause from the start of a rule: “…的事故的死亡人数之和” → “死亡人数之和”. */
export function withoutClause(part: string, clause: string): string {
  return part.startsWith(clause) ? part.slice(clause.length).replace(/^(中|的|，)/, "") : part;
}

/**
 * A group's 口径: every distinct rule of its figures once, without the “口径同…” cross-references;
 * a clause shared by two or more of them is stated once, first (“以下均为…”).
 */
export function groupRule(figureRules: string[]): string {
  const seen: string[] = [];
  for (const r of figureRules)
    for (const part of r.split("；")) {
      const t = part.replace(/^口径同“[^”]*”$/, "").trim();
      if (t && !seen.includes(t)) seen.push(t);
    }
  const clause = SHARED_CLAUSES.find((c) => seen.filter((p) => p.startsWith(c)).length >= 2);
  if (!clause) return seen.join("；");
  const rest = seen.map((p) => withoutClause(p, clause)).filter((p, i, all) => p !== "" && all.indexOf(p) === i);
  return `以${clause}为统计范围：${rest.join("；")}`;
}
