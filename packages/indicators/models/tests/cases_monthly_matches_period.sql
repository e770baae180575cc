-- The monthly mart holds the same decided cases and 元 as the period macro, month by month.
WITH months AS (
  SELECT decided_year, decided_month, sum(cases) AS cases, sum(fine_yuan) AS fine_yuan
  FROM mart_cases_monthly GROUP BY ALL
),
direct AS (
  SELECT year(decided_on) AS decided_year, month(decided_on) AS decided_month, count(*) AS cases, sum(fine_yuan) AS fine_yuan
  FROM mart_cases_in(CAST($from AS DATE), CAST($to AS DATE)) GROUP BY ALL
)
SELECT d.*, m.cases AS monthly_cases
FROM direct d LEFT JOIN months m USING (decided_year, decided_month)
WHERE (day(CAST($from AS DATE)) = 1 AND day(CAST($to AS DATE) + 1) = 1)  -- whole months only
  AND (m.cases IS NULL OR m.cases <> d.cases OR m.fine_yuan <> d.fine_yuan);
