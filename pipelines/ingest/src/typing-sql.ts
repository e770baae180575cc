// Composes, from a kind's declaration and the header found in a file, the one SQL statement that
// turns the staged text rows into typed rows with their errors and warnings. Each column type's
// rule is a macro in packages/warehouse/sql/rules/010_cleaning_macros.sql; this module only wires them.
import { type ColumnDecl, DIRTY_BITS, FORMULA_WITHOUT_VALUE, type HeaderMatch, type KindDecl, tableColumns } from "@anjian/exports";
import { quotedIdentifier as id, quotedString as lit } from "@anjian/warehouse";

export { tableColumns };

/** Lookup tables built per file from the distinct values of these columns (see lookups.ts). */
export function lookupTable(column: ColumnDecl): string {
  return `map_${column.name}`;
}

const t = (c: ColumnDecl) => id(`${c.name}__t`);

function headerOf(c: ColumnDecl, match: HeaderMatch): string {
  return match.headers.get(c.name) ?? c.header;
}

/** A check: when `when` holds, the row gets {col, msg}. */
interface Check {
  when: string;
  item: string;
}

function err(c: ColumnDecl, match: HeaderMatch, when: string, message: string): Check {
  return { when, item: `{'col': ${lit(headerOf(c, match))}, 'msg': ${message}}` };
}

/** The cell as shown in a message: “value”. */
function shown(c: ColumnDecl): string {
  // Columns whose text is stored were masked already; the others only here, in the message (built
  // for rows with a problem only, so clean rows pay nothing for it).
  return MASKED_VALUES.has(c.type) ? `'“' || ${t(c)} || '”'` : `'“' || anj_mask_ids(${t(c)}, $key) || '”'`;
}

/**
 * Column types whose text reaches the warehouse as written: any ID number in them is masked before
 * typing. Dates, amounts, lookups, enums and booleans store no text of the cell; personal-data
 * columns are hashed whole.
 */
const MASKED_VALUES = new Set<ColumnDecl["type"]>(["text", "code", "credit_code", "hazard_category", "list"]);

interface ColumnSql {
  /** Parsed once per row, in their own step, as [sql, alias]; the checks below reuse them. */
  parse: [string, string][];
  /** Typed warehouse values, as [sql, alias]. */
  values: [string, string][];
  errors: Check[];
  warnings: Check[];
  joins: string[];
}

function amountFactor(c: ColumnDecl, match: HeaderMatch): number {
  return /万元/.test(headerOf(c, match)) ? 10000 : 1;
}

