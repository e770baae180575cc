-- A rejected row stays in `rejects` as history; it is open until a row with the same natural key
-- is accepted (or found identical to the stored one) from a later file, typically the corrected
-- file exported by `anjian rejects`. `status` counts the open ones.
ALTER TABLE rejects ADD COLUMN record_key VARCHAR;     -- the row's natural key, when it could be read
ALTER TABLE rejects ADD COLUMN resolved_batch VARCHAR;  -- the batch whose file supplied the row
