import type { AppContext } from './context';

// Recomputes that read over several turns of the event loop take turns, one at a time, and learn
// which accounts other calls changed while they read.

/** Recomputes under way or waiting their turn, per database: meanwhile the data file must stay the one they read. */
const running = new WeakMap<AppContext, number>();

/** The last recompute to have taken its turn, per database: the next waits for it to end. */
const turns = new WeakMap<AppContext, Promise<unknown>>();

/** For the recompute whose turn it is, the accounts other calls have changed since it began reading. */
const changedSince = new WeakMap<AppContext, Set<string>>();

/**
 * Runs a recompute that reads over several turns once those before it have ended: two at once would
 * each write what it read, the later-started possibly first, and contend for the write lock. The
 * work is told which accounts other calls change while it runs (see accountsChanged).
 */
export async function whileRunning<T>(ctx: AppContext, work: (changed: ReadonlySet<string>) => Promise<T>): Promise<T> {
  running.set(ctx, (running.get(ctx) ?? 0) + 1);
  const turn = (turns.get(ctx) ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => {
      const changed = new Set<string>();
      changedSince.set(ctx, changed);
      try {
        return await work(changed);
      } finally {
        changedSince.delete(ctx);
      }
    });
  turns.set(ctx, turn);
  try {
    return await turn;
  } finally {
    running.set(ctx, running.get(ctx)! - 1);
    if (turns.get(ctx) === turn) turns.delete(ctx);
  }
}

/**
 * Accounts changed while a recompute reads (an action on them or their alerts, a small import):
 * its results for them, worked out before the change, are not written over it; they are rescored
 * once it has written the rest.
 */
export function accountsChanged(ctx: AppContext, accountIds: Iterable<string>): void {
  const changed = changedSince.get(ctx);
  if (changed) for (const id of accountIds) changed.add(id);
}

/** Whether a recompute is under way or waiting its turn. */
export function recomputeRunning(ctx: AppContext): boolean {
  return (running.get(ctx) ?? 0) > 0;
}
