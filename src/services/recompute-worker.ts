import { parentPort } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { iterateEvidence, type AccountRange } from '../db/repositories/evidence';
import { storedAlertsInOrder } from '../db/repositories/alerts';
import { keptLoyaltyInBulk } from '../db/repositories/snapshots';
import { resultBatches, scoreAccounts, type RecomputeInput } from './recompute-core';
import { unpacked, writeScoped, type WriteScope, type WrittenResults } from './recompute-write';

// A thread of a recompute. A scoring thread scores a range of accounts on its own read-only
// connection and sends the results back in batches (packed, see packResults); a writer thread
// writes a recompute's batches, however they were scored, in one transaction on its own connection.

export type RecomputeJob =
  | { readonly kind: 'score'; readonly dataFile: string; readonly range: AccountRange; readonly input: RecomputeInput }
  | { readonly kind: 'write'; readonly dataFile: string; readonly scope: WriteScope; readonly batches: Uint8Array[]; readonly at: string; readonly stale: readonly string[] };

export type RecomputeMessage =
  | { readonly type: 'results'; readonly batch: Uint8Array; readonly accounts: number }
  | { readonly type: 'done' }
  | { readonly type: 'written'; readonly written: WrittenResults }
  | { readonly type: 'failure'; readonly message: string };

const port = parentPort!;

port.once('message', (job: RecomputeJob) => {
  try {
    if (job.kind === 'write') write(job.dataFile, job.scope, job.batches, job.at, new Set(job.stale));
    else score(job.dataFile, job.range, job.input);
  } catch (error) {
    port.postMessage({ type: 'failure', message: (error as Error)?.stack ?? String(error) } satisfies RecomputeMessage);
  }
});

function score(dataFile: string, range: AccountRange, input: RecomputeInput): void {
  const db = openDatabase(dataFile, { readonly: true, mmap: true });
  const alerts = storedAlertsInOrder(db, range);
  try {
    const batches = resultBatches((batch, accounts) => port.postMessage({ type: 'results', batch, accounts } satisfies RecomputeMessage, [batch.buffer as ArrayBuffer]));
    for (const result of scoreAccounts(iterateEvidence(db, range), input, alerts, keptLoyaltyInBulk(db, range))) batches.add(result);
    batches.flush();
  } finally {
    alerts.close();
    db.close();
  }
  // Said once the connection is closed: the caller ends the thread on hearing it.
  port.postMessage({ type: 'done' } satisfies RecomputeMessage);
}

function write(dataFile: string, scope: WriteScope, batches: Uint8Array[], at: string, stale: ReadonlySet<string>): void {
  const db = openDatabase(dataFile);
  let written: WrittenResults;
  try {
    written = writeScoped(db, scope, unpacked(batches, stale), at);
  } finally {
    db.close();
  }
  port.postMessage({ type: 'written', written } satisfies RecomputeMessage);
}
