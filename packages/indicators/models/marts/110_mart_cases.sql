-- Cases (§4): a case belongs to the period of its 处罚决定日期; undecided cases are counted apart
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

-- model: mart_case_totals
-- grain: one slice of the period's decided cases: the whole district, each unit level, each unit,
--   each procedure, each unit level × procedure, each party's town, each industry
-- key: dimension, member
-- args: period
-- not_null: dimension, member, cases, fine_yuan, amount_wan, dual_penalty, legal_review
-- accepted: dimension = total | unit_level | unit | procedure | unit_level_procedure | town | industry
CREATE OR REPLACE MACRO mart_case_totals(d_from, d_to) AS TABLE
SELECT
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
  CAST(coalesce(sum(fine_yuan), 0) AS DECIMAL(38, 2)) AS fine_yuan,
  mart_wan(coalesce(sum(fine_yuan), 0))            AS amount_wan,
  CAST(count(*) FILTER (dual_penalty) AS INTEGER)  AS dual_penalty,
  CAST(count(*) FILTER (legal_review) AS INTEGER)  AS legal_review
FROM mart_cases_in(d_from, d_to)
GROUP BY GROUPING SETS ((), (unit_level), (unit), (procedure_type), (unit_level, procedure_type), (town), (industry));

-- model: mart_cases_pending
-- grain: one case filed in the period and not decided by its end (withdrawn cases, 已撤销, are not pending)
-- key: case_no
-- args: period
-- relationship: case_no -> stg_cases.case_no
CREATE OR REPLACE MACRO mart_cases_pending(d_from, d_to) AS TABLE
SELECT case_no, filed_on, unit, unit_level, procedure_type, town, industry
FROM stg_cases
WHERE filed_on BETWEEN d_from AND d_to
  AND NOT coalesce(mart_is_decided(decided_on) AND decided_on <= d_to, false)
  AND coalesce(status, '') <> '已撤销';
