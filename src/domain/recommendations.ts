import type { RecommendationFacts, WorkOrderFacts } from './evidence';
import { dayIsAfter, dayOf } from './dates';
import type { RecommendationStatus } from '../shared/kinds';
import { rememberLast } from './remember-last';

/** Where a recommendation stands on a date: decided or not, when the customer last heard of it. */
export interface RecommendationState {
  readonly recommendation: RecommendationFacts;
  readonly status: RecommendationStatus;
  readonly decidedOn: string | null;
  /** Reminders: visits that listed it, and reminders logged in the app. */
  readonly reminders: ReadonlyArray<{ on: string; workOrderId: string | null }>;
  /** The day it was made, or last reminded of. */
  readonly lastHeardOn: string;
  /** Visits to the account since the customer last heard of it that did not remind them. */
  readonly revisitsWithoutReminder: readonly WorkOrderFacts[];
  /**
   * A break-fix on the same machine after it was made, while it was still open: a preventable
   * failure. Low-severity advice (a firmware update, a tidier set-up) does not foretell one.
   */
  readonly failure: WorkOrderFacts | null;
}

const DECISIONS = new Set(['accepted', 'declined', 'done']);

/** The state of each of an account's recommendations, worked out once per account view. */
export const recommendationStates = rememberLast(
  (recommendations: readonly RecommendationFacts[], visits: readonly WorkOrderFacts[]): readonly RecommendationState[] => {
    const sorted = isOldestFirst(visits);
    return recommendations.map((r) => recommendationState(r, visits, sorted ? firstOpenedAfter(visits, r.madeAt) : 0));
  },
);

/**
 * A visit after the moment the recommendation was made, other than the one that made it. Opened
 * after that moment means on its day or later, so the day needs no check of its own.
 */
export function isLaterVisit(recommendation: RecommendationFacts, visit: WorkOrderFacts): boolean {
  return visit.openedAt > recommendation.madeAt && visit.id !== recommendation.workOrderId && visit.id !== recommendation.id;
}

function isOldestFirst(visits: readonly WorkOrderFacts[]): boolean {
  for (let i = 1; i < visits.length; i++) if (visits[i]!.openedAt < visits[i - 1]!.openedAt) return false;
  return true;
}

/** The index of the first visit opened after `iso`, in visits oldest first. */
function firstOpenedAfter(visits: readonly WorkOrderFacts[], iso: string): number {
  let low = 0;
  let high = visits.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (visits[mid]!.openedAt > iso) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * `visits` are the account's work orders (not cancelled), oldest first; those before `from` are
 * known to be opened no later than the recommendation was made.
 */
export function recommendationState(recommendation: RecommendationFacts, visits: readonly WorkOrderFacts[], from = 0): RecommendationState {
  const made = dayOf(recommendation.madeAt);
  // The newest decision wins, whether it came from a file or was logged in the app.
  let status: RecommendationStatus = recommendation.status;
  let decidedOn: string | null = recommendation.status === 'open' ? null : recommendation.decidedAt ?? made;
  const reminders: Array<{ on: string; workOrderId: string | null }> = [];
  for (const event of recommendation.events) {
    if (event.action === 'reminded') reminders.push({ on: dayOf(event.on), workOrderId: null });
    else if (DECISIONS.has(event.action) && (decidedOn === null || dayOf(event.on) >= decidedOn)) {
      status = event.action as RecommendationStatus;
      decidedOn = dayOf(event.on);
    } else if (event.action === 'reopened' && (decidedOn === null || dayOf(event.on) >= decidedOn)) {
      status = 'open';
      decidedOn = null;
    }
  }
  const later: WorkOrderFacts[] = [];
  for (let i = from; i < visits.length; i++) if (isLaterVisit(recommendation, visits[i]!)) later.push(visits[i]!);
  for (const visit of later) if (visit.remindedIds.includes(recommendation.id)) reminders.push({ on: dayOf(visit.openedAt), workOrderId: visit.id });
  // Days as YYYY-MM-DD sort as plain strings; a locale's collation is slower and adds nothing.
  reminders.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const lastHeardOn = reminders.at(-1)?.on ?? made;
  const open = status === 'open';
  const revisitsWithoutReminder = open ? later.filter((v) => dayIsAfter(v.openedAt, lastHeardOn) && !v.remindedIds.includes(recommendation.id)) : [];
  const failure = recommendation.assetId && recommendation.severity !== 'low'
    ? later.find((v) => v.type === 'break_fix' && v.assetId === recommendation.assetId && (decidedOn === null || dayOf(v.openedAt) < decidedOn)) ?? null
    : null;
  return { recommendation, status, decidedOn, reminders, lastHeardOn, revisitsWithoutReminder, failure: open || status === 'declined' ? failure : null };
}
