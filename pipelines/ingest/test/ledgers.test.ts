// The bureau's own ledgers (platform-exports.md §3.5) under the rules of §1–§2: random checks and the
// work ledger as hand-kept workbooks, accidents as a GB18030 CSV export with title and footer rows.
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freshWarehouse, type Row, type TestWarehouse, writeCsv, writeXlsx } from "./helpers.ts";

let w: TestWarehouse;
afterEach(() => w?.close());

const ACCIDENT_HEADER = ["事故编号", "事故名称", "事故发生日期", "事发镇街", "事故类型", "死亡人数", "受伤人数", "直接经济损失（万元）", "调查牵头单位", "调查状态", "问责人数", "处罚单位数", "更新时间"];

async function reasons(): Promise<Record<number, string>> {
  const rows = await w.rows<{ row_no: number; reason: string }>("SELECT row_no, reason FROM rejects ORDER BY row_no");
  return Object.fromEntries(rows.map((r) => [r.row_no, r.reason]));
}

describe("accidents: a GB18030 CSV export", () => {
  it("imports with title, export-time and footer rows; maps the lead unit to the bureau or keeps it; rejects bad rows with reasons", async () => {
    w = await freshWarehouse();
    const rows: Row[] = [
      ["荔城区应急管理局事故调查台账（2023年度）"],
      ["导出时间：2024-01-05 09:12"],
      ACCIDENT_HEADER,
      ["SG2023-01", "镇海“1.24”坍塌事故", "2023年1月24日", "镇海", "坍塌事故", "1", "0", "120", "区应急局", "已结案", "2人", "1", ""],
      ["SG2023-02", "黄石镇“3.4”火灾事故", "2023/3/4", "黄石镇人民政府", "火灾", "0", "2", "35.24", "荔城区应急管理局执法大队", "已结案", "1", "1", "2023-06-01 10:00:00"],
      ["SG2023-03", "拱辰“10.9”透水事故", "2023.10.9", "荔城区拱辰街道", "透水", "", "", "", "荔城区人力资源和社会保障局", "调查中", "", "", ""],
      ["SG2023-04", "新度“2.30”事故", "2023-02-30", "新度", "坍塌", "0", "0", "0", "区应急局", "已结案", "0", "0", ""],
      ["SG2023-05", "北高“5.1”事故", "2023-05-01", "北高", "交通", "0", "0", "0", "区应急局", "已结案", "-1", "0", ""],
      ["SG2023-06", "外区事故", "2023-05-02", "涵江区", "其他", "0", "0", "0", "区应急局", "已结案", "0", "0", ""],
      ["SG2023-07", "西天尾“1.1”事故", "1999-01-01", "西天尾", "其他", "0", "0", "0", "区应急局", "已结案", "1.5", "0", ""],
      [],
      ["合计", "", "", "", "", "1", "2", "155.24"],
      ["制表人：张三"],
    ];
    const file = writeCsv(path.join(w.dir, "事故调查台账.csv"), rows, "gb18030");
    const { files } = await w.run([file]);
    expect(files[0]).toMatchObject({ kind: "accidents", status: "imported", read: 12, accepted: 3, rejected: 4, skipped: 5 });
    const stored = await w.rows(
      `SELECT accident_no, accident_name, occurred_on::VARCHAR AS d, town, accident_type, deaths, injuries,
              direct_loss_yuan::VARCHAR AS loss, lead_unit, lead_unit_level, investigation_status, accountable, units_penalised
       FROM accidents ORDER BY accident_no`,
    );
    expect(stored).toEqual([
      { accident_no: "SG2023-01", accident_name: "镇海“1.24”坍塌事故", d: "2023-01-24", town: "镇海街道", accident_type: "坍塌", deaths: 1, injuries: 0, loss: "1200000.00", lead_unit: "荔城区应急管理局", lead_unit_level: "bureau", investigation_status: "已结案", accountable: 2, units_penalised: 1 },
      { accident_no: "SG2023-02", accident_name: "黄石镇“3.4”火灾事故", d: "2023-03-04", town: "黄石镇", accident_type: "火灾", deaths: 0, injuries: 2, loss: "352400.00", lead_unit: "荔城区应急管理局", lead_unit_level: "bureau", investigation_status: "已结案", accountable: 1, units_penalised: 1 },
      { accident_no: "SG2023-03", accident_name: "拱辰“10.9”透水事故", d: "2023-10-09", town: "拱辰街道", accident_type: "透水", deaths: null, injuries: null, loss: "0.00", lead_unit: "荔城区人力资源和社会保障局", lead_unit_level: null, investigation_status: "调查中", accountable: null, units_penalised: null },
    ]);
    const r = await reasons();
    expect(r[7]).toContain("不是存在的日期");
    expect(r[8]).toContain("“交通”不是可接受的值（可填：坍塌、火灾、透水、触电、高处坠落、机械伤害、物体打击、中毒和窒息、爆炸、其他）");
    expect(r[8]).toContain("“-1”为负数");
    expect(r[9]).toContain("“涵江区”不是本区镇街");
    expect(r[10]).toContain("超出合理范围");
    expect(r[10]).toContain("“1.5”不是可识别的整数");
  });
});

const CHECK_HEADER = ["任务编号", "抽查计划", "计划年度", "抽查对象", "统一社会信用代码", "所属镇街", "抽查日期", "任务状态", "是否联合抽查", "联合部门", "抽查结果", "是否已公示"];

