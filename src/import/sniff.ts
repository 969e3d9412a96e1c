import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Sniffed =
  | { format: 'csv'; encoding: Encoding; bom: number; size: number; head: Buffer }
  | { format: 'xlsx'; size: number }
  | { format: 'empty'; size: number }
  | { format: 'unsupported'; size: number; what: string };

const HEAD_BYTES = 64 * 1024;

// Signatures of files people rename or pick by mistake, so the message can say what the file is.
const SIGNATURES: ReadonlyArray<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x42, 0x4d], 'a BMP image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old-format Office file (.xls or .doc); save it as .xlsx or .csv and import that'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF executable)'],
  [[0x4d, 0x5a], 'a Windows program'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
];

/** Looks at the first bytes of a file: what it is, and for text, its encoding. */
export function sniffFile(path: string): Sniffed {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    readSync(fd, head, 0, head.length, 0);
    return sniffBytes(head, size);
  } finally {
    closeSync(fd);
  }
}

export function sniffBytes(head: Buffer, size: number): Sniffed {
  if (size === 0) return { format: 'empty', size };
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((byte, i) => head[i] === byte)) return { format: 'unsupported', size, what };
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    const text = head.toString('latin1');
    if (text.includes('xl/') || text.includes('[Content_Types].xml')) {
      if (text.includes('word/')) return { format: 'unsupported', size, what: 'a Word document' };
      if (text.includes('ppt/')) return { format: 'unsupported', size, what: 'a PowerPoint presentation' };
      return { format: 'xlsx', size };
    }
    return { format: 'unsupported', size, what: 'a ZIP archive' };
  }
  const { encoding, bom } = detectEncoding(head, size);
  if (size === bom) return { format: 'empty', size };
  const binaryAt = findBinary(head, encoding, bom);
  if (binaryAt !== null) {
    return { format: 'unsupported', size, what: `not a text file (binary data at byte ${binaryAt})` };
  }
  return { format: 'csv', encoding, bom, size, head };
}

export function detectEncoding(head: Buffer, size: number): { encoding: Encoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // UTF-16 without a mark: ASCII text leaves every other byte zero.
  const sample = Math.min(head.length, 4096) & ~1;
  if (sample >= 4) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < sample; i += 2) {
      if (head[i] === 0) evenZeros++;
      if (head[i + 1] === 0) oddZeros++;
    }
    const pairs = sample / 2;
    if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return { encoding: 'utf-16le', bom: 0 };
    if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return { encoding: 'utf-16be', bom: 0 };
  }
  // The head may end inside a multi-byte character: drop up to 3 trailing bytes before checking.
  const complete = head.length < size ? trimPartialUtf8(head) : head;
  return { encoding: isUtf8(complete) ? 'utf-8' : 'windows-1252', bom: 0 };
}

function trimPartialUtf8(buf: Buffer): Buffer {
  let end = buf.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = buf[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    if (byte >= 0xc0) end -= back; // a lead byte whose sequence may be cut
    break;
  }
  return buf.subarray(0, end);
}

/** The offset of the first byte that text never holds (NUL, most control characters), if any. */
function findBinary(head: Buffer, encoding: Encoding, bom: number): number | null {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return null;
  let controls = 0;
  for (let i = bom; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0) return i;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) {
      controls++;
      if (controls > 8 && controls > head.length / 200) return i;
    }
  }
  return null;
}
