import type { AppContext } from '../context';
import type { Handlers } from '../dispatcher';
import type { Method } from '../../shared/api';
import { recomputeWriting } from '../recompute';
import { appHandlers } from './app';
import { accountsHandlers } from './accounts';
import { alertsHandlers } from './alerts';
import { importsHandlers } from './imports';
import { settingsHandlers } from './settings';
import { reviewHandlers } from './review';

/**
 * The calls that only read. While a writer thread writes a recompute they are answered at once,
 * from the data as it was until the commit; every other call waits for the writing to end first,
 * rather than block the thread on the database's write lock.
 */
const READS: ReadonlySet<Method> = new Set<Method>([
  'account/get',
  'accounts/list',
  'alerts/counts',
  'alerts/history',
  'alerts/ids',
  'alerts/inbox',
  'alerts/list',
  'alerts/people',
  'app/health',
  'app/info',
  'backups/list',
  'checklist/get',
  'imports/list',
  'imports/progress',
  'profiles/list',
  'review/get',
  'review/pdf',
  'scores/get',
  'settings/get',
  'thresholds/get',
  'weights/get',
  'weights/preview',
]);

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
  const out: Record<string, (args: never) => unknown> = { ...handlers };
  for (const method of Object.keys(handlers) as Method[]) {
    if (READS.has(method)) continue;
    const handler = handlers[method] as (args: unknown) => unknown;
    out[method] = (args: unknown) => {
      const writing = recomputeWriting(ctx);
      return writing ? writing.then(() => handler(args)) : handler(args);
    };
  }
  return out as unknown as Handlers;
}
