// A minimal POSIX ustar writer: Framework extracts the members of a `.tar` produced by a data loader
// (src/data/dash.tar.ts → FileAttachment("data/dash/kpi.arrow")), so one loader process opens the
// warehouse once and writes every file the pages read.

export interface TarEntry {
  /** ASCII path inside the archive, at most 100 bytes. */
  name: string;
  data: Uint8Array;
}

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, "0")}\0`;
}

export function tar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    if (!/^[\x21-\x7e]{1,100}$/.test(e.name)) throw new Error(`tar: unsupported member name ${e.name}`);
    const h = Buffer.alloc(512);
    h.write(e.name, 0, "ascii");
    h.write(octal(0o644, 8), 100, "ascii"); // mode
    h.write(octal(0, 8), 108, "ascii"); // uid
    h.write(octal(0, 8), 116, "ascii"); // gid
    h.write(octal(e.data.byteLength, 12), 124, "ascii"); // size
    h.write(octal(0, 12), 136, "ascii"); // mtime: fixed, so the archive depends on its content only
    h.write("        ", 148, "ascii"); // checksum placeholder: eight spaces
    h.write("0", 156, "ascii"); // regular file
    h.write("ustar\0", 257, "ascii");
    h.write("00", 263, "ascii");
    let sum = 0;
    for (const byte of h) sum += byte;
    h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
    parts.push(h, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength));
    const pad = (512 - (e.data.byteLength % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(1024)); // two zero blocks end the archive
  return Buffer.concat(parts);
}
