-- model: stg_random_checks
-- grain: one 双随机 random-check task (任务编号 is the import key); one task checks one object (家)
-- key: task_no
-- not_null: task_no, plan_year, target_name, town, task_status, joint, published
-- accepted: task_status = 已完成 | 未完成 | 已取消
CREATE OR REPLACE VIEW stg_random_checks AS
SELECT
  task_no,
  plan,
  plan_year,
  target_name,
  credit_code,
  town,
  checked_on,
  task_status,
  joint,
  joint_departments,
  published,
  batch_id,
  file_sha256
FROM random_checks;
