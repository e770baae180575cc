-- Pending cases were filed in the period and had no decision by its end; none of them is also a
-- case of the period.
SELECT p.case_no
FROM mart_cases_pending(CAST($from AS DATE), CAST($to AS DATE)) p
LEFT JOIN mart_cases_in(CAST($from AS DATE), CAST($to AS DATE)) c USING (case_no)
WHERE c.case_no IS NOT NULL OR p.filed_on NOT BETWEEN CAST($from AS DATE) AND CAST($to AS DATE);
