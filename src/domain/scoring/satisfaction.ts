import type { AccountEvidence, SurveyFacts } from '../evidence';
import { DAY_MS, daysBetween, decay, spokenDate, toMs } from '../dates';
import { describeScore, isDetractor, loopClosed, responseScore } from '../surveys';
import type { ScoringSettings } from './profile';
import { noData, scored, topLosses, type PendingLoss, type RawComponent } from './component';

function responseWeight(s: SurveyFacts, score: number, asOfMs: number, settings: ScoringSettings): number {
  const m = settings.memory;
  const bad = score < 60 || isDetractor(s);
  let w = decay((asOfMs - toMs(s.respondedAt)) / DAY_MS, bad ? m.badHalfLifeDays : m.goodHalfLifeDays);
  if (bad) w *= m.badWeight;
  // A detractor someone called back counts less against us: the loop was closed.
  if (isDetractor(s) && loopClosed(s)) w *= m.closedLoopWeight;
  return w;
}

function label(s: SurveyFacts): string {
  const who = s.contact ? ` from ${s.contact}` : '';
  const base = `${describeScore(s)}${who} on ${spokenDate(s.respondedAt)}`;
  if (!isDetractor(s)) return base;
  return loopClosed(s) ? `${base}, called back within two days` : `${base}, nobody called back`;
}

/**
 * Satisfaction, from surveys alone: the remembered average of the responses' scores, bad ones
 * remembered longer and weighing more. Also the satisfaction figure shown beside loyalty.
 */
export function satisfactionComponent(evidence: AccountEvidence, asOf: string, settings: ScoringSettings): RawComponent {
  const responses = evidence.surveys.map((s) => ({ s, score: responseScore(s) })).filter((r): r is { s: SurveyFacts; score: number } => r.score !== null);
  if (responses.length === 0) return noData('satisfaction', evidence.surveys.length ? 'Survey comments, but no scores yet' : 'No survey response yet');
  const asOfMs = toMs(asOf);
  const weights = responses.map((r) => responseWeight(r.s, r.score, asOfMs, settings));
  const total = weights.reduce((a, b) => a + b, 0);
  const losses: PendingLoss[] = responses.map((r, i) => ({
    label: () => label(r.s),
    amount: (weights[i]! / total) * (100 - r.score),
    ref: { type: 'survey', id: r.s.id },
  }));
  const caveats: string[] = [];
  const last = responses.at(-1)!.s;
  if (daysBetween(last.respondedAt, asOf) > 365) caveats.push(`No survey response since ${spokenDate(last.respondedAt)}`);
  return scored('satisfaction', topLosses(losses, 6, (n) => `${n} other responses`), caveats);
}
