import { cpus } from 'node:os';
import { iterateEvidence, loadAccountEvidence, type AccountRange } from '../db/repositories/evidence';
import { keptLoyalty, keptLoyaltyInBulk, snapshotDays } from '../db/repositories/snapshots';
import { storedAlerts, storedAlertsInOrder } from '../db/repositories/alerts';
import { scoreAccount, type ScoredAccount } from '../domain/scoring/loyalty';
import { addDays } from '../domain/dates';
import type { AccountEvidence } from '../domain/evidence';
import { today, type AppContext } from './context';
import type { Db } from '../db/connection';
import { loadEngineSettings } from './engine-settings';
import { currentTemplate } from './checklist-templates';
import { loadAlertThresholds } from './alerts';
import { HISTORY_STEPS, resultBatches, scoreAccounts, type RecomputeInput } from './recompute-core';
import { unpacked, writeResults, writeScoped, type WriteScope, type WrittenResults } from './recompute-write';
import { startWorker } from './worker-threads';
import { longWrite, longWriteUnderway } from './long-writes';
import { accountsChanged, reportProgress, whileRunning } from './recompute-turns';
import type { RecomputeKind } from '../shared/api/app';
import type { RecomputeProgress } from '../shared/api/common';
import type { RecomputeJob, RecomputeMessage } from './recompute-worker';
import type { UndoResult } from '../import/undo';

export interface RecomputeOptions {
  /** Default: today. */
  readonly asOf?: string;
  /** Fill in past snapshots where an account has none (first import). */
  readonly history?: boolean;
  /** Portfolio size from which a full recompute is shared among worker threads. Default PARALLEL_MIN_ACCOUNTS. */
  readonly parallelFrom?: number;
  /** Told, as the scoring of many accounts goes on, how many have been scored so far and of how many, then that the results are being saved. */
  readonly onProgress?: (now: RecomputeProgress) => void;
  /** What the recompute is for, as the app reports it to whoever waits for it. Default: the portfolio. */
  readonly kind?: RecomputeKind;
}

export interface RecomputeResult {
  readonly accounts: number;
  readonly snapshots: number;
  readonly historySnapshots: number;
  readonly alertsRaised: number;
  readonly alertsChanged: number;
  /** Threads that scored: 1, or the workers a large portfolio was shared among. */
  readonly threads: number;
  readonly ms: number;
}

/** From this many accounts a full recompute is shared among worker threads. */
export const PARALLEL_MIN_ACCOUNTS = 2000;

/**
 * From this many accounts an import's rescoring is done a slice at a time: fewer are rescored at
 * once, in a fraction of a second, without the cost of packing their results.
 */
export const SLICED_MIN_ACCOUNTS = 200;

function inputFor(ctx: AppContext, asOf: string, history: boolean, accountIds?: ReadonlySet<string>): RecomputeInput {
  const thresholds = loadAlertThresholds(ctx.db);
  const historyDays = history
    ? new Map([...snapshotDays(ctx.db, addDays(asOf, -HISTORY_STEPS.at(-1)! - 7), addDays(asOf, -1), accountIds)].map(([id, days]) => [id, [...days]]))
    : null;
  return { asOf, settings: loadEngineSettings(ctx.db), template: currentTemplate(ctx.db, ctx.now()).template, thresholds, historyDays };
}

/** Rescores the accounts given (after an import or an action on them), in this thread, in one transaction. */
export function recomputeAccounts(ctx: AppContext, accountIds: ReadonlySet<string>, options: RecomputeOptions = {}): RecomputeResult {
  const started = performance.now();
  accountsChanged(ctx, accountIds);
  const input = inputFor(ctx, options.asOf ?? today(ctx), options.history ?? false, accountIds);
  const at = ctx.now().toISOString();
  const written = ctx.db.transaction(() => writeResults(ctx.db, scoreAccounts(evidenceOf(ctx.db, [...accountIds].sort()), input, storedAlerts(ctx.db), keptLoyalty(ctx.db)), at))();
  // Timed to the end of the commit: the rescoring is done when it is on disk.
  return { ...written, threads: 1, ms: Math.round(performance.now() - started) };
}

