// Finding the header among the first rows of a file or sheet, and saying clearly why not.
import {
  type AliasTable,
  type HeaderMatch,
  type HeaderVerdict,
  MAX_PREAMBLE_ROWS,
  kindByName,
  matchHeader,
} from "@anjian/exports";
import { RefusedFileError } from "@anjian/errors";

export interface HeaderSearch {
  index: number;
  match: HeaderMatch | null;
  /** Best near-miss among the rows looked at, for the refusal message. */
  nearest: HeaderVerdict | null;
  nearestRow: (string | null)[] | null;
  ambiguous: HeaderVerdict | null;
}

export function findHeader(rows: (string | null)[][], aliases: AliasTable): HeaderSearch {
  let nearest: HeaderVerdict | null = null;
  let nearestRow: (string | null)[] | null = null;
  let nearestMissing = Number.POSITIVE_INFINITY;
  let ambiguous: HeaderVerdict | null = null;
  for (let i = 0; i < Math.min(rows.length, MAX_PREAMBLE_ROWS + 1); i++) {
    const verdict = matchHeader(rows[i]!, aliases);
    if (verdict.match) {
      if (verdict.duplicates.length > 0)
        throw new RefusedFileError(
          `第 ${i + 1} 行表头中有指向同一列的重复列：${verdict.duplicates.join("；")}。请删去其中一列后再导入。`,
        );
      return { index: i, match: verdict.match, nearest: null, nearestRow: null, ambiguous: null };
    }
    if (verdict.candidates.length > 1) ambiguous ??= verdict;
    if (verdict.nearest && verdict.nearest.missing.length < nearestMissing) {
      nearestMissing = verdict.nearest.missing.length;
      nearest = verdict;
      nearestRow = rows[i]!;
    }
  }
  return { index: -1, match: null, nearest, nearestRow, ambiguous };
}

/** The refusal for a file (or workbook) with no usable header. */
export function noHeaderError(search: HeaderSearch, firstRows: (string | null)[][], where = "文件"): RefusedFileError {
  if (search.ambiguous)
    return new RefusedFileError(
      `${where}的表头同时符合多种台账（${search.ambiguous.candidates.map((k) => kindByName(k).label).join("、")}），无法判断类型。请删去无关的列后再导入。`,
    );
  const shown = (search.nearestRow ?? firstRows.find((r) => r.some((c) => c)) ?? [])
    .filter((c): c is string => !!c && c.trim() !== "")
    .slice(0, 12);
  const near = search.nearest?.nearest;
  return new RefusedFileError(
    `${where}前 ${MAX_PREAMBLE_ROWS + 1} 行中没有可识别的表头。读到的表头：${shown.join("、") || "（空）"}。` +
      (near
        ? `最接近“${near.kind.label}”，但缺少必填列：${near.missing.join("、")}。`
        : "它不像任何一种平台导出台账（行政处罚案件、执法检查、隐患排查、执法人员）。") +
      "请确认导出的是平台台账原表；如平台改了列名，可在 data/reference/header-aliases.csv 中添加别名。",
  );
}
