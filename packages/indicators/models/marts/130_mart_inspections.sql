-- Enterprises inspected (§4): distinct enterprises (enterprise identity) among the inspections of
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

-- model: mart_enterprises_inspected
-- grain: one row: the period's inspections and distinct enterprises inspected
-- key: (one row)
-- args: period
-- not_null: inspections, enterprises
CREATE OR REPLACE MACRO mart_enterprises_inspected(d_from, d_to) AS TABLE
SELECT CAST(count(*) AS INTEGER) AS inspections, CAST(count(DISTINCT enterprise_id) AS INTEGER) AS enterprises
FROM mart_inspections_in(d_from, d_to);

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
