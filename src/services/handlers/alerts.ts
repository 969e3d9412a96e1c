import type { AppContext } from '../context';
import type { HandlersOf } from '../dispatcher';
import type { alertsContract } from '../../shared/api/alerts';
import { actOnAlerts, alertCounts, alertHistory, alertIds, alertPage, alertPeople, listAlerts } from '../alerts';
import { currentUser } from '../account-actions';

export function alertsHandlers(ctx: AppContext): HandlersOf<typeof alertsContract> {
  return {
    'alerts/list': ({ includeCleared, ...filter }) => listAlerts(ctx, { ...filter, activeOnly: !includeCleared }),
    'alerts/act': ({ ids, action }) => actOnAlerts(ctx, ids, { ...action, by: currentUser(ctx) }),
    'alerts/history': ({ id }) => alertHistory(ctx.db, id),
    'alerts/inbox': ({ offset = 0, limit = 200, ...filter }) => alertPage(ctx, filter, offset, limit),
    'alerts/ids': (filter) => alertIds(ctx.db, filter),
    'alerts/counts': () => alertCounts(ctx.db),
    'alerts/people': () => alertPeople(ctx.db),
  };
}
