-- The counts of docs/import.md §3.1 for one file or sheet: read = accepted + rejected + skipped
-- + duplicate; replaced is the part of accepted that replaced an older version of its key.
SELECT count(*) AS read,
       count(*) FILTER (outcome IN ('new', 'replace')) AS accepted,
       count(*) FILTER (outcome = 'rejected') AS rejected,
       count(*) FILTER (outcome = 'skipped') AS skipped,
       count(*) FILTER (outcome = 'duplicate') AS duplicate,
       count(*) FILTER (outcome = 'replace') AS replaced,
       coalesce(sum(n_warnings) FILTER (outcome IN ('new', 'replace')), 0) AS warnings
FROM outcome;
