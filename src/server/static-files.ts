import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
  readonly immutable: boolean;
}

/** A file of the built app, never one outside its folder. */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  if (relative.includes('\0')) return null;
  const full = normalize(join(root, relative));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    if (!(await stat(full)).isFile()) return null;
    return { body: await readFile(full), type: TYPES[extname(full)] ?? 'application/octet-stream', immutable: full.includes(`${sep}assets${sep}`) };
  } catch {
    return null;
  }
}
