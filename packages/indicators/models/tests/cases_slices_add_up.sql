-- Every way of slicing the period's cases (by unit, procedure, town, industry) adds up to the total.
WITH t AS (SELECT * FROM mart_case_totals(CAST($from AS DATE), CAST($to AS DATE))),
total AS (SELECT cases, fine_yuan, dual_penalty, legal_review FROM t WHERE dimension = 'total')
SELECT s.dimension, s.cases, s.fine_yuan
FROM (
  SELECT dimension, sum(cases) AS cases, sum(fine_yuan) AS fine_yuan, sum(dual_penalty) AS dual_penalty,
         sum(legal_review) AS legal_review
  FROM t WHERE dimension <> 'total' GROUP BY dimension
) s, total
WHERE s.cases <> total.cases OR s.fine_yuan <> total.fine_yuan
   OR s.dual_penalty <> total.dual_penalty OR s.legal_review <> total.legal_review;
