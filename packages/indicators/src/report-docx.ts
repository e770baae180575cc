// The report as a Word document (docx) laid out as an official document (GB/T 9704): A4 with the
// standard margins (text area 156 × 225 mm), a grid of 28 characters × 22 lines, title 方正小标宋简体
// 二号, headings 黑体 / 楷体_GB2312 三号 as real heading styles (Word's navigation pane lists them),
// body 仿宋_GB2312 三号 with a two-character first-line indent, Latin letters and digits in Times New
// Roman; page numbers 宋体 四号 “— 1 —”, odd pages on the right and even pages on the left, one
// character in from the edge; the appendix on its own pages with its label on the left. Fonts fall
// back through the font table's alternate names (仿宋_GB2312 → 仿宋 → FangSong, …), which Word and
// WPS use when a font is not installed; LibreOffice maps the GB2312 names through its own table.

import { readZipEntries } from "@anjian/exports";
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { ReportData } from "./report-data.ts";
import { type Block, reportBlocks } from "./report-text.ts";

export const FONTS = {
  title: "方正小标宋简体",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  body: "仿宋_GB2312",
  latin: "Times New Roman",
  pageNumber: "宋体",
} as const;

/** Font table entries: alternate names tried when a font is missing, and the GB2312 charset (86). */
const FONT_TABLE: { name: string; alt: string; family: string; pitch: string }[] = [
  { name: FONTS.body, alt: "仿宋", family: "modern", pitch: "fixed" },
  { name: FONTS.heading2, alt: "楷体", family: "modern", pitch: "fixed" },
  { name: FONTS.heading1, alt: "SimHei", family: "modern", pitch: "fixed" },
  { name: FONTS.title, alt: "宋体", family: "script", pitch: "variable" },
  { name: FONTS.pageNumber, alt: "SimSun", family: "auto", pitch: "variable" },
  { name: "仿宋", alt: "FangSong", family: "modern", pitch: "fixed" },
  { name: "楷体", alt: "KaiTi", family: "modern", pitch: "fixed" },
];

function fontTableXml(): string {
  const esc = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${esc(f.name)}"><w:altName w:val="${esc(f.alt)}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:font w:name="${FONTS.latin}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>` +
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
    fonts +
    "</w:fonts>"
  );
}

// Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt, 小五 9pt.
const SIZE = { title: 44, body: 32, appendixHeading: 28, table: 21, tableNote: 18, pageNumber: 28 } as const;
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 }; // 37 / 35 / 28 / 26 mm
/** The text area, in twips: 156 × 225 mm. */
const TEXT = { width: A4.width - MARGIN.left - MARGIN.right, height: A4.height - MARGIN.top - MARGIN.bottom };
/** 22 lines a page: the line pitch (twips), used as the body's exact line spacing too. */
const LINE = Math.floor(TEXT.height / 22);
/**
 * 28 characters a line. A character grid (docGrid linesAndChars with a negative w:charSpace) gives it
 * in Word, but LibreOffice spreads each 三号 character over two grid cells; so the grid is of lines
 * only, and the body's characters are set 0.25 pt closer (16 pt − 0.25 pt = 15.75 pt, 28 of them fit
 * the 156 mm line, 27.6 would at 16 pt): the same 28 × 22 page in Word, WPS and LibreOffice.
 */
const TRACKING = -5; // twentieths of a point
/** Exact lines of the 五号 (10.5 pt) tables and notes, in twips: 11 pt and 13 pt, as 附表 are set. */
const TABLE_LINE = 220;
const NOTE_LINE = 260;
/** The appendix's 口径 notes: 小五 (9 pt) on an exact 11.5 pt line. */
const APPENDIX_NOTE_LINE = 230;
/** The appendix's group titles: 四号 on an exact 19 pt line. */
const APPENDIX_HEADING_LINE = 380;
/** One character of 四号 (14 pt), in twips: how far page numbers sit in from the edge. */
const PAGE_NUMBER_INDENT = 280;

function font(eastAsia: string) {
  return { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin };
}

// Latin text and digits as English (so that "140.3" and "2023" never break across lines), Chinese as zh-CN.
const LANG = { value: "en-US", eastAsia: "zh-CN" };

function run(text: string, eastAsia: string, size: number, bold = false): TextRun {
  return new TextRun({ text, font: font(eastAsia), size, bold, language: LANG, characterSpacing: size === SIZE.body ? TRACKING : undefined });
}

function paragraphFor(b: Exclude<Block, { kind: "table" }>, inAppendix = false): Paragraph {
  const fixed = { line: LINE, lineRule: LineRuleType.EXACT };
  switch (b.kind) {
    case "title":
      // A title may be set on two lines ("\n"), as official titles are.
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 0 },
        children: b.text
          .split("\n")
          .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, font: font(FONTS.title), size: SIZE.title, language: LANG })),
      });
    case "subtitle":
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...fixed, after: LINE / 2 },
        children: [run(b.text, FONTS.heading2, SIZE.body)],
      });
    case "heading1":
      // The appendix label sits on the left of a new page (附件-style), the others indented two characters.
      return /^附表/.test(b.text)
        ? new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, indent: { firstLine: 0 }, children: [run(b.text, FONTS.heading1, SIZE.body)] })
        : new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(b.text, FONTS.heading1, SIZE.body)] });
    case "heading2":
      // the appendix's group titles head tables, in 四号 on their own short line (still Heading 2)
      return inAppendix
        ? new Paragraph({
            heading: HeadingLevel.HEADING_2,
            spacing: { line: APPENDIX_HEADING_LINE, lineRule: LineRuleType.EXACT, before: 40, after: 0 },
            indent: { firstLine: 0 },
            children: [run(b.text, FONTS.heading2, SIZE.appendixHeading)],
          })
        : new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(b.text, FONTS.heading2, SIZE.body)] });
    case "paragraph":
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: fixed,
        indent: { firstLine: 640 },
        children: [run(b.text, FONTS.body, SIZE.body)],
      });
    case "note":
      // notes (sources, the report's 说明) in 五号 like the tables: read, not pasted; the appendix's
      // 口径 under its tables in 小五, as notes to statistical tables are set
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { line: inAppendix ? APPENDIX_NOTE_LINE : NOTE_LINE, lineRule: LineRuleType.EXACT, before: 40, after: 40 },
        indent: { firstLine: inAppendix ? 360 : 420 },
        children: [run(b.text, FONTS.body, inAppendix ? SIZE.tableNote : SIZE.table)],
      });
  }
}

