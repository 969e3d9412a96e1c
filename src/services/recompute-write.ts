import type { Db } from '../db/connection';
import { alertWriter } from '../db/repositories/alerts';
import { currentScoreWriter, forgetRemovedScores, snapshotWriter } from '../db/repositories/snapshots';
import { unpackResults, type AccountResult } from './recompute-core';

// Writing what a recompute worked out. The caller holds it in one transaction, so that no call
// sees half a recompute: the calling thread for a few accounts, a writer thread on its own
// connection for a whole portfolio or many accounts (the calling thread goes on answering meanwhile).

export interface WrittenResults {
  readonly accounts: number;
  readonly snapshots: number;
  readonly historySnapshots: number;
  readonly alertsRaised: number;
  readonly alertsChanged: number;
}

/**
 * Each account's snapshot for the day (a later run that day replaces it), its history, its current
 * row, its alert changes; not for an account gone from the data since it was scored (an undo).
 */
export function writeResults(db: Db, results: Iterable<AccountResult>, at: string): WrittenResults {
  const stillThere = db.prepare('SELECT 1 FROM accounts WHERE account_id = ?').pluck();
  const snapshot = snapshotWriter(db);
  const current = currentScoreWriter(db);
  const alerts = alertWriter(db);
  let accounts = 0;
  let historySnapshots = 0;
  let alertsRaised = 0;
  let alertsChanged = 0;
  for (const result of results) {
    if (stillThere.get(result.score.accountId) === undefined) continue;
    accounts++;
    snapshot(result.score, at);
    for (const past of result.history) snapshot(past, at);
    current(result.score, result.history, result.loyaltyMonthAgo, at);
    historySnapshots += result.history.length;
    if (result.alertChanges.length > 0) alerts(result.alertChanges, result.score.accountId, at);
    alertsRaised += result.alertChanges.filter((c) => c.kind === 'insert').length;
    alertsChanged += result.alertChanges.length;
  }
  return { accounts, snapshots: accounts, historySnapshots, alertsRaised, alertsChanged };
}

/** What a recompute writes: the whole portfolio (accounts no longer in the data forgotten too), or some accounts. */
export type WriteScope = 'portfolio' | 'accounts';

/** Results written in one transaction, as far as the scope says. */
export function writeScoped(db: Db, scope: WriteScope, results: Iterable<AccountResult>, at: string): WrittenResults {
  return scope === 'portfolio' ? writePortfolio(db, results, at) : db.transaction(() => writeResults(db, results, at))();
}

/** A whole portfolio's results, and the accounts no longer in the data forgotten, in one transaction. */
export function writePortfolio(db: Db, results: Iterable<AccountResult>, at: string): WrittenResults {
  return db.transaction(() => {
    const written = writeResults(db, results, at);
    return { ...written, alertsChanged: written.alertsChanged + forgetRemovedAccounts(db, at) };
  })();
}

/**
 * The scoring threads' batches in account order, each read back as it is written and then let go;
 * without the accounts left out (changed since they were read, and rescored after).
 */
export function* unpacked(batches: Array<Uint8Array | null>, leftOut: ReadonlySet<string> = new Set()): Generator<AccountResult> {
  for (let i = 0; i < batches.length; i++) {
    const results = unpackResults(batches[i]!);
    batches[i] = null;
    for (const result of results) if (!leftOut.has(result.score.accountId)) yield result;
  }
}

/**
 * Accounts an undo took out of the data: their alerts no longer hold (kept, resolved, with a line in
 * their history) and their snapshots go.
 */
function forgetRemovedAccounts(db: Db, at: string): number {
  // The accounts are found in the index by account first: the alerts themselves are large rows, read only for those gone.
  const gone = db
    .prepare(
      `SELECT alert_id, severity FROM alerts WHERE active = 1 AND account_id IN
         (SELECT account_id FROM (SELECT DISTINCT account_id FROM alerts) WHERE account_id NOT IN (SELECT account_id FROM accounts))`,
    )
    .all() as Array<{ alert_id: string; severity: string }>;
  const close = db.prepare("UPDATE alerts SET active = 0, status = CASE WHEN status = 'dismissed' THEN status ELSE 'resolved' END, updated_at = ?, evaluated_at = ? WHERE alert_id = ?");
  const event = db.prepare("INSERT INTO alert_events (alert_id, at, action, actor, severity, status, note) VALUES (?, ?, 'cleared', 'system', ?, 'resolved', 'The account is no longer in the data')");
  for (const alert of gone) {
    close.run(at, at, alert.alert_id);
    event.run(alert.alert_id, at, alert.severity);
  }
  forgetRemovedScores(db);
  return gone.length;
}