function columnSql(c: ColumnDecl, match: HeaderMatch, towns: string[]): ColumnSql {
  const v = t(c);
  const p = (suffix: string) => id(`${c.name}__${suffix}`);
  const out: ColumnSql = { parse: [], values: [], errors: [], warnings: [], joins: [] };
  const present = match.columns.has(c.name);
  if (c.required) out.errors.push(err(c, match, `${v} IS NULL`, present ? `'必填项为空'` : `'缺少必填列'`));
  const codeParts = () => {
    out.parse.push([`anj_code(${v})`, `${c.name}__c`]);
    out.parse.push([`anj_code_lost(anj_code(${v}))`, `${c.name}__lost`]);
    return { code: p("c"), lost: p("lost") };
  };
  switch (c.type) {
    case "text":
      out.values.push([v, c.name]);
      break;
    case "code": {
      const { code, lost } = codeParts();
      out.values.push([`CASE WHEN ${lost} THEN NULL ELSE ${code} END`, c.name]);
      (c.required ? out.errors : out.warnings).push(
        err(
          c,
          match,
          lost,
          `${shown(c)} || '是被表格软件按数字保存的编号，末几位已丢失${c.required ? "，无法识别该行" : "，按空值处理"}。请在导出前把该列设为文本格式'`,
        ),
      );
      break;
    }
    case "credit_code": {
      const { code, lost } = codeParts();
      out.values.push([`CASE WHEN ${lost} THEN NULL ELSE ${code} END`, c.name]);
      out.warnings.push(
        err(
          c,
          match,
          lost,
          `${shown(c)} || '是被表格软件按数字保存的代码，末几位已丢失，按空值处理。请在导出前把该列设为文本格式'`,
        ),
        err(
          c,
          match,
          `NOT ${lost} AND NOT regexp_full_match(${code}, '[0-9A-HJ-NPQRTUWXY]{18}')`,
          `${shown(c)} || '不是18位统一社会信用代码'`,
        ),
        err(
          c,
          match,
          `regexp_full_match(${code}, '[0-9A-HJ-NPQRTUWXY]{18}') AND NOT anj_gb32100_ok(${code})`,
          `${shown(c)} || '校验位不正确（GB 32100），请核对'`,
        ),
      );
      break;
    }
    case "personal_id": {
      const { lost } = codeParts();
      // Keyed hash: the same person joins across files, the number itself never lands.
      // A row fixed from `anjian rejects` output carries the hash already (已脱敏:…): keep it.
      out.values.push([
        `CASE WHEN starts_with(${v}, '已脱敏:') THEN substr(${v}, 5) WHEN ${lost} THEN NULL ELSE anj_pseudonym($key, ${v}) END`,
        c.name,
      ]);
      out.warnings.push(
        err(c, match, lost, `'证件号码被表格软件按数字保存，末几位已丢失，按空值处理。请在导出前把该列设为文本格式'`),
      );
      break;
    }
    case "date": {
      out.parse.push([`anj_parse_date(anj_half(${v}))`, `${c.name}__v`]);
      const d = p("v");
      const unparsed = `${v} IS NOT NULL AND ${d} IS NULL`;
      out.values.push([d, c.name]);
      const years = c.dateRole === "deadline" ? 10 : 1;
      out.errors.push(
        err(c, match, `${unparsed} AND NOT anj_date_form(anj_half(${v}))`, `${shown(c)} || '不是可识别的日期（如 2023-05-12、2023年5月12日）'`),
        err(c, match, `${unparsed} AND anj_date_form(anj_half(${v}))`, `${shown(c)} || '不是存在的日期'`),
        err(
          c,
          match,
          `${d} > current_date + INTERVAL ${years} YEAR OR ${d} < DATE '2000-01-01'`,
          `${shown(c)} || '超出合理范围（2000年1月1日至今后${years}年）'`,
        ),
      );
      break;
    }
    case "timestamp": {
      out.parse.push([`anj_parse_ts(anj_half(${v}))`, `${c.name}__v`]);
      out.values.push([p("v"), c.name]);
      out.errors.push(err(c, match, `${v} IS NOT NULL AND ${p("v")} IS NULL`, `${shown(c)} || '不是可识别的时间'`));
      break;
    }
    case "amount": {
      out.parse.push([`anj_parse_amount(${v}, ${amountFactor(c, match)})`, `${c.name}__v`]);
      const a = p("v");
      out.values.push([`coalesce(${a}, 0)`, c.name]);
      const factor = amountFactor(c, match);
      out.errors.push(
        err(c, match, `${v} IS NOT NULL AND ${a} IS NULL AND NOT anj_amount_form(${v})`, `${shown(c)} || '不是可识别的金额'`),
        // No value in the message: a number this long is often an ID number pasted in the wrong column.
        err(
          c,
          match,
          `${v} IS NOT NULL AND ${a} IS NULL AND anj_amount_form(${v})`,
          `'金额过大（超过 1 亿亿元），可能是把证件号码或其他编号填进了金额列，请核对'`,
        ),
        err(c, match, `${a} < 0`, `${shown(c)} || '为负数，金额不能为负'`),
        // The cell's own unit must agree with the header's: 12000元 in a （万元） column would count as 1.2 亿元.
        factor === 10000
          ? err(c, match, `contains(${v}, '元') AND NOT contains(${v}, '万')`, `${shown(c)} || '写的是元，而表头的单位是万元，请改为万元数或去掉“元”字'`)
          : err(c, match, `contains(${v}, '万')`, `${shown(c)} || '写的是万元，而表头的单位是元，请改为元数'`),
      );
      out.warnings.push(
        err(c, match, `CASE WHEN ${a} = 0 THEN regexp_matches(anj_amount_text(${v}), '[1-9]') ELSE false END`, `${shown(c)} || '不足 1 分，按 0 元计'`),
      );
      break;
    }
    case "boolean":
      out.parse.push([`anj_parse_bool(${v})`, `${c.name}__v`]);
      out.values.push([`coalesce(${p("v")}, false)`, c.name]);
      out.errors.push(
        err(
          c,
          match,
          `${v} IS NOT NULL AND ${p("v")} IS NULL`,
          `${shown(c)} || '不是可识别的是/否值（可填 是/否、Y/N、1/0、√/×）'`,
        ),
      );
      break;
    case "town": {
      const m = lookupTable(c);
      out.parse.push([`${m}.value`, `${c.name}__v`]);
      out.values.push([p("v"), c.name]);
      out.joins.push(`LEFT JOIN ${m} ON ${m}.raw = ${v}`);
      out.errors.push(
        err(c, match, `${v} IS NOT NULL AND ${p("v")} IS NULL`, `${shown(c)} || '不是本区镇街（本区镇街：${towns.join("、")}）'`),
      );
      break;
    }
    case "unit": {
      const m = lookupTable(c);
      out.parse.push([`${m}.value`, `${c.name}__v`], [`${m}.level`, `${c.name}__l`]);
      // A unit that may be another department's (keepUnknown) is kept as written, without a level.
      out.values.push([c.keepUnknown ? `coalesce(${p("v")}, ${v})` : p("v"), c.name], [p("l"), `${c.name}_level`]);
      out.joins.push(`LEFT JOIN ${m} ON ${m}.raw = ${v}`);
      if (!c.keepUnknown)
        out.errors.push(
          err(c, match, `${v} IS NOT NULL AND ${p("v")} IS NULL`, `${shown(c)} || '不是本区应急管理局或镇街的执法单位'`),
        );
      break;
    }
    case "hazard_category": {
      const m = lookupTable(c);
      out.parse.push([`${m}.value`, `${c.name}__v`], [`${m}.known`, `${c.name}__k`]);
      out.values.push([p("v"), c.name], [v, `${c.name}_raw`]);
      out.joins.push(`LEFT JOIN ${m} ON ${m}.raw = ${v}`);
      out.warnings.push(err(c, match, `${v} IS NOT NULL AND NOT ${p("k")}`, `${shown(c)} || '不在本区隐患类别中，已归入“其他”'`));
      break;
    }
    case "enum": {
      const pairs = [...(c.values ?? []).map((x) => [x, x] as const), ...Object.entries(c.valueAliases ?? {})];
      out.parse.push([
        `CASE anj_half(replace(${v}, ' ', '')) ${pairs.map(([from, to]) => `WHEN ${lit(from)} THEN ${lit(to)}`).join(" ")} END`,
        `${c.name}__v`,
      ]);
      out.values.push([p("v"), c.name]);
      out.errors.push(
        err(c, match, `${v} IS NOT NULL AND ${p("v")} IS NULL`, `${shown(c)} || '不是可接受的值（可填：${(c.values ?? []).join("、")}）'`),
      );
      break;
    }
    case "year": {
      out.parse.push([`anj_parse_year(${v})`, `${c.name}__v`]);
      const y = p("v");
      out.values.push([y, c.name]);
      out.errors.push(
        err(c, match, `${v} IS NOT NULL AND ${y} IS NULL`, `${shown(c)} || '不是可识别的年度（如 2023、2023年）'`),
        err(
          c,
          match,
          `${y} < 2000 OR ${y} > year(current_date) + 1`,
          `${shown(c)} || '超出合理范围（2000年至明年）'`,
        ),
      );
      break;
    }
    case "count": {
      out.parse.push([`anj_parse_count(${v})`, `${c.name}__v`]);
      const n = p("v");
      out.values.push([n, c.name]);
      out.errors.push(
        err(c, match, `${v} IS NOT NULL AND ${n} IS NULL`, `${shown(c)} || '不是可识别的整数'`),
        err(c, match, `${n} < 0`, `${shown(c)} || '为负数，数量不能为负'`),
      );
      break;
    }
    case "list": {
      out.parse.push([
        `list_filter(list_transform(regexp_split_to_array(${v}, '[、，,；;/]'), x -> anj_trim(x)), x -> x <> '')`,
        `${c.name}__v`,
      ]);
      out.values.push([p("v"), c.name]);
      if (c.items)
        out.warnings.push(
          err(
            c,
            match,
            `len(list_filter(${p("v")}, x -> NOT list_contains([${c.items.map(lit).join(", ")}], x))) > 0`,
            `${shown(c)} || '含有不常见的处罚种类，请核对'`,
          ),
        );
      break;
    }
  }
  return out;
}

