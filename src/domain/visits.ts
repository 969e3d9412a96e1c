import type { WorkOrderFacts } from './evidence';
import { DAY_MS, nextBusinessDayEnd, onOrBefore, toMs } from './dates';
import { rememberLast } from './remember-last';

/** How one visit went, in the terms the seeds use. */
export interface VisitAssessment {
  readonly visit: WorkOrderFacts;
  /** Arrived after the promised time. */
  readonly late: boolean;
  readonly minutesLate: number;
  readonly notFixedFirstTime: boolean;
  readonly partsMissing: boolean;
  /** Work left unfinished (a visit that happened, or one days old, without completion). */
  readonly incomplete: boolean;
  /** A break-fix call on the same machine within the repeat window of one that was fixed: the fix did not hold. */
  readonly repeatOf: WorkOrderFacts | null;
  /** A return to finish a break-fix that was not fixed first time: the same failure, not a new one. */
  readonly finishes: WorkOrderFacts | null;
  readonly bad: boolean;
  /** For a bad call: followed up within one business day. */
  readonly followedUp: boolean;
  /** The previous bad call on the account, if it was within the streak window. */
  readonly afterBadCall: VisitAssessment | null;
  /** Days from the visit's opening to the as-of date (what the customer's memory of it has aged). */
  readonly ageDays: number;
}

export interface VisitRules {
  /** A break-fix call this soon after another on the same machine is a repeat call. */
  readonly repeatWindowDays: number;
  /** A bad call this soon after the previous one is "a bad call right after a bad call". */
  readonly streakWindowDays: number;
  /** Minutes after the promised time that still count as on time. */
  readonly graceMinutes: number;
}

export const DEFAULT_VISIT_RULES: VisitRules = { repeatWindowDays: 30, streakWindowDays: 60, graceMinutes: 15 };

// Scoring, the checklist, the alert rules and the KPIs all read the same visits of an account on a
// date: each list is assessed once.
const visitsRemembered = rememberLast((workOrders: readonly WorkOrderFacts[]): readonly WorkOrderFacts[] => workOrders.filter((w) => w.status !== 'cancelled'));
const assessedRemembered = rememberLast(assess);

/** Work orders that were visits (not cancelled), oldest first. */
export function visitsOf(workOrders: readonly WorkOrderFacts[]): readonly WorkOrderFacts[] {
  return visitsRemembered(workOrders);
}

/** Work orders that were visits (not cancelled), oldest first, each with how it went. */
export function assessVisits(workOrders: readonly WorkOrderFacts[], asOf: string, rules: VisitRules = DEFAULT_VISIT_RULES): readonly VisitAssessment[] {
  return assessedRemembered(workOrders, asOf, rules);
}

function assess(workOrders: readonly WorkOrderFacts[], asOf: string, rules: VisitRules): VisitAssessment[] {
  const out: VisitAssessment[] = [];
  // Each date is read once: every visit is compared with the as-of date and with earlier visits.
  const asOfMs = toMs(asOf);
  const lastBreakFixByAsset = new Map<string, { visit: WorkOrderFacts; openedMs: number }>();
  let lastBad: VisitAssessment | null = null;
  let lastBadMs = 0;
  for (const visit of workOrders) {
    if (visit.status === 'cancelled') continue;
    const openedMs = toMs(visit.openedAt);
    const ageDays = (asOfMs - openedMs) / DAY_MS;
    const minutesLate =
      visit.arrivedAt && visit.promisedAt ? Math.max(0, (toMs(visit.arrivedAt) - toMs(visit.promisedAt)) / 60_000) : 0;
    const late = minutesLate > rules.graceMinutes;
    const notFixedFirstTime = visit.fixedFirstTime === false;
    const partsMissing = visit.partsMissing === true;
    const incomplete = visit.status === 'incomplete' && (visit.arrivedAt !== null || ageDays > 2);
    let repeatOf: WorkOrderFacts | null = null;
    let finishes: WorkOrderFacts | null = null;
    if (visit.type === 'break_fix' && visit.assetId) {
      const previous = lastBreakFixByAsset.get(visit.assetId);
      if (previous && (openedMs - previous.openedMs) / DAY_MS <= rules.repeatWindowDays) {
        if (previous.visit.fixedFirstTime === false || previous.visit.status === 'incomplete') finishes = previous.visit;
        else repeatOf = previous.visit;
      }
      lastBreakFixByAsset.set(visit.assetId, { visit, openedMs });
    }
    const bad = late || notFixedFirstTime || partsMissing || incomplete || repeatOf !== null;
    const end = visit.completedAt ?? visit.arrivedAt ?? visit.openedAt;
    const followedUp = bad && visit.followUpAt !== null && onOrBefore(visit.followUpAt, nextBusinessDayEnd(end));
    const afterBadCall = bad && lastBad && (openedMs - lastBadMs) / DAY_MS <= rules.streakWindowDays ? lastBad : null;
    const assessment: VisitAssessment = { visit, late, minutesLate, notFixedFirstTime, partsMissing, incomplete, repeatOf, finishes, bad, followedUp, afterBadCall, ageDays };
    if (bad) {
      lastBad = assessment;
      lastBadMs = openedMs;
    }
    out.push(assessment);
  }
  return out;
}

/**
 * The machine's breakdowns: break-fix calls, less the returns to finish a repair that was not
 * fixed first time (the same failure). Oldest first.
 */
export function breakdowns(workOrders: readonly WorkOrderFacts[], asOf: string, rules: VisitRules = DEFAULT_VISIT_RULES): WorkOrderFacts[] {
  return assessVisits(workOrders, asOf, rules)
    .filter((a) => a.visit.type === 'break_fix' && a.finishes === null)
    .map((a) => a.visit);
}

/** What went wrong, as a person would say it: "late and not fixed first time". */
export function whatWentWrong(a: VisitAssessment): string {
  const parts: string[] = [];
  if (a.late) parts.push(a.minutesLate >= 60 ? `${hours(a.minutesLate)} late` : 'late');
  if (a.notFixedFirstTime) parts.push('not fixed first time');
  if (a.partsMissing) parts.push('short of parts');
  if (a.incomplete) parts.push('left unfinished');
  if (a.repeatOf) parts.push('a repeat call');
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** "1 hour", "2½ hours": to the nearest half hour. */
function hours(minutes: number): string {
  const halves = Math.round(minutes / 30);
  const whole = Math.floor(halves / 2);
  const text = `${whole > 0 ? whole : ''}${halves % 2 === 1 ? '½' : ''}`;
  return `${text} ${halves === 2 ? 'hour' : 'hours'}`;
}

/** "SN-4471", or the site, or the work order: what a visit was about. */
export function visitSubject(visit: WorkOrderFacts): string {
  return visit.assetId ?? visit.site ?? visit.id;
}
