-- Cleaning rules of docs/import.md §2, one macro each, applied set-wise to raw text cells.
-- Every cell is first cleaned with anj_clean (trim, empty markers), then typed by one of these.

-- Full-width ASCII (digits, letters, punctuation) and the ideographic space to half-width.
-- translate() is slow on long mappings; most cells have nothing to map, so look first.
CREATE OR REPLACE MACRO anj_half(s) AS
  CASE WHEN regexp_matches(s, '[！-～　]') THEN translate(s, '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～　', '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ') ELSE s END;

-- Trim spaces (U+3000 and NBSP too); the platform's empty markers become NULL.
CREATE OR REPLACE MACRO anj_trim(s) AS trim(s, ' ' || chr(9) || chr(10) || chr(13) || chr(12288) || chr(160));

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

-- Codes (编号, 代码, 证件号): half-width, upper-case, no inner spaces.
CREATE OR REPLACE MACRO anj_code(s) AS upper(replace(anj_half(s), ' ', ''));

-- A code that a spreadsheet stored as a number has lost its last digits (9.13503E+17).
CREATE OR REPLACE MACRO anj_code_lost(s) AS regexp_full_match(s, '-?\d(\.\d+)?[eE]\+?\d+');

-- Dates: 2023-05-12, 2023/5/12, 2023.5.12, 2023年5月12日, 20230512, Excel serials, optional time.
CREATE OR REPLACE MACRO anj_date_iso(s) AS CASE
  WHEN regexp_matches(s, '^(\d{4})(\d{2})(\d{2})(?:\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$') THEN regexp_replace(s, '^(\d{4})(\d{2})(\d{2})(?:\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$', '\1-\2-\3')
  WHEN regexp_matches(s, '^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?(?:\.\d+)?\s*秒?)?$') THEN regexp_replace(s, '^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?(?:\.\d+)?\s*秒?)?$', '\1-\2-\3')
END;
CREATE OR REPLACE MACRO anj_date_form(s) AS regexp_matches(s, '^\d{5}(\.\d+)?$') OR anj_date_iso(s) IS NOT NULL;
CREATE OR REPLACE MACRO anj_parse_date(s) AS CASE
  -- Fast path for the platform's usual form, 2023-05-12.
  WHEN length(s) = 10 AND s[5] = '-' AND s[8] = '-' THEN try_cast(s AS DATE)
  WHEN regexp_matches(s, '^\d{5}(\.\d+)?$') THEN DATE '1899-12-30' + CAST(floor(CAST(s AS DOUBLE)) AS INTEGER)
  ELSE try_cast(anj_date_iso(s) AS DATE)
END;
CREATE OR REPLACE MACRO anj_parse_ts(s) AS CASE
  -- Fast path for 2023-05-12 14:30:00 and 2023-05-12.
  WHEN (length(s) = 19 OR length(s) = 10) AND s[5] = '-' AND s[8] = '-' THEN try_cast(s AS TIMESTAMP)
  WHEN regexp_matches(s, '^\d{5}(\.\d+)?$') THEN
    TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(CAST(s AS DOUBLE) * 86400000000) AS BIGINT))
  WHEN regexp_matches(s, '^(\d{4})(\d{2})(\d{2})(?:\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$') THEN try_cast(
    regexp_replace(s, '^(\d{4})(\d{2})(\d{2})(?:\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$', '\1-\2-\3') || ' '
    || coalesce(nullif(regexp_extract(s, '^(\d{4})(\d{2})(\d{2})(?:\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$', 4), ''), '0') || ':'
    || coalesce(nullif(regexp_extract(s, '^(\d{4})(\d{2})(\d{2})(?:\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$', 5), ''), '0') || ':'
    || coalesce(nullif(regexp_extract(s, '^(\d{4})(\d{2})(\d{2})(?:\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$', 6), ''), '0') AS TIMESTAMP)
  WHEN regexp_matches(s, '^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?(?:\.\d+)?\s*秒?)?$') THEN try_cast(
    regexp_replace(s, '^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?(?:\.\d+)?\s*秒?)?$', '\1-\2-\3') || ' '
    || coalesce(nullif(regexp_extract(s, '^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?(?:\.\d+)?\s*秒?)?$', 4), ''), '0') || ':'
    || coalesce(nullif(regexp_extract(s, '^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?(?:\.\d+)?\s*秒?)?$', 5), ''), '0') || ':'
    || coalesce(nullif(regexp_extract(s, '^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?(?:\.\d+)?\s*秒?)?$', 6), ''), '0') AS TIMESTAMP)
