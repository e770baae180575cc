-- model: stg_enforcers
-- grain: one enforcement certificate (执法证号 is the import key)
-- key: certificate_no
-- not_null: certificate_no, person_name, unit, unit_level, issued_on, valid_until, cert_status
-- accepted: unit_level = bureau | town
-- accepted: cert_status = 有效 | 已注销 | 已过期 | 暂扣
-- Officers' names are public (行政执法公示); they are kept here only to identify a holder without an ID
-- number, and no mart exposes them.
CREATE OR REPLACE VIEW stg_enforcers AS
SELECT
  certificate_no,
  person_id_hash,
  person_name,
  unit,
  unit_level,
  issued_on,
  valid_until,
  cert_status,
  cancelled_on,
  batch_id,
  file_sha256
FROM enforcers;
