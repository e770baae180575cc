-- There are never more parties ordered to stop production than stop-production cases, nor fewer
-- than one when there is such a case.
WITH parties AS (SELECT count(*) AS n, coalesce(sum(cases), 0) AS cases FROM mart_stop_production_parties(CAST($from AS DATE), CAST($to AS DATE))),
stops AS (SELECT count(*) AS n FROM mart_cases_in(CAST($from AS DATE), CAST($to AS DATE)) WHERE stop_production)
SELECT parties.n, parties.cases, stops.n AS stop_cases
FROM parties, stops
WHERE parties.cases <> stops.n OR parties.n > stops.n OR (stops.n > 0 AND parties.n = 0);
