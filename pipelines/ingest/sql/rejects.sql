-- Rejected rows with the file's headers of the offending cells, the reasons in Chinese, and the
-- row as read (`original`, made by the typing SELECT: header → cell, personal data hashed).
-- Binds $batch, $sha, $path, $kind, $sheet.
INSERT INTO rejects
SELECT $batch, $sha, $path, $kind, $sheet, o.row_no,
       CASE WHEN t.bad_reason IS NOT NULL THEN '整行'
            -- the columns in order of first mention
            ELSE array_to_string(list_filter(list_transform(t.errors, e -> e.col),
                                             (x, i) -> list_position(list_transform(t.errors, e -> e.col), x) = i), '、')
       END,
       CASE WHEN t.bad_reason IS NOT NULL THEN t.bad_reason
            ELSE array_to_string(list_transform(t.errors, e -> e.col || '：' || e.msg), '；')
       END,
       t.original
FROM outcome o
JOIN typed t ON t.row_no = o.row_no
WHERE o.outcome = 'rejected'
ORDER BY o.row_no;
