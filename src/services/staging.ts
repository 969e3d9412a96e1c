import { createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { StagedFile } from '../shared/api/staging';

// Files the user drops or picks reach the core as bytes, never as paths the window chose: each is
// written to a staging folder beside the database under a random id, imported from there, and
// deleted after the import or its cancellation.

/** The largest file accepted (far beyond any export, well short of filling a disk by mistake). */
export const MAX_STAGED_BYTES = 2 * 1024 * 1024 * 1024;

/** Staged files older than this are left over from a closed window: removed when staging starts. */
const STALE_MS = 24 * 60 * 60 * 1000;

const ID = /^[a-f0-9]{32}$/;

export interface StagedPath extends StagedFile {
  readonly path: string;
}

export class StagingError extends Error {
  constructor(
    message: string,
    readonly code: 'too_large' | 'not_found' | 'bad_request',
  ) {
    super(message);
    this.name = 'StagingError';
  }
}

export function stagingDir(dataFile: string): string {
  return join(dirname(dataFile), 'import-staging');
}

/** A file name safe to keep on disk and show: its last path part, no control or reserved characters. */
export function sanitiseName(name: string): string {
  const last = basename(name.replace(/\\/g, '/'));
  const clean = last
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 150);
  return clean === '' ? 'file' : clean;
}

export function isStagedId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

/** A file being received: written chunk by chunk, kept only once finished. */
export interface StagingUpload {
  readonly stagedId: string;
  write(chunk: Uint8Array): Promise<void>;
  finish(): Promise<StagedFile>;
  discard(): void;
}

export function beginUpload(dir: string, name: string, limit = MAX_STAGED_BYTES): StagingUpload {
  mkdirSync(dir, { recursive: true });
  sweepStale(dir);
  const stagedId = randomBytes(16).toString('hex');
  const safeName = sanitiseName(name);
  const partial = join(dir, `${stagedId}.part`);
  const out: WriteStream = createWriteStream(partial, { flags: 'wx' });
  let size = 0;
  let failed: Error | null = null;
  out.on('error', (error) => (failed = error));
  const discard = (): void => {
    out.destroy();
    rmSync(partial, { force: true });
    rmSync(join(dir, stagedId), { recursive: true, force: true });
  };
  return {
    stagedId,
    async write(chunk) {
      if (failed) throw failed;
      size += chunk.byteLength;
      if (size > limit) {
        discard();
        throw new StagingError(`${safeName} is larger than ${Math.round(limit / 1024 / 1024)} MB, more than the app accepts`, 'too_large');
      }
      if (!out.write(chunk)) {
        await new Promise<void>((resolve, reject) => {
          const drained = (): void => {
            out.off('error', failedWhileWaiting);
            resolve();
          };
          const failedWhileWaiting = (error: Error): void => {
            out.off('drain', drained);
            reject(error);
          };
          out.once('drain', drained);
          out.once('error', failedWhileWaiting);
        });
      }
    },
    async finish() {
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      if (failed) throw failed;
      const folder = join(dir, stagedId);
      mkdirSync(folder);
      renameSync(partial, join(folder, safeName));
      return { stagedId, name: safeName, size };
    },
    discard,
  };
}

/** Streams a request body (or any byte stream) into the staging folder. */
export async function stageStream(dir: string, name: string, body: Readable | AsyncIterable<Uint8Array>, limit = MAX_STAGED_BYTES): Promise<StagedFile> {
  const upload = beginUpload(dir, name, limit);
  try {
    for await (const chunk of body) await upload.write(chunk as Uint8Array);
    return await upload.finish();
  } catch (error) {
    upload.discard();
    throw error;
  }
}

/** Where a staged file is, by its id; the id is checked, never joined blindly into a path. */
export function stagedFile(dir: string, stagedId: string): StagedPath {
  if (!isStagedId(stagedId)) throw new StagingError('That is not a staged file id.', 'bad_request');
  const folder = join(dir, stagedId);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw new StagingError('The file is no longer staged (imported, cancelled or cleared); add it again.', 'not_found');
  }
  const name = names[0];
  if (!name) throw new StagingError('The file is no longer staged; add it again.', 'not_found');
  const path = join(folder, name);
  return { stagedId, name, size: statSync(path).size, path };
}

export function discardStaged(dir: string, stagedId: string): boolean {
  if (!isStagedId(stagedId)) return false;
  const folder = join(dir, stagedId);
  try {
    statSync(folder);
  } catch {
    return false;
  }
  rmSync(folder, { recursive: true, force: true });
  return true;
}

function sweepStale(dir: string): void {
  const now = Date.now();
  for (const entry of readdirSync(dir)) {
    if (!ID.test(entry.replace(/\.part$/, ''))) continue;
    try {
      if (now - statSync(join(dir, entry)).mtimeMs > STALE_MS) rmSync(join(dir, entry), { recursive: true, force: true });
    } catch {
      // Removed meanwhile.
    }
  }
}
