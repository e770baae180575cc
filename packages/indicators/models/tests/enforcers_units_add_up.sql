-- Certificates valid at the period's end, by unit, add up to all valid ones; new certificates were
-- issued in the period; a renewal of a holder's valid certificate is never new.
WITH totals AS (SELECT * FROM mart_enforcer_totals(CAST($from AS DATE), CAST($to AS DATE)))
SELECT 'units' AS problem, (SELECT sum(certified) FROM totals) AS a, (SELECT count(*) FROM mart_certificates_valid_on(CAST($to AS DATE))) AS b
WHERE coalesce((SELECT sum(certified) FROM totals), 0) <> (SELECT count(*) FROM mart_certificates_valid_on(CAST($to AS DATE)))
UNION ALL
SELECT 'renewal counted as new', count(*), NULL
FROM mart_certificates n
JOIN mart_certificates o ON o.holder_key = n.holder_key AND o.certificate_no <> n.certificate_no
WHERE n.new_holder AND o.issued_on < n.issued_on AND o.valid_through IS NOT NULL
HAVING count(*) > 0;
