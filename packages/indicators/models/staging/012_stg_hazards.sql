-- model: stg_hazards
-- grain: one hazard (隐患编号 is the import key)
-- key: hazard_no
-- not_null: hazard_no, unit_name, town, found_on, level, category, rectification, listed
-- accepted: level = 一般隐患 | 重大事故隐患
-- accepted: rectification = 已整改 | 整改中 | 逾期未整改
CREATE OR REPLACE VIEW stg_hazards AS
SELECT
  hazard_no,
  inspection_no,
  unit_name,
  credit_code,
  town,
  coalesce(industry, '未填写')  AS industry,
  found_on,
  level,
  category,
  campaign,
  deadline,
  rectification,
  rectified_on,
  listed,
  batch_id,
  file_sha256
FROM hazards;
