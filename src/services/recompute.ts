import { cpus } from 'node:os';
import { iterateEvidence, loadAccountEvidence, type AccountRange } from '../db/repositories/evidence';
import { currentScoreWriter, forgetRemovedScores, keptLoyalty, snapshotDays, snapshotWriter } from '../db/repositories/snapshots';
import { alertWriter, storedAlerts, storedAlertsInOrder } from '../db/repositories/alerts';
import { scoreAccount, type ScoredAccount } from '../domain/scoring/loyalty';
import { addDays } from '../domain/dates';
import type { AccountEvidence } from '../domain/evidence';
import { today, type AppContext } from './context';
import { loadEngineSettings } from './engine-settings';
import { currentTemplate } from './checklist-templates';
import { loadAlertThresholds } from './alerts';
import { HISTORY_STEPS, scoreAccounts, unpackResults, type AccountResult, type RecomputeInput } from './recompute-core';
import { startWorker } from './worker-threads';
import type { RecomputeJob, RecomputeMessage } from './recompute-worker';

export interface RecomputeOptions {
  /** Default: today. */
  readonly asOf?: string;
  /** Fill in past snapshots where an account has none (first import). */
  readonly history?: boolean;
  /** Portfolio size from which a full recompute is shared among worker threads. Default PARALLEL_MIN_ACCOUNTS. */
  readonly parallelFrom?: number;
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

function inputFor(ctx: AppContext, asOf: string, history: boolean, accountIds?: ReadonlySet<string>): RecomputeInput {
  const thresholds = loadAlertThresholds(ctx.db);
  const historyDays = history
    ? new Map([...snapshotDays(ctx.db, addDays(asOf, -HISTORY_STEPS.at(-1)! - 7), addDays(asOf, -1), accountIds)].map(([id, days]) => [id, [...days]]))
    : null;
  return { asOf, settings: loadEngineSettings(ctx.db), template: currentTemplate(ctx.db, ctx.now()).template, thresholds, historyDays };
}

/** Writes what scoring worked out: each account's snapshot for the day (a later run that day replaces it), its history, its alert changes. */
function writeResults(ctx: AppContext, results: Iterable<AccountResult>): Omit<RecomputeResult, 'ms'> {
  const now = ctx.now().toISOString();
  const snapshot = snapshotWriter(ctx.db);
  const current = currentScoreWriter(ctx.db);
  const alerts = alertWriter(ctx.db);
  let accounts = 0;
  let historySnapshots = 0;
  let alertsRaised = 0;
  let alertsChanged = 0;
  for (const result of results) {
    accounts++;
    snapshot(result.score, now);
    for (const past of result.history) snapshot(past, now);
    current(result.score, result.history, result.loyaltyMonthAgo, now);
    historySnapshots += result.history.length;
    if (result.alertChanges.length > 0) alerts(result.alertChanges, result.score.accountId, now);
    alertsRaised += result.alertChanges.filter((c) => c.kind === 'insert').length;
    alertsChanged += result.alertChanges.length;
  }
  return { accounts, snapshots: accounts, historySnapshots, alertsRaised, alertsChanged, threads: 1 };
}

/** Rescores the accounts given (after an import or an action on them), in this thread, in one transaction. */
export function recomputeAccounts(ctx: AppContext, accountIds: ReadonlySet<string>, options: RecomputeOptions = {}): RecomputeResult {
  const started = performance.now();
  const input = inputFor(ctx, options.asOf ?? today(ctx), options.history ?? false, accountIds);
  function* evidence(): Generator<AccountEvidence> {
    for (const id of [...accountIds].sort()) {
      const found = loadAccountEvidence(ctx.db, id);
      if (found) yield found;
    }
  }
  const written = ctx.db.transaction(() => writeResults(ctx, scoreAccounts(evidence(), input, storedAlerts(ctx.db), keptLoyalty(ctx.db))))();
  // Timed to the end of the commit: the rescoring is done when it is on disk.
  return { ...written, ms: Math.round(performance.now() - started) };
}

/**
 * Scores every account as of a date, keeps the day's snapshots, and re-evaluates every alert. A
 * large portfolio is shared among worker threads, each on its own read-only connection; the results
 * are written here in one transaction.
 */
export async function recomputeAll(ctx: AppContext, options: RecomputeOptions = {}): Promise<RecomputeResult> {
  running.set(ctx, (running.get(ctx) ?? 0) + 1);
  try {
    return await recomputeAllNow(ctx, options);
  } finally {
    running.set(ctx, running.get(ctx)! - 1);
  }
}

/** Full recomputes under way per database: while workers score, the data file must stay the one they read. */
const running = new WeakMap<AppContext, number>();

export function recomputeRunning(ctx: AppContext): boolean {
  return (running.get(ctx) ?? 0) > 0;
}

async function recomputeAllNow(ctx: AppContext, options: RecomputeOptions): Promise<RecomputeResult> {
  const started = performance.now();
  const input = inputFor(ctx, options.asOf ?? today(ctx), options.history ?? false);
  const ids = ctx.db.prepare('SELECT account_id FROM accounts ORDER BY account_id').pluck().all() as string[];
  const threads = Math.min(2, cpus().length);
  const results = ids.length >= (options.parallelFrom ?? PARALLEL_MIN_ACCOUNTS) && threads > 1 && ids.length > 0 ? await inWorkers(ctx, ids, input, threads) : null;
  const written = ctx.db.transaction(() => {
    const scored = results ? writeResults(ctx, results) : writeResults(ctx, inThisThread(ctx, input));
    const cleared = forgetRemovedAccounts(ctx, ctx.now().toISOString());
    return { ...scored, alertsChanged: scored.alertsChanged + cleared, threads: results ? threads : 1 };
  })();
  return { ...written, ms: Math.round(performance.now() - started) };
}

/** All accounts scored here, their evidence streamed from a read-only connection (a connection that is iterating cannot write). */
function* inThisThread(ctx: AppContext, input: RecomputeInput): Generator<AccountResult> {
  const reader = ctx.openReader();
  const alerts = storedAlertsInOrder(reader);
  try {
    yield* scoreAccounts(iterateEvidence(reader), input, alerts, keptLoyalty(ctx.db));
  } finally {
    alerts.close();
    reader.close();
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

/** The workers' batches in account order, each read back as it is written and then let go. */
function* unpacked(batches: Array<Uint8Array | null>): Generator<AccountResult> {
  for (let i = 0; i < batches.length; i++) {
    const results = unpackResults(batches[i]!);
    batches[i] = null;
    yield* results;
  }
}

async function inWorkers(ctx: AppContext, ids: readonly string[], input: RecomputeInput, threads: number): Promise<Iterable<AccountResult> | null> {
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
            if (message.type === 'results') collected.push(message.batch);
            else if (message.type === 'done') resolve(collected);
            else reject(new Error(`Scoring failed: ${message.message}`));
          });
          worker!.on('error', reject);
          worker!.on('exit', (code) => code !== 0 && reject(new Error(`The scoring thread stopped (exit ${code}).`)));
          worker!.postMessage({ dataFile: ctx.dataFile, range, input } satisfies RecomputeJob);
        }).finally(() => void worker!.terminate()),
    ),
  );
  return unpacked(shares.flat());
}

