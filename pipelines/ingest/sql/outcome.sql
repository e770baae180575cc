-- Row outcomes (docs/import.md §3) for the typed rows of one file or sheet: the temp table
-- `typed`, filled by merge.ts from the typing SELECT composed from the kind's declaration
-- (typing-sql.ts). {{table}} and {{key}} are the kind's table and natural key.
-- Each row's outcome, narrow (row number, key, outcome, warnings): the typed columns stay in
-- `typed` and are read once more only for the rows that go somewhere (upsert.sql, rejects.sql).
-- Binds $sha (this file's SHA-256) and $export_time (its export time, or NULL).
CREATE OR REPLACE TEMP TABLE outcome AS
WITH base AS (
  SELECT row_no, {{key}}, updated_at, row_hash, len(warnings) AS n_warnings,
         CASE
           WHEN bad_reason IS NOT NULL THEN 'rejected'
           WHEN skip THEN 'skipped'  -- blank or footer (typing-sql.ts)
           WHEN len(errors) > 0 THEN 'rejected'
           ELSE 'candidate'
         END AS stage_outcome
  FROM typed
),
repeated AS (
  -- Keys seen more than once in this file: only these need ranking (a window over every row is costly).
  SELECT {{key}} FROM base WHERE stage_outcome = 'candidate' GROUP BY {{key}} HAVING count(*) > 1
),
repeated_ranks AS (
  -- Within the file, the newest version of each key (by 更新时间, then the first row) competes.
  SELECT row_no, row_number() OVER (PARTITION BY {{key}} ORDER BY updated_at DESC NULLS LAST, row_no) AS rank_in_file
  FROM base SEMI JOIN repeated USING ({{key}})
  WHERE stage_outcome = 'candidate'
),
ranked AS (
  SELECT base.*, CASE WHEN stage_outcome = 'candidate' THEN coalesce(rr.rank_in_file, 1) END AS rank_in_file
  FROM base LEFT JOIN repeated_ranks rr USING (row_no)
),
imported_files AS (
  SELECT file_sha256, max(export_time) AS export_time FROM files WHERE status = 'imported' GROUP BY file_sha256
),
compared AS (
  SELECT r.*,
         e.row_hash    AS stored_hash,
         e.updated_at  AS stored_updated_at,
         e.file_sha256 AS stored_sha,
         f.export_time AS stored_export_time,
         e.{{key}} IS NOT NULL AS key_stored
  FROM ranked r
  LEFT JOIN {{table}} e ON e.{{key}} = r.{{key}}  -- equality only: anything more and DuckDB falls back to a nested-loop join
  LEFT JOIN imported_files f ON f.file_sha256 = e.file_sha256
)
SELECT row_no, {{key}}, n_warnings,
       CASE
         WHEN stage_outcome <> 'candidate' THEN stage_outcome
         WHEN rank_in_file > 1 THEN 'duplicate'
         WHEN NOT key_stored THEN 'new'
         WHEN stored_hash = row_hash THEN 'duplicate'
         -- 更新时间 decides when this row has one and the stored row has none or an older one.
         WHEN updated_at IS NOT NULL AND (stored_updated_at IS NULL OR updated_at > stored_updated_at) THEN 'replace'
         -- With no 更新时间 on either side: the newer export, or failing export times, the later import.
         WHEN updated_at IS NULL AND stored_updated_at IS NULL AND stored_sha <> $sha
              AND (CAST($export_time AS TIMESTAMP) IS NULL OR stored_export_time IS NULL
                   OR CAST($export_time AS TIMESTAMP) > stored_export_time) THEN 'replace'
         ELSE 'duplicate'
       END AS outcome
FROM compared;
