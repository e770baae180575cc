-- Rules for hostile or odd inputs (issue 10), replacing or adding to 002_cleaning_macros.sql.

-- GB 11643-1999: the 18th character of a 公民身份号码 is a check character over the first 17.
CREATE OR REPLACE MACRO anj_gb11643_ok(c) AS
  regexp_full_match(c, '[0-9]{17}[0-9X]')
  AND c[18] = substr('10X98765432', CAST(((ascii(c[1]) - 48) * 7 + (ascii(c[2]) - 48) * 9 + (ascii(c[3]) - 48) * 10 + (ascii(c[4]) - 48) * 5 + (ascii(c[5]) - 48) * 8 + (ascii(c[6]) - 48) * 4 + (ascii(c[7]) - 48) * 2 + (ascii(c[8]) - 48) * 1 + (ascii(c[9]) - 48) * 6 + (ascii(c[10]) - 48) * 3 + (ascii(c[11]) - 48) * 7 + (ascii(c[12]) - 48) * 9 + (ascii(c[13]) - 48) * 10 + (ascii(c[14]) - 48) * 5 + (ascii(c[15]) - 48) * 8 + (ascii(c[16]) - 48) * 4 + (ascii(c[17]) - 48) * 2) % 11 AS BIGINT) + 1, 1);

-- Personal data anywhere: every valid ID number in a text (check digit right, not part of a longer
-- digit run) becomes 已脱敏:<keyed hash>, the same hash the 证件号码 columns store. Most cells are
-- shorter than 18 bytes or hold no 17-digit run: those cost a length test or one regex.
-- (Nested WHENs, not AND: DuckDB evaluates both sides of an AND on every row, a CASE only narrows.)
CREATE OR REPLACE MACRO anj_mask_ids(s, k) AS CASE
  WHEN strlen(s) < 18 THEN s
  WHEN regexp_matches(s, '[0-9]{17}[0-9Xx]') THEN
    list_reduce(
      list_prepend(s, list_filter(regexp_extract_all(s, '(?:^|[^0-9])([0-9]{17}[0-9Xx])(?:[^0-9]|$)', 1),
                                  x -> anj_gb11643_ok(upper(x)))),
      (acc, x) -> replace(acc, x, '已脱敏:' || anj_pseudonym(k, x)))
  ELSE s
END;

-- The apostrophe that `anjian rejects` puts before a cell a spreadsheet would run as a formula
-- (= + - @ tab CR) comes off again, so the corrected file imports as the original would.
CREATE OR REPLACE MACRO anj_unquote(s) AS
  CASE WHEN NOT starts_with(s, '''') THEN s WHEN regexp_matches(s, '^''[=+\-@\t\r]') THEN substr(s, 2) ELSE s END;
CREATE OR REPLACE MACRO anj_clean_text(s) AS CASE
  -- Regular expressions first: most cells are neither markers nor padded, and trim() is slow.
  WHEN regexp_full_match(s, '[\s　 ]*(-|—|——|－|/|／|无|空|"")?[\s　 ]*') THEN NULL
  WHEN regexp_matches(s, '^[\s　 ]|[\s　 ]$') THEN anj_trim(s)
  ELSE s
END;
CREATE OR REPLACE MACRO anj_clean(s) AS anj_clean_text(anj_unquote(s));

-- Amounts: as in 002, but a number too large for DECIMAL(18, 2) (an ID number pasted into 罚款金额)
-- gives NULL, and the typing reports the row, instead of a conversion error failing the file.
CREATE OR REPLACE MACRO anj_parse_amount(s, factor) AS CASE
  WHEN regexp_full_match(s, '\d{1,12}(\.\d{1,6})?') THEN CAST(round(CAST(s AS DECIMAL(18, 6)) * factor, 2) AS DECIMAL(18, 2))
  WHEN regexp_full_match(anj_amount_text(s), '-?\d+(\.\d+)?')
    THEN try_cast(round(try_cast(anj_amount_text(s) AS DECIMAL(38, 6)) * factor, 2) AS DECIMAL(18, 2))
  WHEN regexp_full_match(anj_amount_text(s), '-?\d+(\.\d+)?[eE][-+]?\d+')
    THEN try_cast(round(try_cast(anj_amount_text(s) AS DOUBLE) * factor, 2) AS DECIMAL(18, 2))
END;
-- The text is a number, whatever its size.
CREATE OR REPLACE MACRO anj_amount_form(s) AS regexp_full_match(anj_amount_text(s), '-?\d+(\.\d+)?([eE][-+]?\d+)?');

-- In a 统一社会信用代码 column, an all-digit code with a right GB 32100 check character is an
-- enterprise's code (public institutions' start 12…), kept as it is; other ID numbers are masked.
CREATE OR REPLACE MACRO anj_mask_ids_in_code(s, k) AS CASE
  WHEN strlen(s) < 18 THEN s
  WHEN NOT regexp_matches(s, '[0-9]{17}[0-9Xx]') THEN s
  WHEN anj_gb32100_ok(anj_code(s)) THEN s
  ELSE anj_mask_ids(s, k)
END;

-- Invisible control characters (NUL, BEL, ESC …; not tab or line breaks): a key holding one would
-- look equal to another on screen but never match it; the row is rejected instead.
CREATE OR REPLACE MACRO anj_has_control(s) AS regexp_matches(s, '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]');