END;

-- Amounts: 1200, 1,200.00, 1200元, ￥1200, full-width digits; factor 10000 when the header says 万元.
CREATE OR REPLACE MACRO anj_amount_text(s) AS
  regexp_replace(anj_half(s), '[,\s元¥￥]', '', 'g');
-- A number too large for DECIMAL(18, 2) (an ID number pasted into 罚款金额) gives NULL, and the
-- typing reports the row, instead of a conversion error failing the file.
CREATE OR REPLACE MACRO anj_parse_amount(s, factor) AS CASE
  -- Fast path for plain numbers, the usual case (DECIMAL(18, x) casts are far cheaper than wider ones).
  WHEN regexp_full_match(s, '\d{1,12}(\.\d{1,6})?') THEN CAST(round(CAST(s AS DECIMAL(18, 6)) * factor, 2) AS DECIMAL(18, 2))
  WHEN regexp_full_match(anj_amount_text(s), '-?\d+(\.\d+)?')
    THEN try_cast(round(try_cast(anj_amount_text(s) AS DECIMAL(38, 6)) * factor, 2) AS DECIMAL(18, 2))
  WHEN regexp_full_match(anj_amount_text(s), '-?\d+(\.\d+)?[eE][-+]?\d+')
    THEN try_cast(round(try_cast(anj_amount_text(s) AS DOUBLE) * factor, 2) AS DECIMAL(18, 2))
END;
-- The text is a number, whatever its size.
CREATE OR REPLACE MACRO anj_amount_form(s) AS regexp_full_match(anj_amount_text(s), '-?\d+(\.\d+)?([eE][-+]?\d+)?');

-- Booleans: 是/否, Y/N, 1/0, √/×, true/false. NULL when the text is none of them.
-- (list_contains, not IN: DuckDB plans a long IN list as a join, one per column it is used on.)
CREATE OR REPLACE MACRO anj_parse_bool(s) AS CASE
  WHEN list_contains(['是', 'y', 'yes', '1', '√', '✓', '✔', 'true', 't', '对', '有'], lower(anj_half(s))) THEN true
  WHEN list_contains(['否', 'n', 'no', '0', '×', '✗', '✘', 'x', 'false', 'f', '无'], lower(anj_half(s))) THEN false
END;

-- GB 32100-2015: the 18th character of a 统一社会信用代码 is a check character over the first 17.
CREATE OR REPLACE MACRO anj_gb32100_ok(c) AS
  regexp_full_match(c, '[0-9A-HJ-NPQRTUWXY]{18}')
  AND c[18] = substr('0123456789ABCDEFGHJKLMNPQRTUWXY', CAST((31 - ((instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[1]) - 1) * 1 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[2]) - 1) * 3 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[3]) - 1) * 9 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[4]) - 1) * 27 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[5]) - 1) * 19 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[6]) - 1) * 26 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[7]) - 1) * 16 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[8]) - 1) * 17 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[9]) - 1) * 20 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[10]) - 1) * 29 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[11]) - 1) * 25 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[12]) - 1) * 13 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[13]) - 1) * 8 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[14]) - 1) * 24 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[15]) - 1) * 10 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[16]) - 1) * 30 + (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', c[17]) - 1) * 28) % 31) % 31 + 1 AS BIGINT), 1);

-- Normalised name for enterprise identity: half-width, no spaces, brackets unified.
CREATE OR REPLACE MACRO anj_name_key(s) AS
  replace(replace(regexp_replace(anj_half(s), '\s', '', 'g'), '（', '('), '）', ')');

-- Personal data (证件号码, 身份证号) is stored only as this keyed hash, so the same person still
-- joins across files while the number itself never enters the warehouse.
CREATE OR REPLACE MACRO anj_pseudonym(k, s) AS sha256(k || sha256(k || anj_code(s)));

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
