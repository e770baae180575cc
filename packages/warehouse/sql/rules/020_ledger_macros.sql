-- Cleaning rules for the column types of the bureau's own ledgers (docs/import.md §2), with those of 010.

-- Years (计划年度): 2023, 2023年, 2023年度, a numeric cell (2023 or 2023.0). NULL when not a year.
CREATE OR REPLACE MACRO anj_parse_year(s) AS CASE
  WHEN regexp_full_match(anj_half(replace(s, ' ', '')), '\d{4}(\.0+)?(年度?)?') THEN CAST(substr(anj_half(s), 1, 4) AS INTEGER)
END;

-- Counts (人数, 对象数量, 问题数): a whole number, optionally with its unit (3人, 12家, 1,200);
-- negative numbers parse (and are then a row error), fractions and other text do not.
CREATE OR REPLACE MACRO anj_count_text(s) AS regexp_replace(anj_half(s), '[,\s人家个起条次项件名份处]', '', 'g');
CREATE OR REPLACE MACRO anj_parse_count(s) AS CASE
  WHEN regexp_full_match(anj_count_text(s), '-?\d{1,9}(\.0+)?') THEN CAST(CAST(anj_count_text(s) AS DECIMAL(18, 3)) AS INTEGER)
END;
