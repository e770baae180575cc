// The report text (Markdown) and the Word document, on the hand-made district.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoPaths } from "@anjian/config";
import { readZipEntries } from "@anjian/exports";
import { loadProfile, ProfileResolver } from "@anjian/profile";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyModels } from "../src/models.ts";
import { appendixBlocks, SHARED_CLAUSES, withoutClause } from "../src/report-appendix.ts";
import { buildReportData, type ReportData } from "../src/report-data.ts";
import { FONTS, reportDocx } from "../src/report-docx.ts";
import { reportMarkdown } from "../src/report-md.ts";
import { reportBlocks } from "../src/report-text.ts";
import { FIGURE_RULES } from "../src/rules.ts";
import { insertRows, type TempWarehouse, tempWarehouse } from "./fixture.ts";
import { INDIVIDUAL, loadScenario, MAJOR_CAMPAIGN } from "./scenario.ts";
import { docxText } from "./zip.ts";
import { which } from "@anjian/testing";

let t: TempWarehouse;
let data: ReportData;
let md: string;
const resolver = new ProfileResolver(loadProfile(repoPaths().profile));

beforeAll(async () => {
  t = await tempWarehouse();
  const c = t.warehouse.connection;
  await loadScenario(c);
  await c.run(
    `INSERT INTO files (batch_id, seq, path, file_name, file_sha256, size_bytes, kind, status, export_time, imported_at)
     VALUES ('20240105-091200-aaaaaa', 0, '案件/案件台账.csv', '案件台账.csv', $sha, 100, 'cases', 'imported',
             TIMESTAMP '2024-01-05 09:12:00', TIMESTAMP '2024-01-06 10:00:00')`,
    { sha: "f".repeat(64) },
  );
  await applyModels(c);
  data = await buildReportData(c, { from: "2023-01-01", to: "2023-12-31" }, resolver);
  md = reportMarkdown(data);
});
afterAll(() => t.cleanup());

