-- Overdue hazards at the end of the period: deadline passed, found by then, not rectified by then.
SELECT o.hazard_no
FROM mart_hazards_overdue(CAST($to AS DATE)) o
JOIN mart_hazards h USING (hazard_no)
WHERE h.deadline >= CAST($to AS DATE)
   OR h.found_on > CAST($to AS DATE)
   OR h.rectified_on <= CAST($to AS DATE);
