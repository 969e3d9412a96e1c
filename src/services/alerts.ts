import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../db/repositories/settings';
import { alertHistory, alertIds, alertPage, alertPeople, findAlert, listAlerts, saveUserAction, waitingAlertCounts, type AlertFilter, type AlertRecord, type SeverityCounts } from '../db/repositories/alerts';
import { applyUserAction, type UserAction } from '../domain/alerts/lifecycle';
import { DEFAULT_THRESHOLDS, withThresholds, type AlertThresholds, type ThresholdOverrides } from '../domain/alerts/thresholds';
import type { AppContext } from './context';
import { NotFoundError } from './dispatcher';

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

/** A user's action on one alert or many; all or none (a refused one refuses the lot, saying which). */
export function actOnAlerts(ctx: AppContext, ids: readonly string[], action: UserAction): AlertRecord[] {
  const asOf = ctx.now().toISOString().slice(0, 10);
  const at = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    const out: AlertRecord[] = [];
    for (const id of ids) {
      const alert = findAlert(ctx.db, id);
      if (!alert) throw new NotFoundError(`There is no alert ${id}.`);
      const result = applyUserAction(alert, action, asOf);
      if (!result.ok) throw new AlertActionError(ids.length > 1 ? `${alert.title}: ${result.message}` : result.message);
      saveUserAction(ctx.db, id, result.set, result.event, at);
      out.push(findAlert(ctx.db, id)!);
    }
    return out;
  })();
}

/** What waits on the user: open or acknowledged alerts whose condition holds, in all and per severity. */
export function alertCounts(db: Db): { open: number; bySeverity: SeverityCounts } {
  const bySeverity = waitingAlertCounts(db);
  return { open: bySeverity.critical + bySeverity.high + bySeverity.medium + bySeverity.low, bySeverity };
}

export { listAlerts, alertHistory, alertPage, alertIds, alertPeople, type AlertFilter, type AlertRecord, type SeverityCounts };
