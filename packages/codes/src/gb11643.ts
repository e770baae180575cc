// GB 11643-1999 公民身份号码 (resident ID number) check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

/**
 * The check character (18th position) for the first 17 digits of an ID number:
 * a digit or "X". Throws RangeError unless given exactly 17 ASCII digits.
 */
export function idCardCheckChar(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) {
    throw new RangeError(`身份证号本体应为 17 位数字：${first17}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  }
  return CHECK_CHARS[sum % 11]!;
}

/**
 * True when `id` is 17 digits plus the correct check character. The check "X" must be
 * upper-case: like the credit code, case is normalised by the caller.
 */
export function isValidIdCard(id: string): boolean {
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return false;
  return idCardCheckChar(id.slice(0, 17)) === id[17];
}

const ID_RUN = /(^|[^0-9])([0-9]{17}[0-9Xx])(?=[^0-9]|$)/g;

/**
 * `text` with every valid ID number in it (check character right, not part of a longer digit run)
 * replaced by `replacement(id)`: for messages, which must never carry personal data. The SQL side
 * does the same with anj_mask_ids (warehouse/sql/rules/010_cleaning_macros.sql).
 */
export function maskIdNumbers(text: string, replacement: (id: string) => string = () => "［证件号码已隐去］"): string {
  if (text.length < 18) return text;
  return text.replace(ID_RUN, (whole, before: string, id: string) =>
    isValidIdCard(id.toUpperCase()) ? `${before}${replacement(id)}` : whole,
  );
}
