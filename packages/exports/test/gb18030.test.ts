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

/** A small deterministic generator, so a failure can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
    const random = mulberry32(7);
    for (let n = 0; n < 200; n++) {
      const cuts = Array.from({ length: 4 }, () => Math.floor(random() * bytes.length)).sort((a, b) => a - b);
      expect(transcode(bytes, cuts).toString("utf8")).toBe(text);
    }
  });

  it("random bytes: the same output as TextDecoder, or the same TypeError", () => {
    const random = mulberry32(11);
    for (let n = 0; n < 300; n++) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 12) }, () => Math.floor(random() * 256)));
      let expected: Buffer | TypeError;
      try {
        expected = reference(bytes);
      } catch (e) {
        expected = e as TypeError;
      }
      let actual: Buffer | Error;
      try {
        actual = transcode(bytes, [Math.floor(random() * bytes.length)]);
      } catch (e) {
        actual = e as Error;
      }
      if (expected instanceof TypeError) expect(actual, bytes.toString("hex")).toBeInstanceOf(TypeError);
      else expect((actual as Buffer).toString("hex"), bytes.toString("hex")).toBe(expected.toString("hex"));
    }
  });

  it("a sequence cut by the end of the file is an error", () => {
    expect(() => transcode(Buffer.from([0x41, 0xb0]))).toThrow(TypeError);
    expect(() => transcode(Buffer.from([0x81, 0x30, 0x81]))).toThrow(TypeError);
  });
});
