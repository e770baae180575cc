import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { digitRuns, prepareCsv } from "../src/csv-prepare.ts";
import { detectEncoding } from "../src/encoding.ts";
import { RefusedFileError } from "@anjian/errors";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prep-"));
const headerAt = (name: string) => (rows: string[][]) => rows.findIndex((r) => r[0] === name);

async function prep(bytes: Buffer | string) {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, bytes);
  const p = await prepareCsv(file, { tmpDir: dir, pickHeader: headerAt("编号") });
  const raw = p.chunks.map((c) => fs.readFileSync(c.file, "utf8")).join("");
  // `data`: the records without their `dirty` field (tested on its own below).
  return { ...p, raw, data: raw.replace(/^(\d+),\d+,\d+,/gm, "$1,") };
}

describe("encoding detection", () => {
  it("BOMs, UTF-16 without BOM, UTF-8, GBK", () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41])).encoding).toBe("utf-8");
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: "utf-16le", bomLength: 2 });
    expect(detectEncoding(iconv.encode("编号,名称\n1,镇海街道\n", "utf-16le")).encoding).toBe("utf-16le");
    expect(detectEncoding(Buffer.from("编号,名称\n1,镇海街道\n")).encoding).toBe("utf-8");
    expect(detectEncoding(iconv.encode("编号,名称\n1,镇海街道\n", "gbk")).encoding).toBe("gb18030");
  });
});

describe("prepareCsv", () => {
  it("cuts the title rows, keeps row numbers through quoted newlines and blank rows", async () => {
    const p = await prep('标题\n导出时间：2024-01-05 09:12\n编号,名称,备注\n1,"a\nb",x\n\n2,c\n3,d,e,,\n');
    expect(p.preamble).toEqual([["标题"], ["导出时间：2024-01-05 09:12"]]);
    expect(p.headerRowNo).toBe(3);
    expect(p.dataRecords).toBe(4);
    expect(p.data).toBe('4,1,"a\nb",x\n5,,,\n6,2,c,\n7,3,d,e\n');
  });

  it("reads CRLF files and a last row without newline", async () => {
    const p = await prep("编号,名称\r\n1,a\r\n2,b");
    expect(p.data).toBe("2,1,a\n3,2,b\n");
    expect(p.dataRecords).toBe(2);
  });

  it("sets aside a row wider than the header with the reason", async () => {
    const p = await prep("编号,名称\n1,a,b,c\n2,b\n");
    expect(p.badRecords).toEqual([{ rowNo: 2, text: "1,a,b,c", reason: expect.stringContaining("多于表头的 2 列") }]);
    expect(p.data).toBe("2,,\n3,2,b\n");
  });

  it("refuses an unclosed quote with the row it starts on", async () => {
    await expect(prep('编号,名称\n1,a\n2,"b\n3,c\n')).rejects.toThrow(RefusedFileError);
    await expect(prep('编号,名称\n1,a\n2,"b\n3,c\n')).rejects.toThrow("第 3 行起引号未闭合");
  });

  it("decodes GB18030 and UTF-16 to the same UTF-8", async () => {
    const text = "编号,名称\n1,荔城区镇海街道某某公司\n";
    const a = await prep(iconv.encode(text, "gb18030"));
    const b = await prep(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]));
    expect(a.encoding).toBe("gb18030");
    expect(b.encoding).toBe("utf-16le");
    expect(a.data).toBe("2,1,荔城区镇海街道某某公司\n");
    expect(b.data).toBe(a.data);
  });

  it("splits the data into chunk files of the given size", async () => {
    const file = path.join(dir, "chunks.csv");
    fs.writeFileSync(file, `编号,名称\n${Array.from({ length: 5 }, (_, i) => `${i},x`).join("\n")}\n`);
    const p = await prepareCsv(file, { tmpDir: dir, chunkRows: 2, pickHeader: headerAt("编号") });
    expect(p.chunks.map((c) => c.records)).toEqual([2, 2, 1]);
    expect(fs.readFileSync(p.chunks[2]!.file, "utf8")).toBe("6,0,0,4,x\n"); // row 6: short cells that cannot be empty markers, nothing to clean, no ID number
  });

  it("can make the first chunk smaller, with row numbers running on", async () => {
    const file = path.join(dir, "first-chunk.csv");
    fs.writeFileSync(file, `编号,名称\n${Array.from({ length: 8 }, (_, i) => `${i},x`).join("\n")}\n`);
    const p = await prepareCsv(file, { tmpDir: dir, chunkRows: 3, firstChunkRows: 1, pickHeader: headerAt("编号") });
    expect(p.chunks.map((c) => c.records)).toEqual([1, 3, 3, 1]);
    expect(fs.readFileSync(p.chunks[0]!.file, "utf8")).toBe("2,0,0,0,x\n");
    expect(fs.readFileSync(p.chunks[1]!.file, "utf8")).toBe("3,0,0,1,x\n4,0,0,2,x\n5,0,0,3,x\n");
  });

  it("returns no header when none of the first rows is one", async () => {
    const p = await prep("a,b\n1,2\n");
    expect(p.header).toBeNull();
    expect(p.preamble).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("marks the cells the cleaning rule may change: short, quoted, or with a blank-like first or last byte", async () => {
    const p = await prep('编号,a,b,c,d,e\n1,长长的名称内容,"带引号的名称",  前有空格的名称,后有空格的名称 ,\u3000全角空格名称\n');
    const [, dirty] = p.raw.split(",");
    // cells: 1 (short, but not a marker), 长长的名称内容 (clean), quoted, leading blanks, trailing blank, leading U+3000
    expect(Number(dirty)).toBe(0b111100);
  });

  it("marks short cells only when they may be an empty marker", async () => {
    const p = await prep("编号,a,b,c,d,e,f,g,h\n1,无,—,/,单位,500,2023,空,-\n");
    const [, dirty] = p.raw.split(",");
    // cells: 1, 无, —, /, 单位, 500, 2023, 空, -
    expect(Number(dirty)).toBe(0b110001110);
  });

  it("marks the cells that hold a run of 17 digits, where an ID number may be", async () => {
    const p = await prep(
      '编号,a,b,c,d,e\n1,3503041963040303481,"经办人 35030419630403034X 签字",1234567890123456,12345678,12345678901234567\n',
    );
    const [, , ids] = p.raw.split(",");
    // cells: 1, 19 digits, 17 digits and X inside text, 16 digits, 8 digits, exactly 17 digits
    expect(Number(ids)).toBe(0b100110);
  });
});

describe("digitRuns (where an ID number may be)", () => {
  /** Every run of ≥ 17 ASCII digits, found byte by byte. */
  const naive = (text: string) => [...text.matchAll(/[0-9]{17,}/g)].map((m) => m.index!);

  it("finds every run of 17 or more digits, wherever it starts, and no shorter one", () => {
    for (let offset = 0; offset < 40; offset++)
      for (const length of [15, 16, 17, 18, 33, 34, 35, 52]) {
        const text = `${"a".repeat(offset)}${"7".repeat(length)},12345678901234567x`;
        const bytes = Buffer.from(text, "latin1");
        expect(digitRuns(bytes, bytes.length), `offset ${offset}, run ${length}`).toEqual(naive(text));
      }
  });

  it("agrees with a byte-by-byte search on random text full of digits", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 400 }, () => (random() < 0.85 ? String(Math.floor(random() * 10)) : ",a\n\"X".charAt(Math.floor(random() * 5)))).join("");
      const bytes = Buffer.from(text, "latin1");
      expect(digitRuns(bytes, bytes.length)).toEqual(naive(text));
    }
  });
});