describe("the Markdown report", () => {
  it("has the paragraphs of sections (一) and (三), numbered without a gap, with the figures in the report's words", () => {
    expect(md).toContain("### （一）健全完善执法机制制度");
    expect(md).toContain("### （三）推动严格公正文明执法"); // (二) is the work ledger's
    expect(md).toContain("今年以来，各镇街以乡镇（街道）为主体办理安全生产领域行政处罚案件共计2起");
    expect(md).toContain("今年，镇街增加2名持证执法人员");
    expect(md).toContain("2023年，共计对2起案件进行了法制审核，同比增长1.0倍");
    // the major-hazard campaign: 3 majors, 2 of them listed
    expect(md).toContain(
      "5月份以来，我局共抽查检查企业4家，排查一般隐患2项，排查重大事故隐患3项，其中挂牌督办2项；帮助指导镇街、村居26个次，帮扶指导重点企业11家次；" +
        "涉及“一案双罚”1起，责令停产整顿3家，曝光约谈4家企业，责任倒查追责问责4人，在区政府网站公布典型案例3起，在莆田晚报公布典型案例1起，有力震慑了安全生产违法行为",
    );
    expect(md).toContain("督促道路交通企业整改问题和隐患1条");
    expect(md).toContain("全区共办理安全生产行政处罚案件9起，同比增长8.0倍，行政处罚金额14.7万元，同比增长1.9倍");
    expect(md).toContain("其中我局办理安全生产普通程序处罚案件7起，处罚金额14.7万元；各镇街办理简易处罚案件2起，处罚金额0.0万元");
    expect(md).toContain("另有2起案件已立案，截至2023年12月31日尚未作出处罚决定");
  });

  it("has the ledgers' sentences: random checks, accidents named one by one, trainings, the case-file review", () => {
    expect(md).toContain("是落实“双随机”和部门联合抽查机制。今年计划抽查5家，完成计划抽查数4家，同比增长1.0倍，联合工信、镇街、市场监管等部门抽查2家，其中3家的抽查结果已公示。");
    expect(md).toContain(
      "是严肃追究安全事故责任。今年以来，全区发生生产安全事故3起，同比增长2.0倍，死亡1人、受伤2人，直接经济损失123.5万元。" +
        "牵头组织对镇海“1.24”坍塌事故和黄石镇“3.4”火灾事故开展事故调查（另有1起由其他部门牵头调查），对4名相关责任人员进行问责，同比增长3.0倍，对2家相关责任单位给予相应的行政处罚。",
    );
    expect(md).toContain("### （二）大力开展安全生产领域普法宣传教育");
    expect(md).toContain(
      "2月10日，区应急局举办新任执法人员培训，各执法业务股室和镇街安办执法人员12人参加。8月23日，区应急局举办执法业务培训会议，各执法业务股室和镇街安办执法人员29人参加。" +
        "今年共举办执法培训2期，同比增长1.0倍，参训41人次，同比增长1.1倍。",
    );
    expect(md).toContain("### （四）加强行政权力监督制约");
    expect(md).toContain("针对行政处罚案卷评查中发现的2个案卷存在的9个问题，我局及时组织相关案件经办人员开展集中讨论研究，并举一反三开展自查，认真落实整改并全部整改到位。");
    // The appendix: the ledgers' figures, the accidents one by one, the work ledger's categories with records.
    expect(md).toContain("| 帮助指导镇街、村居（个次） | 26 |");
    expect(md).toContain("| 事故直接经济损失（万元） | 123.5 |");
    expect(md).toContain("| 镇海“1.24”坍塌事故 | 2023年1月24日 | 镇海街道 | 坍塌 |");
    expect(md).not.toContain("| 专题学习 |");
  });

  it("uses “全部实施挂牌督办” only when every major hazard is listed", async () => {
    const c = t.warehouse.connection;
    await c.run("UPDATE hazards SET listed = true WHERE hazard_no = 'H05'");
    await applyModels(c); // as the import does after it changed data
    try {
      const all = reportMarkdown(await buildReportData(c, data.period, resolver));
      expect(all).toContain("排查重大事故隐患3项，全部实施挂牌督办");
    } finally {
      await c.run("UPDATE hazards SET listed = false WHERE hazard_no = 'H05'");
      await applyModels(c);
    }
  });

  it("writes the campaign sentences from the period's campaigns, not from fixed text", async () => {
    const c = t.warehouse.connection;
    await insertRows(c, "hazards", [
      { hazard_no: "X1", unit_name: "某建筑公司", found_on: "2023-09-01", campaign: "在建工地安全专项督查", level: "重大事故隐患", listed: true },
      { hazard_no: "X2", unit_name: "某建筑公司", found_on: "2023-09-01", campaign: "在建工地安全专项督查" },
    ]);
    await insertRows(c, "inspections", [
      { inspection_no: "X1", target_name: "某体育馆", inspected_on: "2023-08-08", method: "联合检查", campaign: "体育场馆安全专项检查" },
    ]);
    await applyModels(c);
    try {
      const text = reportMarkdown(await buildReportData(c, data.period, resolver));
      expect(text).toContain("组织在建工地安全专项督查，查找出安全隐患2条，督促住建部门对存在重大事故隐患的1家施工单位进行查处");
      expect(text).toContain("组织体育场馆安全专项检查，检查1家体育馆，督促整改安全隐患0条");
    } finally {
      await c.run("DELETE FROM hazards WHERE hazard_no IN ('X1', 'X2')");
      await c.run("DELETE FROM inspections WHERE inspection_no = 'X1'");
      await applyModels(c);
    }
  });

  it("has every figure in the appendix once, and every counting rule once per group", () => {
    const blocks = appendixBlocks(data);
    const tables = blocks.filter((b) => b.kind === "table");
    const notes = blocks.filter((b) => b.kind === "note").map((b) => (b.kind === "note" ? b.text : ""));
    expect(notes).toHaveLength(7); // one group per kind
    const cells = tables.flatMap((t) => (t.kind === "table" ? t.rows.flat() : []));
    const f = data.current.figures;
    for (const [town, v] of Object.entries(f.cases!.by_town)) expect(tables.some((t) => t.kind === "table" && t.rows.some((r) => r[0] === town && r[1] === String(v.count)))).toBe(true);
    for (const [category, n] of Object.entries(f.hazards!.by_category)) expect(cells.join("|")).toContain(`${category}|${n}`);
    // cases as a cross-table: count and amount of the same cases on one row
    expect(md).toMatch(/\| 全区 \| \d+ \| \d+ \| [^|]+ \| 14\.7 \| 5\.0 \| 增长1\.9倍 \|/);
    // inspections: all of them with last year, then each campaign's enterprises and inspections
    expect(md).toContain(`| ${MAJOR_CAMPAIGN} | 4 | — | — | 6 |`);
    expect(md).toContain(`| ${MAJOR_CAMPAIGN} | 5 | 2 | 3 | 2 | 2 |`);
    // every rule is stated (in its group's 口径), none twice in a group
    const all = notes.join("；");
    // (a clause that opens several rules of a group is stated once, before them)
    for (const [key, rule] of Object.entries(FIGURE_RULES))
      for (const part of rule.rule.split("；").filter((x) => !x.startsWith("口径同"))) {
        const clause = SHARED_CLAUSES.find((c) => part.startsWith(c) && all.includes(`以${c}为统计范围：`));
        expect(all, key).toContain(clause ? withoutClause(part, clause) || clause : part);
      }
    expect(all).toContain("以工作台账中日期在统计期内的记录为统计范围：");
    for (const n of notes) {
      const parts = n.replace(/^口径：|。$/g, "").split("；");
      expect(new Set(parts).size).toBe(parts.length);
    }
  });

  it("ends with the as-of date and the import batches and files", () => {
    expect(md.trim().split("\n").at(-1)).toBe(
      "> 数据截至2024年1月5日 09:12（最新导出时间）；来源：导入批次20240105-091200-aaaaaa，文件案件台账.csv。",
    );
  });

  it("names no individual", () => {
    expect(md).not.toContain(INDIVIDUAL);
  });

  it("speaks of the period when it is not a whole year, with year-on-year change only where last year has data", async () => {
    const part = reportMarkdown(await buildReportData(t.warehouse.connection, { from: "2023-05-01", to: "2023-08-31" }, resolver));
    expect(part).toContain("2023年5月至8月，全区共办理安全生产行政处罚案件2起，同比增长1.0倍，行政处罚金额2.7万元，同比下降46.0%。");
    // no case from September to December 2022: no year-on-year change for cases
    const autumn = reportMarkdown(await buildReportData(t.warehouse.connection, { from: "2023-09-01", to: "2023-12-31" }, resolver));
    expect(autumn).toContain("2023年9月至12月，全区共办理安全生产行政处罚案件3起，行政处罚金额5.0万元。");
  });
});