/**
 * Accounts an undo took out of the data: their alerts no longer hold (kept, resolved, with a line in
 * their history) and their snapshots go.
 */
function forgetRemovedAccounts(ctx: AppContext, at: string): number {
  // The accounts are found in the index by account first: the alerts themselves are large rows, read only for those gone.
  const gone = ctx.db
    .prepare(
      `SELECT alert_id, severity FROM alerts WHERE active = 1 AND account_id IN
         (SELECT account_id FROM (SELECT DISTINCT account_id FROM alerts) WHERE account_id NOT IN (SELECT account_id FROM accounts))`,
    )
    .all() as Array<{ alert_id: string; severity: string }>;
  const close = ctx.db.prepare("UPDATE alerts SET active = 0, status = CASE WHEN status = 'dismissed' THEN status ELSE 'resolved' END, updated_at = ?, evaluated_at = ? WHERE alert_id = ?");
  const event = ctx.db.prepare("INSERT INTO alert_events (alert_id, at, action, actor, severity, status, note) VALUES (?, ?, 'cleared', 'system', ?, 'resolved', 'The account is no longer in the data')");
  for (const alert of gone) {
    close.run(at, at, alert.alert_id);
    event.run(alert.alert_id, at, alert.severity);
  }
  forgetRemovedScores(ctx.db);
  return gone.length;
}

/** One account scored as of a date, with everything the engine read (for the account view and the brief). */
export function scoreOne(ctx: AppContext, accountId: string, asOf?: string, override?: Parameters<typeof scoreAccount>[4]): ScoredAccount | null {
  const evidence = loadAccountEvidence(ctx.db, accountId);
  if (!evidence) return null;
  return scoreAccount(evidence, asOf ?? today(ctx), loadEngineSettings(ctx.db), currentTemplate(ctx.db, ctx.now()).template, override);
}
