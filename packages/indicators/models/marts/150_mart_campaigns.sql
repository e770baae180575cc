-- Campaigns (专项行动): every campaign with inspections or hazards in the period, with the
-- enterprises inspected in it (enterprise identity) and its hazards by level.

-- model: mart_campaigns
-- grain: one campaign with inspections or hazards in the period
-- key: campaign
-- args: period
-- not_null: campaign, inspections, enterprises, total, general, major, major_listed, units_with_major, first_on
-- (one pass: the campaign's visits, hazards and major-hazard units of the period, each read as the
-- months wholly inside it plus the part-month days, grouped once)
CREATE OR REPLACE MACRO mart_campaigns(d_from, d_to) AS TABLE
SELECT
  campaign,
  CAST(coalesce(sum(inspections), 0) AS INTEGER)                                                         AS inspections,
  CAST(coalesce(sum(visits) FILTER (part = 'visit' AND mart_first_visit_in(prev_on, d_from)), 0) AS INTEGER) AS enterprises,
  CAST(coalesce(sum(hazards), 0) AS INTEGER)                                                             AS total,
  CAST(coalesce(sum(general), 0) AS INTEGER)                                                             AS general,
  CAST(coalesce(sum(major), 0) AS INTEGER)                                                               AS major,
  CAST(coalesce(sum(major_listed), 0) AS INTEGER)                                                        AS major_listed,
  CAST(count(*) FILTER (part = 'major' AND mart_first_visit_in(prev_on, d_from)) AS INTEGER)              AS units_with_major,
  min(first_on)                                                                                          AS first_on
FROM (
  SELECT campaign, 'visit' AS part, prev_on_in_campaign AS prev_on, visits, inspections,
         NULL::INTEGER AS hazards, NULL::INTEGER AS general, NULL::INTEGER AS major, NULL::INTEGER AS major_listed, first_on
  FROM mart_campaign_visit_months WHERE mart_month_inside(month, d_from, d_to)
  UNION ALL
  SELECT campaign, 'visit', prev_on_in_campaign, 1, inspections, NULL, NULL, NULL, NULL, inspected_on
  FROM mart_inspection_visits WHERE mart_day_in_part_month(inspected_on, d_from, d_to) AND campaign IS NOT NULL
  UNION ALL
  SELECT member, 'hazard', NULL, NULL, NULL, hazards, general, major, major_listed, first_on
  FROM mart_hazard_months WHERE dimension = 'campaign' AND mart_month_inside(month, d_from, d_to)
  UNION ALL
  SELECT member, 'hazard', NULL, NULL, NULL, hazards, general, major, major_listed, found_on
  FROM mart_hazard_days WHERE dimension = 'campaign' AND mart_day_in_part_month(found_on, d_from, d_to)
  UNION ALL
  SELECT campaign, 'major', prev_on_in_campaign, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM mart_major_visits WHERE found_on BETWEEN d_from AND d_to
)
GROUP BY campaign;
