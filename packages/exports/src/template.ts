// The blank import template of a kind (`anjian template KIND`): a title row, the header row with
// required columns marked *, drop-down lists on enumerated columns (values from the declaration or
// the district profile), date and text formats, and a sheet explaining each column. Everything comes
// from the kind's declaration, so a template always matches what the importer accepts.
import type { ProfileResolver } from "@anjian/profile";
import ExcelJS from "exceljs";
import type { ColumnDecl, ColumnType, KindDecl } from "./kinds.ts";

/** Rows prepared with formats and drop-downs below the header. */
export const TEMPLATE_ROWS = 500;
export const TEMPLATE_SHEET_NOTES = "填写说明";
export const TEMPLATE_SHEET_LISTS = "可选值";

const TYPE_WORDS: Record<ColumnType, string> = {
  text: "文本",
  code: "编号（按文本填写）",
  credit_code: "18位统一社会信用代码（按文本填写）",
  personal_id: "证件号码（按文本填写；导入时只保存哈希）",
  date: "日期，如 2023-05-12",
  timestamp: "时间，如 2023-05-12 14:30",
  amount: "金额（数字）",
  boolean: "是 / 否",
  town: "镇街",
  unit: "单位",
  hazard_category: "隐患类别",
  enum: "从下拉列表中选择",
  list: "多项以顿号（、）分隔",
  year: "年度，如 2023",
  count: "整数",
};

/** The values a column's drop-down offers, and whether other values are refused by Excel. */
export function dropDown(c: ColumnDecl, resolver: ProfileResolver): { values: string[]; strict: boolean } | null {
  switch (c.type) {
    case "enum":
      return { values: [...(c.values ?? [])], strict: true };
    case "town":
      return { values: resolver.townNames(), strict: true };
    case "unit":
      return { values: resolver.unitNames(), strict: !c.keepUnknown };
    case "hazard_category":
      return { values: resolver.categoryNames(), strict: true };
    case "boolean":
      return { values: ["是", "否"], strict: true };
    default:
      if (c.name === "channel" && resolver.profile.publicationChannels.length > 0)
        return { values: resolver.profile.publicationChannels, strict: false };
      return null;
  }
}

function numFmt(c: ColumnDecl): string | undefined {
  if (c.type === "date") return "yyyy-mm-dd";
  if (c.type === "timestamp") return "yyyy-mm-dd hh:mm";
  if (c.type === "code" || c.type === "credit_code" || c.type === "personal_id") return "@";
  if (c.type === "amount") return "0.00";
  if (c.type === "year" || c.type === "count") return "0";
  return undefined;
}

function explain(c: ColumnDecl, kind: KindDecl, resolver: ProfileResolver): string {
  const parts: string[] = [];
  const list = dropDown(c, resolver);
  if (list) parts.push(`可填：${list.values.join("、")}${list.strict ? "" : "，也可填其他"}`);
  if (c.type === "enum" && c.valueAliases && Object.keys(c.valueAliases).length > 0)
    parts.push(`也认：${Object.entries(c.valueAliases).map(([from, to]) => `${from}（= ${to}）`).join("、")}`);
  if (c.type === "amount") parts.push(/万元/.test(c.header) ? "单位为万元" : "单位为元");
  if (c.type === "date" && c.dateRole === "event") parts.push("须在2000年1月1日至今后1年之间");
  if (c.type === "date" && c.dateRole === "deadline") parts.push("不晚于今后10年");
  if (c.note) parts.push(c.note);
  for (const r of kind.rules) if (r.column === c.header) parts.push(`${r.message}的行不予导入`);
  if (c.name === kind.key) parts.push("每条记录唯一；同一编号再次导入时，更新时间较新的一行替换旧行");
  return parts.join("；");
}

