-- model: stg_activities
-- grain: one record of the bureau's hand-kept work ledger (记录编号 is the import key)
-- key: record_no
-- not_null: record_no, held_on, category, title
-- accepted: category = 普法宣传 | 执法培训 | 应急演练 | 帮扶指导 | 约谈曝光 | 典型案例公布 | 案卷评查 | 专题学习
CREATE OR REPLACE VIEW stg_activities AS
SELECT
  record_no,
  held_on,
  category,
  title,
  town,
  object_type,
  objects,
  participants,
  problems_found,
  problems_fixed,
  channel,
  batch_id,
  file_sha256
FROM activities;
