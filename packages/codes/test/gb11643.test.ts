import { describe, expect, it } from "vitest";
import { idCardCheckChar, isValidIdCard, maskIdNumbers } from "../src/gb11643.ts";

// The two worked examples of GB 11643-1999, checked by hand (sum mod 11).
const KNOWN_GOOD = ["11010519491231002X", "440524188001010014"];

describe("GB 11643 ID number", () => {
  it("accepts known-good numbers", () => {
    for (const id of KNOWN_GOOD) {
      expect(isValidIdCard(id), id).toBe(true);
      expect(idCardCheckChar(id.slice(0, 17))).toBe(id[17]);
    }
  });

  it("round-trips computed check characters", () => {
    for (const first17 of ["35030419900101001", "35030420000229123", "35030219851231456"]) {
      const id = first17 + idCardCheckChar(first17);
      expect(isValidIdCard(id), id).toBe(true);
    }
    expect(idCardCheckChar("35030419900101001")).toBe("X");
  });

  it("rejects a wrong check character", () => {
    expect(isValidIdCard("110105194912310020")).toBe(false);
    expect(isValidIdCard("440524188001010015")).toBe(false);
    expect(isValidIdCard("44052418800101001X")).toBe(false);
  });

  it("rejects the wrong length", () => {
    expect(isValidIdCard("")).toBe(false);
    expect(isValidIdCard("44052418800101001")).toBe(false);
    expect(isValidIdCard("4405241880010100140")).toBe(false);
    // Old 15-digit numbers carry no check digit.
    expect(isValidIdCard("440524800101001")).toBe(false);
    expect(() => idCardCheckChar("4405241880010100")).toThrow(RangeError);
  });

  it("rejects illegal characters", () => {
    for (const bad of ["I", "O", "S", "V", "Z", "X", " ", "４"]) {
      const id = `4405241880${bad}1010014`;
      expect(isValidIdCard(id), id).toBe(false);
      expect(() => idCardCheckChar(id.slice(0, 17)), id).toThrow(RangeError);
    }
    expect(isValidIdCard("44052418800101001Y")).toBe(false);
  });

  it("expects an upper-case X", () => {
    expect(isValidIdCard("11010519491231002x")).toBe(false);
  });
});

describe("maskIdNumbers", () => {
  it("hides valid ID numbers anywhere in a text, and nothing else", () => {
    expect(maskIdNumbers("联系人11010519491231002X，电话13800000000")).toBe("联系人［证件号码已隐去］，电话13800000000");
    expect(maskIdNumbers("11010519491231002x 440524188001010014")).toBe("［证件号码已隐去］ ［证件号码已隐去］");
    expect(maskIdNumbers("350304199001011230")).toBe("350304199001011230"); // check digit wrong
    expect(maskIdNumbers("911010519491231002X")).toBe("911010519491231002X"); // part of a longer run
    expect(maskIdNumbers("a440524188001010014b", (id) => `<${id.length}>`)).toBe("a<18>b");
  });
});
