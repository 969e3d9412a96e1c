import type { AppContext } from '../context';
import type { Handlers } from '../dispatcher';
import { answeredWhileWriting, type Method } from '../../shared/api';
import { afterLongWrites } from '../long-writes';
import { appHandlers } from './app';
import { accountsHandlers } from './accounts';
import { alertsHandlers } from './alerts';
import { importsHandlers } from './imports';
import { settingsHandlers } from './settings';
import { reviewHandlers } from './review';

/** Every API method, bound to one open database: each area's handlers together. */
export function createHandlers(ctx: AppContext): Handlers {
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...accountsHandlers(ctx),
    ...alertsHandlers(ctx),
    ...importsHandlers(ctx),
    ...settingsHandlers(ctx),
    ...reviewHandlers(ctx),
  };
  // While another thread writes for long (an import, a recompute's results), a call that changes
  // data waits for it to end rather than block this thread on the database's write lock, and fail
  // after its timeout; a call that only reads, or writes nothing here, is answered at once.
  const out: Record<string, (args: never) => unknown> = { ...handlers };
  for (const method of Object.keys(handlers) as Method[]) {
    if (answeredWhileWriting(method)) continue;
    const handler = handlers[method] as (args: unknown) => unknown;
    out[method] = (args: unknown) => afterLongWrites(ctx, () => handler(args));
  }
  return out as unknown as Handlers;
}
