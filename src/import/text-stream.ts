import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { Encoding } from './sniff';

/** The file was read as UTF-8 but is not: read it again as Windows-1252. */
export class EncodingRestart extends Error {
  constructor(readonly byteOffset: number) {
    super(`not valid UTF-8 at byte ${byteOffset}`);
    this.name = 'EncodingRestart';
  }
}

// A chunk becomes a batch of parsed and then converted rows, all alive at once: a megabyte (about
// 5,000 service rows) held the import near 300 MB; a quarter of it holds it near 200 MB, no slower.
export const CHUNK_BYTES = 1 << 18;

/**
 * The file's text, chunk by chunk. UTF-8 is decoded strictly so that a legacy byte deep in a file
 * that looked like UTF-8 at its start is noticed; Node's own windows-1252 decoder maps € and the
 * curly quotes to control characters, so legacy encodings go through iconv-lite.
 */
export async function* decodedChunks(
  path: string,
  encoding: Encoding,
  start: number,
  onBytes: (bytes: number) => void = () => {},
  signal?: AbortSignal,
): AsyncGenerator<string> {
  const stream = createReadStream(path, { start, highWaterMark: CHUNK_BYTES });
  let offset = start;
  try {
    if (encoding === 'utf-8') {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        signal?.throwIfAborted();
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          throw new EncodingRestart(offset + firstInvalidUtf8(chunk));
        }
        offset += chunk.length;
        onBytes(chunk.length);
        if (text) yield text;
      }
      let tail: string;
      try {
        tail = decoder.decode();
      } catch {
        throw new EncodingRestart(offset);
      }
      if (tail) yield tail;
      return;
    }
    const decoder = iconv.getDecoder(encoding === 'windows-1252' ? 'win1252' : encoding);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      onBytes(chunk.length);
      const text = decoder.write(chunk);
      if (text) yield text;
    }
    const tail = decoder.end();
    if (tail) yield tail;
  } finally {
    stream.destroy();
  }
}

function firstInvalidUtf8(chunk: Buffer): number {
  let lo = 0;
  let hi = chunk.length;
  // Binary search for the longest prefix that still decodes (as a stream, so a cut character is fine).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

export function decodeHead(head: Buffer, encoding: Encoding, bom: number): string {
  const bytes = head.subarray(bom);
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(bytes, encoding === 'windows-1252' ? 'win1252' : encoding);
}
