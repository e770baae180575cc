-- General + major = total; listed majors within majors; rectified within total; the rate is
-- rectified / total rounded to 4 decimals.
SELECT *
FROM mart_hazard_totals(CAST($from AS DATE), CAST($to AS DATE))
WHERE general + major <> total
   OR major_listed > major
   OR rectified > total
   OR (total > 0 AND abs(rectification_rate - rectified / total) > 0.00005)
   OR (total = 0 AND rectification_rate <> 0);
