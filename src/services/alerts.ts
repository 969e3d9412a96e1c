import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../db/repositories/settings';
import { alertHistory, alertIds, alertPage as storedAlertPage, alertPeople, findAlert, listAlerts as listStoredAlerts, saveUserAction, waitingAlertCounts, type AlertFilter, type AlertRecord, type SeverityCounts } from '../db/repositories/alerts';
import { applyUserAction, type UserAction } from '../domain/alerts/lifecycle';
import { spelledAlert } from '../domain/alerts/day-counts';
import { DEFAULT_THRESHOLDS, withThresholds, type AlertThresholds, type ThresholdOverrides } from '../domain/alerts/thresholds';
import { today, type AppContext } from './context';
import { NotFoundError } from './dispatcher';
import { accountsChanged } from './recompute-turns';

const THRESHOLDS_KEY = 'alerts.thresholds';

export function loadAlertThresholds(db: Db): AlertThresholds {
  const stored = readSetting(db, THRESHOLDS_KEY) as ThresholdOverrides | undefined;
  return stored ? withThresholds(stored) : DEFAULT_THRESHOLDS;
}

export function saveAlertThresholds(db: Db, overrides: ThresholdOverrides): AlertThresholds {
  const merged = withThresholds(overrides, loadAlertThresholds(db));
  writeSetting(db, THRESHOLDS_KEY, merged);
  return merged;
}

export class AlertActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlertActionError';
  }
}

/** Alerts as a person reads them on `asOf` (default today): their day counts spelled out. */
export function listAlerts(ctx: AppContext, filter: AlertFilter = {}, asOf = today(ctx)): AlertRecord[] {
  return listStoredAlerts(ctx.db, filter).map((a) => spelledAlert(a, asOf));
}

/** One page of the alert inbox, with the totals of the whole filter. */
export function alertPage(ctx: AppContext, filter: AlertFilter, offset: number, limit: number): ReturnType<typeof storedAlertPage> {
  const page = storedAlertPage(ctx.db, filter, offset, limit);
  const asOf = today(ctx);
  return { ...page, items: page.items.map((a) => spelledAlert(a, asOf)) };
}

/** A user's action on one alert or many; all or none (a refused one refuses the lot, saying which). */
export function actOnAlerts(ctx: AppContext, ids: readonly string[], action: UserAction): AlertRecord[] {
  const asOf = today(ctx);
  const at = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    const out: AlertRecord[] = [];
    for (const id of ids) {
      const alert = findAlert(ctx.db, id);
      if (!alert) throw new NotFoundError(`There is no alert ${id}.`);
      const result = applyUserAction(alert, action, asOf);
      if (!result.ok) throw new AlertActionError(ids.length > 1 ? `${spelledAlert(alert, asOf).title}: ${result.message}` : result.message);
      saveUserAction(ctx.db, id, result.set, result.event, at);
      accountsChanged(ctx, [alert.accountId]);
      out.push(spelledAlert(findAlert(ctx.db, id)!, asOf));
    }
    return out;
  })();
}

/** What waits on the user: open or acknowledged alerts whose condition holds, in all and per severity. */
export function alertCounts(db: Db): { open: number; bySeverity: SeverityCounts } {
  const bySeverity = waitingAlertCounts(db);
  return { open: bySeverity.critical + bySeverity.high + bySeverity.medium + bySeverity.low, bySeverity };
}

export { alertHistory, alertIds, alertPeople, type AlertFilter, type AlertRecord, type SeverityCounts };
