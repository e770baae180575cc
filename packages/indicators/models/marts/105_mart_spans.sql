-- Periods as spans. Figures are asked for any period [d_from, d_to]; to keep them cheap the marts
-- that add up (counts, amounts) are stored twice, by month and by day. A period is read as the
-- months wholly inside it, plus the days of the months it covers only in part (none for a whole
-- year). The day tables are stored in day order, so the scan reads only the period's days. The
-- bounds are plain date arithmetic on the period's ends: these macros are expanded into every
-- figure's query, and planning it is most of its cost. Hence date_trunc and date_part, which DuckDB
-- binds several times faster than day(), month() or year() (measured: 0.1 ms against 0.4 ms each).

-- model: mart_month_of
-- grain: scalar macro: the first day of the month of a date
-- key: (none)
CREATE OR REPLACE MACRO mart_month_of(d) AS CAST(date_trunc('month', d) AS DATE);

-- model: mart_whole_from
-- grain: scalar macro: the first day of the first month wholly inside a period starting d_from
-- key: (none)
-- (the day after the last day of the month of the day before d_from: d_from itself on a 1st)
CREATE OR REPLACE MACRO mart_whole_from(d_from) AS last_day(d_from - 1) + 1;

-- model: mart_whole_to
-- grain: scalar macro: the last day of the last month wholly inside a period ending d_to
-- key: (none)
-- (the day before the month of the day after d_to begins: d_to itself on a month's last day)
CREATE OR REPLACE MACRO mart_whole_to(d_to) AS mart_month_of(d_to + 1) - 1;

-- model: mart_month_inside
-- grain: scalar macro: the month starting m lies wholly inside the period [d_from, d_to]
-- key: (none)
CREATE OR REPLACE MACRO mart_month_inside(m, d_from, d_to) AS m BETWEEN mart_whole_from(d_from) AND mart_whole_to(d_to);

-- model: mart_day_in_part_month
-- grain: scalar macro: day d is in the period [d_from, d_to], in a month the period covers only in
--   part: before its first whole month or after its last one
-- key: (none)
-- (the last line depends on the period alone: false for whole months, when the day tables need not
-- be read at all)
CREATE OR REPLACE MACRO mart_day_in_part_month(d, d_from, d_to) AS
  d BETWEEN d_from AND d_to AND (d < mart_whole_from(d_from) OR d > mart_whole_to(d_to))
  AND (mart_whole_from(d_from) > d_from OR mart_whole_to(d_to) < d_to);

-- model: mart_year_of
-- grain: scalar macro: the first day of the year of a date
-- key: (none)
CREATE OR REPLACE MACRO mart_year_of(d) AS CAST(date_trunc('year', d) AS DATE);

-- model: mart_is_whole_year
-- grain: scalar macro: the period [d_from, d_to] is one whole calendar year
-- key: (none)
-- (it starts on 1 January, and the day after it ends is the next year's 1 January)
CREATE OR REPLACE MACRO mart_is_whole_year(d_from, d_to) AS
  d_from = mart_year_of(d_from) AND d_to + 1 = mart_year_of(d_from + 366);

-- model: mart_first_visit_in
-- grain: scalar macro: a visit (a row with the day of its enterprise's previous one) is the
--   enterprise's first of a period starting d_from: its previous visit is before d_from, or none.
--   Counting these counts distinct enterprises without a DISTINCT (see mart_inspection_visits)
-- key: (none)
CREATE OR REPLACE MACRO mart_first_visit_in(prev_on, d_from) AS prev_on IS NULL OR prev_on < d_from;
