import type { SurveyFacts } from './evidence';
import { daysBetween } from './dates';

/**
 * One response on a 0–100 scale: NPS × 10, CSAT 1–5 and effort 1–7 stretched to it, averaged over
 * what the response has. Null for a comment without a score.
 */
export function responseScore(s: SurveyFacts): number | null {
  const parts: number[] = [];
  if (s.nps !== null) parts.push(s.nps * 10);
  if (s.csat !== null) parts.push(((s.csat - 1) / 4) * 100);
  if (s.ces !== null) parts.push(((s.ces - 1) / 6) * 100);
  if (parts.length === 0) return null;
  return parts.reduce((a, b) => a + b, 0) / parts.length;
}

/** NPS 0–6 or CSAT 1–2: a customer who would not recommend us. */
export function isDetractor(s: SurveyFacts): boolean {
  return (s.nps !== null && s.nps <= 6) || (s.csat !== null && s.csat <= 2);
}

export function isPromoter(s: SurveyFacts): boolean {
  return (s.nps !== null && s.nps >= 9) || (s.csat !== null && s.csat >= 5 && s.nps === null);
}

/** A detractor someone called back within `days` days: the loop was closed. */
export function loopClosed(s: SurveyFacts, days = 2): boolean {
  return s.followUpAt !== null && daysBetween(s.respondedAt, s.followUpAt) <= days;
}

/** "NPS 4", "CSAT 2 of 5", "NPS 9 and CSAT 5 of 5". */
export function describeScore(s: SurveyFacts): string {
  const parts: string[] = [];
  if (s.nps !== null) parts.push(`NPS ${s.nps}`);
  if (s.csat !== null) parts.push(`CSAT ${s.csat} of 5`);
  if (s.ces !== null) parts.push(`effort ${s.ces} of 7`);
  return parts.join(' and ') || 'a comment';
}
