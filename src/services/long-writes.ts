import type { AppContext } from './context';
import type { LongWriteKind } from '../shared/api/app';

// Writes on a connection of their own that hold the database's write lock for seconds: an import
// job's transaction (on its thread), a recompute's writer thread, the demo's and the command line's
// imports (over many turns of this thread). SQLite lets any other writer wait for the lock only so
// long (busy_timeout, 5 s), then fails it; so these go one at a time, and the API's calls that change
// data wait for the one under way (handlers/index.ts) instead of blocking this thread on the lock.

/** The last long write to have been asked for, per database, settled or not. */
const underway = new WeakMap<AppContext, Promise<void>>();

/** The long write whose turn it is, per database: what a waiting change is told it waits for. */
const current = new WeakMap<AppContext, LongWriteKind>();

/** Runs a long write once those asked for before it have ended. */
export function longWrite<T>(ctx: AppContext, kind: LongWriteKind, write: () => Promise<T>): Promise<T> {
  const before = underway.get(ctx) ?? Promise.resolve();
  const mine = before.then(() => {
    current.set(ctx, kind);
    return write();
  });
  const settled = mine.then(
    () => undefined,
    () => undefined,
  );
  underway.set(ctx, settled);
  void settled.then(() => {
    if (underway.get(ctx) === settled) {
      underway.delete(ctx);
      current.delete(ctx);
    }
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

/** What the long write under way is writing; null when none is. */
export function longWriteKind(ctx: AppContext): LongWriteKind | null {
  return underway.has(ctx) ? (current.get(ctx) ?? null) : null;
}

/** Calls held back until the long writes end, per database: what the window tells its user about. */
const held = new WeakMap<AppContext, number>();

/** Makes a call that changes data now, or once the long writes under way have ended. */
export function afterLongWrites<T>(ctx: AppContext, call: () => T): T | Promise<T> {
  const writing = longWriteUnderway(ctx);
  if (!writing) return call();
  held.set(ctx, (held.get(ctx) ?? 0) + 1);
  void writing.then(() => held.set(ctx, held.get(ctx)! - 1));
  return writing.then(call);
}

/** What is written for long and how many calls wait for it to end; null while nothing is. */
export function longWriteStatus(ctx: AppContext): { readonly what: LongWriteKind; readonly waiting: number } | null {
  const what = longWriteKind(ctx);
  return what ? { what, waiting: held.get(ctx) ?? 0 } : null;
}
