// Coverage in words (the rule itself is models/marts/195_mart_coverage.sql): the sentences the
// report text, the CLI's warnings and the dashboard print for a kind whose data does not reach the
// period (none) or stops before its end (partial).
import type { Coverage, Kind } from "./figures-schema.ts";
import { dateZh, type Period } from "./period.ts";

/** What each kind's data is called (隐患排查数据只导入到…). A new kind adds its name here. */
export const KIND_NAMES: Record<Kind, string> = {
  cases: "行政处罚案件",
  inspections: "执法检查",
  hazards: "隐患排查",
  enforcers: "执法人员",
  random_checks: "双随机抽查",
  accidents: "事故调查",
  activities: "工作台账",
};

export function kindName(kind: string): string {
  return (KIND_NAMES as Record<string, string>)[kind] ?? kind;
}

/** “2023年12月26日”, or “2023年1月1日至2023年12月26日” for the whole span. */
function span(c: Coverage): string {
  return `${dateZh(c.from ?? "")}至${dateZh(c.to ?? "")}`;
}

/**
 * Why a kind says nothing for the period (state none), and what is imported:
 * “隐患排查数据只导入到2023年12月26日”, “隐患排查数据从2025年3月1日起才有（已导入2025年3月1日至2025年6月30日）”,
 * “尚未导入隐患排查数据”. No final punctuation.
 */
export function missingClause(kind: string, c: Coverage, period: Period): string {
  const name = kindName(kind);
  if (c.from === null || c.to === null) return `尚未导入${name}数据`;
  if (c.to < period.from) return `${name}数据只导入到${dateZh(c.to)}`;
  if (c.from > period.to) return `${name}数据从${dateZh(c.from)}起才有（已导入${span(c)}）`;
  return `${name}数据未覆盖本期（已导入${span(c)}）`;
}

/**
 * The dashboard's empty state for a kind that is `none` in a period called `label` (“2024年”):
 * “2024年暂无隐患排查数据（已导入至2023年12月26日）”.
 */
export function emptyStateText(kind: string, c: Coverage, period: Period, label: string): string {
  const name = kindName(kind);
  if (c.from === null || c.to === null) return `${label}暂无${name}数据（尚未导入${name}数据）`;
  if (c.to < period.from) return `${label}暂无${name}数据（已导入至${dateZh(c.to)}）`;
  return `${label}暂无${name}数据（已导入${span(c)}）`;
}

/** The report's sentence for a kind that is `none`: “隐患排查数据只导入到2023年12月26日，本期未统计。” */
export function missingSentence(kind: string, c: Coverage, period: Period): string {
  return `${missingClause(kind, c, period)}，本期未统计。`;
}

/** “（数据截至2024年6月30日）” for a kind that is `partial`, else "". */
export function asOfNote(c: Coverage | undefined): string {
  return c?.state === "partial" && c.to ? `（数据截至${dateZh(c.to)}）` : "";
}

/**
 * The CLI's warnings for a period, in Chinese, one per line: the period lies in the future, no kind
 * has data for it, and each kind that is `none` or `partial`. `today` is an ISO date.
 */
export function coverageWarnings(coverage: Record<string, Coverage>, period: Period, today: string): string[] {
  const out: string[] = [];
  const label = `${dateZh(period.from)}至${dateZh(period.to)}`;
  const kinds = Object.entries(coverage);
  if (period.from > today) {
    out.push(`统计期${label}尚未到来（今天是${dateZh(today)}），没有可统计的数据：各项均为“未统计”，不是零。`);
    return out;
  }
  if (period.to > today) out.push(`统计期${label}尚未结束（今天是${dateZh(today)}），数字只到目前为止。`);
  if (kinds.every(([, c]) => c.state === "none")) {
    out.push(`数据仓库中没有统计期${label}的任何数据：各项均为“未统计”，不是零。请先用 anjian ingest 导入该时期的台账。`);
    return out;
  }
  for (const [kind, c] of kinds) {
    if (c.state === "none")
      out.push(`${missingClause(kind, c, period)}：本期${kindName(kind)}各项为“未统计”（JSON 中为 null）。如有该时期的台账，请先导入。`);
    else if (c.state === "partial")
      out.push(
        `${kindName(kind)}数据只导入到${dateZh(c.to ?? "")}，早于统计期末（${dateZh(period.to)}）一个月以上：本期${kindName(kind)}各项只统计到该日，不作同比。如有更新的台账，请先导入。`,
      );
  }
  return out;
}
