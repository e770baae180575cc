-- What a list may show of a party or unit (README: 隐私): an individual (当事人类型 个人) is shown as
-- 个人, never by name; so is a name that looks like a person's (two to four Chinese characters or ·,
-- nothing that names a business), a safeguard against a mis-typed row putting an individual's name
-- on a static page. Surrounding white space (JavaScript's trim set) does not count.

-- model: mart_shown_party
-- grain: scalar macro: a party's or unit's name as a list shows it ('' when there is none)
-- key: (none)
CREATE OR REPLACE MACRO mart_shown_party(name, party_type) AS
  CASE
    WHEN party_type = '个人' THEN '个人'
    WHEN name IS NULL THEN ''
    WHEN regexp_full_match(
           name,
           '[\s\x{0b}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*[\x{4e00}-\x{9fa5}·]{2,4}[\s\x{0b}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*'
         ) THEN '个人'
    ELSE name
  END;
