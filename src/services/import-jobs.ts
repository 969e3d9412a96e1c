import { randomUUID } from 'node:crypto';
import { backupBeforeImport } from './backup';
import type { AppContext } from './context';
import type { ImportJobFile, ImportJobStatus } from '../shared/api/imports';
import type { MappingSpec } from '../shared/import-types';
import { loadSettings } from './settings';
import { recomputeImported } from './recompute';
import { longWrite } from './long-writes';
import { startWorker } from './worker-threads';
import { runImportJob, type ImportRunEvent, type ImportRunJob } from './import-run';
import type { ImportWorkerMessage } from './import-worker';
import { discardStaged, stagedFile, stagingDir, StagingError } from './staging';
import { NotFoundError } from './dispatcher';

// Import jobs started from the window: a preview (a dry run) or the import itself, one at a time
// per database, polled for progress and cancellable until its transaction commits.

/** How many rejected rows a preview lists (all are counted). */
export const PREVIEW_LISTED_ROWS = 50_000;

/** Finished jobs are kept this long for the window to read their outcome. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;

export interface StartJobRequest {
  readonly mode: 'preview' | 'import';
  readonly skipInvalid: boolean;
  readonly files: ReadonlyArray<{ readonly stagedId: string; readonly mapping?: MappingSpec | undefined }>;
}

/** Refused because of what is happening now (reported as a conflict). */
export class ImportJobError extends Error {
  constructor(message: string) {
    super(message);
    // The dispatcher reports errors by this name as conflicts.
    this.name = 'ActionError';
  }
}

interface Job {
  readonly id: string;
  readonly mode: 'preview' | 'import';
  readonly skipInvalid: boolean;
  readonly files: ImportJobFile[];
  readonly totalBytes: number;
  readonly started: number;
  state: ImportJobStatus['state'];
  finished: number | null;
  recompute: ImportJobStatus['recompute'];
  scoring: ImportJobStatus['scoring'];
  cancelTooLate: boolean;
  error: string | null;
  cancel: () => void;
}

const registries = new WeakMap<AppContext, Map<string, Job>>();

function jobsOf(ctx: AppContext): Map<string, Job> {
  let jobs = registries.get(ctx);
  if (!jobs) registries.set(ctx, (jobs = new Map<string, Job>()));
  return jobs;
}

const isActive = (job: Job): boolean => job.state === 'running' || job.state === 'cancelling' || job.state === 'recomputing';

/** The import or preview under way on this database, if any. */
export function activeImportJob(ctx: AppContext): { readonly mode: 'preview' | 'import' } | null {
  return [...jobsOf(ctx).values()].find(isActive) ?? null;
}

function refuseWhileBusy(jobs: Map<string, Job>): void {
  const busy = [...jobs.values()].find(isActive);
  if (busy) throw new ImportJobError(`An ${busy.mode === 'preview' ? 'import preview' : 'import'} is already running; wait for it or cancel it first.`);
}

