-- Cases (docs/counting-rules.md §3): a case belongs to the period of its 处罚决定日期; undecided cases are counted apart
-- as pending (在办) by 立案日期. Bureau or towns by 执法主体 (unit_level, mapped on import); towns by
-- the party's 所属镇街.

-- model: mart_is_decided
-- grain: scalar macro: a case is decided (counted by its 处罚决定日期) once it has one
-- key: (none)
CREATE OR REPLACE MACRO mart_is_decided(decided_on) AS decided_on IS NOT NULL;

-- model: mart_orders_stop
-- grain: scalar macro: the case's penalties include 责令停产停业 (ordered to stop production)
-- key: (none)
CREATE OR REPLACE MACRO mart_orders_stop(penalty_kinds) AS list_contains(penalty_kinds, '责令停产停业');

-- model: mart_cases
-- grain: one decided penalty case
-- key: case_no
-- not_null: case_no, decided_on, decided_year, decided_month, unit, unit_level, procedure_type, town, industry, fine_yuan, dual_penalty, legal_review, stop_production
-- accepted: unit_level = bureau | town
-- accepted: procedure_type = 简易程序 | 普通程序
-- relationship: case_no -> stg_cases.case_no
CREATE OR REPLACE VIEW mart_cases AS
SELECT
  case_no,
  decided_on,
  year(decided_on)                            AS decided_year,
  month(decided_on)                           AS decided_month,
  unit,
  unit_level,
  procedure_type,
  town,
  industry,
  fine_yuan,
  dual_penalty,
  legal_review,
  mart_orders_stop(penalty_kinds)             AS stop_production
FROM stg_cases
WHERE mart_is_decided(decided_on);

-- model: mart_cases_in
-- grain: one case decided in the period [d_from, d_to]
-- key: case_no
-- args: period
-- relationship: case_no -> mart_cases.case_no
CREATE OR REPLACE MACRO mart_cases_in(d_from, d_to) AS TABLE
SELECT * FROM mart_cases WHERE decided_on BETWEEN d_from AND d_to;

-- model: mart_cases_monthly
-- grain: one month × unit × procedure × party's town × industry with decided cases
-- key: decided_year, decided_month, unit, procedure_type, town, industry
-- not_null: decided_year, decided_month, unit, unit_level, procedure_type, town, industry, cases, fine_yuan, amount_wan
-- accepted: unit_level = bureau | town
CREATE OR REPLACE VIEW mart_cases_monthly AS
SELECT
  decided_year,
  decided_month,
  unit,
  any_value(unit_level)                          AS unit_level,
  procedure_type,
  town,
  industry,
  CAST(count(*) AS INTEGER)                      AS cases,
  CAST(sum(fine_yuan) AS DECIMAL(38, 2))         AS fine_yuan,
  mart_wan(sum(fine_yuan))                       AS amount_wan,
  CAST(count(*) FILTER (dual_penalty) AS INTEGER)    AS dual_penalty_cases,
  CAST(count(*) FILTER (legal_review) AS INTEGER)    AS legal_review_cases,
  CAST(count(*) FILTER (stop_production) AS INTEGER) AS stop_production_cases
FROM mart_cases
GROUP BY ALL;

-- model: mart_case_list
-- grain: one decided penalty case as a list shows it: its party by mart_shown_party (个人 for an
--   individual), its penalties (处罚种类) as text joined by 、
-- key: case_no
-- not_null: case_no, decided_on, decided_year, party, party_type, town, unit, unit_level, procedure_type, industry, penalties, fine_yuan, dual_penalty, legal_review, stop_production
-- accepted: unit_level = bureau | town
-- relationship: case_no -> mart_cases.case_no
CREATE OR REPLACE VIEW mart_case_list AS
SELECT
  c.case_no,
  c.decided_on,
  c.decided_year,
  mart_shown_party(s.party_name, s.party_type) AS party,
  s.party_type,
  c.town,
  c.unit,
  c.unit_level,
  c.procedure_type,
  c.industry,
  array_to_string(s.penalty_kinds, '、')         AS penalties,
  c.fine_yuan,
  c.dual_penalty,
  c.legal_review,
  c.stop_production
FROM mart_cases c
JOIN stg_cases s USING (case_no);

-- model: mart_case_days
-- grain: one day × slice of the decided cases of that day: the whole district, each unit level,
--   each unit, each procedure, each unit level × procedure, each party's town, each industry
-- key: decided_on, dimension, member
-- not_null: slice_no, decided_on, dimension, member, cases, fine_yuan, dual_penalty, legal_review
-- accepted: dimension = total | unit_level | unit | procedure | unit_level_procedure | town | industry
-- materialized: table
-- (every period's totals are sums of these rows and of mart_case_months: exact, as fine_yuan is a
-- DECIMAL sum in 元; a day's or a month's sum fits DECIMAL(18, 2) by far. slice_no numbers the
-- slices 1…n: summing by a small integer lets DuckDB use its perfect-hash aggregate, several
-- times cheaper on a small result than hashing the names.)
CREATE OR REPLACE VIEW mart_case_days AS
WITH slices AS (
SELECT
  decided_on,
  CASE
    WHEN grouping(unit_level, procedure_type) = 0 THEN 'unit_level_procedure'
    WHEN grouping(unit_level) = 0 THEN 'unit_level'
    WHEN grouping(unit) = 0 THEN 'unit'
    WHEN grouping(procedure_type) = 0 THEN 'procedure'
    WHEN grouping(town) = 0 THEN 'town'
    WHEN grouping(industry) = 0 THEN 'industry'
    ELSE 'total'
  END                                              AS dimension,
  coalesce(
    CASE WHEN grouping(unit_level, procedure_type) = 0 THEN unit_level || '|' || procedure_type END,
    CASE WHEN grouping(unit_level) = 0 THEN unit_level END,
    CASE WHEN grouping(unit) = 0 THEN unit END,
    CASE WHEN grouping(procedure_type) = 0 THEN procedure_type END,
    CASE WHEN grouping(town) = 0 THEN town END,
    CASE WHEN grouping(industry) = 0 THEN industry END,
    '全区'
  )                                                AS member,
  CAST(count(*) AS INTEGER)                        AS cases,
  CAST(sum(fine_yuan) AS DECIMAL(18, 2))           AS fine_yuan,
  CAST(count(*) FILTER (dual_penalty) AS INTEGER)  AS dual_penalty,
  CAST(count(*) FILTER (legal_review) AS INTEGER)  AS legal_review
FROM mart_cases
GROUP BY GROUPING SETS ((decided_on), (decided_on, unit_level), (decided_on, unit), (decided_on, procedure_type),
                        (decided_on, unit_level, procedure_type), (decided_on, town), (decided_on, industry))
)
SELECT CAST(dense_rank() OVER (ORDER BY dimension, member) AS INTEGER) AS slice_no, *
FROM slices
ORDER BY decided_on;

