-- 双随机 random checks (§4): the tasks of a period are those whose 计划年度 is the period's year
-- when the period is a whole calendar year (the plan is yearly), else those with 抽查日期 in it.
-- Planned = not 已取消; completed = 已完成; joint = completed with 是否联合抽查; published = completed
-- with 是否已公示. One task is one object (家).

-- model: mart_random_checks_in
-- grain: one random-check task of the period
-- key: task_no
-- args: period
-- not_null: task_no, town, task_status, planned, completed, joint, published
-- relationship: task_no -> stg_random_checks.task_no
CREATE OR REPLACE MACRO mart_random_checks_in(d_from, d_to) AS TABLE
SELECT
  task_no, town, checked_on, task_status, joint_departments,
  task_status <> '已取消'                  AS planned,
  task_status = '已完成'                   AS completed,
  task_status = '已完成' AND joint         AS joint,
  task_status = '已完成' AND published     AS published
FROM stg_random_checks
WHERE CASE WHEN mart_is_whole_year(d_from, d_to)
           THEN plan_year = date_part('year', d_from)
           ELSE checked_on BETWEEN d_from AND d_to END;

-- model: mart_random_check_totals
-- grain: one row: the period's random-check tasks counted
-- key: (one row)
-- args: period
-- not_null: planned, completed, joint, published
CREATE OR REPLACE MACRO mart_random_check_totals(d_from, d_to) AS TABLE
SELECT
  CAST(count(*) FILTER (planned) AS INTEGER)   AS planned,
  CAST(count(*) FILTER (completed) AS INTEGER) AS completed,
  CAST(count(*) FILTER (joint) AS INTEGER)     AS joint,
  CAST(count(*) FILTER (published) AS INTEGER) AS published
FROM mart_random_checks_in(d_from, d_to);

-- model: mart_random_checks_by_town
-- grain: one town with completed random-check tasks in the period
-- key: town
-- args: period
-- not_null: town, completed
CREATE OR REPLACE MACRO mart_random_checks_by_town(d_from, d_to) AS TABLE
SELECT town, CAST(count(*) AS INTEGER) AS completed
FROM mart_random_checks_in(d_from, d_to)
WHERE completed
GROUP BY town;

-- model: mart_random_check_departments
-- grain: one department named in 联合部门 of the period's joint tasks (split on 、，,；;), with the
--   place of its first appearance (tasks by 抽查日期 then 任务编号, names in the order written)
-- key: department
-- args: period
-- not_null: department, first_seen
CREATE OR REPLACE MACRO mart_random_check_departments(d_from, d_to) AS TABLE
WITH tasks AS (
  SELECT row_number() OVER (ORDER BY checked_on NULLS LAST, task_no) AS task_seq, joint_departments
  FROM mart_random_checks_in(d_from, d_to)
  WHERE joint AND joint_departments IS NOT NULL
),
names AS (
  SELECT task_seq, anj_trim(u.part.name) AS department, u.part.pos AS pos
  FROM (
    SELECT task_seq,
           unnest(list_transform(regexp_split_to_array(joint_departments, '[、，,；;]'), (x, i) -> {'name': x, 'pos': i})) AS part
    FROM tasks
  ) u
)
SELECT department, CAST(min(task_seq * 1000 + pos) AS INTEGER) AS first_seen
FROM names
WHERE department <> ''
GROUP BY department;
