-- Hazards (docs/counting-rules.md §6): counted by 发现日期 in the period, by 隐患等级, 隐患类别, 所属镇街 and 专项行动; major
-- hazards listed for supervision (挂牌督办) apart. Rectification rate: hazards of the period with
-- 整改状态 已整改 over all hazards of the period. Overdue on a day D: 整改期限 before D and not
-- rectified by D.

-- model: mart_is_major
-- grain: scalar macro: the hazard is a major accident hazard (隐患等级 重大事故隐患)
-- key: (none)
CREATE OR REPLACE MACRO mart_is_major(level) AS level = '重大事故隐患';

-- model: mart_hazards
-- grain: one hazard
-- key: hazard_no
-- not_null: hazard_no, found_on, found_year, found_month, town, level, is_major, category, rectification, is_rectified, listed
-- accepted: level = 一般隐患 | 重大事故隐患
-- accepted: rectification = 已整改 | 整改中 | 逾期未整改
-- relationship: hazard_no -> stg_hazards.hazard_no
CREATE OR REPLACE VIEW mart_hazards AS
SELECT
  hazard_no,
  found_on,
  year(found_on)               AS found_year,
  month(found_on)              AS found_month,
  unit_name,
  town,
  industry,
  level,
  mart_is_major(level)         AS is_major,
  category,
  campaign,
  deadline,
  rectification,
  rectification = '已整改'       AS is_rectified,
  rectified_on,
  listed
FROM stg_hazards;

-- model: mart_hazards_in
-- grain: one hazard found in the period [d_from, d_to]
-- key: hazard_no
-- args: period
CREATE OR REPLACE MACRO mart_hazards_in(d_from, d_to) AS TABLE
SELECT * FROM mart_hazards WHERE found_on BETWEEN d_from AND d_to;

-- model: mart_hazards_monthly
-- grain: one month × level × category × town × campaign (NULL: none) × rectification status
-- key: found_year, found_month, level, category, town, campaign, rectification
-- not_null: found_year, found_month, level, category, town, rectification, hazards, listed
-- accepted: level = 一般隐患 | 重大事故隐患
-- accepted: rectification = 已整改 | 整改中 | 逾期未整改
CREATE OR REPLACE VIEW mart_hazards_monthly AS
SELECT
  found_year, found_month, level, category, town, campaign, rectification,
  CAST(count(*) AS INTEGER)                AS hazards,
  CAST(count(*) FILTER (listed) AS INTEGER) AS listed
FROM mart_hazards
GROUP BY ALL;

