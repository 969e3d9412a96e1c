import type { Db } from '../db/connection';
import { checkDatabase } from '../db/quick-check';
import type { AppContext } from './context';
import type { CheckJob, CheckMessage } from './check-worker';
import { startWorker } from './worker-threads';

export interface Health {
  readonly ok: boolean;
  readonly problems: string[];
}

type Checked = Pick<AppContext, 'db' | 'dataFile' | 'openProblem'>;

const checks = new WeakMap<Db, Promise<string[]>>();

/**
 * Starts SQLite's quick check of the data file, once per connection, on a thread of its own: begun
 * when the app opens, it runs while the window loads instead of after the window asks. Where no
 * thread can start, or the thread fails, the check runs here on the main connection.
 */
export function startHealthCheck(ctx: Checked): Promise<string[]> {
  const db = ctx.db;
  let check = checks.get(db);
  if (!check) {
    check = ctx.openProblem() ? Promise.resolve([]) : checkOffThread(ctx.dataFile, () => checkDatabase(db));
    checks.set(db, check);
  }
  return check;
}

/** The data file's health: why it could not be opened, or what the quick check found. */
export async function databaseHealth(ctx: Checked): Promise<Health> {
  const problem = ctx.openProblem();
  if (problem) return { ok: false, problems: [problem] };
  const problems = await startHealthCheck(ctx);
  return { ok: problems.length === 0, problems };
}

function checkOffThread(dataFile: string, here: () => string[]): Promise<string[]> {
  const worker = startWorker('check-worker');
  if (!worker) return Promise.resolve(here());
  // A check under way must not keep the app from quitting.
  worker.unref();
  return new Promise<string[]>((resolve) => {
    let settled = false;
    const settle = (problems: () => string[]): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(problems());
    };
    worker.once('message', (message: CheckMessage) => settle(message.type === 'checked' ? () => message.problems : here));
    worker.once('error', () => settle(here));
    worker.once('exit', () => settle(here));
    worker.postMessage({ dataFile } satisfies CheckJob);
  });
}
