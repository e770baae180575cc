-- The period's case slices, summed from the day table, equal the same slices computed from the
-- period's cases row by row (a period without cases has no slices); and the pending count equals the pending list.
WITH rows AS (
  SELECT 'total' AS dimension, '全区' AS member, count(*) AS cases, sum(fine_yuan) AS fine_yuan,
         count(*) FILTER (dual_penalty) AS dual_penalty, count(*) FILTER (legal_review) AS legal_review
  FROM mart_cases_in(CAST($from AS DATE), CAST($to AS DATE))
  UNION ALL
  SELECT 'town', town, count(*), sum(fine_yuan), count(*) FILTER (dual_penalty), count(*) FILTER (legal_review)
  FROM mart_cases_in(CAST($from AS DATE), CAST($to AS DATE)) GROUP BY town
  UNION ALL
  SELECT 'unit_level_procedure', unit_level || '|' || procedure_type, count(*), sum(fine_yuan),
         count(*) FILTER (dual_penalty), count(*) FILTER (legal_review)
  FROM mart_cases_in(CAST($from AS DATE), CAST($to AS DATE)) GROUP BY ALL
),
days AS (
  SELECT * FROM mart_case_totals(CAST($from AS DATE), CAST($to AS DATE))
  WHERE dimension IN ('total', 'town', 'unit_level_procedure')
)
SELECT 'slice' AS what, coalesce(r.dimension, d.dimension) AS dimension, coalesce(r.member, d.member) AS member
FROM (SELECT * FROM rows WHERE cases > 0) r FULL OUTER JOIN days d ON r.dimension = d.dimension AND r.member = d.member
WHERE r.cases IS DISTINCT FROM d.cases OR r.fine_yuan IS DISTINCT FROM d.fine_yuan
   OR r.dual_penalty IS DISTINCT FROM d.dual_penalty OR r.legal_review IS DISTINCT FROM d.legal_review
UNION ALL
SELECT 'pending', NULL, NULL
FROM mart_pending_count(CAST($from AS DATE), CAST($to AS DATE)) p
WHERE p.pending <> (SELECT count(*) FROM mart_cases_pending(CAST($from AS DATE), CAST($to AS DATE)));
