import { describe, expect, it } from "vitest";
import { isDateFormat, serialToIso } from "../src/xlsx-reader.ts";

describe("xlsx cell values", () => {
  it("date formats, Chinese ones included", () => {
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat("[$-F800]dddd, mmmm dd, yyyy")).toBe(true);
    expect(isDateFormat("0.00")).toBe(false);
    expect(isDateFormat('#,##0"元"')).toBe(false);
    expect(isDateFormat("[Red]0.00")).toBe(false);
    expect(isDateFormat("General")).toBe(false);
  });
  it("serials in the 1900 and 1904 systems", () => {
    expect(serialToIso(45058, false)).toBe("2023-05-12");
    expect(serialToIso(45058.5, false)).toBe("2023-05-12 12:00:00");
    expect(serialToIso(43596, true)).toBe("2023-05-12");
  });
});
