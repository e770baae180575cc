-- Rejected rows with the file's headers of the offending cells, the reasons in Chinese, and the
-- row as read (`original`, made by the typing SELECT: header → cell, personal data hashed).
-- Binds $batch, $sha, $path, $kind, $sheet.
INSERT INTO rejects (batch_id, file_sha256, path, kind, sheet, row_no, columns, reason, original, record_key)
SELECT $batch, $sha, $path, $kind, $sheet, o.row_no,
       CASE WHEN t.bad_reason IS NOT NULL THEN '整行'
            -- the columns in order of first mention
            ELSE array_to_string(list_filter(list_transform(t.errors, e -> e.col),
                                             (x, i) -> list_position(list_transform(t.errors, e -> e.col), x) = i), '、')
       END,
       CASE WHEN t.bad_reason IS NOT NULL THEN t.bad_reason
            ELSE array_to_string(list_transform(t.errors, e -> e.col || '：' || e.msg), '；')
       END,
       t.original,
       t.{{key}}
FROM outcome o
JOIN typed t ON t.row_no = o.row_no
WHERE o.outcome = 'rejected'
ORDER BY o.row_no;

-- Earlier rejects of the keys this file now supplies are resolved (kept as history).
UPDATE rejects SET resolved_batch = $batch
WHERE kind = $kind AND resolved_batch IS NULL AND file_sha256 <> $sha
  AND record_key IN (SELECT {{key}} FROM outcome WHERE outcome IN ('new', 'replace', 'duplicate'));
