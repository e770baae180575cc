// GB18030 (and so GBK) to UTF-8, byte to byte. TextDecoder then Buffer.from(string) makes a
// JavaScript string of every chunk and encodes it again: about 2.7 s of CPU for a 300 MB export,
// on a machine whose two cores the database needs too. Almost every byte of an export is ASCII or
// a two-byte GBK character, so those go through a table; the rest (four-byte sequences, bytes that
// are not GB18030) go to the platform's own decoder, which decides and throws as it always did.
// The table itself comes from that decoder, so both ways agree by construction.

const LEAD_MIN = 0x81;
const LEAD_MAX = 0xfe;
const TRAIL_MIN = 0x40;
const TRAIL_MAX = 0xfe;
const TRAIL_SPAN = TRAIL_MAX - TRAIL_MIN + 1;

let pairs: Uint16Array | null = null;

/** Code point of each two-byte sequence (lead, trail), or 0 where the platform decoder must decide. */
function pairTable(): Uint16Array {
  if (pairs) return pairs;
  const table = new Uint16Array((LEAD_MAX - LEAD_MIN + 1) * TRAIL_SPAN);
  // All pairs in one buffer, each followed by a newline: an invalid pair shows as U+FFFD (plus
  // its trail byte when that is ASCII), never as a single other character.
  const bytes = Buffer.alloc(table.length * 3);
  let k = 0;
  for (let lead = LEAD_MIN; lead <= LEAD_MAX; lead++)
    for (let trail = TRAIL_MIN; trail <= TRAIL_MAX; trail++) {
      bytes[k++] = lead;
      bytes[k++] = trail;
      bytes[k++] = 0x0a;
    }
  const decoded = new TextDecoder("gb18030").decode(bytes).split("\n");
  for (let i = 0; i < table.length; i++) {
    const text = decoded[i]!;
    const cp = text.length === 1 ? text.charCodeAt(0) : 0;
    // Surrogate halves and U+FFFD never stand for a pair here; ASCII would be a decoding quirk.
    table[i] = cp < 0x80 || cp === 0xfffd || (cp >= 0xd800 && cp <= 0xdfff) ? 0 : cp;
  }
  pairs = table;
  return table;
}

/** A streaming GB18030 → UTF-8 transcoder with TextDecoder's fatal behaviour (TypeError). */
export class Gb18030ToUtf8 {
  readonly #table = pairTable();
  readonly #fatal = new TextDecoder("gb18030", { fatal: true });
  /** Bytes of a sequence cut by the end of the previous chunk. */
  #carry: Buffer = Buffer.alloc(0);

  /** UTF-8 of `input`, keeping an unfinished sequence at its end for the next call. */
  push(input: Buffer): Buffer {
    const src = this.#carry.length > 0 ? Buffer.concat([this.#carry, input]) : input;
    this.#carry = Buffer.alloc(0);
    // Each input byte yields at most 1.5 output bytes (two bytes → three, four → four).
    const out = Buffer.allocUnsafe(Math.ceil(src.length * 1.5) + 8);
    const table = this.#table;
    const len = src.length;
    let o = 0;
    let i = 0;
    while (i < len) {
      const b = src[i]!;
      if (b < 0x80) {
        out[o++] = b;
        i++;
        continue;
      }
      if (b >= LEAD_MIN && b <= LEAD_MAX) {
        if (i + 1 >= len) break; // the trail byte comes with the next chunk
        const t = src[i + 1]!;
        if (t >= TRAIL_MIN && t <= TRAIL_MAX) {
          const cp = table[(b - LEAD_MIN) * TRAIL_SPAN + (t - TRAIL_MIN)]!;
          if (cp !== 0) {
            if (cp < 0x800) {
              out[o++] = 0xc0 | (cp >> 6);
              out[o++] = 0x80 | (cp & 0x3f);
            } else {
              out[o++] = 0xe0 | (cp >> 12);
              out[o++] = 0x80 | ((cp >> 6) & 0x3f);
              out[o++] = 0x80 | (cp & 0x3f);
            }
            i += 2;
            continue;
          }
        } else if (t >= 0x30 && t <= 0x39) {
          // A four-byte sequence: rare (characters outside GBK), left to the platform decoder.
          if (i + 4 > len) break;
          o += out.write(this.#fatal.decode(src.subarray(i, i + 4)), o, "utf8");
          i += 4;
          continue;
        }
      }
      // Anything else (0x80, 0xFF, a pair the table leaves open): the platform decoder decides,
      // and throws when the bytes are not GB18030.
      const n = b >= LEAD_MIN && b <= LEAD_MAX ? 2 : 1;
      o += out.write(this.#fatal.decode(src.subarray(i, i + n)), o, "utf8");
      i += n;
    }
    if (i < len) this.#carry = Buffer.from(src.subarray(i));
    return out.subarray(0, o);
  }

  /** The end of the input: an unfinished sequence is an error, as with TextDecoder. */
  end(): Buffer {
    const rest = this.#carry;
    this.#carry = Buffer.alloc(0);
    return rest.length > 0 ? Buffer.from(this.#fatal.decode(rest), "utf8") : Buffer.alloc(0);
  }
}
