// The table-driven GB18030 transcoder must give exactly what TextDecoder gives, bytes and errors.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { Gb18030ToUtf8 } from "../src/gb18030.ts";

const reference = (bytes: Buffer) => Buffer.from(new TextDecoder("gb18030", { fatal: true }).decode(bytes), "utf8");

/** Transcodes `bytes` pushed in pieces cut at `cuts`. */
function transcode(bytes: Buffer, cuts: number[] = []): Buffer {
  const t = new Gb18030ToUtf8();
  const parts: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    parts.push(t.push(bytes.subarray(from, cut)));
    from = cut;
  }
  parts.push(t.end());
  return Buffer.concat(parts);
}

/** Every sequence of 1 to `max` bytes over `alphabet`: lead, trail, four-byte and invalid bytes meet in every order. */
function* sequences(alphabet: number[], max: number): Generator<Buffer> {
  let level: number[][] = [[]];
  for (let n = 1; n <= max; n++) {
    level = level.flatMap((s) => alphabet.map((b) => [...s, b]));
    for (const s of level) yield Buffer.from(s);
  }
}

describe("GB18030 to UTF-8", () => {
  it("every two-byte sequence TextDecoder accepts, as TextDecoder decodes it", () => {
    const bytes: number[] = [];
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        bytes.push(lead, trail, 0x2c);
      }
    const all = Buffer.from(bytes);
    expect(transcode(all).equals(reference(all))).toBe(true);
  });

  it("text with ASCII, GBK, four-byte characters and CRLF, cut anywhere", () => {
    const text = "案件编号,当事人名称,罚款金额（元）\r\nLC-1,“黄石镇”某某公司,１２３４\r\n𠀀😀€·—,ǹ龥,末行";
    const bytes = iconv.encode(text, "gb18030");
    expect(transcode(bytes).toString("utf8")).toBe(text);
    for (let cut = 0; cut <= bytes.length; cut++) expect(transcode(bytes, [cut]).toString("utf8"), `cut at ${cut}`).toBe(text);
    for (let a = 0; a <= bytes.length; a += 3)
      for (let b = a; b <= bytes.length; b += 5) expect(transcode(bytes, [a, b]).toString("utf8"), `cuts at ${a}, ${b}`).toBe(text);
  });

  it("short byte sequences: the same output as TextDecoder, or the same TypeError", () => {
    // ASCII, 0x80, lead bytes, two-byte trails, four-byte second bytes, 0x7F and 0xFF.
    const alphabet = [0x00, 0x30, 0x39, 0x41, 0x7f, 0x80, 0x81, 0x82, 0xa1, 0xb0, 0xfe, 0xff];
    for (const bytes of sequences(alphabet, 4)) {
      let expected: Buffer | TypeError;
      try {
        expected = reference(bytes);
      } catch (e) {
        expected = e as TypeError;
      }
      for (let cut = 0; cut <= bytes.length; cut++) {
        let actual: Buffer | Error;
        try {
          actual = transcode(bytes, [cut]);
        } catch (e) {
          actual = e as Error;
        }
        if (expected instanceof TypeError) expect(actual, bytes.toString("hex")).toBeInstanceOf(TypeError);
        else expect((actual as Buffer).toString("hex"), bytes.toString("hex")).toBe(expected.toString("hex"));
      }
    }
  });

  it("a sequence cut by the end of the file is an error", () => {
    expect(() => transcode(Buffer.from([0x41, 0xb0]))).toThrow(TypeError);
    expect(() => transcode(Buffer.from([0x81, 0x30, 0x81]))).toThrow(TypeError);
  });
});
