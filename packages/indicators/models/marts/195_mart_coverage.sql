-- Coverage: how far each kind's data reaches (cli-and-figures.md, "Coverage: what the data reaches").
-- A figure is only as good as the exports behind it: a kind whose data does not reach a period is
-- reported as missing, never as zeros. The rule lives here only; the figures, the report text, the
-- CLI's warnings and the dashboard read it.
--
-- To add a kind: one line in `record_dates` of mart_coverage: its name (as in files.kind and in the
-- figures JSON), the earliest and the latest of the dates that place its records in time, from its
-- staging model. Its files' export times are found by that name; nothing else changes.

-- model: mart_coverage
-- grain: one kind of data the figures report on (whether or not any of it has been imported)
-- key: kind
-- not_null: kind
-- materialized: table
CREATE OR REPLACE VIEW mart_coverage AS
WITH record_dates AS (
  -- cases: filed (pending cases count by it) and decided (cases count by it)
  SELECT 'cases' AS kind, least(min(filed_on), min(decided_on)) AS first_on, greatest(max(filed_on), max(decided_on)) AS last_on FROM stg_cases
  UNION ALL SELECT 'inspections', min(inspected_on), max(inspected_on) FROM stg_inspections
  UNION ALL SELECT 'hazards', min(found_on), max(found_on) FROM stg_hazards
  -- the roster: 发证日期 (its export time is added below like every kind's)
  UNION ALL SELECT 'enforcers', min(issued_on), max(issued_on) FROM stg_enforcers
  -- the bureau's ledgers: the day of the check, of the accident, of the ledger entry
  UNION ALL SELECT 'random_checks', min(checked_on), max(checked_on) FROM stg_random_checks
  UNION ALL SELECT 'accidents', min(occurred_on), max(occurred_on) FROM stg_accidents
  UNION ALL SELECT 'activities', min(held_on), max(held_on) FROM stg_activities
),
exports AS (
  -- the latest export time (导出时间) of the imported files of each kind that brought records
  -- (accepted, or already held: an unchanged re-export still says the ledger reached its time)
  SELECT kind, CAST(max(export_time) AS DATE) AS exported_on
  FROM files
  WHERE status = 'imported' AND accepted + duplicate > 0
  GROUP BY kind
)
SELECT
  r.kind,
  r.first_on                                         AS from_on,
  -- no records: no span at all (an export time alone says nothing of what the data holds)
  CASE WHEN r.first_on IS NOT NULL THEN greatest(r.last_on, e.exported_on) END AS to_on,
  r.last_on                                          AS last_record_on,
  e.exported_on
FROM record_dates r
LEFT JOIN exports e ON e.kind = r.kind;

-- model: mart_coverage_state
-- grain: scalar macro: a kind's state for the period [d_from, d_to] given its span [from_on, to_on]:
--   none (no overlap, or no data), partial (the span ends more than 31 days before the period's end),
--   full (otherwise)
-- key: (none)
CREATE OR REPLACE MACRO mart_coverage_state(from_on, to_on, d_from, d_to) AS
  CASE
    WHEN from_on IS NULL OR to_on IS NULL OR from_on > d_to OR to_on < d_from THEN 'none'
    WHEN to_on < d_to - 31 THEN 'partial'
    ELSE 'full'
  END;

-- model: mart_coverage_in
-- grain: one kind with its span and its state for the period
-- key: kind
-- args: period
-- not_null: kind, state
-- accepted: state = none | partial | full
-- relationship: kind -> mart_coverage.kind
CREATE OR REPLACE MACRO mart_coverage_in(d_from, d_to) AS TABLE
SELECT kind, from_on, to_on, mart_coverage_state(from_on, to_on, d_from, d_to) AS state
FROM mart_coverage;

-- model: mart_activity_years
-- grain: one year from the first to the last year of the activity data: decided cases, hazards found,
--   inspections (certificates issued long before count within those years but add none of their own)
-- key: year
-- not_null: year
CREATE OR REPLACE VIEW mart_activity_years AS
WITH found AS (
  SELECT decided_year AS y FROM mart_cases
  UNION SELECT found_year FROM mart_hazards
  UNION SELECT inspected_year FROM mart_inspections
)
SELECT CAST(generate_series AS INTEGER) AS year
FROM (SELECT min(y) AS first_y, max(y) AS last_y FROM found WHERE y IS NOT NULL) s,
     generate_series(s.first_y, s.last_y)
WHERE s.first_y IS NOT NULL;

-- model: mart_state_days
-- grain: one kind × activity year: the day the year's states of the kind are read on (hazards
--   overdue, certificates expiring): the year's last day, or the last day the kind's data reaches
--   (mart_coverage) if earlier; NULL when the data stops before the year (a state read on a day the
--   ledger does not reach would be a guess)
-- key: kind, year
-- not_null: kind, year
CREATE OR REPLACE VIEW mart_state_days AS
SELECT
  c.kind,
  y.year,
  CASE WHEN least(make_date(y.year, 12, 31), c.to_on) >= make_date(y.year, 1, 1)
       THEN least(make_date(y.year, 12, 31), c.to_on) END AS state_on
FROM mart_coverage c
CROSS JOIN mart_activity_years y;
