-- model: stg_inspections
-- grain: one inspection (检查编号 is the import key)
-- key: inspection_no
-- not_null: inspection_no, target_name, town, inspected_on, method
CREATE OR REPLACE VIEW stg_inspections AS
SELECT
  inspection_no,
  target_name,
  credit_code,
  town,
  coalesce(industry, '未填写')  AS industry,
  inspected_on,
  method,
  campaign,
  authority                    AS unit,
  authority_level              AS unit_level,
  joint,
  batch_id,
  file_sha256
FROM inspections;
