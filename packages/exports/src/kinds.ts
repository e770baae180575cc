// The kinds of platform export (and of the bureau's own ledgers), declared as data: columns,
// types, keys and cross-column rules. Adding a kind is a declaration here (its warehouse table is
// derived from it, see kind-tables.ts) plus its models, not a new code path.
// Header aliases live apart, in data/reference/header-aliases.csv, so analysts can edit them.

export type KindName = "cases" | "inspections" | "hazards" | "enforcers" | "random_checks" | "accidents" | "activities";

/** How a column's raw text becomes a typed value; each type has one cleaning rule in SQL. */
export type ColumnType =
  | "text" // trimmed text, kept as written
  | "code" // identifiers: half-width, upper-case; numeric cells that lost digits count as missing
  | "credit_code" // 统一社会信用代码: a code with the GB 32100 check digit as a warning
  | "personal_id" // 证件号码/身份证号: stored only as a keyed hash
  | "date"
  | "timestamp"
  | "amount" // 元, DECIMAL(18,2); the unit (元/万元) comes from the header
  | "boolean"
  | "town" // mapped through the district profile
  | "unit" // 执法主体/所属单位, mapped through the district profile
  | "hazard_category" // mapped through the profile; unknown → 其他 with a warning
  | "enum" // one of `values`, with value aliases
  | "list" // 处罚种类: split on 、，,；;
  | "year" // 计划年度: 2023, 2023年, a numeric cell
  | "count"; // a number of persons, objects, problems: a whole number ≥ 0, empty stays empty

export interface ColumnDecl {
  /** Warehouse column name (English identifier). */
  name: string;
  /** Canonical header as in the platform export. */
  header: string;
  type: ColumnType;
  required?: boolean;
  /** For dates: "event" must lie in 2000-01-01 .. today + 1 year; "deadline" at most 10 years ahead. */
  dateRole?: "event" | "deadline";
  /** For enums: canonical values, and aliases mapping other spellings onto them. */
  values?: readonly string[];
  valueAliases?: Readonly<Record<string, string>>;
  /** For lists: the accepted items (others are kept, with a warning). */
  items?: readonly string[];
  /** SQL over the typed columns giving the value when the cell is empty. */
  fallback?: string;
  /**
   * For units: an unknown unit is kept as written (level empty) instead of being a row error
   * (调查牵头单位: another department may lead an investigation).
   */
  keepUnknown?: boolean;
  /** What the column holds, for the import template's explanation sheet (defaults from the type). */
  note?: string;
}

export interface RowRule {
  /** SQL over the typed columns that is TRUE when the row is wrong. */
  when: string;
  /** Header of the column the error is reported on. */
  column: string;
  message: string;
}

export interface KindDecl {
  name: KindName;
  /** Chinese name for messages. */
  label: string;
  /** Where the records come from: the provincial platform's exports or the bureau's own ledgers. */
  source: "platform" | "ledger";
  /** Warehouse table. */
  table: string;
  /** Natural key (warehouse column name). */
  key: string;
  /** The date that places a record in time, for overviews (warehouse column name). */
  dateColumn: string;
  columns: readonly ColumnDecl[];
  rules: readonly RowRule[];
}

/** 事故类型 (platform-exports.md §3.5). */
export const ACCIDENT_TYPES = ["坍塌", "火灾", "透水", "触电", "高处坠落", "机械伤害", "物体打击", "中毒和窒息", "爆炸", "其他"] as const;
/** 工作台账 类别 (platform-exports.md §3.5). */
export const ACTIVITY_CATEGORIES = ["普法宣传", "执法培训", "应急演练", "帮扶指导", "约谈曝光", "典型案例公布", "案卷评查", "专题学习"] as const;

const updatedAt: ColumnDecl = { name: "updated_at", header: "更新时间", type: "timestamp" };

