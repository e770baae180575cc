// The report paragraphs, in the voice of sections (一) and (三) of the 2023 annual report,
// as a list of blocks that report-md.ts and report-docx.ts render. Every number comes from the
// figures; every sentence about a campaign is generated from the period's campaigns.
import { asOfNote, missingSentence } from "./coverage-text.ts";
import type { Kind } from "./figures-schema.ts";
import type { CampaignRow, FiguresResult } from "./figures.ts";
import { dateZh, isWholeYear } from "./period.ts";
import type { ReportData } from "./report-data.ts";
import { appendixBlocks } from "./report-appendix.ts";

export type Block =
  | { kind: "title" | "subtitle" | "heading1" | "heading2" | "paragraph" | "note"; text: string }
  | { kind: "table"; header: string[]; rows: string[][] };

// ---------------------------------------------------------------- numbers and change

/** 1234.5 → "1234.5"; 18 → "18.0" (万元 always with one decimal). */
export function wan(n: number): string {
  return n.toFixed(1);
}

/** 0.5714 → "57.14%" */
export function percent(rate: number): string {
  const basisPoints = Math.round(rate * 10000);
  return `${(basisPoints / 100).toFixed(2)}%`;
}

/** The change of a rate (0.5714 → 0.6123) in percentage points: "同比上升4.09个百分点", on basis points. */
export function rateChange(current: number, previous: number): string {
  const diff = Math.round(current * 10000) - Math.round(previous * 10000);
  if (diff === 0) return "同比持平";
  const text = (Math.abs(diff) / 100).toFixed(2);
  return diff > 0 ? `同比上升${text}个百分点` : `同比下降${text}个百分点`;
}

/**
 * A period in short words: 今年 for a whole year is the caller's; 2023年5月至12月 for whole months
 * of one year, 2023年5月12日至8月31日 within a year, else both dates in full.
 */
export function spanZh(p: { from: string; to: string }): string {
  const [fy, fm, fd] = p.from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = p.to.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (fy !== ty) return `${dateZh(p.from)}至${dateZh(p.to)}`;
  if (fd === 1 && td === lastDay) return fm === tm ? `${fy}年${fm}月` : `${fy}年${fm}月至${tm}月`;
  return `${fy}年${fm}月${fd}日至${tm}月${td}日`;
}

