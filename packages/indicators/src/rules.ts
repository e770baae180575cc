// The counting rule (口径) of every figure, in the words the report's appendix prints. Keys are
// paths in the figures JSON; `*` stands for a town, unit, procedure, category or campaign name,
// and `{name}` in a label is replaced by it. The rules themselves are computed in models/*.sql;
// this is their description, kept in one place for the Markdown, the Word document and the
// dashboard.

export interface FigureRule {
  /** What the figure is, in Chinese; {name} is the town, unit, category or campaign. */
  label: string;
  unit: string;
  /** 口径. */
  rule: string;
}

const CASE_YEAR = "处罚决定日期在统计期内的案件（上年立案、本期决定的计入本期）；未作出处罚决定的不计入，另计为在办案件";
const AMOUNT =
  "上述案件罚款金额按元精确求和，折算为万元后四舍五入保留一位小数（由精确总额一次舍入，不由分项舍入相加）；金额的同比增减按元精确金额计算，与用取整后的万元数计算可能略有出入";
const BY_UNIT_LEVEL = "按执法主体划分：区应急管理局（含股室、执法大队）为我局，镇人民政府、街道办事处（含安办、综合执法队）为镇街";
const SAME_CASES = "口径同“全区行政处罚案件”";
const SAME_AMOUNT = "口径同“全区行政处罚金额”";
const IDENTITY =
  "同一企业：以有效统一社会信用代码认定；未填或填错代码的，取全库同一规范化名称唯一对应的有效代码；仍无法确定的按规范化名称认定";
const HAZARD_PERIOD = "发现日期在统计期内的隐患";
const VALID = "统计期最后一日有效的执法证（发证日期≤该日≤有效期至，且未在该日及以前注销），按证件计数";
const SAME_VALID = "口径同“持证执法人员”";
const RANDOM_TASKS = "计划年度为统计年度的双随机抽查任务（统计期不是整年时，取抽查日期在统计期内的任务）";
const ACCIDENTS = "发生日期在统计期内的事故";
const ACTIVITIES = "工作台账中日期在统计期内的记录";

