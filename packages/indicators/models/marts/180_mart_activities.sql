-- The work ledger (工作台账, §4): records by 日期 in the period and 类别; an empty 对象数量 counts as 1.
-- Guidance (帮扶指导): 对象数量 of towns and villages (镇街, 村居: 个次) and of enterprises (企业: 家次).
-- Exposure and interviews (约谈曝光): 对象数量 of enterprises. Typical cases (典型案例公布): 对象数量 by
-- 发布渠道. Case-file review (案卷评查): files with problems = 对象数量 of records with 发现问题数 > 0;
-- problems found / fixed = sums of 发现问题数 / 整改问题数. Training (执法培训): each record.

-- model: mart_activities_in
-- grain: one work-ledger record of the period, with its object count (empty: 1)
-- key: record_no
-- args: period
-- not_null: record_no, held_on, category, title, objects, participants, problems_found, problems_fixed
-- relationship: record_no -> stg_activities.record_no
CREATE OR REPLACE MACRO mart_activities_in(d_from, d_to) AS TABLE
SELECT
  record_no, held_on, category, title, town, object_type, channel,
  coalesce(objects, 1)        AS objects,
  coalesce(participants, 0)   AS participants,
  coalesce(problems_found, 0) AS problems_found,
  coalesce(problems_fixed, 0) AS problems_fixed
FROM stg_activities
WHERE held_on BETWEEN d_from AND d_to;

-- model: mart_activity_categories
-- grain: one 类别 with records in the period
-- key: category
-- args: period
-- not_null: category, records, objects, participants, problems_found, problems_fixed
CREATE OR REPLACE MACRO mart_activity_categories(d_from, d_to) AS TABLE
SELECT
  category,
  CAST(count(*) AS INTEGER)            AS records,
  CAST(sum(objects) AS INTEGER)        AS objects,
  CAST(sum(participants) AS INTEGER)   AS participants,
  CAST(sum(problems_found) AS INTEGER) AS problems_found,
  CAST(sum(problems_fixed) AS INTEGER) AS problems_fixed
FROM mart_activities_in(d_from, d_to)
GROUP BY category;

-- model: mart_activity_figures
-- grain: one row: the period's guidance, exposure and case-file review figures
-- key: (one row)
-- args: period
-- not_null: guidance_towns_villages, guidance_enterprises, exposure_enterprises, files_with_problems, problems_found, problems_fixed
CREATE OR REPLACE MACRO mart_activity_figures(d_from, d_to) AS TABLE
SELECT
  CAST(coalesce(sum(objects) FILTER (category = '帮扶指导' AND object_type IN ('镇街', '村居')), 0) AS INTEGER) AS guidance_towns_villages,
  CAST(coalesce(sum(objects) FILTER (category = '帮扶指导' AND object_type = '企业'), 0) AS INTEGER)          AS guidance_enterprises,
  CAST(coalesce(sum(objects) FILTER (category = '约谈曝光' AND object_type = '企业'), 0) AS INTEGER)          AS exposure_enterprises,
  CAST(coalesce(sum(objects) FILTER (category = '案卷评查' AND problems_found > 0), 0) AS INTEGER)            AS files_with_problems,
  CAST(coalesce(sum(problems_found) FILTER (category = '案卷评查'), 0) AS INTEGER)                           AS problems_found,
  CAST(coalesce(sum(problems_fixed) FILTER (category = '案卷评查'), 0) AS INTEGER)                           AS problems_fixed
FROM mart_activities_in(d_from, d_to);

-- model: mart_typical_cases
-- grain: one 发布渠道 through which typical cases were published in the period (未注明 when empty)
-- key: channel
-- args: period
-- not_null: channel, cases, first_on
CREATE OR REPLACE MACRO mart_typical_cases(d_from, d_to) AS TABLE
SELECT coalesce(channel, '未注明') AS channel, CAST(sum(objects) AS INTEGER) AS cases, min(held_on) AS first_on
FROM mart_activities_in(d_from, d_to)
WHERE category = '典型案例公布'
GROUP BY ALL;

-- model: mart_trainings
-- grain: one training session (执法培训) of the period
-- key: record_no
-- args: period
-- not_null: record_no, held_on, title, participants
CREATE OR REPLACE MACRO mart_trainings(d_from, d_to) AS TABLE
SELECT record_no, held_on, title, participants
FROM mart_activities_in(d_from, d_to)
WHERE category = '执法培训';
