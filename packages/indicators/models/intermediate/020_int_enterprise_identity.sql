-- Enterprise identity (docs/counting-rules.md §4), the one place where it is decided who is who:
--   1. a record's own valid 统一社会信用代码 (GB 32100 check digit right);
--   2. else the code that the warehouse's records of any kind (cases, inspections, hazards) give for
--      the same normalised name (anj_name_key), where they give exactly one valid code;
--   3. else the normalised name itself.
-- An individual party (当事人类型 = 个人) is identified by name, never by a code; the key is a hash
-- so that no individual's name leaves this layer.
--
-- Speed: normalising a name and checking a code are costly per row (a few µs each), so they are
-- done once per distinct name and per distinct code, in the lookup models below, materialised as
-- tables (see src/models.ts: stored by the import, or temporary tables of a reader's connection);
-- records then only join to them.

-- model: int_name_code_pairs
-- grain: one distinct (name as written, code as stored) pair of the enterprise records of any kind;
--   individuals' names are left out, they never take a code
-- key: name, credit_code
-- not_null: name
-- materialized: table
CREATE OR REPLACE VIEW int_name_code_pairs AS
SELECT DISTINCT name, credit_code FROM (
  SELECT party_name AS name, credit_code FROM stg_cases WHERE party_type <> '个人'
  UNION ALL SELECT target_name, credit_code FROM stg_inspections
  UNION ALL SELECT unit_name, credit_code FROM stg_hazards
);

-- model: int_name_keys
-- grain: one distinct name of a party, inspected target or hazard unit, as written
-- key: name
-- not_null: name, name_key
-- materialized: table
CREATE OR REPLACE VIEW int_name_keys AS
SELECT name, anj_name_key(name) AS name_key
FROM (
  SELECT DISTINCT name FROM int_name_code_pairs
  UNION SELECT party_name FROM stg_cases WHERE party_type = '个人'
);

-- model: int_credit_codes
-- grain: one distinct 统一社会信用代码 as stored
-- key: credit_code
-- not_null: credit_code, valid
-- materialized: table
CREATE OR REPLACE VIEW int_credit_codes AS
SELECT credit_code, coalesce(anj_gb32100_ok(credit_code), false) AS valid
FROM (SELECT DISTINCT credit_code FROM int_name_code_pairs WHERE credit_code IS NOT NULL);

-- model: int_enterprise_codes
-- grain: one normalised name that at least one record (of any kind) gives a valid code for
-- key: name_key
-- not_null: name_key, codes
-- materialized: table
CREATE OR REPLACE VIEW int_enterprise_codes AS
SELECT
  n.name_key,
  count(DISTINCT p.credit_code)                                        AS codes,
  CASE WHEN count(DISTINCT p.credit_code) = 1 THEN min(p.credit_code) END AS sole_code
FROM int_name_code_pairs p
JOIN int_name_keys n ON n.name = p.name
JOIN int_credit_codes c ON c.credit_code = p.credit_code AND c.valid
GROUP BY n.name_key;

-- model: int_enterprise_id
-- grain: scalar macro: the identity of one record from its facts (the rule above, in order)
-- key: (none)
CREATE OR REPLACE MACRO int_enterprise_id(individual, credit_code, code_valid, sole_code, name_key) AS
  CASE
    WHEN individual THEN '个人:' || left(sha256('个人|' || name_key), 16)
    WHEN code_valid THEN credit_code
    WHEN sole_code IS NOT NULL THEN sole_code
    ELSE '名称:' || name_key
  END;

-- model: int_identified_by
-- grain: scalar macro: which step of the rule identified the record
-- key: (none)
CREATE OR REPLACE MACRO int_identified_by(individual, code_valid, sole_code) AS
  CASE WHEN individual THEN 'individual' WHEN code_valid THEN 'code' WHEN sole_code IS NOT NULL THEN 'name_code' ELSE 'name' END;

-- model: int_cases
-- grain: one penalty case, with its party's identity
-- key: case_no
-- not_null: case_no, party_id, identified_by
-- relationship: case_no -> stg_cases.case_no
CREATE OR REPLACE VIEW int_cases AS
SELECT
  s.* EXCLUDE (party_name),
  int_enterprise_id(s.party_type = '个人', s.credit_code, coalesce(c.valid, false), e.sole_code, n.name_key) AS party_id,
  int_identified_by(s.party_type = '个人', coalesce(c.valid, false), e.sole_code)                          AS identified_by
FROM stg_cases s
LEFT JOIN int_name_keys n ON n.name = s.party_name
LEFT JOIN int_credit_codes c ON c.credit_code = s.credit_code
LEFT JOIN int_enterprise_codes e ON e.name_key = n.name_key;  -- unused for individuals: the rule looks at them first

-- model: int_inspections
-- grain: one inspection, with the inspected enterprise's identity
-- key: inspection_no
-- not_null: inspection_no, enterprise_id, identified_by
-- relationship: inspection_no -> stg_inspections.inspection_no
CREATE OR REPLACE VIEW int_inspections AS
SELECT
  s.*,
  int_enterprise_id(false, s.credit_code, coalesce(c.valid, false), e.sole_code, n.name_key) AS enterprise_id,
  int_identified_by(false, coalesce(c.valid, false), e.sole_code)                          AS identified_by
FROM stg_inspections s
LEFT JOIN int_name_keys n ON n.name = s.target_name
LEFT JOIN int_credit_codes c ON c.credit_code = s.credit_code
LEFT JOIN int_enterprise_codes e ON e.name_key = n.name_key;

-- model: int_hazards
-- grain: one hazard, with its unit's identity
-- key: hazard_no
-- not_null: hazard_no, enterprise_id, identified_by
-- relationship: hazard_no -> stg_hazards.hazard_no
CREATE OR REPLACE VIEW int_hazards AS
SELECT
  s.*,
  int_enterprise_id(false, s.credit_code, coalesce(c.valid, false), e.sole_code, n.name_key) AS enterprise_id,
  int_identified_by(false, coalesce(c.valid, false), e.sole_code)                          AS identified_by
FROM stg_hazards s
LEFT JOIN int_name_keys n ON n.name = s.unit_name
LEFT JOIN int_credit_codes c ON c.credit_code = s.credit_code
LEFT JOIN int_enterprise_codes e ON e.name_key = n.name_key;

-- model: int_enterprise_identity
-- grain: one record of cases, inspections or hazards
-- key: kind, record_key
-- not_null: kind, record_key, enterprise_id, identified_by
-- accepted: kind = cases | inspections | hazards
-- accepted: identified_by = code | name_code | name | individual
CREATE OR REPLACE VIEW int_enterprise_identity AS
SELECT 'cases' AS kind, case_no AS record_key, party_id AS enterprise_id, identified_by FROM int_cases
UNION ALL
SELECT 'inspections', inspection_no, enterprise_id, identified_by FROM int_inspections
UNION ALL
SELECT 'hazards', hazard_no, enterprise_id, identified_by FROM int_hazards;