export async function startImportJob(ctx: AppContext, request: StartJobRequest): Promise<{ jobId: string }> {
  const jobs = jobsOf(ctx);
  for (const [id, job] of jobs) if (job.finished !== null && performance.now() - job.finished > KEEP_FINISHED_MS) jobs.delete(id);
  refuseWhileBusy(jobs);

  const dir = stagingDir(ctx.dataFile);
  const staged = request.files.map((f) => {
    try {
      return stagedFile(dir, f.stagedId);
    } catch (error) {
      if (error instanceof StagingError) throw new NotFoundError(error.message);
      throw error;
    }
  });
  // The data as it was before this import, kept beside the database (a preview changes nothing).
  if (request.mode === 'import') {
    await backupBeforeImport(ctx);
    refuseWhileBusy(jobs);
  }
  const settings = loadSettings(ctx.db);
  const run: ImportRunJob = {
    dataFile: ctx.dataFile,
    files: staged.map((s, i) => ({ path: s.path, name: s.name, mapping: request.files[i]!.mapping ?? {} })),
    skipInvalid: request.skipInvalid,
    dryRun: request.mode === 'preview',
    now: ctx.now().toISOString(),
    defaultDateOrder: settings.defaultDateOrder,
    ownVendor: settings.ownVendorName,
    listRows: request.mode === 'preview' ? PREVIEW_LISTED_ROWS : 1000,
  };
  const job: Job = {
    id: randomUUID(),
    mode: request.mode,
    skipInvalid: request.skipInvalid,
    files: staged.map((s) => ({ stagedId: s.stagedId, name: s.name, size: s.size, state: 'waiting', rows: 0, bytesRead: 0, report: null, error: null })),
    totalBytes: staged.reduce((sum, s) => sum + s.size, 0),
    started: performance.now(),
    state: 'running',
    finished: null,
    recompute: null,
    scoring: null,
    cancelTooLate: false,
    error: null,
    cancel: () => {},
  };
  jobs.set(job.id, job);

  // The job's transaction holds the write lock from its start to its end: a long write
  // (long-writes.ts), begun once a recompute's writing has ended, which changes wait for.
  let writeEnded = (): void => undefined;
  const onEvent = (event: ImportRunEvent): void => {
    if (event.type === 'done' || event.type === 'cancelled' || event.type === 'failure') writeEnded();
    switch (event.type) {
      case 'started':
        job.files[event.index]!.state = 'running';
        break;
      case 'progress': {
        const file = job.files[event.index]!;
        file.rows = event.rows;
        file.bytesRead = event.bytesRead;
        break;
      }
      case 'file': {
        const file = job.files[event.index]!;
        file.state = 'done';
        file.rows = event.report.rows;
        file.bytesRead = file.size;
        file.report = event.report;
        break;
      }
      case 'file-error': {
        const file = job.files[event.index]!;
        file.state = 'failed';
        file.bytesRead = file.size;
        file.error = event.error;
        break;
      }
      case 'done':
        // The worker had committed before the cancel reached it.
        if (job.state === 'cancelling') job.cancelTooLate = true;
        void finish(ctx, job, new Set(event.touched));
        break;
      case 'cancelled':
        for (const file of job.files) if (file.state === 'running' || file.state === 'waiting' || file.state === 'done') file.state = 'cancelled';
        end(ctx, job, 'cancelled');
        break;
      case 'failure':
        job.error = event.message;
        end(ctx, job, 'failed');
        break;
    }
  };

  // Cancelled before its turn came, it never starts.
  let cancelledEarly = false;
  job.cancel = () => (cancelledEarly = true);
  const begin = (): void => {
    if (cancelledEarly) return onEvent({ type: 'cancelled' });
    const worker = startWorker('import-worker');
    if (worker) {
      worker.on('message', onEvent);
      worker.on('error', (error) => onEvent({ type: 'failure', message: error.message }));
      worker.on('exit', () => {
        if (isActive(job) && job.state !== 'recomputing') onEvent({ type: job.state === 'cancelling' ? 'cancelled' : 'failure', message: 'the import stopped unexpectedly' });
      });
      job.cancel = () => worker.postMessage({ type: 'cancel' } satisfies ImportWorkerMessage);
      worker.postMessage({ type: 'start', job: run } satisfies ImportWorkerMessage);
      jobDone.set(job, () => void worker.terminate());
    } else {
      const controller = new AbortController();
      job.cancel = () => controller.abort();
      // Yields between batches of rows, so other calls are answered meanwhile.
      void runImportJob(run, controller.signal, onEvent);
    }
  };
  void longWrite(
    ctx,
    // A preview holds the lock as an import does, though it writes nothing in the end.
    request.mode,
    () =>
      new Promise<void>((resolve) => {
        writeEnded = resolve;
        try {
          begin();
        } catch (error) {
          onEvent({ type: 'failure', message: (error as Error).message });
        }
      }),
  );
  return { jobId: job.id };
}

