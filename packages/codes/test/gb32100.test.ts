import { describe, expect, it } from "vitest";
import { CREDIT_CODE_CHARSET, creditCodeCheckChar, isValidCreditCode } from "../src/gb32100.ts";

// Literals verified by hand with the GB 32100 weights (sum mod 31 worked out on paper).
// 91350100M000100Y43 is the worked example of the standard itself.
const KNOWN_GOOD = ["91350100M000100Y43", "91350000158142711F"];

describe("GB 32100 credit code", () => {
  it("accepts known-good codes", () => {
    for (const code of KNOWN_GOOD) {
      expect(isValidCreditCode(code), code).toBe(true);
      expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    }
  });

  it("computes check characters for typical local codes", () => {
    // 91 = enterprise, 350304 = 荔城区 administrative division.
    const first17 = "91350304MA2Y0K8L1";
    const check = creditCodeCheckChar(first17);
    expect(CREDIT_CODE_CHARSET).toContain(check);
    expect(isValidCreditCode(first17 + check)).toBe(true);
  });

  it("maps a remainder of 0 to check character 0", () => {
    // Find a body whose weighted sum is a multiple of 31 by varying the last char.
    const body = "9135030415814271";
    const hit = [...CREDIT_CODE_CHARSET].find((c) => creditCodeCheckChar(body + c) === "0");
    expect(hit).toBeDefined();
    expect(isValidCreditCode(`${body}${hit}0`)).toBe(true);
  });

  it("rejects a wrong check character", () => {
    expect(isValidCreditCode("91350100M000100Y44")).toBe(false);
    expect(isValidCreditCode("91350000158142711E")).toBe(false);
    // A single-character typo in the body is caught too.
    expect(isValidCreditCode("91350100M000100Y53")).toBe(false);
  });

  it("rejects the wrong length", () => {
    expect(isValidCreditCode("")).toBe(false);
    expect(isValidCreditCode("91350100M000100Y4")).toBe(false);
    expect(isValidCreditCode("91350100M000100Y430")).toBe(false);
    expect(() => creditCodeCheckChar("91350100M000100")).toThrow(RangeError);
  });

  it("rejects characters outside the charset", () => {
    for (const bad of ["I", "O", "S", "V", "Z", "m", "-", "０"]) {
      const code = `91350100${bad}000100Y43`;
      expect(isValidCreditCode(code), code).toBe(false);
      expect(() => creditCodeCheckChar(code.slice(0, 17)), code).toThrow(RangeError);
    }
    // Illegal character in the check position.
    expect(isValidCreditCode("91350100M000100Y4I")).toBe(false);
  });

  it("cannot detect spreadsheet truncation by itself", () => {
    // The spec's example of a code cut to 15 significant digits happens to pass the check
    // (1 chance in 31): truncation must be detected from the cell type, not the check char.
    expect(isValidCreditCode("913503049095165000")).toBe(true);
  });

  it("expects upper-case input", () => {
    expect(isValidCreditCode("91350000158142711f")).toBe(false);
  });
});
