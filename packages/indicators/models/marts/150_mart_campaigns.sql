-- Campaigns (专项行动): every campaign with inspections or hazards in the period, with the
-- enterprises inspected in it (enterprise identity) and its hazards by level.

-- model: mart_campaigns
-- grain: one campaign with inspections or hazards in the period
-- key: campaign
-- args: period
-- not_null: campaign, inspections, enterprises, total, general, major, major_listed, units_with_major, first_on
CREATE OR REPLACE MACRO mart_campaigns(d_from, d_to) AS TABLE
WITH ins AS (
  SELECT campaign,
         CAST(sum(inspections) AS INTEGER)                                                  AS inspections,
         CAST(count(*) FILTER (mart_first_visit_in(prev_on_in_campaign, d_from)) AS INTEGER) AS enterprises,
         min(inspected_on)                                                                  AS first_on
  FROM mart_inspection_visits
  WHERE inspected_on BETWEEN d_from AND d_to AND campaign IS NOT NULL
  GROUP BY campaign
),
haz AS (
  SELECT member AS campaign, hazards AS total, general, major, major_listed, first_on
  FROM mart_hazard_slices(d_from, d_to)
  WHERE dimension = 'campaign'
),
majors AS (
  SELECT campaign, CAST(count(*) FILTER (mart_first_visit_in(prev_on_in_campaign, d_from)) AS INTEGER) AS units_with_major
  FROM mart_major_visits
  WHERE found_on BETWEEN d_from AND d_to
  GROUP BY campaign
)
SELECT
  coalesce(ins.campaign, haz.campaign)     AS campaign,
  coalesce(ins.inspections, 0)             AS inspections,
  coalesce(ins.enterprises, 0)             AS enterprises,
  coalesce(haz.total, 0)                   AS total,
  coalesce(haz.general, 0)                 AS general,
  coalesce(haz.major, 0)                   AS major,
  coalesce(haz.major_listed, 0)            AS major_listed,
  coalesce(majors.units_with_major, 0)     AS units_with_major,
  least(ins.first_on, haz.first_on)        AS first_on
FROM ins
FULL OUTER JOIN haz ON ins.campaign = haz.campaign
LEFT JOIN majors ON majors.campaign = coalesce(ins.campaign, haz.campaign);
