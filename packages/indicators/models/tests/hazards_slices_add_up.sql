-- Categories and towns each add up to the period's hazards; the monthly mart agrees for whole months.
WITH total AS (SELECT total FROM mart_hazard_totals(CAST($from AS DATE), CAST($to AS DATE))),
cat AS (SELECT coalesce(sum(hazards), 0) AS n FROM mart_hazards_by_category(CAST($from AS DATE), CAST($to AS DATE))),
town AS (SELECT coalesce(sum(hazards), 0) AS n FROM mart_hazards_by_town(CAST($from AS DATE), CAST($to AS DATE))),
monthly AS (
  SELECT coalesce(sum(hazards), 0) AS n FROM mart_hazards_monthly
  WHERE make_date(found_year, found_month, 1) BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
)
SELECT total.total, cat.n AS by_category, town.n AS by_town, monthly.n AS monthly
FROM total, cat, town, monthly
WHERE cat.n <> total.total OR town.n <> total.total
   OR (day(CAST($from AS DATE)) = 1 AND day(CAST($to AS DATE) + 1) = 1 AND monthly.n <> total.total);