/**
 * Cell i through the cleaning rule, unless the reader's `dirty` bit says the rule cannot change
 * it (most cells: the rule costs as much as the rest of the typing).
 */
function cleanCell(i: number): string {
  return i < DIRTY_BITS ? `CASE WHEN s.dirty & ${2 ** i} = 0 THEN s.c${i} ELSE anj_clean(s.c${i}) END` : `anj_clean(s.c${i})`;
}

const EMPTY_CHECKS = "CAST([] AS STRUCT(col VARCHAR, msg VARCHAR)[])";

/**
 * The {col, msg} of every check that holds, typed even when empty. Most rows pass every check, so
 * one cheap OR of the conditions decides first whether the list needs building at all.
 */
function checkList(checks: Check[]): string {
  if (checks.length === 0) return EMPTY_CHECKS;
  const any = checks.map((c) => `(${c.when})`).join(" OR ");
  const items = checks.map((c) => `CASE WHEN ${c.when} THEN ${c.item} END`).join(", ");
  return `CASE WHEN ${any} THEN list_filter([${items}], e -> e IS NOT NULL) ELSE ${EMPTY_CHECKS} END`;
}

export interface TypingSqlInput {
  kind: KindDecl;
  match: HeaderMatch;
  /** Number of text columns staged (c0 … c{width-1}). */
  width: number;
  towns: string[];
  /** The file's headers of the staged columns, for the rows as read (`original`). */
  headers: string[];
  /** Staged columns holding personal data: hashed in `original`. */
  personalColumns: number[];
  /** Rows from a workbook: cells holding an Excel error or a formula without result are row errors. */
  xlsx?: boolean;
}

