import type { AppContext } from './context';

// Writes on a connection of their own that hold the database's write lock for seconds: an import
// job's transaction (on its thread), a recompute's writer thread, the demo's and the command line's
// imports (over many turns of this thread). SQLite lets any other writer wait for the lock only so
// long (busy_timeout, 5 s), then fails it; so these go one at a time, and the API's calls that change
// data wait for the one under way (handlers/index.ts) instead of blocking this thread on the lock.

/** The last long write to have been asked for, per database, settled or not. */
const underway = new WeakMap<AppContext, Promise<void>>();

/** Runs a long write once those asked for before it have ended. */
export function longWrite<T>(ctx: AppContext, write: () => Promise<T>): Promise<T> {
  const before = underway.get(ctx) ?? Promise.resolve();
  const mine = before.then(write);
  const settled = mine.then(
    () => undefined,
    () => undefined,
  );
  underway.set(ctx, settled);
  void settled.then(() => {
    if (underway.get(ctx) === settled) underway.delete(ctx);
  });
  return mine;
}

/** While a long write is under way or waiting its turn, a promise that settles once none is; null otherwise. */
export function longWriteUnderway(ctx: AppContext): Promise<void> | null {
  if (!underway.has(ctx)) return null;
  return (async () => {
    for (let last = underway.get(ctx); last; last = underway.get(ctx)) await last;
  })();
}
