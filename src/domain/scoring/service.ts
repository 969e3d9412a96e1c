import type { AccountEvidence } from '../evidence';
import { daysBetween, decay, spokenDate } from '../dates';
import { assessVisits, visitSubject, whatWentWrong, type VisitAssessment } from '../visits';
import type { ScoringSettings } from './profile';
import { capitalise, noData, scored, topLosses, type PendingLoss, type RawComponent } from './component';

const TYPE_WEIGHT: Record<string, number> = { break_fix: 1, install: 0.6, preventive: 0.5, inspection: 0.4, other: 0.5 };

/** How a visit left the customer feeling, 0–100: 100 for on time and fixed, less for each thing that went wrong. */
export function impression(a: VisitAssessment): number {
  let x = 100;
  if (a.late) x -= a.minutesLate >= 120 ? 40 : 30;
  if (a.notFixedFirstTime) x -= 35;
  if (a.partsMissing) x -= 15;
  if (a.incomplete) x -= 30;
  if (a.repeatOf) x -= 25;
  x = Math.max(0, x);
  if (a.bad && a.followedUp) x = Math.min(100, x + 20);
  return x;
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

function label(a: VisitAssessment, isLast: boolean): string {
  const subject = visitSubject(a.visit);
  const date = spokenDate(a.visit.openedAt);
  let text: string;
  if (a.afterBadCall) {
    const gap = Math.max(1, Math.round(daysBetween(a.afterBadCall.visit.openedAt, a.visit.openedAt)));
    const bothLate = a.late && a.afterBadCall.late;
    text = bothLate
      ? `Second late visit in ${gap} days on ${subject} (${date})`
      : `Second bad call in ${gap} days: ${whatWentWrong(a)} on ${subject} (${date})`;
  } else if (a.repeatOf && !a.late && !a.notFixedFirstTime && !a.incomplete) {
    text = `Repeat call within ${Math.max(1, Math.round(daysBetween(a.repeatOf.openedAt, a.visit.openedAt)))} days on ${subject} (${date})`;
  } else {
    text = `${capitalise(whatWentWrong(a))} on ${subject} (${date})`;
  }
  if (isLast) text = `Most recent visit: ${text[0]!.toLowerCase()}${text.slice(1)}`;
  return `${text}${a.followedUp ? ', followed up the next business day' : ', not followed up'}`;
}

/**
 * Service experience: a memory of the visits. Each visit's impression counts by how much the
 * customer still remembers it; the score is the remembered average, and each bad visit's share of
 * what is missing from 100 is its loss.
 */
export function serviceComponent(evidence: AccountEvidence, asOf: string, settings: ScoringSettings): RawComponent {
  const visits = assessVisits(evidence.workOrders, asOf, settings.visits).filter((a) => a.visit.status !== null || a.visit.completedAt !== null || a.visit.arrivedAt !== null || a.bad);
  if (visits.length === 0) return noData('service', 'No visits on record');
  const weights = visits.map((a, i) => memoryWeight(a, i === visits.length - 1, settings));
  const total = weights.reduce((s, w) => s + w, 0);
  const losses: PendingLoss[] = [];
  let minorShare = 0;
  let minorCount = 0;
  visits.forEach((a, i) => {
    const share = (weights[i]! / total) * (100 - impression(a));
    if (share <= 0) return;
    if (a.bad) losses.push({ label: () => label(a, i === visits.length - 1), amount: share, ref: { type: 'work_order', id: a.visit.id } });
    else {
      minorShare += share;
      minorCount++;
    }
  });
  if (minorCount > 0) losses.push({ label: `${minorCount} other visits`, amount: minorShare, ref: null });
  const caveats: string[] = [];
  const lastVisit = visits.at(-1)!;
  if (lastVisit.ageDays > 180) caveats.push(`No visit since ${spokenDate(lastVisit.visit.openedAt)}`);
  const recent = visits.filter((a) => a.ageDays <= 365).length;
  if (recent < 3) caveats.push(`Only ${recent} ${recent === 1 ? 'visit' : 'visits'} in the last 12 months`);
  return scored('service', topLosses(losses, 8, (n) => `${n} smaller service issues`), caveats);
}