/** Excel's error values, and the reader's mark for a formula saved without its result. */
const EXCEL_ERROR = `'#(N/A|VALUE!|REF!|DIV/0!|NAME\\?|NUM!|NULL!|GETTING_DATA|SPILL!|CALC!|${FORMULA_WITHOUT_VALUE.slice(1)})'`;

function excelErrorCheck(c: ColumnDecl, match: HeaderMatch): Check {
  const v = t(c);
  return err(
    c,
    match,
    `CASE WHEN starts_with(${v}, '#') THEN regexp_full_match(${v}, ${EXCEL_ERROR}) ELSE false END`,
    `${shown(c)} || '是公式的错误值或没有计算结果（文件可能由程序生成、未在 Excel 中保存过）。请在 Excel 或 WPS 中打开、重新计算并保存后再导入'`,
  );
}

/**
 * json_object of a row as read, header → cell (the staged text in column `cell(i)`), personal data
 * replaced by its keyed hash. Binds $key when there is personal data.
 */
function originalJson(headers: string[], personalColumns: number[], codeColumns: number[], cell: (i: number) => string): string {
  const pairs = originalNames(headers).map((name, i) => `${lit(name)}, ${originalValue(cell(i), i, personalColumns, codeColumns)}`);
  return `json_object(${pairs.join(", ")})`;
}

/** Header names for `original`: blank ones as 第N列, repeated ones as 名称(2). */
function originalNames(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((raw, i) => {
    const name = raw.trim() || `第${i + 1}列`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n > 1 ? `${name}(${n})` : name;
  });
}

