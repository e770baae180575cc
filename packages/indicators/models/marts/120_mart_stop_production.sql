-- Ordered to stop production (责令停产整顿, docs/counting-rules.md §3.6): distinct parties — enterprise identity, an individual
-- by name — with a case of the period whose 处罚种类 holds 责令停产停业.

-- model: mart_stop_production_cases
-- grain: one decided case whose penalties include 责令停产停业
-- key: case_no
-- not_null: case_no, decided_on, party_id, unit_level
-- relationship: case_no -> mart_cases.case_no
-- materialized: table
-- (the filters are those of mart_cases.stop_production, through the same macros, applied to the
-- identified cases so that only these few cases are identified. prev_decided_on: the party's
-- previous such case, in decision-day then case-number order, to count distinct parties of any
-- period as mart_inspection_visits does)
CREATE OR REPLACE VIEW mart_stop_production_cases AS
SELECT case_no, decided_on, unit, unit_level, town, party_id,
       lag(decided_on) OVER (PARTITION BY party_id ORDER BY decided_on, case_no) AS prev_decided_on
FROM int_cases
WHERE mart_is_decided(decided_on) AND mart_orders_stop(penalty_kinds)
ORDER BY decided_on;

-- model: mart_stop_production_parties
-- grain: one party ordered to stop production by a case decided in the period
-- key: party_id
-- args: period
-- not_null: party_id, cases, first_decided_on
CREATE OR REPLACE MACRO mart_stop_production_parties(d_from, d_to) AS TABLE
SELECT party_id, CAST(count(*) AS INTEGER) AS cases, min(decided_on) AS first_decided_on
FROM mart_stop_production_cases
WHERE decided_on BETWEEN d_from AND d_to  -- the period rule of mart_cases_in: all of these are decided
GROUP BY party_id;

-- model: mart_stop_production_count
-- grain: one row: the number of parties ordered to stop production in the period (the rows of
--   mart_stop_production_parties, counted without grouping: each party's first case of the period)
-- key: (one row)
-- args: period
-- not_null: parties
CREATE OR REPLACE MACRO mart_stop_production_count(d_from, d_to) AS TABLE
SELECT CAST(count(*) AS INTEGER) AS parties
FROM mart_stop_production_cases
WHERE decided_on BETWEEN d_from AND d_to AND mart_first_visit_in(prev_decided_on, d_from);
