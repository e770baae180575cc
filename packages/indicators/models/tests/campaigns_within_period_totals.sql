-- A campaign's figures never exceed the period's, and its parts add up.
WITH h AS (SELECT * FROM mart_hazard_totals(CAST($from AS DATE), CAST($to AS DATE))),
e AS (SELECT * FROM mart_enterprises_inspected(CAST($from AS DATE), CAST($to AS DATE)))
SELECT c.*
FROM mart_campaigns(CAST($from AS DATE), CAST($to AS DATE)) c, h, e
WHERE c.general + c.major <> c.total
   OR c.major_listed > c.major
   OR c.units_with_major > c.major
   OR c.enterprises > c.inspections
   OR c.enterprises > e.enterprises
   OR c.total > h.total
   OR c.first_on NOT BETWEEN CAST($from AS DATE) AND CAST($to AS DATE);