function tableFor(b: Extract<Block, { kind: "table" }>, width: number): Table {
  // Each column as wide as its longest cell (a header may wrap onto two lines), at least four
  // characters and at most sixteen (longer names wrap): names get room, numbers no more than they need.
  const chars = (t: string) => [...t].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x100 ? 0.55 : 1), 0);
  const weights = b.header.map((h, i) =>
    Math.min(16, Math.max(4, Math.ceil(chars(h) / 2), ...b.rows.map((r) => chars(r[i] ?? "")))) + 1, // + the cell's margins
  );
  const total = weights.reduce((a, w) => a + w, 0);
  const widths = weights.map((w) => Math.floor((width * w) / total));
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      borders,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 0, bottom: 0, left: 60, right: 60 },
      children: [
        new Paragraph({
          alignment: header || i > 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
          // tables keep their own small exact line: an exact line is not put on the page's 22-line grid
          indent: { firstLine: 0 },
          spacing: { line: TABLE_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [run(text, header ? FONTS.heading1 : FONTS.body, SIZE.table)],
        }),
      ],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: b.header.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

function spacer(): Paragraph {
  return new Paragraph({ spacing: { line: 100, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] });
}

/** GB/T 9704 page numbers: 宋体 四号 “— 1 —”, one character in from the right (odd) or left (even) edge. */
function footer(side: "odd" | "even"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: PAGE_NUMBER_INDENT, firstLine: 0 } : { left: PAGE_NUMBER_INDENT, firstLine: 0 },
        spacing: { line: 320, lineRule: LineRuleType.EXACT },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: { ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber, eastAsia: FONTS.pageNumber, cs: FONTS.pageNumber },
            size: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });
}

export async function renderDocx(blocks: Block[], meta: { title: string }): Promise<Buffer> {
  const heading = (eastAsia: string) => ({
    run: { font: font(eastAsia), size: SIZE.body, bold: false },
    paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, indent: { firstLine: 640 }, keepNext: true },
  });
  const found = blocks.findIndex((b) => b.kind === "heading1" && /^附表/.test(b.text));
  const appendixAt = found < 0 ? blocks.length : found;
  const doc = new Document({
    title: meta.title,
    creator: "anjian",
    description: "安全生产行政执法数据（由 anjian figures 生成）",
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZE.body, language: LANG },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
        },
        // Heading 1 / Heading 2: what Word's navigation pane and a table of contents list
        heading1: heading(FONTS.heading1),
        heading2: heading(FONTS.heading2),
      },
    },
    sections: [
      {
        properties: {
          page: { size: { width: A4.width, height: A4.height }, margin: { ...MARGIN, header: 851, footer: 992 } },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: footer("odd"), even: footer("even") },
        // Two tables in a row would be joined into one by Word and LibreOffice: a thin paragraph between them.
        children: blocks.flatMap((b, i) =>
          b.kind === "table"
            ? [...(blocks[i - 1]?.kind === "table" ? [spacer()] : []), tableFor(b, TEXT.width)]
            : [paragraphFor(b, i > appendixAt)],
        ),
      },
    ],
  });
  const fontTable = { path: "word/fontTable.xml", data: fontTableXml() };
  const packed = await Packer.toBuffer(doc, false, [fontTable]);
  // Paragraphs with their own exact line (tables, notes, page numbers) must not snap to the page's
  // 22-line grid, or LibreOffice and WPS give each of their lines a full grid line. docx has no
  // paragraph-level snapToGrid, so it is added to document.xml and the footers, then packed again.
  const parts = await readZipEntries(packed);
  const overrides = [...parts.entries()]
    .filter(([name]) => name === "word/document.xml" || /^word\/footer\d+\.xml$/.test(name))
    .map(([name, data]) => ({ path: name, data: offGrid(data.toString("utf8")) }));
  return Packer.toBuffer(doc, false, [fontTable, ...overrides]);
}

/** Adds <w:snapToGrid w:val="0"/> before every exact line spacing other than the grid's own. */
export function offGrid(xml: string): string {
  return xml.replace(/<w:spacing\b[^>]*\bw:line="(\d+)"[^>]*w:lineRule="exact"[^>]*\/>/g, (m, line: string) =>
    Number(line) === LINE ? m : `<w:snapToGrid w:val="0"/>${m}`,
  );
}

export async function reportDocx(data: ReportData): Promise<Buffer> {
  const blocks = reportBlocks(data);
  const title = blocks.find((b) => b.kind === "title");
  return renderDocx(blocks, { title: title && "text" in title ? title.text : "安全生产行政执法数据" });
}