/** A raw cell as `original` keeps it: personal data as its hash, other ID numbers masked. */
function originalValue(cell: string, i: number, personalColumns: number[], codeColumns: number[]): string {
  const clean = `anj_clean(${cell})`;
  if (personalColumns.includes(i))
    return `CASE WHEN ${clean} IS NULL THEN NULL WHEN starts_with(${clean}, '已脱敏:') THEN ${clean} ELSE '已脱敏:' || anj_pseudonym($key, ${clean}) END`;
  return `${codeColumns.includes(i) ? "anj_mask_ids_in_code" : "anj_mask_ids"}(${cell}, $key)`;
}

/** Above this many columns, the typing takes the wide form (see typingSql). */
export const WIDE_COLUMNS = 64;
/** In the wide form, at most this many columns before the kind's first are read too. */
const WIDE_LEADING_COLUMNS = 4;

/**
 * A SELECT over `stage` (row_no, dirty, ids, c0…) and `stage_bad` (row_no, text, reason): one row per staged
 * row with skip (a blank or footer row), bad_reason, the typed columns, row_hash,
 * errors and warnings (lists of {col, msg}), and `original`, the row as read (JSON), for the rows
 * that may be rejected (a reason or an error): the rejects are written from it, after the stage
 * is gone. Binds $key (the personal-data hash key).
 */