const quoted = (sheet: string) => `'${sheet.replaceAll("'", "''")}'`;

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The template workbook of one kind. */
export function templateWorkbook(kind: KindDecl, resolver: ProfileResolver): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "anjian";
  const ws = wb.addWorksheet(kind.label, { views: [{ state: "frozen", ySplit: 2 }] });
  const notes = wb.addWorksheet(TEMPLATE_SHEET_NOTES);
  const lists = wb.addWorksheet(TEMPLATE_SHEET_LISTS);
  const width = kind.columns.length;

  const title = ws.getCell(1, 1);
  title.value = `${resolver.profile.bureau.name}${kind.label}（导入模板）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center" };
  ws.mergeCells(1, 1, 1, width);

  // exceljs has it, its typings do not.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  let listColumn = 0;
  kind.columns.forEach((c, i) => {
    const col = i + 1;
    const head = ws.getCell(2, col);
    head.value = c.required ? `${c.header}*` : c.header;
    head.font = { bold: true, color: c.required ? { argb: "FFC00000" } : undefined };
    head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7EEF7" } };
    head.note = explain(c, kind, resolver) || TYPE_WORDS[c.type];
    ws.getColumn(col).width = Math.max(12, c.header.length * 2 + 4);

    const fmt = numFmt(c);
    const list = dropDown(c, resolver);
    let formula: string | null = null;
    if (list) {
      // The values live on their own sheet: an inline list is limited to 255 characters.
      listColumn++;
      const letter = columnLetter(listColumn);
      lists.getCell(1, listColumn).value = c.header;
      list.values.forEach((v, k) => {
        lists.getCell(k + 2, listColumn).value = v;
      });
      formula = `${quoted(TEMPLATE_SHEET_LISTS)}!$${letter}$2:$${letter}$${list.values.length + 1}`;
    }
    // The format as the column's style: cells typed into it take it, and no empty rows are written
    // (they would be read, and counted as skipped, on import).
    if (fmt) ws.getColumn(col).numFmt = fmt;
    // One validation per column range (per-cell validations are squeezed by exceljs into
    // overlapping ranges, which Excel reports as damage).
    const range = `${columnLetter(col)}3:${columnLetter(col)}${2 + TEMPLATE_ROWS}`;
    if (list && formula)
      validations.add(range, {
        type: "list",
        allowBlank: !c.required,
        formulae: [formula],
        showErrorMessage: list.strict,
        errorStyle: "stop",
        errorTitle: "不是可选的值",
        error: `请从下拉列表中选择${c.header}`,
      });
    else if (c.type === "date" || c.type === "timestamp")
      validations.add(range, {
        type: "date",
        operator: "greaterThan",
        allowBlank: true,
        formulae: [new Date(Date.UTC(2000, 0, 1))],
        showErrorMessage: true,
        errorTitle: "不是日期",
        error: "请填写2000年以后的日期，如 2023-05-12",
      });
  });

  notes.columns = [
    { header: "列名", width: 22 },
    { header: "必填", width: 6 },
    { header: "类型", width: 30 },
    { header: "说明", width: 90 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of kind.columns)
    notes.addRow([c.header, c.required ? "是" : "", TYPE_WORDS[c.type], explain(c, kind, resolver)]).alignment = { wrapText: true, vertical: "top" };
  notes.addRow([]);
  for (const line of [
    "1. 带*号的列为必填项；第1行标题和第2行表头请勿修改，从第3行起每行填写一条记录。",
    "2. 镇街、单位、类别等列可从下拉列表中选择；也可以填写别名（如“镇海”），导入时自动识别。",
    "3. 日期请填写为日期（如 2023-05-12）；编号、代码请按文本填写，以免被表格软件改成科学计数法。",
    "4. 表格下方可写“合计”“填报人”“备注”等行，导入时自动跳过。",
    `5. 填好后用“anjian ingest 文件名.xlsx”导入；有问题的行会被拒绝并说明原因（anjian rejects 导出）。`,
  ])
    notes.addRow([line]);
  lists.state = "hidden";
  return wb;
}

export async function templateBuffer(kind: KindDecl, resolver: ProfileResolver): Promise<Buffer> {
  return Buffer.from(await templateWorkbook(kind, resolver).xlsx.writeBuffer());
}
