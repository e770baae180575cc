-- Distinct enterprises counted from the visits (first visit of the period) equal a COUNT(DISTINCT)
-- over the period's rows: inspected overall and per campaign, units with major hazards per
-- campaign, and parties ordered to stop production.
WITH overall AS (
  SELECT count(*) AS inspections, count(DISTINCT enterprise_id) AS enterprises
  FROM mart_inspections_in(CAST($from AS DATE), CAST($to AS DATE))
),
by_campaign AS (
  SELECT campaign, count(DISTINCT enterprise_id) AS enterprises
  FROM mart_inspections_in(CAST($from AS DATE), CAST($to AS DATE)) WHERE campaign IS NOT NULL GROUP BY campaign
),
majors AS (
  SELECT campaign, count(DISTINCT enterprise_id) AS units_with_major
  FROM mart_major_hazards WHERE found_on BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) AND campaign IS NOT NULL
  GROUP BY campaign
),
c AS (SELECT * FROM mart_campaigns(CAST($from AS DATE), CAST($to AS DATE)))
SELECT 'overall' AS what, NULL AS campaign
FROM mart_enterprises_inspected(CAST($from AS DATE), CAST($to AS DATE)) e, overall o
WHERE e.inspections <> o.inspections OR e.enterprises <> o.enterprises
UNION ALL
SELECT 'campaign enterprises', coalesce(b.campaign, c.campaign)
FROM by_campaign b FULL OUTER JOIN (SELECT * FROM c WHERE inspections > 0) c ON b.campaign = c.campaign
WHERE b.enterprises IS DISTINCT FROM c.enterprises
UNION ALL
SELECT 'units with major', coalesce(m.campaign, c.campaign)
FROM majors m FULL OUTER JOIN (SELECT * FROM c WHERE units_with_major > 0) c ON m.campaign = c.campaign
WHERE m.units_with_major IS DISTINCT FROM c.units_with_major
UNION ALL
SELECT 'stop production parties', NULL
FROM mart_stop_production_count(CAST($from AS DATE), CAST($to AS DATE)) s
WHERE s.parties <> (SELECT count(*) FROM mart_stop_production_parties(CAST($from AS DATE), CAST($to AS DATE)));