describe("the Word document", () => {
  let file: string;
  let parts: Map<string, Buffer>;
  let xml: string;
  beforeAll(async () => {
    const buf = await reportDocx(data);
    file = path.join(t.dir, "年报数据-2023.docx");
    fs.writeFileSync(file, buf);
    parts = await readZipEntries(buf);
    xml = parts.get("word/document.xml")!.toString("utf8");
  });

  it("is a zip with the parts of a WordprocessingML document", () => {
    for (const p of ["[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/fontTable.xml", "docProps/core.xml"])
      expect(parts.has(p), p).toBe(true);
  });

  it("holds the report's text", () => {
    const text = docxText(xml);
    for (const block of reportBlocks(data))
      if (block.kind !== "table") expect(text).toContain(block.text.replaceAll("\n", ""));
    expect(text).toContain("完成双随机抽查（家）"); // a table's header
    expect(text).not.toContain(INDIVIDUAL);
  });

  it("is laid out as an official document: fonts, A4, heading styles, a 28 × 22 grid, GB/T 9704 page numbers", () => {
    for (const f of [FONTS.body, FONTS.heading1, FONTS.heading2, FONTS.title]) expect(xml).toContain(`w:eastAsia="${f}"`);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).not.toContain("landscape");
    expect(xml).toContain('<w:sz w:val="32"/>'); // 三号
    // real heading styles, so that Word's navigation pane lists them
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    const styles = parts.get("word/styles.xml")!.toString("utf8");
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?w:eastAsia="黑体"/);
    // 22 lines of 28 characters: line pitch 579 twips (225 mm / 22) on a line grid, body characters
    // 0.25 pt closer so that 28 fit the 156 mm line
    expect(xml).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    expect(xml).toContain('<w:spacing w:val="-5"/>');
    // odd pages numbered on the right, even pages on the left, 宋体 四号 with dashes
    expect(parts.get("word/settings.xml")!.toString("utf8")).toContain("<w:evenAndOddHeaders/>");
    expect(xml).toMatch(/<w:footerReference w:type="default"/);
    expect(xml).toMatch(/<w:footerReference w:type="even"/);
    const footers = [...parts.entries()].filter(([k]) => /^word\/footer\d+\.xml$/.test(k)).map(([, v]) => v.toString("utf8"));
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
    for (const f of footers) {
      expect(f).toContain("— ");
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>'); // 四号
    }
    const fonts = parts.get("word/fontTable.xml")!.toString("utf8");
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
  });

  it.skipIf(!which("soffice"))("converts to PDF with LibreOffice", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "anjian-pdf-"));
    try {
      execFileSync(
        "soffice",
        [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "pdf", "--outdir", out, file],
        { stdio: "ignore", timeout: 120_000 },
      );
      const pdf = path.join(out, "年报数据-2023.pdf");
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
      if (which("pdftotext")) {
        const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
        expect(text).toContain("全区共办理安全生产行政处罚案件9起");
        expect(text).toContain("附表：各项数据及口径");
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
