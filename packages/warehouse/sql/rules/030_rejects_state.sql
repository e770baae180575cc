-- Whether a rejected row is still open, said once for every reader (status, rejects export, the
-- import's resolving step, the dashboard's quality page): open until a later file supplied the row
-- (resolved_batch, see 004_rejects_resolved.sql). Resolved rows stay as history.
CREATE OR REPLACE VIEW rejects_state AS
SELECT *, resolved_batch IS NULL AS is_open FROM rejects;
