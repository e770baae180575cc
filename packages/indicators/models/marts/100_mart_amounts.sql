-- Penalty amounts (docs/counting-rules.md §3.3): summed exactly in 元 (DECIMAL), shown in 万元 rounded half up to one decimal,
-- once, from the exact sum. DuckDB's round() on a DECIMAL rounds half away from zero, which is half
-- up for amounts (never negative). Multiplying by the DECIMAL literal 0.0001 keeps the value DECIMAL;
-- dividing by 10000 would turn it into a DOUBLE and round the float instead.

-- model: mart_wan
-- grain: scalar macro: one amount in 元 → 万元, DECIMAL(38,1)
-- key: (none)
CREATE OR REPLACE MACRO mart_wan(yuan) AS round(CAST(yuan AS DECIMAL(38, 2)) * 0.0001, 1);

-- Shares (rectification rate): part / whole rounded half up to 4 decimals in integer arithmetic,
-- returned as an exact DECIMAL; 0 when the whole is 0.

-- model: mart_rate4
-- grain: scalar macro: part / whole → DECIMAL(18,4)
-- key: (none)
CREATE OR REPLACE MACRO mart_rate4(part, whole) AS
  CASE WHEN whole = 0 THEN CAST(0 AS DECIMAL(18, 4))
       ELSE CAST((CAST(part AS HUGEINT) * 20000 + whole) // (2 * CAST(whole AS HUGEINT)) AS DECIMAL(18, 0)) * CAST(0.0001 AS DECIMAL(5, 4))
  END;
