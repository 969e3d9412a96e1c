import { parentPort } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { iterateEvidence, type AccountRange } from '../db/repositories/evidence';
import { storedAlertsInOrder } from '../db/repositories/alerts';
import { keptLoyalty } from '../db/repositories/snapshots';
import { forWriting, scoreAccounts, type AccountResult, type RecomputeInput } from './recompute-core';

// One share of a full recompute: scores a range of accounts on its own read-only connection and
// sends the results back in batches; the calling thread writes them.

export interface RecomputeJob {
  readonly dataFile: string;
  readonly range: AccountRange;
  readonly input: RecomputeInput;
}

export type RecomputeMessage = { readonly type: 'results'; readonly results: AccountResult[] } | { readonly type: 'done' } | { readonly type: 'failure'; readonly message: string };

const BATCH = 250;
const port = parentPort!;

port.once('message', (job: RecomputeJob) => {
  try {
    const db = openDatabase(job.dataFile, { readonly: true, mmap: true });
    const alerts = storedAlertsInOrder(db, job.range);
    try {
      let results: AccountResult[] = [];
      for (const result of scoreAccounts(iterateEvidence(db, job.range), job.input, alerts, keptLoyalty(db))) {
        results.push(forWriting(result));
        if (results.length >= BATCH) {
          port.postMessage({ type: 'results', results } satisfies RecomputeMessage);
          results = [];
        }
      }
      if (results.length > 0) port.postMessage({ type: 'results', results } satisfies RecomputeMessage);
      port.postMessage({ type: 'done' } satisfies RecomputeMessage);
    } finally {
      alerts.close();
      db.close();
    }
  } catch (error) {
    port.postMessage({ type: 'failure', message: (error as Error)?.stack ?? String(error) } satisfies RecomputeMessage);
  }
});
