-- Certified enforcers (docs/counting-rules.md §8): a certificate is valid on day D when 发证日期 ≤ D ≤ 有效期至 and it
-- was not cancelled (注销日期 empty or after D). Certified enforcers of a period: certificates valid
-- on its last day, by unit. New certificates: 发证日期 in the period and the holder had no earlier
-- valid certificate. The holder is the person's ID hash when there is one, else name + unit.

-- model: mart_certificates
-- grain: one enforcement certificate
-- key: certificate_no
-- not_null: certificate_no, holder_key, unit, unit_level, issued_on, valid_until, new_holder
-- accepted: unit_level = bureau | town
-- relationship: certificate_no -> stg_enforcers.certificate_no
-- materialized: table
CREATE OR REPLACE VIEW mart_certificates AS
WITH certs AS (
  SELECT
    certificate_no,
    CASE WHEN person_id_hash IS NOT NULL THEN 'id:' || person_id_hash
         ELSE 'name:' || sha256(anj_name_key(person_name) || '|' || unit) END AS holder_key,
    unit, unit_level, issued_on, valid_until, cancelled_on, cert_status,
    -- the last day it was valid (NULL when it never was: cancelled on its issue day)
    CASE WHEN cancelled_on IS NOT NULL AND cancelled_on <= valid_until THEN cancelled_on - 1 ELSE valid_until END AS valid_through
  FROM stg_enforcers
)
SELECT
  certificate_no, holder_key, unit,
  CAST(dense_rank() OVER (ORDER BY unit) AS INTEGER) AS unit_no,  -- for summing by unit (see mart_case_days)
  unit_level, issued_on, valid_until, cancelled_on, cert_status,
  CASE WHEN valid_through >= issued_on THEN valid_through END AS valid_through,
  -- new: no other certificate of the same holder was valid on some day before this one was issued,
  -- i.e. the holder's earliest certificate that was ever valid was not issued before this one
  coalesce(
    min(issued_on) FILTER (WHERE valid_through >= issued_on) OVER (PARTITION BY holder_key) >= issued_on,
    true
  ) AS new_holder
FROM certs;

-- model: mart_valid_on
-- grain: scalar macro: a certificate is valid on day d (issued by then, and d not after its last valid day)
-- key: (none)
CREATE OR REPLACE MACRO mart_valid_on(issued_on, valid_through, d) AS issued_on <= d AND d <= valid_through;

-- model: mart_is_new_in
-- grain: scalar macro: a certificate is new in the period: issued in it, to a new holder
-- key: (none)
CREATE OR REPLACE MACRO mart_is_new_in(issued_on, new_holder, d_from, d_to) AS issued_on BETWEEN d_from AND d_to AND new_holder;

-- model: mart_certificates_valid_on
-- grain: one certificate valid on day d
-- key: certificate_no
-- args: date
-- relationship: certificate_no -> mart_certificates.certificate_no
CREATE OR REPLACE MACRO mart_certificates_valid_on(d) AS TABLE
SELECT * FROM mart_certificates
WHERE mart_valid_on(issued_on, valid_through, d);

-- model: mart_enforcer_totals
-- grain: one unit with certificates valid on the period's last day or new in the period
-- key: unit
-- args: period
-- not_null: unit, unit_level, certified, new_certified
-- accepted: unit_level = bureau | town
CREATE OR REPLACE MACRO mart_enforcer_totals(d_from, d_to) AS TABLE
SELECT
  any_value(unit)                                                                            AS unit,
  any_value(unit_level)                                                                      AS unit_level,
  CAST(count(*) FILTER (mart_valid_on(issued_on, valid_through, d_to)) AS INTEGER)           AS certified,
  CAST(count(*) FILTER (mart_is_new_in(issued_on, new_holder, d_from, d_to)) AS INTEGER)     AS new_certified
FROM mart_certificates
WHERE mart_valid_on(issued_on, valid_through, d_to) OR mart_is_new_in(issued_on, new_holder, d_from, d_to)
GROUP BY unit_no;

-- model: mart_enforcer_slices
-- grain: one slice of the period's certificates: the whole district (total, 全区: always there), each
--   unit level, each unit (the units of mart_enforcer_totals added up)
-- key: dimension, member
-- args: period
-- not_null: dimension, member, certified, new_certified
-- accepted: dimension = total | unit_level | unit
CREATE OR REPLACE MACRO mart_enforcer_slices(d_from, d_to) AS TABLE
SELECT
  CASE WHEN grouping(unit) = 0 THEN 'unit' WHEN grouping(unit_level) = 0 THEN 'unit_level' ELSE 'total' END AS dimension,
  CASE WHEN grouping(unit) = 0 THEN unit WHEN grouping(unit_level) = 0 THEN unit_level ELSE '全区' END       AS member,
  CAST(coalesce(sum(certified), 0) AS INTEGER)                                                             AS certified,
  CAST(coalesce(sum(new_certified), 0) AS INTEGER)                                                         AS new_certified
FROM mart_enforcer_totals(d_from, d_to)
GROUP BY GROUPING SETS ((unit), (unit_level), ());

-- model: mart_certificates_expiring
-- grain: one certificate valid on day d whose 有效期至 falls within `days` days after d
-- key: certificate_no
-- args: date, days
-- relationship: certificate_no -> mart_certificates.certificate_no
CREATE OR REPLACE MACRO mart_certificates_expiring(d, days) AS TABLE
SELECT certificate_no, unit, unit_level, issued_on, valid_until, CAST(valid_until - d AS INTEGER) AS days_left
FROM mart_certificates_valid_on(d)
WHERE valid_until <= d + CAST(days AS INTEGER);
