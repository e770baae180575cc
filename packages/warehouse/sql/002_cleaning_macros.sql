-- Cleaning rules of docs/import.md §2, one macro each, applied set-wise to raw text cells.
-- Every cell is first cleaned with anj_clean (trim, empty markers), then typed by one of these.

-- Full-width ASCII (digits, letters, punctuation) and the ideographic space to half-width.
-- translate() is slow on long mappings; most cells have nothing to map, so look first.
CREATE OR REPLACE MACRO anj_half(s) AS
  CASE WHEN regexp_matches(s, '[！-～　]') THEN translate(s, '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～　', '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ') ELSE s END;

-- Trim spaces (U+3000 and NBSP too); the platform's empty markers become NULL.
CREATE OR REPLACE MACRO anj_trim(s) AS trim(s, ' ' || chr(9) || chr(10) || chr(13) || chr(12288) || chr(160));
CREATE OR REPLACE MACRO anj_clean(s) AS CASE
  -- Regular expressions first: most cells are neither markers nor padded, and trim() is slow.
  WHEN regexp_full_match(s, '[\s　 ]*(-|—|——|－|/|／|无|空|"")?[\s　 ]*') THEN NULL
  WHEN regexp_matches(s, '^[\s　 ]|[\s　 ]$') THEN anj_trim(s)
  ELSE s
END;

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
CREATE OR REPLACE MACRO anj_parse_amount(s, factor) AS CASE
  -- Fast path for plain numbers, the usual case (DECIMAL(18, x) casts are far cheaper than wider ones).
  WHEN regexp_full_match(s, '\d{1,12}(\.\d{1,6})?') THEN CAST(round(CAST(s AS DECIMAL(18, 6)) * factor, 2) AS DECIMAL(18, 2))
  WHEN regexp_full_match(anj_amount_text(s), '-?\d+(\.\d+)?')
    THEN CAST(round(CAST(anj_amount_text(s) AS DECIMAL(24, 6)) * factor, 2) AS DECIMAL(18, 2))
  WHEN regexp_full_match(anj_amount_text(s), '-?\d+(\.\d+)?[eE][-+]?\d+')
    THEN CAST(round(CAST(anj_amount_text(s) AS DOUBLE) * factor, 2) AS DECIMAL(18, 2))
END;

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
