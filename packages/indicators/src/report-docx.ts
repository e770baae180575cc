// The report as a Word document (docx): A4, the fonts of Chinese official documents (GB/T 9704
// practice): title 方正小标宋简体 二号, headings 黑体 / 楷体_GB2312 三号, body 仿宋_GB2312 三号 with a
// fixed 28-point line and a two-character first-line indent, Latin letters and digits in Times New
// Roman; the appendix table in a landscape A4 section. Fonts fall back through the font table's
// alternate names (仿宋_GB2312 → 仿宋 → FangSong, …), which Word and WPS use when a font is not
// installed; LibreOffice maps the GB2312 names through its own substitution table.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
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

// Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt.
const SIZE = { title: 44, body: 32, note: 24, table: 21, pageNumber: 28 } as const;
const LINE = 560; // 28 pt, fixed
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 }; // 37 / 35 / 28 / 26 mm

function font(eastAsia: string) {
  return { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin };
}

// Latin text and digits as English (so that "140.3" and "2023" never break across lines), Chinese as zh-CN.
const LANG = { value: "en-US", eastAsia: "zh-CN" };

function run(text: string, eastAsia: string, size: number, bold = false): TextRun {
  return new TextRun({ text, font: font(eastAsia), size, bold, language: LANG });
}

function paragraphFor(b: Exclude<Block, { kind: "table" }>): Paragraph {
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
      return new Paragraph({
        spacing: fixed,
        indent: { firstLine: 640 },
        keepNext: true,
        children: [run(b.text, FONTS.heading1, SIZE.body)],
      });
    case "heading2":
      return new Paragraph({
        spacing: fixed,
        indent: { firstLine: 640 },
        keepNext: true,
        children: [run(b.text, FONTS.heading2, SIZE.body)],
      });
    case "paragraph":
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: fixed,
        indent: { firstLine: 640 },
        children: [run(b.text, FONTS.body, SIZE.body)],
      });
    case "note":
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { line: 400, lineRule: LineRuleType.EXACT, before: 120, after: 120 },
        indent: { firstLine: 480 },
        children: [run(b.text, FONTS.body, SIZE.note)],
      });
  }
}

function tableFor(b: Extract<Block, { kind: "table" }>, width: number): Table {
  const shares = [18, 10, 10, 11, 51];
  const widths = shares.map((s) => Math.floor((width * s) / 100));
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      borders,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: header || (i > 0 && i < 4) ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 300, lineRule: LineRuleType.AT_LEAST },
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

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font(FONTS.pageNumber), size: SIZE.pageNumber }),
        ],
      }),
    ],
  });
}

export function renderDocx(blocks: Block[], meta: { title: string }): Promise<Buffer> {
  // The text before the appendix in a portrait section; the appendix (heading, table, source line)
  // in a landscape one.
  const appendixAt = blocks.findIndex((b, i) => b.kind === "heading1" && blocks[i + 1]?.kind === "table");
  const main = appendixAt >= 0 ? blocks.slice(0, appendixAt) : blocks;
  const appendix = appendixAt >= 0 ? blocks.slice(appendixAt) : [];
  const landscapeWidth = A4.height - MARGIN.left - MARGIN.right;
  const children = (list: Block[], tableWidth: number) =>
    list.map((b) => (b.kind === "table" ? tableFor(b, tableWidth) : paragraphFor(b)));
  const page = (orientation: (typeof PageOrientation)[keyof typeof PageOrientation]) => ({
    size: { width: A4.width, height: A4.height, orientation },
    margin: { ...MARGIN, header: 851, footer: 992 },
  });
  const doc = new Document({
    title: meta.title,
    creator: "anjian",
    description: "安全生产行政执法数据（由 anjian figures 生成）",
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZE.body, language: LANG },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      { properties: { page: page(PageOrientation.PORTRAIT) }, footers: { default: footer() }, children: children(main, A4.width - MARGIN.left - MARGIN.right) },
      ...(appendix.length
        ? [{ properties: { page: page(PageOrientation.LANDSCAPE) }, footers: { default: footer() }, children: children(appendix, landscapeWidth) }]
        : []),
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: "word/fontTable.xml", data: fontTableXml() }]);
}

export async function reportDocx(data: ReportData): Promise<Buffer> {
  const blocks = reportBlocks(data);
  const title = blocks.find((b) => b.kind === "title");
  return renderDocx(blocks, { title: title && "text" in title ? title.text : "安全生产行政执法数据" });
}
