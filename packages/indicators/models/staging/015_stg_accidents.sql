-- model: stg_accidents
-- grain: one accident under investigation (事故编号 is the import key)
-- key: accident_no
-- not_null: accident_no, accident_name, occurred_on, town, accident_type, direct_loss_yuan
-- accepted: accident_type = 坍塌 | 火灾 | 透水 | 触电 | 高处坠落 | 机械伤害 | 物体打击 | 中毒和窒息 | 爆炸 | 其他
-- (lead_unit_level is bureau or town when the lead unit is one of the profile's units, else NULL:
-- another department, kept as written)
CREATE OR REPLACE VIEW stg_accidents AS
SELECT
  accident_no,
  accident_name,
  occurred_on,
  town,
  accident_type,
  deaths,
  injuries,
  direct_loss_yuan,
  lead_unit,
  lead_unit_level,
  investigation_status,
  accountable,
  units_penalised,
  batch_id,
  file_sha256
FROM accidents;
