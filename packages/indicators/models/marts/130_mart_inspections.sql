-- Enterprises inspected (docs/counting-rules.md §5): distinct enterprises (enterprise identity) among the inspections of
-- the period, overall or of one 专项行动.

-- model: mart_inspections
-- grain: one inspection
-- key: inspection_no
-- not_null: inspection_no, inspected_on, inspected_year, inspected_month, enterprise_id, town, method
-- relationship: inspection_no -> stg_inspections.inspection_no
CREATE OR REPLACE VIEW mart_inspections AS
SELECT
  inspection_no,
  inspected_on,
  year(inspected_on)  AS inspected_year,
  month(inspected_on) AS inspected_month,
  enterprise_id,
  town,
  industry,
  method,
  campaign,
  unit,
  unit_level,
  joint
FROM int_inspections;

-- model: mart_inspections_in
-- grain: one inspection in the period [d_from, d_to] (by 检查日期)
-- key: inspection_no
-- args: period
CREATE OR REPLACE MACRO mart_inspections_in(d_from, d_to) AS TABLE
SELECT * FROM mart_inspections WHERE inspected_on BETWEEN d_from AND d_to;

-- model: mart_inspection_visits
-- grain: one enterprise × day × campaign (NULL: not in a campaign) with inspections, with the day of
--   the enterprise's previous visit (in day, campaign order) and of its previous visit in the campaign
-- key: enterprise_id, inspected_on, campaign
-- not_null: enterprise_id, inspected_on, inspections
-- materialized: table
-- Distinct enterprises of any period without a DISTINCT over its rows: an enterprise has a visit in
-- [d_from, d_to] exactly when one of its visits there follows no visit at or after d_from, i.e. its
-- first visit in the period is the one whose previous visit is before d_from (or none).
CREATE OR REPLACE VIEW mart_inspection_visits AS
WITH visits AS (
  SELECT enterprise_id, inspected_on, campaign, CAST(count(*) AS INTEGER) AS inspections
  FROM mart_inspections
  GROUP BY enterprise_id, inspected_on, campaign
)
SELECT
  v.enterprise_id, v.inspected_on, v.campaign, n.campaign_no, v.inspections,
  lag(v.inspected_on) OVER (PARTITION BY v.enterprise_id ORDER BY v.inspected_on, v.campaign NULLS FIRST) AS prev_on,
  lag(v.inspected_on) OVER (PARTITION BY v.enterprise_id, v.campaign ORDER BY v.inspected_on)             AS prev_on_in_campaign
FROM visits v
LEFT JOIN mart_campaign_numbers n USING (campaign)
ORDER BY v.inspected_on;

-- model: mart_visit_months
-- grain: one month × day of the previous visit (NULL: none) of the visits of mart_inspection_visits
-- key: month, prev_on
-- not_null: month, visits, inspections
-- materialized: table
-- (whether a visit is its enterprise's first of a period depends only on its previous visit, so the
-- visits of whole months can be counted by that day: see mart_enterprises_inspected)
CREATE OR REPLACE VIEW mart_visit_months AS
SELECT mart_month_of(inspected_on) AS month, prev_on,
       CAST(count(*) AS INTEGER) AS visits, CAST(sum(inspections) AS INTEGER) AS inspections
FROM mart_inspection_visits
GROUP BY ALL
ORDER BY month;

-- model: mart_campaign_visit_months
-- grain: one month × campaign × day of the previous visit in the campaign (NULL: none) of the
--   campaign visits of mart_inspection_visits
-- key: month, campaign, prev_on_in_campaign
-- not_null: month, campaign_no, campaign, visits, inspections, first_on
-- materialized: table
CREATE OR REPLACE VIEW mart_campaign_visit_months AS
SELECT mart_month_of(inspected_on) AS month, campaign_no, campaign, prev_on_in_campaign,
       CAST(count(*) AS INTEGER) AS visits, CAST(sum(inspections) AS INTEGER) AS inspections, min(inspected_on) AS first_on
FROM mart_inspection_visits
WHERE campaign IS NOT NULL
GROUP BY ALL
ORDER BY month;

-- model: mart_enterprises_inspected
-- grain: one row: the period's inspections and distinct enterprises inspected
-- key: (one row)
-- args: period
-- not_null: inspections, enterprises
CREATE OR REPLACE MACRO mart_enterprises_inspected(d_from, d_to) AS TABLE
SELECT CAST(coalesce(sum(inspections), 0) AS INTEGER)                                  AS inspections,
       CAST(coalesce(sum(visits) FILTER (mart_first_visit_in(prev_on, d_from)), 0) AS INTEGER) AS enterprises
FROM (
  SELECT prev_on, visits, inspections FROM mart_visit_months WHERE mart_month_inside(month, d_from, d_to)
  UNION ALL
  SELECT prev_on, 1, inspections FROM mart_inspection_visits
  WHERE mart_day_in_part_month(inspected_on, d_from, d_to)
);

-- model: mart_inspections_monthly
-- grain: one month × campaign (NULL: not in a campaign) with inspections; enterprises are distinct
--   within the month and do not add up across months
-- key: inspected_year, inspected_month, campaign
-- not_null: inspected_year, inspected_month, inspections, enterprises
CREATE OR REPLACE VIEW mart_inspections_monthly AS
SELECT
  inspected_year,
  inspected_month,
  campaign,
  CAST(count(*) AS INTEGER)                      AS inspections,
  CAST(count(DISTINCT enterprise_id) AS INTEGER) AS enterprises
FROM mart_inspections
GROUP BY ALL;
