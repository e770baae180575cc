-- The work ledger (工作台账, §4): records by 日期 in the period and 类别; an empty 对象数量 counts as 1.
-- Guidance (帮扶指导): 对象数量 of towns and villages (镇街, 村居: 个次) and of enterprises (企业: 家次).
-- Exposure and interviews (约谈曝光): 对象数量 of enterprises. Typical cases (典型案例公布): 对象数量 by
-- 发布渠道. Case-file review (案卷评查): files with problems = 对象数量 of records with 发现问题数 > 0;
-- problems found / fixed = sums of 发现问题数 / 整改问题数. Training (执法培训): each record.

-- model: mart_activities_in
-- grain: one work-ledger record of the period, with its object count (empty: 1) and what it adds to
--   each figure of the period (0 when it adds nothing): the figures' rules, record by record
-- key: record_no
-- args: period
-- not_null: record_no, held_on, category, title, objects, participants, problems_found, problems_fixed, guidance_towns_villages, guidance_enterprises, exposure_enterprises, files_with_problems, review_problems_found, review_problems_fixed, typical_cases, trained
-- relationship: record_no -> stg_activities.record_no
CREATE OR REPLACE MACRO mart_activities_in(d_from, d_to) AS TABLE
WITH records AS (
  SELECT
    record_no, held_on, category, title, town, object_type, channel,
    coalesce(objects, 1)        AS objects,
    coalesce(participants, 0)   AS participants,
    coalesce(problems_found, 0) AS problems_found,
    coalesce(problems_fixed, 0) AS problems_fixed
  FROM stg_activities
  WHERE held_on BETWEEN d_from AND d_to
)
SELECT
  *,
  CASE WHEN category = '帮扶指导' AND object_type IN ('镇街', '村居') THEN objects ELSE 0 END AS guidance_towns_villages,
  CASE WHEN category = '帮扶指导' AND object_type = '企业' THEN objects ELSE 0 END          AS guidance_enterprises,
  CASE WHEN category = '约谈曝光' AND object_type = '企业' THEN objects ELSE 0 END          AS exposure_enterprises,
  CASE WHEN category = '案卷评查' AND problems_found > 0 THEN objects ELSE 0 END            AS files_with_problems,
  CASE WHEN category = '案卷评查' THEN problems_found ELSE 0 END                            AS review_problems_found,
  CASE WHEN category = '案卷评查' THEN problems_fixed ELSE 0 END                            AS review_problems_fixed,
  CASE WHEN category = '典型案例公布' THEN objects ELSE 0 END                              AS typical_cases,
  CASE WHEN category = '执法培训' THEN participants ELSE 0 END                             AS trained
FROM records;

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

-- model: mart_activity_sums
-- grain: the period's figures of the work ledger, once for the district (district = true, town NULL)
--   and once per town named by records (records that name no town count for the district only):
--   one GROUPING SETS pass, so the district and the towns share one definition of each sum
-- key: district, town
-- args: period
-- not_null: district, guidance_towns_villages, guidance_enterprises, exposure_enterprises, files_with_problems, problems_found, problems_fixed, typical_cases, trained
CREATE OR REPLACE MACRO mart_activity_sums(d_from, d_to) AS TABLE
SELECT * FROM (
  SELECT
    town,
    grouping(town) = 1                                         AS district,
    CAST(coalesce(sum(guidance_towns_villages), 0) AS INTEGER) AS guidance_towns_villages,
    CAST(coalesce(sum(guidance_enterprises), 0) AS INTEGER)    AS guidance_enterprises,
    CAST(coalesce(sum(exposure_enterprises), 0) AS INTEGER)    AS exposure_enterprises,
    CAST(coalesce(sum(files_with_problems), 0) AS INTEGER)     AS files_with_problems,
    CAST(coalesce(sum(review_problems_found), 0) AS INTEGER)   AS problems_found,
    CAST(coalesce(sum(review_problems_fixed), 0) AS INTEGER)   AS problems_fixed,
    CAST(coalesce(sum(typical_cases), 0) AS INTEGER)           AS typical_cases,
    CAST(coalesce(sum(trained), 0) AS INTEGER)                 AS trained
  FROM mart_activities_in(d_from, d_to)
  GROUP BY GROUPING SETS ((town), ())
)
WHERE district OR town IS NOT NULL;

-- model: mart_activity_figures
-- grain: one row: the period's guidance, exposure, case-file review, typical-case and training figures
-- key: (one row)
-- args: period
-- not_null: guidance_towns_villages, guidance_enterprises, exposure_enterprises, files_with_problems, problems_found, problems_fixed, typical_cases, trained
CREATE OR REPLACE MACRO mart_activity_figures(d_from, d_to) AS TABLE
SELECT * EXCLUDE (town, district) FROM mart_activity_sums(d_from, d_to) WHERE district;

-- model: mart_activity_figures_by_town
-- grain: one town (所属镇街) named by work-ledger records of the period: the figures of
--   mart_activity_figures over those records (records that name no town count for the district only)
-- key: town
-- args: period
-- not_null: town, guidance_towns_villages, guidance_enterprises, exposure_enterprises, files_with_problems, problems_found, problems_fixed, typical_cases, trained
CREATE OR REPLACE MACRO mart_activity_figures_by_town(d_from, d_to) AS TABLE
SELECT * EXCLUDE (district) FROM mart_activity_sums(d_from, d_to) WHERE NOT district;

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
