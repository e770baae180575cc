// The report paragraphs, in the voice of sections (一)–(四) of the 2023 annual report,
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

// ---------------------------------------------------------------- the ledgers' sentences

/** “A、B和C” */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join("、")}和${items[items.length - 1]}`;
}

/** 2023-08-23 → 8月23日 */
function monthDay(iso: string): string {
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

const NO_CATEGORY = { records: 0, objects: 0, participants: 0, problems_found: 0, problems_fixed: 0 };

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

  // (二) 普法宣传教育: the work ledger's trainings, study sessions, publicity and drills.
  const act = f.activities;
  const pact = p.activities;
  const cat = (name: string) => act?.by_category[name] ?? NO_CATEGORY;
  const pcat = (name: string) => pact?.by_category[name] ?? NO_CATEGORY;
  {
    const parts: string[] = [];
    if (act) {
      for (const t of act.trainings)
        parts.push(
          `${whole ? monthDay(t.date) : dateZh(t.date)}，区应急局举办${t.title}，各执法业务股室和镇街安办执法人员${t.participants}人参加${asOf("activities")}。`,
        );
      const training = cat("执法培训");
      if (training.records > 0)
        parts.push(
          `${thisYear}共举办执法培训${training.records}期${yoy(has.activities, training.records, pcat("执法培训").records)}，` +
            `参训${training.participants}人次${yoy(has.activities, training.participants, pcat("执法培训").participants)}。`,
        );
      const others = (
        [
          ["专题学习", "组织专题学习", "次"],
          ["普法宣传", "开展普法宣传活动", "场次"],
          ["应急演练", "组织应急演练", "场次"],
        ] as const
      )
        .filter(([name]) => cat(name).records > 0)
        .map(([name, words, unit]) => `${words}${cat(name).records}${unit}${asOf("activities")}${yoy(has.activities, cat(name).records, pcat(name).records)}`);
      if (others.length > 0) parts.push(`${thisYear}${others.join("，")}。`);
    } else parts.push(missing("activities"));
    if (parts.length > 0) {
      section("大力开展安全生产领域普法宣传教育");
      paragraph(parts.join(""));
    }
  }

  // (三) 推动严格公正文明执法
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
  const acc = f.accidents;
  const pacc = p.accidents;
  const g = act?.guidance;
  const guidance =
    g && g.towns_villages + g.enterprises > 0
      ? `帮助指导镇街、村居${g.towns_villages}个次${asOf("activities")}${yoy(has.activities, g.towns_villages, pact?.guidance.towns_villages ?? 0)}，` +
        `帮扶指导重点企业${g.enterprises}家次${yoy(has.activities, g.enterprises, pact?.guidance.enterprises ?? 0)}；`
      : "";
  const typical = Object.entries(act?.typical_cases ?? {})
    .map(([channel, count]) => `在${channel}公布典型案例${count}起${yoy(has.activities, count, pact?.typical_cases[channel] ?? 0)}`)
    .join("，");
  const exposure = act?.exposure_enterprises ?? 0;
  // The rest of the sentence: exposure and interviews, accountability, typical cases.
  const deterrence =
    (exposure > 0 ? `，曝光约谈${exposure}家企业${asOf("activities")}${yoy(has.activities, exposure, pact?.exposure_enterprises ?? 0)}` : "") +
    (acc && acc.accountable > 0 ? `，责任倒查追责问责${acc.accountable}人${asOf("accidents")}` : "") +
    (typical ? `，${typical}` : "") +
    (exposure > 0 || typical ? "，有力震慑了安全生产违法行为" : "");
  const penalties = c
    ? `涉及“一案双罚”${c.dual_penalty}起${asOf("cases")}，责令停产整顿${c.stop_production_parties}家${deterrence}`
    : "";
  if (major) {
    const month = Number(major.first_on.slice(5, 7));
    const since = whole ? (month > 1 ? `${month}月份以来` : "今年以来") : lead;
    const listed =
      major.major === 0 ? "" : major.major_listed === major.major ? "，全部实施挂牌督办" : `，其中挂牌督办${major.major_listed}项`;
    const majors = major.major === 0 ? "，未发现重大事故隐患" : `，排查重大事故隐患${major.major}项${listed}`;
    const marks = `${asOf("inspections")}${asOf("hazards")}`;
    point(
      "全面开展重大事故隐患专项排查整治",
      `${since}，我局共抽查检查企业${major.enterprises}家${marks}，排查一般隐患${major.general}项${majors}；${guidance}` +
        (c ? `${penalties}。` : `${deterrence.replace(/^，/, "")}${deterrence ? "。" : ""}${missing("cases")}`),
    );
  } else if (c) {
    point("保持从严执法高压态势", `${lead}，${guidance}全区办理的安全生产行政处罚案件中，${penalties}。`);
  }
  const rc = f.random_checks;
  const prc = p.random_checks;
  if (rc && rc.planned + rc.completed > 0) {
    const joint =
      rc.joint > 0
        ? `，联合${rc.joint_departments.length > 0 ? `${rc.joint_departments.join("、")}等` : ""}部门抽查${rc.joint}家${yoy(has.random_checks, rc.joint, prc?.joint ?? 0)}`
        : "";
    const published =
      rc.completed === 0 ? "" : rc.published === rc.completed ? "，抽查结果全部予以公示" : `，其中${rc.published}家的抽查结果已公示`;
    point(
      "落实“双随机”和部门联合抽查机制",
      (rc.planned > rc.completed ? `${thisYear}计划抽查${rc.planned}家，` : thisYear) +
        `完成计划抽查数${rc.completed}家${asOf("random_checks")}${yoy(has.random_checks, rc.completed, prc?.completed ?? 0)}${joint}${published}。`,
    );
  } else if (!rc) point("落实“双随机”和部门联合抽查机制", missing("random_checks"));
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
  const investigated = data.current.detail.accidentsInvestigated;
  if (acc && acc.count > 0) {
    const deathsChange = has.accidents ? change(acc.deaths, pacc?.deaths ?? 0) : null;
    const toll =
      `${lead}，全区发生生产安全事故${acc.count}起${asOf("accidents")}${yoy(has.accidents, acc.count, pacc?.count ?? 0)}，` +
      `死亡${acc.deaths}人、受伤${acc.injuries}人${deathsChange ? `（死亡人数${deathsChange}）` : ""}，` +
      `直接经济损失${wan(acc.direct_loss_wan)}万元。`;
    const led =
      investigated.length > 0
        ? `牵头组织对${joinAnd(investigated)}开展事故调查` +
          (acc.count > investigated.length ? `（另有${acc.count - investigated.length}起由其他部门牵头调查）` : "")
        : `${acc.count}起事故均由其他部门牵头调查`;
    const accountable =
      acc.accountable > 0 ? `，对${acc.accountable}名相关责任人员进行问责${yoy(has.accidents, acc.accountable, pacc?.accountable ?? 0)}` : "";
    const units = acc.units_penalised > 0 ? `，对${acc.units_penalised}家相关责任单位给予相应的行政处罚` : "";
    point("严肃追究安全事故责任", `${toll}${led}${accountable}${units}。`);
  } else if (!acc) point("严肃追究安全事故责任", missing("accidents"));

  // Not a point of the 2023 report: the district's inspections and hazards as a whole, the last
  // point of (三), after the report's own points.
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
  // (四) 加强行政权力监督制约: the case-file review.
  const review = act?.case_file_review;
  if (review && cat("案卷评查").records > 0) {
    section("加强行政权力监督制约");
    const reviewChange = has.activities ? change(review.problems_found, pact?.case_file_review.problems_found ?? 0) : null;
    const body =
      review.problems_found > 0
        ? `针对行政处罚案卷评查中发现的${review.files_with_problems}个案卷存在的${review.problems_found}个问题${asOf("activities")}` +
          (reviewChange ? `（问题数${reviewChange}）` : "") +
          "，我局及时组织相关案件经办人员开展集中讨论研究，并举一反三开展自查，" +
          (review.problems_fixed >= review.problems_found ? "认真落实整改并全部整改到位。" : `已整改${review.problems_fixed}个问题，其余正在整改。`)
        : `${thisYear}开展行政处罚案卷评查${cat("案卷评查").records}次，评查案卷${cat("案卷评查").objects}个，未发现问题${asOf("activities")}。`;
    paragraph(`落实问题整改。${body}`);
  }

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