/** "1217960.00" → 121796000n (分). */
export function cents(yuan: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) throw new Error(`not an amount: ${yuan}`);
  const v = BigInt(m[2]!) * 100n + BigInt((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -v : v;
}

/**
 * Year-on-year change, exact: "同比增长12.3%", "同比增长5.3倍" (a rise of 100 % or more), "同比下降4.0%",
 * "同比持平" (equal), or null when the previous value is 0 (no rate to give). Rounded half up to one
 * decimal.
 */
export function change(current: bigint | number, previous: bigint | number): string | null {
  const cur = BigInt(current);
  const prev = BigInt(previous);
  if (prev === 0n) return null;
  if (cur === prev) return "同比持平";
  const diff = cur > prev ? cur - prev : prev - cur;
  const tenths = (diff * 2000n + prev) / (2n * prev); // round half up of diff / prev × 1000
  const text = `${tenths / 10n}.${tenths % 10n}%`;
  if (tenths === 0n) return "同比基本持平";
  if (cur > prev && tenths >= 1000n) {
    // 100 % or more reads as 倍: 增长534.5% → 增长5.3倍 (the rise divided by last year's, one decimal, half up)
    const times = (diff * 20n + prev) / (2n * prev);
    return `同比增长${times / 10n}.${times % 10n}倍`;
  }
  return cur > prev ? `同比增长${text}` : `同比下降${text}`;
}

// ---------------------------------------------------------------- campaign sentences

/** The year's campaign against major accident hazards (名称含“重大事故隐患”); the busiest if several. */
function majorCampaign(list: CampaignRow[]): CampaignRow | null {
  const candidates = list.filter((c) => c.campaign.includes("重大事故隐患"));
  candidates.sort((a, b) => b.inspections - a.inspections || b.total - a.total);
  return candidates[0] ?? null;
}

/** “组织…专项督查，…” in the words the 2023 report uses for each sort of campaign. */
export function campaignSentence(c: CampaignRow, previous: CampaignRow | undefined): string {
  const yoy = previous ? change(c.total, previous.total) : null;
  const y = yoy ? `，${yoy}` : "";
  const name = c.campaign;
  if (/春运|道路|交通|运输/.test(name)) return `组织${name}，督促道路交通企业整改问题和隐患${c.total}条${y}`;
  if (/医疗|医院|卫生/.test(name)) return `组织${name}，督促医疗机构整改安全隐患${c.total}条${y}`;
  if (/工地|建筑|施工/.test(name)) {
    const majors = c.units_with_major > 0 ? `，督促住建部门对存在重大事故隐患的${c.units_with_major}家施工单位进行查处` : "";
    return `组织${name}，查找出安全隐患${c.total}条${y}${majors}`;
  }
  if (/体育|场馆/.test(name)) return `组织${name}，检查${c.enterprises}家体育馆，督促整改安全隐患${c.total}条${y}`;
  const majors = c.major > 0 ? `，其中重大事故隐患${c.major}项${c.major_listed === c.major ? "，全部实施挂牌督办" : `，挂牌督办${c.major_listed}项`}` : "";
  return `组织${name}，检查企业${c.enterprises}家，督促整改安全隐患${c.total}条${y}${majors}`;
}

// ---------------------------------------------------------------- the report

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

export function reportBlocks(data: ReportData): Block[] {
  const { period } = data;
  const f = data.current.figures;
  const p = data.previous.figures;
  const has = data.previous.has;
  const whole = isWholeYear(period);
  const year = period.from.slice(0, 4);
  const lead = whole ? "今年以来" : spanZh(period);
  const thisYear = whole ? "今年" : "期间";
  const yearLabel = whole ? `${year}年` : lead;
  const yuan = (r: FiguresResult, key: string) => cents(r.detail.yuan[key] ?? "0");
  /** "，同比增长x.x%" or "" */
  const yoy = (ok: boolean, cur: bigint | number, prev: bigint | number) => {
    const c = ok ? change(cur, prev) : null;
    return c ? `，${c}` : "";
  };
  const amountYoy = (key: string) => yoy(has.cases, yuan(data.current, key), yuan(data.previous, key));
  const missing = (kind: Kind) => missingSentence(kind, f.coverage[kind]!, period);
  // “（数据截至…）” after the first figure of a partial kind in each paragraph (reset by `paragraph`).
  let marked = new Set<Kind>();
  const asOf = (kind: Kind) => {
    if (marked.has(kind)) return "";
    marked.add(kind);
    return asOfNote(f.coverage[kind]);
  };
  const paragraph = (text: string) => {
    blocks.push({ kind: "paragraph", text });
    marked = new Set();
  };

  const blocks: Block[] = [];
  const span = whole ? `${year}年度` : `${dateZh(period.from)}至${dateZh(period.to)}`;
  blocks.push({ kind: "title", text: `${data.bureauName}\n${span}安全生产行政执法数据` });
  blocks.push({ kind: "subtitle", text: `（供${whole ? `《${year}年度法治政府建设工作报告》` : "工作报告"}引用）` });
  blocks.push({
    kind: "note",
    text:
      `以下段落中的数字由系统根据省行政执法一体化平台导出数据和局内台账自动计算，统计期为${dateZh(period.from)}至${dateZh(period.to)}；` +
      `同比为与上年同期（${dateZh(data.previous.period.from)}至${dateZh(data.previous.period.to)}）相比，只在本期和上年同期数据都完整时给出。` +
      `金额的同比按元精确金额计算，与用取整后的万元数计算可能略有出入；增幅达一倍及以上的以“倍”表示，整改率的变化以百分点表示。` +
      `数据未覆盖统计期的不作统计，只覆盖一部分的注明数据截至日期。各项数据的口径见附表。`,
  });

  // (一) 健全完善执法机制制度
  blocks.push({ kind: "heading1", text: "一、主要举措和成效" });
  // Sections are numbered in the order they appear, without gaps: the report author pastes each one
  // under the report's section of the same title.
  let sections = 0;
  const section = (title: string) => blocks.push({ kind: "heading2", text: `（${ORDINALS[sections++] ?? sections}）${title}` });
  section("健全完善执法机制制度");
  const c = f.cases;
  const pc = p.cases;
  const e = f.enforcers;
  const pe = p.enforcers;
  let first = "";
  if (c) {
    first +=
      `${lead}，各镇街以乡镇（街道）为主体办理安全生产领域行政处罚案件共计${c.towns.count}起${asOf("cases")}` +
      `${yoy(has.cases, c.towns.count, pc?.towns.count ?? 0)}，` +
      `行政处罚金额合计${wan(c.towns.amount_wan)}万元${amountYoy("cases.towns.amount_wan")}。`;
  } else first += missing("cases");
  if (e) {
    const newBureau = e.new_certified - e.towns_new_certified;
    first +=
      (e.towns_new_certified > 0
        ? `${thisYear}，镇街增加${e.towns_new_certified}名持证执法人员${asOf("enforcers")}`
        : `${thisYear}，镇街未增加持证执法人员${asOf("enforcers")}`) +
      (newBureau > 0 ? `，我局增加${newBureau}名持证执法人员` : "") +
      `；截至${dateZh(period.to)}，全区共有持证执法人员${e.certified}名${asOf("enforcers")}${yoy(has.enforcers, e.certified, pe?.certified ?? 0)}，` +
      `其中我局${e.bureau_certified}名，各镇街${e.towns_certified}名。`;
  } else first += missing("enforcers");
  if (c)
    first += `${yearLabel}，共计对${c.legal_review}起案件进行了法制审核${asOf("cases")}${yoy(has.cases, c.legal_review, pc?.legal_review ?? 0)}。`;
  paragraph(first);

  section("推动严格公正文明执法");
  let n = 0;
  const point = (title: string, body: string) => {
    paragraph(`${ORDINALS[n] ?? String(n + 1)}是${title}。${body}`);
    n++;
  };
  const i = f.inspections;
  const h = f.hazards;
  // Campaign sentences join inspections and hazards: only when both kinds reach the period.
  const campaignsKnown = i !== null && h !== null;
  const list = campaignsKnown ? data.current.detail.campaigns : [];
  const prevList = has.hazards ? data.previous.detail.campaigns : [];
  const major = majorCampaign(list);
  const penalties = c ? `涉及“一案双罚”${c.dual_penalty}起${asOf("cases")}，责令停产整顿${c.stop_production_parties}家` : "";
  if (major) {
    const month = Number(major.first_on.slice(5, 7));
    const since = whole ? (month > 1 ? `${month}月份以来` : "今年以来") : lead;
    const listed =
      major.major === 0 ? "" : major.major_listed === major.major ? "，全部实施挂牌督办" : `，其中挂牌督办${major.major_listed}项`;
    const majors = major.major === 0 ? "，未发现重大事故隐患" : `，排查重大事故隐患${major.major}项${listed}`;
    const marks = `${asOf("inspections")}${asOf("hazards")}`;
    point(
      "全面开展重大事故隐患专项排查整治",
      `${since}，我局共抽查检查企业${major.enterprises}家${marks}，排查一般隐患${major.general}项${majors}` +
        (c ? `；${penalties}。` : `。${missing("cases")}`),
    );
  } else if (c) {
    point("保持从严执法高压态势", `${lead}，全区办理的安全生产行政处罚案件中，${penalties}。`);
  }
  const others = list.filter((x) => x !== major);
  if (others.length > 0) {
    const sentences = others.map((x) => campaignSentence(x, prevList.find((y) => y.campaign === x.campaign)));
    const marks = `${asOf("inspections")}${asOf("hazards")}`;
    point("组织有关行业领域专项督查", `${thisYear}已经${sentences.join("。")}。${marks}`);
  }
  if (c) {
    const bureau = data.current.detail.byLevelProcedure.bureau;
    const towns = data.current.detail.byLevelProcedure.town;
    const onlyProcedure = (m: Record<string, { count: number }>, name: string) =>
      Object.entries(m).every(([k, v]) => k === name || v.count === 0);
    const bureauWords = onlyProcedure(bureau, "普通程序")
      ? `我局办理安全生产普通程序处罚案件${c.bureau.count}起`
      : `我局办理安全生产行政处罚案件${c.bureau.count}起（其中普通程序${bureau["普通程序"]?.count ?? 0}起）`;
    const townWords = onlyProcedure(towns, "简易程序")
      ? `各镇街办理简易处罚案件${c.towns.count}起`
      : `各镇街办理行政处罚案件${c.towns.count}起（其中简易程序${towns["简易程序"]?.count ?? 0}起）`;
    point(
      "加大违法行为惩处力度",
      `${lead}，全区共办理安全生产行政处罚案件${c.total.count}起${asOf("cases")}${yoy(has.cases, c.total.count, pc?.total.count ?? 0)}，` +
        `行政处罚金额${wan(c.total.amount_wan)}万元${amountYoy("cases.total.amount_wan")}。` +
        `其中${bureauWords}，处罚金额${wan(c.bureau.amount_wan)}万元；` +
        `${townWords}，处罚金额${wan(c.towns.amount_wan)}万元。` +
        (c.pending > 0 ? `另有${c.pending}起案件已立案，截至${dateZh(period.to)}尚未作出处罚决定。` : ""),
    );
  } else {
    point("加大违法行为惩处力度", missing("cases"));
  }

  // Not a point of the 2023 report: the district's inspections and hazards as a whole, after the
  // report's own points.
  const pi = p.inspections;
  const ph = p.hazards;
  const inspectionWords = i
    ? `${lead}，全区共检查企业${i.enterprises}家${asOf("inspections")}${yoy(has.inspections, i.enterprises, pi?.enterprises ?? 0)}`
    : "";
  const hazardWords = h
    ? `排查各类隐患${h.total}项${asOf("hazards")}${yoy(has.hazards, h.total, ph?.total ?? 0)}，其中一般隐患${h.general}项、重大事故隐患${h.major}项` +
      (h.major > 0 ? (h.major_listed === h.major ? "（全部挂牌督办）" : `（挂牌督办${h.major_listed}项）`) : "") +
      `；已整改${h.rectified}项，整改率${percent(h.rectification_rate)}` +
      (has.hazards && ph && ph.total > 0 && h.total > 0 ? `，${rateChange(h.rectification_rate, ph.rectification_rate)}` : "")
    : "";
  point(
    "抓好隐患排查整改闭环",
    i && h
      ? `${inspectionWords}，${hazardWords}。`
      : i
        ? `${inspectionWords}。${missing("hazards")}`
        : h
          ? `${missing("inspections")}${lead}，全区${hazardWords}。`
          : `${missing("inspections")}${missing("hazards")}`,
  );
  // Appendix: every figure once, with its group's counting rule.
  blocks.push(...appendixBlocks(data));
  blocks.push({ kind: "note", text: sourceLine(data) });
  return blocks;
}

/** 数据截至…（最新导出时间）；来源：导入批次…，文件…。 */
export function sourceLine(data: ReportData): string {
  const s = data.sources;
  if (s.files.length === 0) return "数据截至：无（数据仓库中尚无导入的数据）。";
  const [d, t] = (s.asOf ?? "").split(" ");
  const label = s.asOfKind === "export" ? "最新导出时间" : "导入时间，文件未注明导出时间";
  return `数据截至${dateZh(d ?? "")}${t ? ` ${t}` : ""}（${label}）；来源：导入批次${s.batches.join("、")}，文件${s.files.map((f) => f.name).join("、")}。`;
}