/** Stops a job's worker thread once the job has ended. */
const jobDone = new WeakMap<Job, () => void>();

async function finish(ctx: AppContext, job: Job, touched: Set<string>): Promise<void> {
  jobDone.get(job)?.();
  if (job.mode === 'import' && touched.size > 0) {
    job.state = 'recomputing';
    try {
      const result = await recomputeImported(ctx, touched, (now) => (job.scoring = now));
      job.recompute = { accounts: result.accounts, alertsRaised: result.alertsRaised, ms: result.ms };
    } catch (error) {
      job.error = `The data was imported, but updating the scores failed: ${(error as Error).message}. Use "Recompute" in Settings to try again.`;
    }
  }
  end(ctx, job, 'done');
}

function end(ctx: AppContext, job: Job, state: 'done' | 'cancelled' | 'failed'): void {
  if (job.finished !== null) return;
  job.state = state;
  job.finished = performance.now();
  jobDone.get(job)?.();
  // A preview keeps the files for the import that follows; an import, finished or not, is their end.
  if (job.mode === 'import') {
    const dir = stagingDir(ctx.dataFile);
    for (const file of job.files) discardStaged(dir, file.stagedId);
  }
}

function find(ctx: AppContext, jobId: string): Job {
  const job = jobsOf(ctx).get(jobId);
  if (!job) throw new NotFoundError('There is no such import job (it ended more than an hour ago, or the app was restarted).');
  return job;
}

export function jobStatus(ctx: AppContext, jobId: string, details = false): ImportJobStatus {
  const job = find(ctx, jobId);
  const elapsedMs = Math.round((job.finished ?? performance.now()) - job.started);
  const rowsDone = job.files.reduce((sum, f) => sum + f.rows, 0);
  const bytesDone = job.files.reduce((sum, f) => sum + Math.min(f.bytesRead, f.size), 0);
  const seconds = elapsedMs / 1000;
  const running = job.state === 'running';
  const bytesPerSecond = seconds > 0.3 ? bytesDone / seconds : 0;
  return {
    jobId: job.id,
    mode: job.mode,
    skipInvalid: job.skipInvalid,
    state: job.state,
    elapsedMs,
    rowsDone,
    bytesDone,
    totalBytes: job.totalBytes,
    rowsPerSecond: seconds > 0.3 ? Math.round(rowsDone / seconds) : null,
    etaSeconds: running && bytesPerSecond > 0 ? Math.max(0, Math.round((job.totalBytes - bytesDone) / bytesPerSecond)) : null,
    files: job.files.map((f) => (details ? { ...f } : { ...f, report: f.report ? lighten(f.report) : null, error: f.error ? { ...f.error, rejected: f.error.rejected.slice(0, 20) } : null })),
    recompute: job.recompute,
    scoring: job.state === 'recomputing' ? job.scoring : null,
    cancelTooLate: job.cancelTooLate,
    error: job.error,
  };
}

/** The polled status leaves out the long lists; they are read once the job has ended. */
function lighten(report: NonNullable<ImportJobFile['report']>): NonNullable<ImportJobFile['report']> {
  return { ...report, rejected: report.rejected.slice(0, 20), duplicates: report.duplicates.slice(0, 20) };
}

export function cancelImportJob(ctx: AppContext, jobId: string): ImportJobStatus {
  const job = find(ctx, jobId);
  if (job.state === 'running') {
    job.state = 'cancelling';
    job.cancel();
  }
  return jobStatus(ctx, jobId);
}

/** Waits for a job to end (tests and the command line; the window polls). */
export async function waitForJob(ctx: AppContext, jobId: string, everyMs = 20): Promise<ImportJobStatus> {
  for (;;) {
    const status = jobStatus(ctx, jobId, true);
    if (!isActive(find(ctx, jobId))) return status;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
