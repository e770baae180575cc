-- Accident investigations (§4): accidents by 发生日期 in the period. Investigated by the bureau =
-- the lead unit (调查牵头单位) is the bureau, through the profile's unit aliases (resolved on import:
-- lead_unit_level = 'bureau'). Persons held accountable, units penalised, deaths, injuries and the
-- direct loss are summed over all the accidents of the period (empty counts as 0); the loss is kept
-- exactly in 元 and shown in 万元 rounded half up to one decimal, once (mart_wan).

-- model: mart_accidents_in
-- grain: one accident of the period, with its lead unit and investigation status as written
-- key: accident_no
-- args: period
-- not_null: accident_no, accident_name, occurred_on, town, accident_type, investigated
-- relationship: accident_no -> stg_accidents.accident_no
CREATE OR REPLACE MACRO mart_accidents_in(d_from, d_to) AS TABLE
SELECT
  accident_no, accident_name, occurred_on, town, accident_type, lead_unit, investigation_status,
  coalesce(lead_unit_level = 'bureau', false) AS investigated,
  coalesce(deaths, 0)          AS deaths,
  coalesce(injuries, 0)        AS injuries,
  direct_loss_yuan,
  coalesce(accountable, 0)     AS accountable,
  coalesce(units_penalised, 0) AS units_penalised
FROM stg_accidents
WHERE occurred_on BETWEEN d_from AND d_to;

-- model: mart_accident_totals
-- grain: one row: the period's accidents counted and summed
-- key: (one row)
-- args: period
-- not_null: accidents, investigated, deaths, injuries, direct_loss_yuan, direct_loss_wan, accountable, units_penalised
CREATE OR REPLACE MACRO mart_accident_totals(d_from, d_to) AS TABLE
SELECT
  CAST(count(*) AS INTEGER)                              AS accidents,
  CAST(count(*) FILTER (investigated) AS INTEGER)        AS investigated,
  CAST(coalesce(sum(deaths), 0) AS INTEGER)              AS deaths,
  CAST(coalesce(sum(injuries), 0) AS INTEGER)            AS injuries,
  coalesce(sum(direct_loss_yuan), 0)                     AS direct_loss_yuan,
  mart_wan(coalesce(sum(direct_loss_yuan), 0))           AS direct_loss_wan,
  CAST(coalesce(sum(accountable), 0) AS INTEGER)         AS accountable,
  CAST(coalesce(sum(units_penalised), 0) AS INTEGER)     AS units_penalised
FROM mart_accidents_in(d_from, d_to);

-- model: mart_accidents_by_town
-- grain: one town (所属镇街) with accidents in the period: as mart_accident_totals, town by town
-- key: town
-- args: period
-- not_null: town, accidents, investigated, deaths, injuries, accountable, units_penalised
CREATE OR REPLACE MACRO mart_accidents_by_town(d_from, d_to) AS TABLE
SELECT
  town,
  CAST(count(*) AS INTEGER)                       AS accidents,
  CAST(count(*) FILTER (investigated) AS INTEGER) AS investigated,
  CAST(sum(deaths) AS INTEGER)                    AS deaths,
  CAST(sum(injuries) AS INTEGER)                  AS injuries,
  CAST(sum(accountable) AS INTEGER)               AS accountable,
  CAST(sum(units_penalised) AS INTEGER)           AS units_penalised
FROM mart_accidents_in(d_from, d_to)
GROUP BY town;

-- model: mart_accidents_by_type
-- grain: one 事故类型 with accidents in the period
-- key: accident_type
-- args: period
-- not_null: accident_type, accidents
-- accepted: accident_type = 坍塌 | 火灾 | 透水 | 触电 | 高处坠落 | 机械伤害 | 物体打击 | 中毒和窒息 | 爆炸 | 其他
CREATE OR REPLACE MACRO mart_accidents_by_type(d_from, d_to) AS TABLE
SELECT accident_type, CAST(count(*) AS INTEGER) AS accidents
FROM mart_accidents_in(d_from, d_to)
GROUP BY accident_type;
