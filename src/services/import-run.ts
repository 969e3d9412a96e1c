import { openDatabase } from '../db/connection';
import { importFile } from '../import/importer';
import { ImportFileError } from '../import/errors';
import type { DateOrder } from '../import/values/dates';
import type { ImportReport, MappingSpec } from '../shared/import-types';
import type { ImportFileProblem } from '../shared/api/imports';

// One import job as the window starts it: every file in one write transaction (each in a savepoint
// of it), so a cancellation takes back everything the job wrote. Runs in a worker thread
// (import-worker.ts), or in the calling thread where no worker can start.

export interface ImportRunJob {
  readonly dataFile: string;
  readonly files: ReadonlyArray<{ readonly path: string; readonly name: string; readonly mapping: MappingSpec }>;
  readonly skipInvalid: boolean;
  /** Read, convert and write everything, report it, and keep none of it. */
  readonly dryRun: boolean;
  readonly now: string;
  readonly defaultDateOrder: DateOrder;
  readonly ownVendor: string;
  readonly listRows: number;
}

export type ImportRunEvent =
  | { readonly type: 'started'; readonly index: number }
  | { readonly type: 'progress'; readonly index: number; readonly rows: number; readonly bytesRead: number }
  | { readonly type: 'file'; readonly index: number; readonly report: ImportReport }
  | { readonly type: 'file-error'; readonly index: number; readonly error: ImportFileProblem }
  | { readonly type: 'done'; readonly touched: string[] }
  | { readonly type: 'cancelled' }
  | { readonly type: 'failure'; readonly message: string };

/** How often progress is reported, at most. */
const PROGRESS_MS = 100;

const IMPORT_CACHE_KIB = -32768;

/**
 * `readCancel`, where given, takes in a cancel sent but not yet delivered: the last file's indexes
 * and history are written without a pause in which one could arrive, and a cancel must count until
 * the commit.
 */
export async function runImportJob(job: ImportRunJob, signal: AbortSignal, emit: (event: ImportRunEvent) => void, readCancel?: () => void): Promise<void> {
  let final: ImportRunEvent;
  try {
    final = await run(job, signal, emit, readCancel);
  } catch (error) {
    final = signal.aborted ? { type: 'cancelled' } : { type: 'failure', message: (error as Error)?.message ?? String(error) };
  }
  emit(final);
}

async function run(job: ImportRunJob, signal: AbortSignal, emit: (event: ImportRunEvent) => void, readCancel?: () => void): Promise<ImportRunEvent> {
  const db = openDatabase(job.dataFile);
  const touched = new Set<string>();
  try {
    // As the importer sets them for one file (importer.ts), here for the whole job.
    db.pragma('foreign_keys = OFF');
    db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
    db.exec('BEGIN IMMEDIATE');
    for (const [index, file] of job.files.entries()) {
      if (signal.aborted) break;
      emit({ type: 'started', index });
      let last = 0;
      // Only a file that went in has accounts to rescore.
      const touchedHere = new Set<string>();
      try {
        const report = await importFile(db, file.path, {
          mapping: file.mapping,
          skipInvalid: job.skipInvalid,
          defaultDateOrder: job.defaultDateOrder,
          ownVendor: job.ownVendor,
          displayName: file.name,
          now: () => new Date(job.now),
          signal,
          dryRun: job.dryRun,
          withinTransaction: true,
          listRows: job.listRows,
          ...(job.dryRun ? {} : { touchedAccounts: touchedHere }),
          onProgress: (p) => {
            const at = performance.now();
            if (at - last < PROGRESS_MS) return;
            last = at;
            emit({ type: 'progress', index, rows: p.rows, bytesRead: p.bytesRead });
          },
        });
        for (const id of touchedHere) touched.add(id);
        emit({ type: 'file', index, report });
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof ImportFileError) emit({ type: 'file-error', index, error: problemOf(error) });
        else if (isUnreadable(error)) emit({ type: 'file-error', index, error: problemOf(new ImportFileError(file.name, `the file cannot be read (${error.code})`)) });
        else throw error;
      }
    }
    readCancel?.();
    if (signal.aborted) {
      db.exec('ROLLBACK');
      return { type: 'cancelled' };
    }
    db.exec(job.dryRun ? 'ROLLBACK' : 'COMMIT');
    return { type: 'done', touched: [...touched] };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
}

function problemOf(error: ImportFileError): ImportFileProblem {
  return {
    message: error.message,
    code: error.code,
    row: error.place.row ?? null,
    column: error.place.column ?? null,
    value: error.place.value ?? null,
    rejected: [...(error.rejected ?? [])],
    rejectedCount: error.rejectedCount ?? error.rejected?.length ?? 0,
  };
}

function isUnreadable(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!);
}
