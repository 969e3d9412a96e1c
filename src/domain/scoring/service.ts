import type { AccountEvidence } from '../evidence';
import { daysBetween, spokenDate } from '../dates';
import { visitSubject, whatWentWrong, type VisitAssessment } from '../visits';
import { memoryWeight, visitMemory, type VisitMemory } from './visit-memory';
import type { ScoringSettings } from './profile';
import { capitalise, noData, scored, topLosses, type PendingLoss, type RawComponent } from './component';

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
 * what is missing from 100 is its loss (a visit that went well leaves nothing missing).
 */
export function serviceComponent(evidence: AccountEvidence, asOf: string, settings: ScoringSettings): RawComponent {
  const memory = visitMemory(evidence, asOf, settings);
  return memory ? serviceFromMemory(memory, settings) : noData('service', 'No visits on record');
}

export function serviceFromMemory(memory: VisitMemory, settings: ScoringSettings): RawComponent {
  const { bad, last } = memory;
  const badWeights = bad.map((a) => memoryWeight(a, false, settings));
  const lastWeight = memoryWeight(last, true, settings);
  let total = memory.goodWeight + lastWeight;
  for (const w of badWeights) total += w;
  const losses: PendingLoss[] = [];
  const lose = (a: VisitAssessment, weight: number, isLast: boolean): void => {
    const share = (weight / total) * (100 - impression(a));
    if (share > 0) losses.push({ label: () => label(a, isLast), amount: share, ref: { type: 'work_order', id: a.visit.id } });
  };
  bad.forEach((a, i) => lose(a, badWeights[i]!, false));
  lose(last, lastWeight, true);
  const caveats: string[] = [];
  if (last.ageDays > 180) caveats.push(`No visit since ${spokenDate(last.visit.openedAt)}`);
  const recent = memory.inLastYear;
  if (recent < 3) caveats.push(`Only ${recent} ${recent === 1 ? 'visit' : 'visits'} in the last 12 months`);
  return scored('service', topLosses(losses, 8, (n) => `${n} smaller service issues`), caveats);
}
