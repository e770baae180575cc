// Encoding detection for CSV exports: BOMs first, then "is it valid UTF-8", else GB18030.
// GB18030 is a superset of GBK and GB2312, the encodings of Excel's CSV on Chinese Windows.

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface EncodingGuess {
  encoding: CsvEncoding;
  bomLength: number;
}

/** Guesses from the first bytes of a file (a megabyte is plenty). */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  // UTF-16 without a BOM shows as NUL bytes on one side of every ASCII character.
  const n = Math.min(sample.length, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  if (oddNul > n / 8 && evenNul < n / 64) return { encoding: "utf-16le", bomLength: 0 };
  if (evenNul > n / 8 && oddNul < n / 64) return { encoding: "utf-16be", bomLength: 0 };
  return { encoding: isUtf8(sample) ? "utf-8" : "gb18030", bomLength: 0 };
}

/** True when the bytes are valid UTF-8, allowing a character cut off at the end of the sample. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** True when the bytes hold NUL or other control bytes that text never has. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 0x09 && b !== 0x1b)) bad++;
  }
  return bad > 0 && bad > n / 1000;
}
