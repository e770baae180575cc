// GB 32100-2015 统一社会信用代码 (unified social credit code) check character.

/** The 31 characters allowed in a credit code; I, O, S, V, Z are excluded. */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The check character (18th position) for the first 17 characters of a credit code.
 * Input must already be upper-case; throws RangeError on a wrong length or a character
 * outside the charset, since no check character exists for such input.
 */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`统一社会信用代码本体应为 17 位，实际为 ${first17.length} 位：${first17}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (value < 0) {
      throw new RangeError(`统一社会信用代码含非法字符 “${first17[i]}”：${first17}`);
    }
    sum += value * WEIGHTS[i]!;
  }
  // 31 - (sum mod 31), where 31 wraps to 0.
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** True when `code` is 18 charset characters whose last one is the correct check character. */
export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  for (const ch of code) {
    if (!CREDIT_CODE_CHARSET.includes(ch)) return false;
  }
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}
