-- The bureau's and the towns' cases add up to the district's, in count and in exact 元.
WITH t AS (SELECT * FROM mart_case_totals(CAST($from AS DATE), CAST($to AS DATE)))
SELECT total.cases, total.fine_yuan, parts.cases AS parts_cases, parts.fine_yuan AS parts_yuan
FROM (SELECT cases, fine_yuan FROM t WHERE dimension = 'total') total,
     (SELECT coalesce(sum(cases), 0) AS cases, coalesce(sum(fine_yuan), 0) AS fine_yuan FROM t WHERE dimension = 'unit_level' AND member IN ('bureau', 'town')) parts
WHERE total.cases <> parts.cases OR total.fine_yuan <> parts.fine_yuan;