-- model: mart_hazard_days
-- grain: one day × slice of the hazards found that day: all of them, each category, each town,
--   each campaign
-- key: found_on, dimension, member
-- not_null: slice_no, found_on, dimension, member, hazards, general, major, major_listed, rectified
-- accepted: dimension = total | category | town | campaign
-- materialized: table
-- (every period's counts are sums of these rows and of mart_hazard_months)
CREATE OR REPLACE VIEW mart_hazard_days AS
WITH slices AS (
SELECT
  found_on,
  CASE WHEN grouping(category) = 0 THEN 'category' WHEN grouping(town) = 0 THEN 'town'
       WHEN grouping(campaign) = 0 THEN 'campaign' ELSE 'total' END      AS dimension,
  CASE WHEN grouping(category) = 0 THEN category WHEN grouping(town) = 0 THEN town
       WHEN grouping(campaign) = 0 THEN campaign ELSE '全区' END         AS member,
  CAST(count(*) AS INTEGER)                                 AS hazards,
  CAST(count(*) FILTER (NOT is_major) AS INTEGER)           AS general,
  CAST(count(*) FILTER (is_major) AS INTEGER)               AS major,
  CAST(count(*) FILTER (is_major AND listed) AS INTEGER)    AS major_listed,
  CAST(count(*) FILTER (is_rectified) AS INTEGER)           AS rectified
FROM mart_hazards
GROUP BY GROUPING SETS ((found_on), (found_on, category), (found_on, town), (found_on, campaign))
HAVING NOT (grouping(campaign) = 0 AND campaign IS NULL)  -- hazards of no campaign are in the total only
)
-- slice_no numbers the slices, campaign_no the campaign slices' campaigns (as mart_case_days does)
SELECT CAST(dense_rank() OVER (ORDER BY dimension, member) AS INTEGER) AS slice_no,
       CASE WHEN dimension = 'campaign' THEN n.campaign_no END AS campaign_no, s.*
FROM slices s
LEFT JOIN mart_campaign_numbers n ON s.dimension = 'campaign' AND n.campaign = s.member
ORDER BY found_on;

-- model: mart_hazard_months
-- grain: one month × slice of the hazards found that month (the slices of mart_hazard_days)
-- key: month, dimension, member
-- not_null: month, slice_no, dimension, member, hazards, general, major, major_listed, rectified, first_on
-- materialized: table
CREATE OR REPLACE VIEW mart_hazard_months AS
SELECT
  mart_month_of(found_on)                          AS month,
  slice_no,
  campaign_no,
  dimension,
  member,
  CAST(sum(hazards) AS INTEGER)                    AS hazards,
  CAST(sum(general) AS INTEGER)                    AS general,
  CAST(sum(major) AS INTEGER)                      AS major,
  CAST(sum(major_listed) AS INTEGER)               AS major_listed,
  CAST(sum(rectified) AS INTEGER)                  AS rectified,
  min(found_on)                                    AS first_on
FROM mart_hazard_days
GROUP BY ALL
ORDER BY month;

-- model: mart_hazard_slices
-- grain: one slice of the period's hazards (the slices of mart_hazard_days and mart_hazard_months)
-- key: dimension, member
-- args: period
-- not_null: dimension, member, hazards, general, major, major_listed, rectified, rectification_rate, first_on
CREATE OR REPLACE MACRO mart_hazard_slices(d_from, d_to) AS TABLE
SELECT
  any_value(dimension)                             AS dimension,
  any_value(member)                                AS member,
  CAST(sum(hazards) AS INTEGER)                    AS hazards,
  CAST(sum(general) AS INTEGER)                    AS general,
  CAST(sum(major) AS INTEGER)                      AS major,
  CAST(sum(major_listed) AS INTEGER)               AS major_listed,
  CAST(sum(rectified) AS INTEGER)                  AS rectified,
  mart_rate4(sum(rectified), sum(hazards))         AS rectification_rate,
  min(first_on)                                    AS first_on
FROM (
  SELECT slice_no, dimension, member, hazards, general, major, major_listed, rectified, first_on
  FROM mart_hazard_months WHERE mart_month_inside(month, d_from, d_to)
  UNION ALL
  SELECT slice_no, dimension, member, hazards, general, major, major_listed, rectified, found_on
  FROM mart_hazard_days WHERE mart_day_in_part_month(found_on, d_from, d_to)
)
GROUP BY slice_no;

-- model: mart_hazard_totals
-- grain: one row: the period's hazards
-- key: (one row)
-- args: period
-- not_null: total, general, major, major_listed, rectified, rectification_rate
CREATE OR REPLACE MACRO mart_hazard_totals(d_from, d_to) AS TABLE
SELECT
  coalesce(max(hazards), 0)                                 AS total,
  coalesce(max(general), 0)                                 AS general,
  coalesce(max(major), 0)                                   AS major,
  coalesce(max(major_listed), 0)                            AS major_listed,
  coalesce(max(rectified), 0)                               AS rectified,
  coalesce(max(rectification_rate), mart_rate4(0, 0))       AS rectification_rate
FROM mart_hazard_slices(d_from, d_to)
WHERE dimension = 'total';  -- one row or none; max() makes it exactly one

-- model: mart_hazards_by_category
-- grain: one hazard category with hazards found in the period
-- key: category
-- args: period
-- not_null: category, hazards
CREATE OR REPLACE MACRO mart_hazards_by_category(d_from, d_to) AS TABLE
SELECT member AS category, hazards
FROM mart_hazard_slices(d_from, d_to)
WHERE dimension = 'category';

-- model: mart_hazards_by_town
-- grain: one town with hazards found in the period (by the hazard unit's 所属镇街): as the district's
--   totals (mart_hazard_totals), town by town
-- key: town
-- args: period
-- not_null: town, hazards, general, major, major_listed, rectified, rectification_rate
CREATE OR REPLACE MACRO mart_hazards_by_town(d_from, d_to) AS TABLE
SELECT member AS town, hazards, general, major, major_listed, rectified, rectification_rate
FROM mart_hazard_slices(d_from, d_to)
WHERE dimension = 'town';

-- model: mart_hazards_overdue
-- grain: one hazard overdue on day d: found by d, 整改期限 before d, not rectified by d; its unit as a
--   list shows it (unit_shown: mart_shown_party)
-- key: hazard_no
-- args: date
-- not_null: hazard_no, found_on, deadline, days_overdue, level, category, town, unit_shown, listed
-- relationship: hazard_no -> mart_hazards.hazard_no
CREATE OR REPLACE MACRO mart_hazards_overdue(d) AS TABLE
SELECT hazard_no, found_on, deadline, CAST(d - deadline AS INTEGER) AS days_overdue, level, category, town, campaign, unit_name,
       mart_shown_party(unit_name, NULL) AS unit_shown, listed
FROM mart_hazards
WHERE found_on <= d
  AND deadline < d
  AND NOT coalesce(coalesce(rectified_on, CASE WHEN is_rectified THEN found_on END) <= d, false);

-- model: mart_major_hazards
-- grain: one major hazard (重大事故隐患), listed for supervision or not, with its unit's identity and
--   its unit as a list shows it (unit_shown: mart_shown_party)
-- key: hazard_no
-- not_null: hazard_no, found_on, found_year, unit_name, unit_shown, enterprise_id, town, category, rectification, listed
-- relationship: hazard_no -> mart_hazards.hazard_no
-- materialized: table
CREATE OR REPLACE VIEW mart_major_hazards AS
SELECT hazard_no, found_on, year(found_on) AS found_year, unit_name, mart_shown_party(unit_name, NULL) AS unit_shown,
       enterprise_id, town, industry, category, campaign, deadline, rectification, rectified_on, listed
FROM int_hazards
WHERE mart_is_major(level);

-- model: mart_major_visits
-- grain: one enterprise × day × campaign with major hazards found in that campaign, with the day of
--   the enterprise's previous such day in the campaign (for distinct units per period, as in
--   mart_inspection_visits)
-- key: enterprise_id, found_on, campaign
-- not_null: enterprise_id, found_on, campaign_no, campaign
-- materialized: table
CREATE OR REPLACE VIEW mart_major_visits AS
SELECT
  v.enterprise_id, v.found_on, n.campaign_no, v.campaign,
  lag(v.found_on) OVER (PARTITION BY v.enterprise_id, v.campaign ORDER BY v.found_on) AS prev_on_in_campaign
FROM (SELECT DISTINCT enterprise_id, found_on, campaign FROM mart_major_hazards WHERE campaign IS NOT NULL) v
JOIN mart_campaign_numbers n USING (campaign)
ORDER BY v.found_on;
