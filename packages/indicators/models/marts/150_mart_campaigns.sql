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
         CAST(count(*) AS INTEGER)                      AS inspections,
         CAST(count(DISTINCT enterprise_id) AS INTEGER) AS enterprises,
         min(inspected_on)                              AS first_on
  FROM mart_inspections_in(d_from, d_to)
  WHERE campaign IS NOT NULL
  GROUP BY campaign
),
haz AS (
  SELECT campaign,
         CAST(count(*) AS INTEGER)                                    AS total,
         CAST(count(*) FILTER (NOT is_major) AS INTEGER)              AS general,
         CAST(count(*) FILTER (is_major) AS INTEGER)                  AS major,
         CAST(count(*) FILTER (is_major AND listed) AS INTEGER)       AS major_listed,
         min(found_on)                                                AS first_on
  FROM mart_hazards_in(d_from, d_to)
  WHERE campaign IS NOT NULL
  GROUP BY campaign
),
majors AS (
  SELECT h.campaign, CAST(count(DISTINCT m.enterprise_id) AS INTEGER) AS units_with_major
  FROM mart_hazards_in(d_from, d_to) h
  JOIN mart_major_hazards m ON m.hazard_no = h.hazard_no
  WHERE h.is_major AND h.campaign IS NOT NULL
  GROUP BY h.campaign
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
