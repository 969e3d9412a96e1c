import { basename } from 'node:path';
import type { AppContext } from './context';
import type { ImportProgress, ImportReport, MappingSpec } from '../shared/import-types';
import { importFile } from '../import/importer';
import { ImportFileError } from '../import/errors';
import { findProfile, saveProfile } from '../db/repositories/profiles';
import { loadSettings } from './settings';
import { backupBeforeImport } from './backup';
import { recomputeImported, type RecomputeResult } from './recompute';
import { longWrite } from './long-writes';

export interface ImportRequest {
  readonly paths: readonly string[];
  /** What the user said on top of recognition (--kind, --map, --set, --sheet). */
  readonly mapping?: MappingSpec;
  /** A saved mapping to apply; with a mapping given too, the two are merged and saved under this name. */
  readonly profile?: string;
  readonly skipInvalid?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export type FileOutcome = { file: string; path: string; report: ImportReport } | { file: string; path: string; error: ImportFileError };

export interface ImportOutcome {
  readonly files: FileOutcome[];
  /** The rescoring that followed, when any file changed something. */
  readonly recompute: RecomputeResult | null;
}

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

/** Merges the user's mapping over a saved profile; saves the result when both were given. */
export function resolveMapping(ctx: AppContext, request: Pick<ImportRequest, 'mapping' | 'profile'>): MappingSpec {
  const given = request.mapping ?? {};
  if (!request.profile) return given;
  const saved = findProfile(ctx.db, request.profile);
  const hasOwn = Object.keys(given.columns ?? {}).length > 0 || Object.keys(given.constants ?? {}).length > 0 || given.kind || given.sheet || given.dateOrder;
  if (!saved && !hasOwn) throw new ProfileError(`There is no mapping profile named "${request.profile}". Give --map or --set with --profile to create it.`);
  const base = saved?.mapping ?? {};
  const merged: MappingSpec = {
    ...base,
    ...given,
    columns: { ...base.columns, ...given.columns },
    constants: { ...base.constants, ...given.constants },
  };
  if (hasOwn) saveProfile(ctx.db, request.profile, merged, ctx.now());
  return merged;
}

/**
 * Imports each file in its own transaction, in the order given, then rescores the accounts they
 * changed and re-evaluates their alerts. A file that fails leaves the database as it was and does
 * not stop the others.
 */
export async function importFiles(ctx: AppContext, request: ImportRequest): Promise<ImportOutcome> {
  // A copy of the data first, once per import, when there is data to lose.
  if (request.paths.length > 0) await backupBeforeImport(ctx);
  const touched = new Set<string>();
  // Each file's transaction holds the write lock over many turns, on a connection of its own.
  const files = await longWrite(ctx, 'import', () => importEach(ctx, request, touched));
  const recomputed = touched.size === 0 ? null : await recomputeImported(ctx, touched);
  return { files, recompute: recomputed };
}

async function importEach(ctx: AppContext, request: ImportRequest, touched: Set<string>): Promise<FileOutcome[]> {
  const mapping = resolveMapping(ctx, request);
  const settings = loadSettings(ctx.db);
  const writer = ctx.openWriter();
  const outcomes: FileOutcome[] = [];
  try {
    for (const path of request.paths) {
      const file = basename(path);
      try {
        const report = await importFile(writer, path, {
          mapping,
          skipInvalid: request.skipInvalid ?? false,
          defaultDateOrder: settings.defaultDateOrder,
          ownVendor: settings.ownVendorName,
          now: ctx.now,
          touchedAccounts: touched,
          ...(request.signal ? { signal: request.signal } : {}),
          ...(request.onProgress ? { onProgress: request.onProgress } : {}),
        });
        outcomes.push({ file, path, report });
      } catch (error) {
        if (error instanceof ImportFileError) outcomes.push({ file, path, error });
        else if (isUnreadable(error)) outcomes.push({ file, path, error: new ImportFileError(file, unreadableReason(error), {}, 'invalid_file') });
        else throw error;
      }
    }
  } finally {
    if (writer !== ctx.db) writer.close();
  }
  return outcomes;
}

function isUnreadable(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!);
}

function unreadableReason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'there is no such file';
    case 'EISDIR':
      return 'this is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'the file cannot be read (permission denied)';
    default:
      return `the file cannot be read (${error.code})`;
  }
}
