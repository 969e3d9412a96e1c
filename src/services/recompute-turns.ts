import type { AppContext } from './context';
import type { RecomputeKind, RecomputeStatus } from '../shared/api/app';
import type { RecomputeProgress } from '../shared/api/common';

// Recomputes that read over several turns of the event loop take turns, one at a time, and learn
// which accounts other calls changed while they read.

/** The last recompute to have taken its turn, per database: the next waits for it to end. */
const turns = new WeakMap<AppContext, Promise<unknown>>();

/** For the recompute whose turn it is, the accounts other calls have changed since it began reading. */
const changedSince = new WeakMap<AppContext, Set<string>>();

/**
 * The kinds of the recomputes under way and waiting, in the order of their turns: the first is under
 * way. While there are any, the data file must stay the one they read.
 */
const kinds = new WeakMap<AppContext, RecomputeKind[]>();

/** How far the recompute whose turn it is has come ("saving" once its results are written, or wait for their turn to be: long-writes.ts). */
const progress = new WeakMap<AppContext, RecomputeProgress>();

/**
 * Runs a recompute that reads over several turns once those before it have ended: two at once would
 * each write what it read, the later-started possibly first, and contend for the write lock. The
 * work is told which accounts other calls change while it runs (see accountsChanged).
 */
export async function whileRunning<T>(ctx: AppContext, kind: RecomputeKind, work: (changed: Set<string>) => Promise<T>): Promise<T> {
  kinds.set(ctx, [...(kinds.get(ctx) ?? []), kind]);
  const turn = (turns.get(ctx) ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => {
      const changed = new Set<string>();
      changedSince.set(ctx, changed);
      try {
        return await work(changed);
      } finally {
        changedSince.delete(ctx);
        kinds.set(ctx, kinds.get(ctx)!.slice(1));
        progress.delete(ctx);
      }
    });
  turns.set(ctx, turn);
  try {
    return await turn;
  } finally {
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

/**
 * Told by a recompute how far it has come, with the set of changes its turn was given: a report
 * from one whose turn has ended (a scoring thread still sending after another failed) is not
 * taken for the next one's.
 */
export function reportProgress(ctx: AppContext, turn: ReadonlySet<string>, now: RecomputeProgress): void {
  if (changedSince.get(ctx) === turn) progress.set(ctx, now);
}

/** How far the recompute under way has come, and what it is for; null when none is under way or waiting. */
export function recomputeProgress(ctx: AppContext): RecomputeStatus | null {
  const kind = kinds.get(ctx)?.[0];
  if (!kind) return null;
  return { ...(progress.get(ctx) ?? { scored: 0, accounts: 0, saving: false }), kind };
}

/** Whether a recompute is under way or waiting its turn. */
export function recomputeRunning(ctx: AppContext): boolean {
  return (kinds.get(ctx)?.length ?? 0) > 0;
}
