import type { AppContext } from '../context';
import type { HandlersOf } from '../dispatcher';
import type { alertsContract } from '../../shared/api/alerts';
import { actOnAlerts, alertHistory, listAlerts } from '../alerts';
import { currentUser } from '../account-actions';

export function alertsHandlers(ctx: AppContext): HandlersOf<typeof alertsContract> {
  return {
    'alerts/list': ({ includeCleared, ...filter }) => listAlerts(ctx.db, { ...filter, activeOnly: !includeCleared }),
    'alerts/act': ({ ids, action }) => actOnAlerts(ctx, ids, { ...action, by: currentUser(ctx) }),
    'alerts/history': ({ id }) => alertHistory(ctx.db, id),
  };
}
