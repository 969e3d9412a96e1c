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
  let message: CheckMessage;
  let db: Db | null = null;
  try {
    db = openDatabase(job.dataFile, { readonly: true });
    message = { type: 'checked', problems: checkDatabase(db) };
  } catch (error) {
    message = { type: 'failure', message: (error as Error)?.message ?? String(error) };
  } finally {
    db?.close();
  }
  // Said once the connection is closed: the caller ends the thread on hearing it, and may close or
  // replace the data file straight after (a connection left open would keep its write-ahead log).
  port.postMessage(message);
});
