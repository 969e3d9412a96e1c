import type { AppContext } from '../context';
import type { Handlers } from '../dispatcher';
import { appHandlers } from './app';
import { accountsHandlers } from './accounts';
import { alertsHandlers } from './alerts';
import { importsHandlers } from './imports';
import { settingsHandlers } from './settings';
import { reviewHandlers } from './review';

/** Every API method, bound to one open database: each area's handlers together. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...accountsHandlers(ctx),
    ...alertsHandlers(ctx),
    ...importsHandlers(ctx),
    ...settingsHandlers(ctx),
    ...reviewHandlers(ctx),
  };
}