/**
 * Rescores the accounts an import changed, with their missing history. Most of a large portfolio:
 * every account, shared among threads. Many: a slice at a time on this thread, the other calls
 * answered between slices, written at the end by a writer thread in one transaction. A few: at once.
 */
export async function recomputeImported(ctx: AppContext, accountIds: ReadonlySet<string>, onProgress?: RecomputeOptions['onProgress']): Promise<RecomputeResult> {
  if (accountIds.size >= PARALLEL_MIN_ACCOUNTS) return recomputeAll(ctx, { history: true, onProgress, kind: 'import' });
  if (accountIds.size < SLICED_MIN_ACCOUNTS) {
    // Not under another thread's write lock, which this thread would wait for blocked.
    await longWriteUnderway(ctx);
    return recomputeAccounts(ctx, accountIds, { history: true });
  }
  return whileRunning(ctx, 'import', async (changed) => {
    const started = performance.now();
    const written = await rescoredInSlices(ctx, accountIds, today(ctx), true, changed, progressTo(ctx, changed, accountIds.size, onProgress));
    return { ...written, threads: 1, ms: Math.round(performance.now() - started) };
  });
}

/**
 * Rescores after an undo: the accounts whose rows it changed, as after an import; every account
 * where it removed some, so that their scores and alerts go with them.
 */
export async function recomputeUndone(ctx: AppContext, undone: Pick<UndoResult, 'accountsChanged' | 'accountsRemoved'>): Promise<RecomputeResult> {
  return undone.accountsRemoved > 0 ? recomputeAll(ctx) : recomputeImported(ctx, undone.accountsChanged);
}

/**
 * The accounts given scored on this thread a slice at a time, the other calls answered between
 * slices, and written by the writer thread; those changed meanwhile are left out and rescored after.
 */
async function rescoredInSlices(ctx: AppContext, accountIds: ReadonlySet<string>, asOf: string, history: boolean, changed: Set<string>, progress: Progress): Promise<WrittenResults> {
  // What changed before this reading is in what it reads.
  changed.clear();
  const input = inputFor(ctx, asOf, history, accountIds);
  const batches = await scoredHere(ctx, input, [...accountIds].sort(), progress.scored);
  progress.saving();
  const { written, stale } = await writtenInThread(ctx, 'accounts', batches, ctx.now().toISOString(), changed);
  return sum(written, await rescoreStale(ctx, [...stale].filter((id) => accountIds.has(id)), asOf, history, changed));
}

/**
 * Scores every account as of a date, keeps the day's snapshots, and re-evaluates every alert. A
 * large portfolio is shared among worker threads, each on its own read-only connection, a small one
 * scored here a slice at a time; the results are written by a writer thread in one transaction.
 */
export async function recomputeAll(ctx: AppContext, options: RecomputeOptions = {}): Promise<RecomputeResult> {
  return whileRunning(ctx, options.kind ?? 'portfolio', (changed) => recomputeAllNow(ctx, options, changed));
}

/** Told of each batch of accounts scored, however the scoring is shared out, then that the results are being saved. */
interface Progress {
  readonly scored: (batch: number) => void;
  readonly saving: () => void;
}

/** Progress reported for the app to show and to the caller's own callback. */
function progressTo(ctx: AppContext, turn: ReadonlySet<string>, accounts: number, onProgress?: RecomputeOptions['onProgress']): Progress {
  let scored = 0;
  const report = (now: RecomputeProgress): void => {
    reportProgress(ctx, turn, now);
    onProgress?.(now);
  };
  return {
    scored: (batch) => {
      scored += batch;
      report({ scored, accounts, saving: false });
    },
    saving: () => report({ scored: accounts, accounts, saving: true }),
  };
}

/**
 * Rescoring the accounts left unwritten is part of saving a recompute's results: its progress goes
 * on saying so, rather than counting again from none.
 */
