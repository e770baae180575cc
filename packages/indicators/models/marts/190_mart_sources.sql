-- Where the figures come from: the imported files (and their batches) that rows of any
-- kind still come from, with each file's export time (导出时间) where the file gave one.

-- model: mart_sources
-- grain: one imported file that at least one row of a kind (platform export or the bureau's ledger) comes from
-- key: batch_id, file_sha256
-- not_null: batch_id, file_sha256, file_name, kind, rows, imported_at, as_of
-- materialized: table
CREATE OR REPLACE VIEW mart_sources AS
WITH used AS (
  SELECT batch_id, file_sha256, count(*) AS rows FROM (
    SELECT batch_id, file_sha256 FROM cases
    UNION ALL SELECT batch_id, file_sha256 FROM inspections
    UNION ALL SELECT batch_id, file_sha256 FROM hazards
    UNION ALL SELECT batch_id, file_sha256 FROM enforcers
    UNION ALL SELECT batch_id, file_sha256 FROM random_checks
    UNION ALL SELECT batch_id, file_sha256 FROM accidents
    UNION ALL SELECT batch_id, file_sha256 FROM activities
  )
  GROUP BY ALL
)
SELECT
  f.batch_id,
  f.file_sha256,
  f.file_name,
  f.kind,
  CAST(u.rows AS INTEGER)               AS rows,
  f.export_time,
  f.imported_at,
  coalesce(f.export_time, f.imported_at) AS as_of
FROM files f
JOIN used u ON u.batch_id = f.batch_id AND u.file_sha256 = f.file_sha256
WHERE f.status = 'imported';
