-- Staging models only rename and cast: no counting rule lives in this folder.

-- model: stg_cases
-- grain: one penalty case, in the newest version the warehouse holds (案件编号 is the import key)
-- key: case_no
-- not_null: case_no, party_name, party_type, town, industry, unit, unit_level, procedure_type, filed_on, fine_yuan, dual_penalty, legal_review
-- accepted: unit_level = bureau | town
-- accepted: procedure_type = 简易程序 | 普通程序
-- accepted: party_type = 单位 | 个人 | 个体工商户
-- Individuals' names appear here only because identity needs them; no mart exposes them.
CREATE OR REPLACE VIEW stg_cases AS
SELECT
  case_no,
  party_name,
  coalesce(party_type, '单位')                 AS party_type,
  credit_code,
  town,
  coalesce(industry, '未填写')                 AS industry,
  authority                                   AS unit,
  authority_level                             AS unit_level,
  "procedure"                                 AS procedure_type,
  filed_on,
  decided_on,
  coalesce(penalty_kinds, CAST([] AS VARCHAR[])) AS penalty_kinds,
  fine_yuan,
  dual_penalty,
  legal_review,
  status,
  batch_id,
  file_sha256
FROM cases;