const STILL_SAVING: Progress = { scored: () => undefined, saving: () => undefined };

/**
 * The accounts left unwritten because they changed while a recompute read, rescored now on the data
 * as it is, as that recompute would have: a few at once, many (a bulk action on alerts) a slice at a
 * time, so that this thread is not held for seconds.
 */
async function rescoreStale(ctx: AppContext, accountIds: readonly string[], asOf: string, history: boolean, changed: Set<string>): Promise<WrittenResults | null> {
  if (accountIds.length === 0) return null;
  if (accountIds.length < SLICED_MIN_ACCOUNTS) return recomputeAccounts(ctx, new Set(accountIds), { asOf, history });
  return rescoredInSlices(ctx, new Set(accountIds), asOf, history, changed, STILL_SAVING);
}

function sum(written: WrittenResults, redone: WrittenResults | null): WrittenResults {
  if (!redone) return written;
  return {
    accounts: written.accounts + redone.accounts,
    snapshots: written.snapshots + redone.snapshots,
    historySnapshots: written.historySnapshots + redone.historySnapshots,
    alertsRaised: written.alertsRaised + redone.alertsRaised,
    alertsChanged: written.alertsChanged + redone.alertsChanged,
  };
}

async function recomputeAllNow(ctx: AppContext, options: RecomputeOptions, changed: Set<string>): Promise<RecomputeResult> {
  const started = performance.now();
  const input = inputFor(ctx, options.asOf ?? today(ctx), options.history ?? false);
  const ids = ctx.db.prepare('SELECT account_id FROM accounts ORDER BY account_id').pluck().all() as string[];
  const threads = Math.min(2, cpus().length);
  const progress = progressTo(ctx, changed, ids.length, options.onProgress);
  const shared = ids.length >= (options.parallelFrom ?? PARALLEL_MIN_ACCOUNTS) && threads > 1 && ids.length > 0 ? await inWorkers(ctx, ids, input, threads, progress.scored) : null;
  const batches = shared ?? (await scoredHere(ctx, input, undefined, progress.scored));
  const at = ctx.now().toISOString();
  progress.saving();
  const { written, stale } = await writtenInThread(ctx, 'portfolio', batches, at, changed);
  const redone = await rescoreStale(ctx, [...stale], input.asOf, options.history ?? false, changed);
  return { ...sum(written, redone), threads: shared ? threads : 1, ms: Math.round(performance.now() - started) };
}

/**
 * A recompute's results written in one transaction by a writer thread on its own connection: the
 * calling thread goes on answering (from the data as it was, until the commit) instead of stopping
 * for the writing, which for a first recompute's history takes about a second a thousand accounts.
 * It is a long write (long-writes.ts): it waits for an import's transaction to end, and changes
 * wait for it. The accounts changed since the recompute began reading are left out, taken as the
 * writing starts (from then on a change waits). Written here where no thread can start.
 */
function writtenInThread(ctx: AppContext, scope: WriteScope, batches: Uint8Array[], at: string, changed: ReadonlySet<string>): Promise<{ written: WrittenResults; stale: ReadonlySet<string> }> {
  return longWrite(ctx, 'scores', async () => {
    const stale = new Set(changed);
    const worker = startWorker('recompute-worker');
    if (!worker) return { written: writeScoped(ctx.db, scope, unpacked(batches, stale), at), stale };
    const done = new Promise<WrittenResults>((resolve, reject) => {
      worker.on('message', (message: RecomputeMessage) => {
        if (message.type === 'written') resolve(message.written);
        else if (message.type === 'failure') reject(new Error(`Writing the scores failed: ${message.message}`));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`The writing thread stopped (exit ${code}).`)));
      worker.postMessage({ kind: 'write', dataFile: ctx.dataFile, scope, batches, at, stale: [...stale] } satisfies RecomputeJob, batches.map((b) => b.buffer as ArrayBuffer));
    }).finally(() => void worker.terminate());
    return { written: await done, stale };
  });
}

/** How long scoring on this thread goes on before it lets the other calls be answered. */
const SLICE_MS = 25;

