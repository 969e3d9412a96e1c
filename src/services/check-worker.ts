import { parentPort } from 'node:worker_threads';
import { openDatabase, type Db } from '../db/connection';
import { checkDatabase } from '../db/quick-check';

// SQLite's quick check of the data file on a read-only connection of its own: it reads the whole
// file (seconds for a large portfolio), and the main thread answers the window meanwhile.

export interface CheckJob {
  readonly dataFile: string;
}

export type CheckMessage = { readonly type: 'checked'; readonly problems: string[] } | { readonly type: 'failure'; readonly message: string };

const port = parentPort!;

port.once('message', (job: CheckJob) => {
  let db: Db | null = null;
  try {
    db = openDatabase(job.dataFile, { readonly: true });
    port.postMessage({ type: 'checked', problems: checkDatabase(db) } satisfies CheckMessage);
  } catch (error) {
    port.postMessage({ type: 'failure', message: (error as Error)?.message ?? String(error) } satisfies CheckMessage);
  } finally {
    db?.close();
  }
});