-- model: mart_case_months
-- grain: one month × slice of the decided cases of that month (the slices of mart_case_days)
-- key: month, dimension, member
-- not_null: month, slice_no, dimension, member, cases, fine_yuan, dual_penalty, legal_review
-- materialized: table
CREATE OR REPLACE VIEW mart_case_months AS
SELECT
  mart_month_of(decided_on)                        AS month,
  slice_no,
  dimension,
  member,
  CAST(sum(cases) AS INTEGER)                      AS cases,
  CAST(sum(fine_yuan) AS DECIMAL(18, 2))           AS fine_yuan,
  CAST(sum(dual_penalty) AS INTEGER)               AS dual_penalty,
  CAST(sum(legal_review) AS INTEGER)               AS legal_review
FROM mart_case_days
GROUP BY ALL
ORDER BY month;

-- model: mart_case_totals
-- grain: one slice of the period's decided cases (the slices of mart_case_days)
-- key: dimension, member
-- args: period
-- not_null: dimension, member, cases, fine_yuan, amount_wan, dual_penalty, legal_review
-- accepted: dimension = total | unit_level | unit | procedure | unit_level_procedure | town | industry
CREATE OR REPLACE MACRO mart_case_totals(d_from, d_to) AS TABLE
SELECT
  any_value(dimension)                             AS dimension,
  any_value(member)                                AS member,
  CAST(sum(cases) AS INTEGER)                      AS cases,
  CAST(sum(fine_yuan) AS DECIMAL(38, 2))           AS fine_yuan,
  mart_wan(sum(fine_yuan))                         AS amount_wan,
  CAST(sum(dual_penalty) AS INTEGER)               AS dual_penalty,
  CAST(sum(legal_review) AS INTEGER)               AS legal_review
FROM (
  SELECT slice_no, dimension, member, cases, fine_yuan, dual_penalty, legal_review
  FROM mart_case_months WHERE mart_month_inside(month, d_from, d_to)
  UNION ALL
  SELECT slice_no, dimension, member, cases, fine_yuan, dual_penalty, legal_review
  FROM mart_case_days WHERE mart_day_in_part_month(decided_on, d_from, d_to)
)
GROUP BY slice_no;

-- model: mart_is_withdrawn
-- grain: scalar macro: the case was withdrawn (已撤销): never pending
-- key: (none)
CREATE OR REPLACE MACRO mart_is_withdrawn(status) AS coalesce(status, '') = '已撤销';

-- model: mart_pending_in
-- grain: scalar macro: a case filed in the period and not decided by its end is pending (在办)
-- key: (none)
CREATE OR REPLACE MACRO mart_pending_in(filed_on, decided_on, d_from, d_to) AS
  filed_on BETWEEN d_from AND d_to AND NOT coalesce(mart_is_decided(decided_on) AND decided_on <= d_to, false);

-- model: mart_cases_pending
-- grain: one case filed in the period and not decided by its end (withdrawn cases are not pending)
-- key: case_no
-- args: period
-- relationship: case_no -> stg_cases.case_no
CREATE OR REPLACE MACRO mart_cases_pending(d_from, d_to) AS TABLE
SELECT case_no, filed_on, unit, unit_level, procedure_type, town, industry
FROM stg_cases
WHERE mart_pending_in(filed_on, decided_on, d_from, d_to) AND NOT mart_is_withdrawn(status);

-- model: mart_case_filings
-- grain: one filing day × decision day (NULL: undecided) of the cases that were not withdrawn
-- key: filed_on, decided_on
-- not_null: filed_on, cases
-- materialized: table
CREATE OR REPLACE VIEW mart_case_filings AS
SELECT filed_on, decided_on, CAST(count(*) AS INTEGER) AS cases
FROM stg_cases
WHERE NOT mart_is_withdrawn(status)
GROUP BY filed_on, decided_on;

-- model: mart_pending_count
-- grain: one row: the number of cases pending in the period (mart_cases_pending, counted from mart_case_filings)
-- key: (one row)
-- args: period
-- not_null: pending
CREATE OR REPLACE MACRO mart_pending_count(d_from, d_to) AS TABLE
SELECT CAST(coalesce(sum(cases), 0) AS INTEGER) AS pending
FROM mart_case_filings
WHERE mart_pending_in(filed_on, decided_on, d_from, d_to);