/**
 * All accounts, or those given, scored on this thread (a small portfolio, where no thread can start,
 * or many accounts an import changed), a slice at a time with the other calls answered between
 * slices; the results held packed until they are written. The evidence is read from a read-only
 * connection, whose view stays whole across slices.
 */
async function scoredHere(ctx: AppContext, input: RecomputeInput, accountIds?: readonly string[], onBatch?: (accounts: number) => void): Promise<Uint8Array[]> {
  const reader = ctx.openReader();
  const alerts = accountIds ? Object.assign(storedAlerts(reader), { close: () => undefined }) : storedAlertsInOrder(reader);
  const evidence = accountIds ? evidenceOf(reader, accountIds) : iterateEvidence(reader);
  const packed: Uint8Array[] = [];
  const batches = resultBatches((batch, accounts) => {
    packed.push(batch);
    onBatch?.(accounts);
  });
  try {
    let sliceStarted = performance.now();
    // From the reader too: the kept scores as of the same view as the evidence and alerts.
    const kept = accountIds ? keptLoyalty(reader) : keptLoyaltyInBulk(reader);
    for (const result of scoreAccounts(evidence, input, alerts, kept)) {
      batches.add(result);
      if (performance.now() - sliceStarted > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStarted = performance.now();
      }
    }
    batches.flush();
    return packed;
  } finally {
    alerts.close();
    reader.close();
  }
}

function* evidenceOf(db: Db, accountIds: readonly string[]): Generator<AccountEvidence> {
  for (const id of accountIds) {
    const found = loadAccountEvidence(db, id);
    if (found) yield found;
  }
}

/** Contiguous ranges of account ids, as many as threads. */
function ranges(ids: readonly string[], count: number): AccountRange[] {
  const out: AccountRange[] = [];
  for (let i = 0; i < count; i++) {
    const from = ids[Math.floor((i * ids.length) / count)]!;
    const next = i + 1 < count ? ids[Math.floor(((i + 1) * ids.length) / count)]! : null;
    out.push({ from, to: next });
  }
  return out;
}

/** The portfolio scored by worker threads, a range each: their results in batches, in account order; null where no thread can start. */
async function inWorkers(ctx: AppContext, ids: readonly string[], input: RecomputeInput, threads: number, onBatch?: (accounts: number) => void): Promise<Uint8Array[] | null> {
  const workers = ranges(ids, threads).map((range) => ({ range, worker: startWorker('recompute-worker') }));
  if (workers.some((w) => w.worker === null)) {
    for (const w of workers) void w.worker?.terminate();
    return null;
  }
  const shares = await Promise.all(
    workers.map(
      ({ range, worker }) =>
        new Promise<Uint8Array[]>((resolve, reject) => {
          const collected: Uint8Array[] = [];
          worker!.on('message', (message: RecomputeMessage) => {
            if (message.type === 'results') {
              collected.push(message.batch);
              onBatch?.(message.accounts);
            } else if (message.type === 'done') resolve(collected);
            else if (message.type === 'failure') reject(new Error(`Scoring failed: ${message.message}`));
          });
          worker!.on('error', reject);
          worker!.on('exit', (code) => code !== 0 && reject(new Error(`The scoring thread stopped (exit ${code}).`)));
          worker!.postMessage({ kind: 'score', dataFile: ctx.dataFile, range, input } satisfies RecomputeJob);
        }).finally(() => void worker!.terminate()),
    ),
  );
  return shares.flat();
}

/** One account scored as of a date, with everything the engine read (for the account view and the brief). */
export function scoreOne(ctx: AppContext, accountId: string, asOf?: string, override?: Parameters<typeof scoreAccount>[4]): ScoredAccount | null {
  const evidence = loadAccountEvidence(ctx.db, accountId);
  if (!evidence) return null;
  return scoreAccount(evidence, asOf ?? today(ctx), loadEngineSettings(ctx.db), currentTemplate(ctx.db, ctx.now()).template, override);
}
