import type { AccountEvidence } from '../evidence';
import { decay } from '../dates';
import { assessVisits, type VisitAssessment } from '../visits';
import type { ScoringSettings } from './profile';

const TYPE_WEIGHT: Record<string, number> = { break_fix: 1, install: 0.6, preventive: 0.5, inspection: 0.4, other: 0.5 };

/**
 * The customer's memory of the visits on a date, as the service score reads it. A visit that went
 * well costs nothing, so those count only by their summed weight; the bad ones are the losses the
 * score names; the most recent visit weighs more, whichever it was. The service score needs no
 * more than this, whether it is worked out from every visit or kept as a running summary.
 */
export interface VisitMemory {
  /** The summed weight of the visits that went well, the most recent one excepted. */
  readonly goodWeight: number;
  /** The bad visits, oldest first, the most recent one excepted. */
  readonly bad: readonly VisitAssessment[];
  /** The most recent visit remembered. */
  readonly last: VisitAssessment;
  /** Visits remembered that were opened in the 365 days to the as-of date. */
  readonly inLastYear: number;
}

/** How much a visit weighs in the customer's memory on the as-of date. */
export function memoryWeight(a: VisitAssessment, isLast: boolean, settings: ScoringSettings): number {
  const m = settings.memory;
  let w = (TYPE_WEIGHT[a.visit.type] ?? 0.5) * decay(a.ageDays, a.bad ? m.badHalfLifeDays : m.goodHalfLifeDays);
  if (a.bad) w *= m.badWeight;
  if (a.afterBadCall) w *= m.streakWeight;
  if (isLast) w *= m.lastCallWeight;
  return w;
}

/** A visit leaves a memory once something happened on it; a bad one always does. */
function remembered(a: VisitAssessment): boolean {
  return a.visit.status !== null || a.visit.completedAt !== null || a.visit.arrivedAt !== null || a.bad;
}

/** The memory of an account's visits on a date; null when no visit is remembered. */
export function visitMemory(evidence: AccountEvidence, asOf: string, settings: ScoringSettings): VisitMemory | null {
  const visits = assessVisits(evidence.workOrders, asOf, settings.visits);
  let lastIndex = visits.length - 1;
  while (lastIndex >= 0 && !remembered(visits[lastIndex]!)) lastIndex--;
  if (lastIndex < 0) return null;
  let goodWeight = 0;
  let inLastYear = 0;
  const bad: VisitAssessment[] = [];
  for (let i = 0; i <= lastIndex; i++) {
    const a = visits[i]!;
    if (!remembered(a)) continue;
    if (a.ageDays <= 365) inLastYear++;
    if (i === lastIndex) continue;
    if (a.bad) bad.push(a);
    else goodWeight += memoryWeight(a, false, settings);
  }
  return { goodWeight, bad, last: visits[lastIndex]!, inLastYear };
}
