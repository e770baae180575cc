-- The period's hazard totals and category counts, summed from the day table, equal the same counts
-- taken from the period's hazards row by row.
WITH rows AS (
  SELECT 'total' AS dimension, '全区' AS member, count(*) AS hazards, count(*) FILTER (is_major) AS major,
         count(*) FILTER (is_major AND listed) AS major_listed, count(*) FILTER (is_rectified) AS rectified
  FROM mart_hazards_in(CAST($from AS DATE), CAST($to AS DATE))
  UNION ALL
  SELECT 'category', category, count(*), count(*) FILTER (is_major), count(*) FILTER (is_major AND listed),
         count(*) FILTER (is_rectified)
  FROM mart_hazards_in(CAST($from AS DATE), CAST($to AS DATE)) GROUP BY category
  UNION ALL
  SELECT 'campaign', campaign, count(*), count(*) FILTER (is_major), count(*) FILTER (is_major AND listed),
         count(*) FILTER (is_rectified)
  FROM mart_hazards_in(CAST($from AS DATE), CAST($to AS DATE)) WHERE campaign IS NOT NULL GROUP BY campaign
),
days AS (
  SELECT * FROM mart_hazard_slices(CAST($from AS DATE), CAST($to AS DATE)) WHERE dimension IN ('total', 'category', 'campaign')
)
SELECT coalesce(r.dimension, d.dimension) AS dimension, coalesce(r.member, d.member) AS member
FROM (SELECT * FROM rows WHERE hazards > 0) r FULL OUTER JOIN days d ON r.dimension = d.dimension AND r.member = d.member
WHERE r.hazards IS DISTINCT FROM d.hazards OR r.major IS DISTINCT FROM d.major
   OR r.major_listed IS DISTINCT FROM d.major_listed OR r.rectified IS DISTINCT FROM d.rectified;
