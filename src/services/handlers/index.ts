import type { AppContext } from '../context';
import type { Handlers } from '../dispatcher';
import { onlyReads, type Method } from '../../shared/api';
import { recomputeWriting } from '../recompute';
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
  // While a writer thread writes a recompute, a call that changes data waits for it to end rather
  // than block this thread on the database's write lock; a call that only reads is answered at once.
  const out: Record<string, (args: never) => unknown> = { ...handlers };
  for (const method of Object.keys(handlers) as Method[]) {
    if (onlyReads(method)) continue;
    const handler = handlers[method] as (args: unknown) => unknown;
    out[method] = (args: unknown) => {
      const writing = recomputeWriting(ctx);
      return writing ? writing.then(() => handler(args)) : handler(args);
    };
  }
  return out as unknown as Handlers;
}