export const kinds: readonly KindDecl[] = [
  {
    name: "cases",
    source: "platform",
    label: "行政处罚案件台账",
    table: "cases",
    key: "case_no",
    dateColumn: "filed_on",
    columns: [
      { name: "case_no", header: "案件编号", type: "code", required: true },
      { name: "case_name", header: "案件名称", type: "text" },
      { name: "party_name", header: "当事人名称", type: "text", required: true },
      {
        name: "party_type",
        header: "当事人类型",
        type: "enum",
        values: ["单位", "个人", "个体工商户"],
        valueAliases: { 法人及非法人组织: "单位", 法人: "单位", 自然人: "个人", 个体: "个体工商户" },
        fallback: "CASE WHEN credit_code IS NOT NULL THEN '单位' ELSE '个人' END",
      },
      { name: "credit_code", header: "统一社会信用代码", type: "credit_code" },
      { name: "party_id_hash", header: "当事人证件号码", type: "personal_id" },
      { name: "town", header: "所属镇街", type: "town", required: true },
      { name: "industry", header: "行业领域", type: "text" },
      { name: "violation", header: "违法行为", type: "text" },
      { name: "authority", header: "执法主体", type: "unit", required: true },
      {
        name: "procedure",
        header: "程序类型",
        type: "enum",
        required: true,
        values: ["简易程序", "普通程序"],
        valueAliases: { 简易: "简易程序", 普通: "普通程序", 一般程序: "普通程序" },
      },
      { name: "filed_on", header: "立案日期", type: "date", required: true, dateRole: "event" },
      { name: "decision_no", header: "处罚决定书文号", type: "text" },
      { name: "decided_on", header: "处罚决定日期", type: "date", dateRole: "event" },
      {
        name: "penalty_kinds",
        header: "处罚种类",
        type: "list",
        items: ["警告", "通报批评", "罚款", "没收违法所得", "责令停产停业", "暂扣或者吊销有关许可证", "关闭", "拘留"],
      },
      { name: "fine_yuan", header: "罚款金额（元）", type: "amount" },
      { name: "dual_penalty", header: "是否一案双罚", type: "boolean" },
      { name: "legal_review", header: "是否法制审核", type: "boolean" },
      {
        name: "status",
        header: "案件状态",
        type: "enum",
        values: ["已立案", "调查中", "已决定", "执行中", "已结案", "已撤销"],
        valueAliases: { 立案: "已立案", 结案: "已结案", 撤销: "已撤销" },
      },
      { name: "closed_on", header: "结案日期", type: "date", dateRole: "event" },
      updatedAt,
    ],
    rules: [
      { when: "decided_on < filed_on", column: "处罚决定日期", message: "处罚决定日期早于立案日期" },
      { when: "closed_on < filed_on", column: "结案日期", message: "结案日期早于立案日期" },
    ],
  },
  {
    name: "inspections",
    source: "platform",
    label: "执法检查记录",
    table: "inspections",
    key: "inspection_no",
    dateColumn: "inspected_on",
    columns: [
      { name: "inspection_no", header: "检查编号", type: "code", required: true },
      { name: "target_name", header: "检查对象", type: "text", required: true },
      { name: "credit_code", header: "统一社会信用代码", type: "credit_code" },
      { name: "town", header: "所属镇街", type: "town", required: true },
      { name: "industry", header: "行业领域", type: "text" },
      { name: "inspected_on", header: "检查日期", type: "date", required: true, dateRole: "event" },
      { name: "method", header: "检查方式", type: "text", required: true },
      { name: "campaign", header: "专项行动", type: "text" },
      { name: "authority", header: "检查单位", type: "unit" },
      { name: "joint", header: "是否联合检查", type: "boolean" },
      { name: "joint_departments", header: "联合部门", type: "text" },
      { name: "result", header: "检查结果", type: "text" },
      updatedAt,
    ],
    rules: [],
  },
  {
    name: "hazards",
    source: "platform",
    label: "隐患排查治理台账",
    table: "hazards",
    key: "hazard_no",
    dateColumn: "found_on",
    columns: [
      { name: "hazard_no", header: "隐患编号", type: "code", required: true },
      { name: "inspection_no", header: "检查编号", type: "code" },
      { name: "unit_name", header: "单位名称", type: "text", required: true },
      { name: "credit_code", header: "统一社会信用代码", type: "credit_code" },
      { name: "town", header: "所属镇街", type: "town", required: true },
      { name: "industry", header: "行业领域", type: "text" },
      { name: "found_on", header: "发现日期", type: "date", required: true, dateRole: "event" },
      {
        name: "level",
        header: "隐患等级",
        type: "enum",
        required: true,
        values: ["一般隐患", "重大事故隐患"],
        valueAliases: { 一般: "一般隐患", 一般事故隐患: "一般隐患", 重大: "重大事故隐患", 重大隐患: "重大事故隐患" },
      },
      { name: "category", header: "隐患类别", type: "hazard_category", required: true },
      { name: "description", header: "隐患描述", type: "text" },
      { name: "campaign", header: "专项行动", type: "text" },
      { name: "deadline", header: "整改期限", type: "date", dateRole: "deadline" },
      {
        name: "rectification",
        header: "整改状态",
        type: "enum",
        required: true,
        values: ["已整改", "整改中", "逾期未整改"],
        valueAliases: { 已完成: "已整改", 完成整改: "已整改", 未整改: "整改中", 逾期: "逾期未整改" },
      },
      { name: "rectified_on", header: "整改完成日期", type: "date", dateRole: "event" },
      { name: "listed", header: "是否挂牌督办", type: "boolean" },
      updatedAt,
    ],
    rules: [
      {
        when: "rectification = '已整改' AND rectified_on IS NULL",
        column: "整改完成日期",
        message: "整改状态为“已整改”时必须填写整改完成日期",
      },
      { when: "rectified_on < found_on", column: "整改完成日期", message: "整改完成日期早于发现日期" },
    ],
  },
  {
    name: "enforcers",
    source: "platform",
    label: "执法人员名册",
    table: "enforcers",
    key: "certificate_no",
    dateColumn: "issued_on",
    columns: [
      { name: "person_name", header: "姓名", type: "text", required: true },
      { name: "person_id_hash", header: "身份证号", type: "personal_id" },
      { name: "unit", header: "所属单位", type: "unit", required: true },
      { name: "certificate_no", header: "执法证号", type: "code", required: true },
      { name: "certificate_type", header: "证件类型", type: "text" },
      { name: "field", header: "执法类别", type: "text" },
      { name: "issued_on", header: "发证日期", type: "date", required: true, dateRole: "event" },
      { name: "valid_until", header: "有效期至", type: "date", required: true, dateRole: "deadline" },
      {
        name: "cert_status",
        header: "证件状态",
        type: "enum",
        required: true,
        values: ["有效", "已注销", "已过期", "暂扣"],
        valueAliases: { 正常: "有效", 注销: "已注销", 过期: "已过期", 失效: "已过期", 暂扣中: "暂扣" },
      },
      { name: "cancelled_on", header: "注销日期", type: "date", dateRole: "event" },
      updatedAt,
    ],
    rules: [{ when: "valid_until < issued_on", column: "有效期至", message: "有效期至早于发证日期" }],
  },
  {
    name: "random_checks",
    source: "ledger",
    label: "双随机抽查任务",
    table: "random_checks",
    key: "task_no",
    dateColumn: "checked_on",
    columns: [
      { name: "task_no", header: "任务编号", type: "code", required: true },
      { name: "plan", header: "抽查计划", type: "text" },
      { name: "plan_year", header: "计划年度", type: "year", required: true },
      { name: "target_name", header: "抽查对象", type: "text", required: true },
      { name: "credit_code", header: "统一社会信用代码", type: "credit_code" },
      { name: "town", header: "所属镇街", type: "town", required: true },
      { name: "checked_on", header: "抽查日期", type: "date", dateRole: "event" },
      {
        name: "task_status",
        header: "任务状态",
        type: "enum",
        required: true,
        values: ["已完成", "未完成", "已取消"],
        valueAliases: { 完成: "已完成", 已办结: "已完成", 办结: "已完成", 进行中: "未完成", 待检查: "未完成", 未开始: "未完成", 取消: "已取消", 已撤销: "已取消" },
      },
      { name: "joint", header: "是否联合抽查", type: "boolean" },
      { name: "joint_departments", header: "联合部门", type: "text", note: "多个部门用顿号（、）分隔，如 工信、镇街" },
      { name: "result", header: "抽查结果", type: "text" },
      { name: "published", header: "是否已公示", type: "boolean" },
      updatedAt,
    ],
    rules: [
      {
        when: "task_status = '已完成' AND checked_on IS NULL",
        column: "抽查日期",
        message: "任务状态为“已完成”时必须填写抽查日期",
      },
    ],
  },
  {
    name: "accidents",
    source: "ledger",
    label: "事故调查台账",
    table: "accidents",
    key: "accident_no",
    dateColumn: "occurred_on",
    columns: [
      { name: "accident_no", header: "事故编号", type: "code", required: true },
      { name: "accident_name", header: "事故名称", type: "text", required: true, note: "如 镇海“1.24”坍塌事故" },
      { name: "occurred_on", header: "发生日期", type: "date", required: true, dateRole: "event" },
      { name: "town", header: "所属镇街", type: "town", required: true },
      {
        name: "accident_type",
        header: "事故类型",
        type: "enum",
        required: true,
        values: ACCIDENT_TYPES,
        valueAliases: {
          ...Object.fromEntries(ACCIDENT_TYPES.map((t) => [`${t}事故`, t])),
          中毒窒息: "中毒和窒息",
          中毒: "中毒和窒息",
          窒息: "中毒和窒息",
          坠落: "高处坠落",
          火灾爆炸: "爆炸",
          冒顶片帮: "坍塌",
          淹溺: "透水",
        },
      },
      { name: "deaths", header: "死亡人数", type: "count" },
      { name: "injuries", header: "受伤人数", type: "count" },
      { name: "direct_loss_yuan", header: "直接经济损失（万元）", type: "amount" },
      {
        name: "lead_unit",
        header: "调查牵头单位",
        type: "unit",
        keepUnknown: true,
        note: "区应急管理局（含其股室、别名）计为我局牵头；其他单位照原样保存",
      },
      {
        name: "investigation_status",
        header: "调查状态",
        type: "enum",
        values: ["调查中", "已结案"],
        valueAliases: { 正在调查: "调查中", 结案: "已结案", 已办结: "已结案", 调查结束: "已结案" },
      },
      { name: "accountable", header: "问责人数", type: "count" },
      { name: "units_penalised", header: "处罚单位数", type: "count" },
      updatedAt,
    ],
    rules: [],
  },
  {
    name: "activities",
    source: "ledger",
    label: "工作台账",
    table: "activities",
    key: "record_no",
    dateColumn: "held_on",
    columns: [
      { name: "record_no", header: "记录编号", type: "code", required: true },
      { name: "held_on", header: "日期", type: "date", required: true, dateRole: "event" },
      {
        name: "category",
        header: "类别",
        type: "enum",
        required: true,
        values: ACTIVITY_CATEGORIES,
        valueAliases: {
          普法: "普法宣传",
          宣传: "普法宣传",
          培训: "执法培训",
          业务培训: "执法培训",
          演练: "应急演练",
          帮扶: "帮扶指导",
          指导: "帮扶指导",
          约谈: "约谈曝光",
          曝光: "约谈曝光",
          曝光约谈: "约谈曝光",
          典型案例: "典型案例公布",
          公布典型案例: "典型案例公布",
          评查: "案卷评查",
          学习: "专题学习",
        },
      },
      { name: "title", header: "标题", type: "text", required: true },
      { name: "town", header: "所属镇街", type: "town" },
      {
        name: "object_type",
        header: "对象类型",
        type: "enum",
        values: ["镇街", "村居", "企业", "执法人员", "群众"],
        valueAliases: { 镇: "镇街", 街道: "镇街", 村: "村居", 社区: "村居", "村(居)": "村居", 单位: "企业", 重点企业: "企业", 公众: "群众" },
      },
      { name: "objects", header: "对象数量", type: "count", note: "镇街、村居为个次，企业为家次，案卷为个；空白计为1" },
      { name: "participants", header: "参加人数", type: "count" },
      { name: "problems_found", header: "发现问题数", type: "count" },
      { name: "problems_fixed", header: "整改问题数", type: "count" },
      { name: "channel", header: "发布渠道", type: "text", note: "典型案例的发布渠道，如 莆田晚报、区政府网站" },
      updatedAt,
    ],
    rules: [{ when: "problems_fixed > problems_found", column: "整改问题数", message: "整改问题数多于发现问题数" }],
  },
];

export function kindByName(name: string): KindDecl {
  const kind = kinds.find((k) => k.name === name);
  if (!kind) throw new Error(`unknown kind ${name}`);
  return kind;
}
