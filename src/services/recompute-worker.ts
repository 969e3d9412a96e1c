import { parentPort } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { iterateEvidence, type AccountRange } from '../db/repositories/evidence';
import { storedAlertsInOrder } from '../db/repositories/alerts';
import { keptLoyalty } from '../db/repositories/snapshots';
import { forWriting, packResults, scoreAccounts, type AccountResult, type RecomputeInput } from './recompute-core';

// One share of a full recompute: scores a range of accounts on its own read-only connection and
// sends the results back in batches (packed, see packResults); the calling thread writes them.

export interface RecomputeJob {
  readonly dataFile: string;
  readonly range: AccountRange;
  readonly input: RecomputeInput;
}

export type RecomputeMessage = { readonly type: 'results'; readonly batch: Uint8Array } | { readonly type: 'done' } | { readonly type: 'failure'; readonly message: string };

const BATCH = 250;
const port = parentPort!;

port.once('message', (job: RecomputeJob) => {
  try {
    const db = openDatabase(job.dataFile, { readonly: true, mmap: true });
    const alerts = storedAlertsInOrder(db, job.range);
    try {
      let results: AccountResult[] = [];
      const send = (): void => {
        const batch = packResults(results);
        port.postMessage({ type: 'results', batch } satisfies RecomputeMessage, [batch.buffer as ArrayBuffer]);
        results = [];
      };
      for (const result of scoreAccounts(iterateEvidence(db, job.range), job.input, alerts, keptLoyalty(db))) {
        results.push(forWriting(result));
        if (results.length >= BATCH) send();
      }
      if (results.length > 0) send();
      port.postMessage({ type: 'done' } satisfies RecomputeMessage);
    } finally {
      alerts.close();
      db.close();
    }
  } catch (error) {
    port.postMessage({ type: 'failure', message: (error as Error)?.stack ?? String(error) } satisfies RecomputeMessage);
  }
});
