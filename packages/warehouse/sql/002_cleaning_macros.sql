-- Cleaning rules of platform-exports.md §1, one macro each, applied set-wise to raw text cells.
-- Every cell is first cleaned with anj_clean (trim, empty markers), then typed by one of these.

-- Full-width ASCII (digits, letters, punctuation) and the ideographic space to half-width.
CREATE OR REPLACE MACRO anj_half(s) AS translate(s, '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～　', '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ');

-- Trim spaces (U+3000 and NBSP too); the platform's empty markers become NULL.
CREATE OR REPLACE MACRO anj_trim(s) AS trim(s, ' ' || chr(9) || chr(10) || chr(13) || chr(12288) || chr(160));
CREATE OR REPLACE MACRO anj_clean(s) AS
  CASE WHEN anj_trim(s) IN ('', '-', '—', '——', '－', '/', '／', '无', '空', '""') THEN NULL ELSE anj_trim(s) END;

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
  WHEN regexp_matches(s, '^\d{5}(\.\d+)?$') THEN DATE '1899-12-30' + CAST(floor(CAST(s AS DOUBLE)) AS INTEGER)
  ELSE try_cast(anj_date_iso(s) AS DATE)
END;
CREATE OR REPLACE MACRO anj_parse_ts(s) AS CASE
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
  WHEN regexp_full_match(anj_amount_text(s), '-?\d+(\.\d+)?')
    THEN CAST(round(CAST(anj_amount_text(s) AS DECIMAL(24, 6)) * factor, 2) AS DECIMAL(18, 2))
  WHEN regexp_full_match(anj_amount_text(s), '-?\d+(\.\d+)?[eE][-+]?\d+')
    THEN CAST(round(CAST(anj_amount_text(s) AS DOUBLE) * factor, 2) AS DECIMAL(18, 2))
END;

-- Booleans: 是/否, Y/N, 1/0, √/×, true/false. NULL when the text is none of them.
CREATE OR REPLACE MACRO anj_parse_bool(s) AS CASE
  WHEN lower(anj_half(s)) IN ('是', 'y', 'yes', '1', '√', '✓', '✔', 'true', 't', '对', '有') THEN true
  WHEN lower(anj_half(s)) IN ('否', 'n', 'no', '0', '×', '✗', '✘', 'x', 'false', 'f', '无') THEN false
END;

-- GB 32100-2015: the 18th character of a 统一社会信用代码 is a check character over the first 17.
CREATE OR REPLACE MACRO anj_gb32100_ok(c) AS
  regexp_full_match(c, '[0-9A-HJ-NPQRTUWXY]{18}')
  AND substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
        CAST(((31 - (list_sum(list_transform(range(17), i ->
          (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(c, i + 1, 1)) - 1)
          * [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28][i + 1])) % 31)) % 31) + 1 AS BIGINT), 1)
      = substr(c, 18, 1);

-- Normalised name for enterprise identity: half-width, no spaces, brackets unified.
CREATE OR REPLACE MACRO anj_name_key(s) AS
  replace(replace(regexp_replace(anj_half(s), '\s', '', 'g'), '（', '('), '）', ')');

-- Personal data (证件号码, 身份证号) is stored only as this keyed hash, so the same person still
-- joins across files while the number itself never enters the warehouse.
CREATE OR REPLACE MACRO anj_pseudonym(k, s) AS sha256(k || sha256(k || anj_code(s)));