export const FIGURE_RULES: Record<string, FigureRule> = {
  "cases.total.count": { label: "全区行政处罚案件", unit: "起", rule: CASE_YEAR },
  "cases.total.amount_wan": { label: "全区行政处罚金额", unit: "万元", rule: AMOUNT },
  "cases.bureau.count": { label: "我局办理处罚案件", unit: "起", rule: `${SAME_CASES}；${BY_UNIT_LEVEL}` },
  "cases.bureau.amount_wan": { label: "我局处罚金额", unit: "万元", rule: `${SAME_AMOUNT}；按执法主体划分，我局部分单独求和后舍入` },
  "cases.towns.count": { label: "各镇街办理处罚案件", unit: "起", rule: `${SAME_CASES}；${BY_UNIT_LEVEL}` },
  "cases.towns.amount_wan": { label: "各镇街处罚金额", unit: "万元", rule: `${SAME_AMOUNT}；按执法主体划分，镇街部分单独求和后舍入` },
  "cases.by_procedure.*.count": { label: "{name}处罚案件", unit: "起", rule: `${SAME_CASES}；按案件适用的程序划分` },
  "cases.by_procedure.*.amount_wan": { label: "{name}处罚金额", unit: "万元", rule: `${SAME_AMOUNT}；按程序划分` },
  "cases.by_town.*.count": { label: "{name}（当事人所在地）处罚案件", unit: "起", rule: `${SAME_CASES}；按当事人所属镇街划分，不论执法主体` },
  "cases.by_town.*.amount_wan": { label: "{name}（当事人所在地）处罚金额", unit: "万元", rule: `${SAME_AMOUNT}；按当事人所属镇街划分` },
  "cases.dual_penalty": { label: "“一案双罚”案件", unit: "起", rule: `${SAME_CASES}；其中“是否一案双罚”为“是”的` },
  "cases.stop_production_parties": {
    label: "责令停产整顿",
    unit: "家",
    rule: `${SAME_CASES}；处罚种类含“责令停产停业”的案件所涉当事人，同一当事人多起案件计1家；${IDENTITY}；个人按姓名认定`,
  },
  "cases.legal_review": { label: "进行法制审核的案件", unit: "起", rule: `${SAME_CASES}；其中“是否法制审核”为“是”的` },
  "cases.pending": { label: "在办案件", unit: "起", rule: "立案日期在统计期内、至统计期末尚未作出处罚决定的案件（已撤销的不计）" },
  "inspections.enterprises": { label: "检查企业", unit: "家", rule: `检查日期在统计期内的执法检查所涉企业，去重计数；${IDENTITY}` },
  "inspections.by_campaign.*.inspections": { label: "{name}：检查次数", unit: "次", rule: "专项行动为该专项、检查日期在统计期内的检查记录数" },
  "inspections.by_campaign.*.enterprises": { label: "{name}：检查企业", unit: "家", rule: "该专项中检查日期在统计期内的检查所涉企业，去重计数（口径同“检查企业”）" },
  "hazards.total": { label: "排查隐患", unit: "项", rule: HAZARD_PERIOD },
  "hazards.general": { label: "一般隐患", unit: "项", rule: `${HAZARD_PERIOD}中隐患等级为一般隐患的` },
  "hazards.major": { label: "重大事故隐患", unit: "项", rule: `${HAZARD_PERIOD}中隐患等级为重大事故隐患的` },
  "hazards.major_listed": { label: "挂牌督办的重大事故隐患", unit: "项", rule: "上述重大事故隐患中“是否挂牌督办”为“是”的" },
  "hazards.rectified": { label: "已整改隐患", unit: "项", rule: `${HAZARD_PERIOD}中整改状态为已整改的（按最新导入的台账）` },
  "hazards.rectification_rate": { label: "隐患整改率", unit: "", rule: "已整改隐患 ÷ 排查隐患，四舍五入保留四位小数（正文以百分数表示）；无隐患时为0；同比以百分点表示" },
  "hazards.by_category.*": { label: "{name}类隐患", unit: "项", rule: `${HAZARD_PERIOD}，按隐患类别（区隐患类别表，未列明的归入“其他”）划分，只列有隐患的类别` },
  "hazards.by_campaign.*.total": { label: "{name}：排查隐患", unit: "条", rule: `${HAZARD_PERIOD}中专项行动为该专项的` },
  "hazards.by_campaign.*.general": { label: "{name}：一般隐患", unit: "项", rule: "该专项隐患中的一般隐患" },
  "hazards.by_campaign.*.major": { label: "{name}：重大事故隐患", unit: "项", rule: "该专项隐患中的重大事故隐患" },
  "hazards.by_campaign.*.major_listed": { label: "{name}：挂牌督办", unit: "项", rule: "该专项重大事故隐患中挂牌督办的" },
  "hazards.by_campaign.*.units_with_major": { label: "{name}：存在重大事故隐患的单位", unit: "家", rule: "该专项中发现重大事故隐患的单位，去重计数（企业认定同“检查企业”）" },
  "enforcers.certified": { label: "持证执法人员", unit: "名", rule: VALID },
  "enforcers.by_unit.*": { label: "{name}持证执法人员", unit: "名", rule: `${SAME_VALID}；按所属单位划分，局内股室计入区应急管理局` },
  "enforcers.bureau_certified": { label: "我局持证执法人员", unit: "名", rule: `${SAME_VALID}；所属单位为区应急管理局（含股室）的` },
  "enforcers.towns_certified": { label: "镇街持证执法人员", unit: "名", rule: `${SAME_VALID}；所属单位为镇人民政府、街道办事处的` },
  "enforcers.new_certified": {
    label: "增加持证执法人员（新取得执法证）",
    unit: "名",
    rule: "发证日期在统计期内、且持证人此前从未持有有效执法证的证件（换证、调动后重新发证不计）；持证人以身份证号认定，无身份证号的以姓名加所属单位认定",
  },
  "enforcers.towns_new_certified": {
    label: "镇街增加持证执法人员（新取得执法证）",
    unit: "名",
    rule: "增加持证执法人员中所属单位为镇人民政府、街道办事处的；调入、换证不计，故不等于镇街持证人数的年度差",
  },
  "random_checks.planned": { label: "双随机计划抽查", unit: "家", rule: RANDOM_TASKS + "中任务状态不是“已取消”的；一个任务为一家" },
  "random_checks.completed": { label: "完成计划抽查", unit: "家", rule: RANDOM_TASKS + "中任务状态为“已完成”的" },
  "random_checks.joint": { label: "联合部门抽查", unit: "家", rule: "完成的抽查中“是否联合抽查”为“是”的；联合部门取其“联合部门”所列名称（按首次出现顺序）" },
  "random_checks.published": { label: "抽查结果已公示", unit: "家", rule: "完成的抽查中“是否已公示”为“是”的" },
  "random_checks.by_town.*": { label: "{name}完成抽查", unit: "家", rule: "完成的抽查按所属镇街划分" },
  "accidents.count": { label: "生产安全事故", unit: "起", rule: ACCIDENTS },
  "accidents.investigated": { label: "我局牵头调查的事故", unit: "起", rule: `${ACCIDENTS}中调查牵头单位为区应急管理局（按区情配置的单位别名，含股室）的；其他部门牵头的照原样保存，不计入` },
  "accidents.deaths": { label: "事故死亡人数", unit: "人", rule: `${ACCIDENTS}的死亡人数之和（未填按0）` },
  "accidents.injuries": { label: "事故受伤人数", unit: "人", rule: `${ACCIDENTS}的受伤人数之和（未填按0）` },
  "accidents.direct_loss_wan": { label: "事故直接经济损失", unit: "万元", rule: `${ACCIDENTS}的直接经济损失精确求和，四舍五入保留一位小数` },
  "accidents.accountable": { label: "问责人员", unit: "人", rule: `${ACCIDENTS}的问责人数之和` },
  "accidents.units_penalised": { label: "受到行政处罚的责任单位", unit: "家", rule: `${ACCIDENTS}的处罚单位数之和` },
  "accidents.by_type.*": { label: "{name}事故", unit: "起", rule: `${ACCIDENTS}，按事故类型划分，只列有事故的类型` },
  "activities.by_category.*.records": { label: "{name}：台账记录", unit: "条", rule: `${ACTIVITIES}，按类别划分` },
  "activities.by_category.*.objects": { label: "{name}：对象数量", unit: "个", rule: `${ACTIVITIES}的对象数量之和（未填按1）` },
  "activities.by_category.*.participants": { label: "{name}：参加人数", unit: "人", rule: `${ACTIVITIES}的参加人数之和` },
  "activities.by_category.*.problems_found": { label: "{name}：发现问题", unit: "个", rule: `${ACTIVITIES}的发现问题数之和` },
  "activities.by_category.*.problems_fixed": { label: "{name}：整改问题", unit: "个", rule: `${ACTIVITIES}的整改问题数之和` },
  "activities.guidance.towns_villages": { label: "帮助指导镇街、村居", unit: "个次", rule: `${ACTIVITIES}中类别为帮扶指导、对象类型为镇街或村居的对象数量之和（未填按1）` },
  "activities.guidance.enterprises": { label: "帮扶指导重点企业", unit: "家次", rule: `${ACTIVITIES}中类别为帮扶指导、对象类型为企业的对象数量之和（未填按1）` },
  "activities.exposure_enterprises": { label: "曝光约谈企业", unit: "家", rule: `${ACTIVITIES}中类别为约谈曝光、对象类型为企业的对象数量之和（未填按1）` },
  "activities.typical_cases.*": { label: "在{name}公布典型案例", unit: "起", rule: `${ACTIVITIES}中类别为典型案例公布的对象数量之和（未填按1），按发布渠道划分` },
  "activities.case_file_review.files_with_problems": { label: "案卷评查：存在问题的案卷", unit: "个", rule: `${ACTIVITIES}中类别为案卷评查、发现问题数大于0的记录的对象数量之和` },
  "activities.case_file_review.problems_found": { label: "案卷评查：发现问题", unit: "个", rule: `${ACTIVITIES}中类别为案卷评查的发现问题数之和` },
  "activities.case_file_review.problems_fixed": { label: "案卷评查：整改问题", unit: "个", rule: `${ACTIVITIES}中类别为案卷评查的整改问题数之和` },
  "activities.trainings.*.participants": { label: "{name}：参加人数", unit: "人", rule: `${ACTIVITIES}中类别为执法培训的每一条记录，按日期排列` },
};

/** The rule of a figure path such as ["cases", "by_town", "镇海街道", "count"]. */
export function ruleFor(pathParts: string[]): { key: string; name: string | null; rule: FigureRule } | null {
  const exact = pathParts.join(".");
  if (FIGURE_RULES[exact]) return { key: exact, name: null, rule: FIGURE_RULES[exact] };
  for (let i = 0; i < pathParts.length; i++) {
    const pattern = [...pathParts.slice(0, i), "*", ...pathParts.slice(i + 1)].join(".");
    const rule = FIGURE_RULES[pattern];
    if (rule) return { key: pattern, name: pathParts[i]!, rule };
  }
  return null;
}