export function typingSql({ kind, match, width, towns, headers, personalColumns, xlsx }: TypingSqlInput): string {
  // A wide file (hundreds of columns, most not the kind's): DuckDB gives every node of an
  // expression a vector of its own, so expressions per cell ran out of memory at ~200 columns.
  // Then only the kind's columns, and the few before the first of them (a 序号 column, where a 合计
  // footer starts), are read, cleaned, tested for blank/footer rows and kept for `original`;
  // DuckDB's CSV reader does not materialise the others.
  const wide = width > WIDE_COLUMNS;
  const mapped = new Set(match.columns.values());
  const leading = Math.min(Math.min(...mapped), WIDE_LEADING_COLUMNS);
  const cellIndexes = Array.from({ length: width }, (_, i) => i).filter((i) => !wide || mapped.has(i) || i < leading);
  const cells = cellIndexes.map((i) => `k${i}`);
  // The raw cells ride along to the end, for `original`, and are dropped there.
  const raw = cellIndexes.map((i) => `r${i}`);
  const carried = ["bad_text", ...raw].join(", ");
  const kept = cellIndexes.map((i) => headers[i] ?? "");
  const texts = kind.columns.map((c) => {
    const i = match.columns.get(c.name);
    // Stored text: any valid ID number in it becomes its keyed hash here, before any value, message
    // or reject is made from the cell (other columns mask it in their messages, see shown()).
    if (i === undefined) return `CAST(NULL AS VARCHAR) AS ${t(c)}`;
    if (!MASKED_VALUES.has(c.type)) return `k${i} AS ${t(c)}`;
    const masked = `${c.type === "credit_code" ? "anj_mask_ids_in_code" : "anj_mask_ids"}(k${i}, $key)`;
    // Only cells the reader saw a run of 17 digits in can hold an ID number.
    return `${i < DIRTY_BITS ? `CASE WHEN ids & ${2 ** i} = 0 THEN k${i} ELSE ${masked} END` : masked} AS ${t(c)}`;
  });
  const parts = kind.columns.map((c) => columnSql(c, match, towns));
  for (const [j, c] of kind.columns.entries()) {
    if (!match.columns.has(c.name)) continue;
    if (xlsx) parts[j]!.errors.unshift(excelErrorCheck(c, match));
    // Control characters: checked in every column of a workbook, and in the key of any file (a CSV
    // with them in its first megabyte is refused as binary; checking every cell would cost the
    // import's hot path).
    if (xlsx || c.name === kind.key)
      parts[j]!.errors.push(err(c, match, `anj_has_control(${t(c)})`, "'含有不可见的控制字符（如 NUL），请删去后再导入'"));
  }
  const creditColumns = kind.columns
    .filter((c) => c.type === "credit_code")
    .map((c) => match.columns.get(c.name))
    .filter((i): i is number => i !== undefined);
  const parsed = parts.flatMap((p) => p.parse.map(([sql, alias]) => `${sql} AS ${id(alias)}`));
  const columns = tableColumns(kind);
  const typedValues = parts.flatMap((p) => p.values.map(([sql, alias]) => `${sql} AS ${id(alias)}`));
  const withFallbacks = columns.map((name) => {
    const decl = kind.columns.find((c) => c.name === name);
    return decl?.fallback ? `coalesce(${id(name)}, ${decl.fallback}) AS ${id(name)}` : id(name);
  });
  const ruleChecks: Check[] = kind.rules.map((r) => ({ when: r.when, item: `{'col': ${lit(r.column)}, 'msg': ${lit(r.message)}}` }));
  // Recognises a row identical to the stored one of its key (typed values, so personal data only
  // as its keyed hash). DuckDB's 64-bit hash of the values, not md5 of their text: casting every
  // value to text cost 0.3 s per 200 000 rows. Should a DuckDB upgrade change hash(), rows compare
  // as different and the 更新时间 / export-time rules decide, as for any changed row.
  const hash = `CAST(hash(${columns.map(id).join(", ")}) AS VARCHAR)`;
  // Steps: clean the text once, parse each cell once, then type and check from the parsed values.
  return `
WITH cleaned AS (
  SELECT s.row_no, s.ids, b.reason AS bad_reason, b.text AS bad_text,
         ${cellIndexes.map((i) => `${cleanCell(i)} AS k${i}`).join(", ")},
         ${cellIndexes.map((i) => `s.c${i} AS r${i}`).join(", ")}
  FROM ${wide ? `(SELECT row_no, dirty, ids, ${cellIndexes.map((i) => `c${i}`).join(", ")} FROM stage)` : "stage"} s
  LEFT JOIN stage_bad b ON b.row_no = s.row_no
),
texts AS (
  SELECT row_no, bad_reason, ${carried},
         coalesce(${cells.join(", ")}) AS first_cell,
         ${texts.join(",\n         ")}
  FROM cleaned
),
parsed AS (
  SELECT texts.*${parsed.length ? `,\n         ${parsed.join(",\n         ")}` : ""}
  FROM texts
  ${parts.flatMap((p) => p.joins).join("\n  ")}
),
checked AS (
  SELECT row_no, bad_reason, ${carried},
         -- Blank rows, and footers: 合计 and the signature lines under the table (docs/import.md §1.4).
         first_cell IS NULL OR regexp_matches(first_cell, '^(合计|总计|小计|制表|填报|审核人|备注|说明)') AS skip,
         ${typedValues.join(",\n         ")},
         ${checkList(parts.flatMap((p) => p.errors))} AS col_errors,
         ${checkList(parts.flatMap((p) => p.warnings))} AS col_warnings
  FROM parsed
),
final AS (
  SELECT row_no, skip, bad_reason, ${carried}, col_errors, col_warnings, ${withFallbacks.join(", ")}
  FROM checked
),
with_checks AS (
  SELECT *,
         ${hash} AS row_hash,
         ${ruleChecks.length ? `list_concat(col_errors, ${checkList(ruleChecks)})` : "col_errors"} AS errors,
         CASE WHEN len(col_warnings) = 0 THEN CAST([] AS VARCHAR[])
              ELSE list_transform(col_warnings, w -> w.col || '：' || w.msg) END AS warnings
  FROM final
)
SELECT * EXCLUDE (${carried}),
       CASE WHEN bad_reason IS NOT NULL THEN json_object('原始内容', anj_mask_ids(bad_text, $key))
            WHEN len(errors) > 0 THEN ${originalJson(
              kept,
              personalColumns.map((i) => cellIndexes.indexOf(i)),
              creditColumns.map((i) => cellIndexes.indexOf(i)),
              (j) => `r${cellIndexes[j]}`,
            )} END AS original
FROM with_checks`;
}
