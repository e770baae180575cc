-- Campaigns (专项行动): every campaign with inspections or hazards in the period, with the
-- enterprises inspected in it (enterprise identity) and its hazards by level.

-- model: mart_campaign_inspections
-- grain: one campaign with inspections in the period: inspections, distinct enterprises, first day
-- key: campaign
-- args: period
-- not_null: campaign, inspections, enterprises, first_on
CREATE OR REPLACE MACRO mart_campaign_inspections(d_from, d_to) AS TABLE
SELECT
  any_value(campaign)                                                                                AS campaign,
  CAST(sum(inspections) AS INTEGER)                                                                  AS inspections,
  CAST(coalesce(sum(visits) FILTER (mart_first_visit_in(prev_on_in_campaign, d_from)), 0) AS INTEGER) AS enterprises,
  min(first_on)                                                                                      AS first_on
FROM (
  SELECT campaign_no, campaign, prev_on_in_campaign, visits, inspections, first_on
  FROM mart_campaign_visit_months WHERE mart_month_inside(month, d_from, d_to)
  UNION ALL
  SELECT campaign_no, campaign, prev_on_in_campaign, 1, inspections, inspected_on
  FROM mart_inspection_visits WHERE mart_day_in_part_month(inspected_on, d_from, d_to) AND campaign IS NOT NULL
)
GROUP BY campaign_no;

-- model: mart_campaign_units_with_major
-- grain: one campaign with major hazards found in the period: the distinct units they were found at
-- key: campaign
-- args: period
-- not_null: campaign, units_with_major
CREATE OR REPLACE MACRO mart_campaign_units_with_major(d_from, d_to) AS TABLE
SELECT any_value(campaign) AS campaign,
       CAST(count(*) FILTER (mart_first_visit_in(prev_on_in_campaign, d_from)) AS INTEGER) AS units_with_major
FROM mart_major_visits
WHERE found_on BETWEEN d_from AND d_to
GROUP BY campaign_no;

-- model: mart_campaigns
-- grain: one campaign with inspections or hazards in the period
-- key: campaign
-- args: period
-- not_null: campaign, inspections, enterprises, total, general, major, major_listed, units_with_major, first_on
-- (its three parts are macros of their own; the hazard part is the campaign slices of
-- mart_hazard_slices. first_on: the campaign's first inspection or hazard day in the period)
CREATE OR REPLACE MACRO mart_campaigns(d_from, d_to) AS TABLE
SELECT
  coalesce(i.campaign, h.member)          AS campaign,
  coalesce(i.inspections, 0)              AS inspections,
  coalesce(i.enterprises, 0)              AS enterprises,
  coalesce(h.hazards, 0)                  AS total,
  coalesce(h.general, 0)                  AS general,
  coalesce(h.major, 0)                    AS major,
  coalesce(h.major_listed, 0)             AS major_listed,
  coalesce(m.units_with_major, 0)         AS units_with_major,
  least(i.first_on, h.first_on)           AS first_on
FROM mart_campaign_inspections(d_from, d_to) i
FULL OUTER JOIN (SELECT * FROM mart_hazard_slices(d_from, d_to) WHERE dimension = 'campaign') h ON h.member = i.campaign
LEFT JOIN mart_campaign_units_with_major(d_from, d_to) m ON m.campaign = coalesce(i.campaign, h.member);