describe("random checks and the work ledger: hand-kept workbooks", () => {
  it("reads the year as 2023, 2023年 or a numeric cell; enumerations with variants; rejects the rest with the accepted values", async () => {
    w = await freshWarehouse();
    const d = (m: number, day: number) => new Date(Date.UTC(2023, m - 1, day));
    const file = await writeXlsx(path.join(w.dir, "双随机抽查.xlsx"), [
      {
        name: "2023年抽查",
        rows: [
          ["荔城区应急管理局2023年双随机抽查任务"],
          CHECK_HEADER,
          ["SJ-1", "2023年第一批", 2023, "莆田市甲鞋业有限公司", "91350100M000100Y43", "镇海", d(3, 2), "已完成", "是", "工信、镇街", "未发现问题", "是"],
          ["SJ-2", "2023年第一批", "2023年", "莆田市乙鞋业有限公司", null, "黄石镇", "2023-04-05", "完成", "否", null, "发现隐患2项", "√"],
          ["SJ-3", "2023年第二批", "２０２３", "莆田市丙公司", null, "新度", null, "取消", null, null, null, null],
          ["SJ-4", "2023年第二批", "23年", "莆田市丁公司", null, "新度", null, "未完成", null, null, null, null],
          ["SJ-5", "2023年第二批", 2023, "莆田市戊公司", null, "新度", null, "已结束", null, null, null, null],
          ["SJ-6", "2023年第二批", 2023, "莆田市己公司", null, "新度", null, "已完成", null, null, null, null],
          ["SJ-7", "2023年第二批", 2023, "莆田市庚公司", null, "新度", d(1, 1), "已完成", "是", "市场监管", null, "否"],
          ["合计：7家"],
        ],
        merges: ["A1:L1"],
        dateColumns: [7],
      },
    ]);
    const { files } = await w.run([file]);
    expect(files[0]).toMatchObject({ kind: "random_checks", status: "imported", read: 9, accepted: 4, rejected: 3, skipped: 2 });
    expect(
      await w.rows(
        "SELECT task_no, plan_year, town, checked_on::VARCHAR AS d, task_status, joint, joint_departments, published FROM random_checks ORDER BY task_no",
      ),
    ).toEqual([
      { task_no: "SJ-1", plan_year: 2023, town: "镇海街道", d: "2023-03-02", task_status: "已完成", joint: true, joint_departments: "工信、镇街", published: true },
      { task_no: "SJ-2", plan_year: 2023, town: "黄石镇", d: "2023-04-05", task_status: "已完成", joint: false, joint_departments: null, published: true },
      { task_no: "SJ-3", plan_year: 2023, town: "新度镇", d: null, task_status: "已取消", joint: false, joint_departments: null, published: false },
      { task_no: "SJ-7", plan_year: 2023, town: "新度镇", d: "2023-01-01", task_status: "已完成", joint: true, joint_departments: "市场监管", published: false },
    ]);
    const r = await reasons();
    expect(r[6]).toContain("“23年”不是可识别的年度");
    expect(r[7]).toContain("“已结束”不是可接受的值（可填：已完成、未完成、已取消）");
    expect(r[8]).toContain("任务状态为“已完成”时必须填写抽查日期");
  });

  it("imports the work ledger; an empty 对象数量 stays empty; a newer 更新时间 replaces the row", async () => {
    w = await freshWarehouse();
    const header = ["记录编号", "日期", "类别", "标题", "所属镇街", "对象类型", "对象数量", "参加人数", "发现问题数", "整改问题数", "发布渠道", "更新时间"];
    const first = await writeXlsx(path.join(w.dir, "工作台账-1.xlsx"), [
      {
        name: "台账",
        rows: [
          header,
          ["GZ-1", new Date(Date.UTC(2023, 7, 23)), "培训", "2023年执法业务培训会议", null, "执法人员", null, "29人", null, null, null, "2023-08-24 09:00"],
          ["GZ-2", "2023-05-10", "帮扶指导", "指导镇街执法", "拱辰", "镇", "12", null, null, null, null, null],
          ["GZ-3", "2023-06-10", "案卷评查", "案卷评查", null, null, "3", null, "16", "17", null, null],
          ["GZ-4", "2023-06-11", "座谈", "座谈会", null, "群众", "1", null, null, null, null, null],
          ["GZ-5", "2023-06-12", "典型案例", "公布典型案例", null, "企业", "2", null, null, null, "莆田晚报", null],
          ["备注：本表手工登记"],
        ],
        dateColumns: [2],
      },
    ]);
    const second = await writeXlsx(path.join(w.dir, "工作台账-2.xlsx"), [
      { name: "台账", rows: [header, ["GZ-1", "2023-08-23", "执法培训", "2023年执法业务培训会议", null, "执法人员", null, "30", null, null, null, "2023-09-01 10:00"]] },
    ]);
    const [a, b] = (await w.run([first, second])).files;
    expect(a).toMatchObject({ kind: "activities", read: 6, accepted: 3, rejected: 2, skipped: 1 });
    expect(b).toMatchObject({ kind: "activities", accepted: 1, replaced: 1 });
    expect(
      await w.rows("SELECT record_no, held_on::VARCHAR AS d, category, town, object_type, objects, participants, channel FROM activities ORDER BY record_no"),
    ).toEqual([
      { record_no: "GZ-1", d: "2023-08-23", category: "执法培训", town: null, object_type: "执法人员", objects: null, participants: 30, channel: null },
      { record_no: "GZ-2", d: "2023-05-10", category: "帮扶指导", town: "拱辰街道", object_type: "镇街", objects: 12, participants: null, channel: null },
      { record_no: "GZ-5", d: "2023-06-12", category: "典型案例公布", town: null, object_type: "企业", objects: 2, participants: null, channel: "莆田晚报" },
    ]);
    const r = await reasons();
    expect(r[4]).toContain("整改问题数多于发现问题数");
    expect(r[5]).toContain("“座谈”不是可接受的值（可填：普法宣传、执法培训、应急演练、帮扶指导、约谈曝光、典型案例公布、案卷评查、专题学习）");
  });
});
