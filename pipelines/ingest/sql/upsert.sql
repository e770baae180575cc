-- Upsert by natural key: the stored versions that lost go, the winners come in with their lineage.
-- The table, key and column list (in double braces) come from the kind's declaration.
-- Binds $batch, $sha, $sheet.
DELETE FROM {{table}} WHERE {{key}} IN (SELECT {{key}} FROM outcome WHERE outcome = 'replace');

INSERT INTO {{table}} ({{columns}}, batch_id, file_sha256, sheet, row_no, row_hash, warnings)
SELECT {{columns}}, $batch, $sha, $sheet, row_no, row_hash, warnings
FROM typed
SEMI JOIN (SELECT row_no FROM outcome WHERE outcome IN ('new', 'replace')) USING (row_no);
