import type { AccountEvidence } from '../evidence';
import type { ChecklistResult } from '../../shared/checklist-types';
import { daysBetween, spokenDate } from '../dates';
import { recommendationStates } from '../recommendations';
import { visitsOf } from '../visits';
import { noData, scored, type Loss, type RawComponent } from './component';

const lowerFirst = (text: string): string => (text ? text[0]!.toLowerCase() + text.slice(1) : text);

/** Share of the component the checklist carries; unaddressed recommendations can cost the rest. */
const CHECKLIST_SHARE = 70;
const RECOMMENDATIONS_CAP = 40;

/**
 * A recommendation left open costs more with each visit that did not remind the customer of it,
 * approaching 20 points and never standing still.
 */
export function unaddressedCost(revisitsWithoutReminder: number, daysOpen: number): number {
  const fromRevisits = 20 * (1 - Math.pow(0.7, revisitsWithoutReminder + 1));
  return fromRevisits + Math.min(5, Math.max(0, daysOpen - 30) / 30);
}

/**
 * Partnership: the checklist items done and not expired (the manual ones once the account manager
 * works the checklist for this account), and recommendations left unaddressed, worse with every
 * visit that did not remind the customer.
 */
export function partnershipComponent(evidence: AccountEvidence, asOf: string, checklist: ChecklistResult): RawComponent {
  const applicable = checklist.items.filter((i) => i.status !== 'not_applicable' && (i.kind === 'derived' || checklist.manualAssessed));
  const open = recommendationStates(evidence.recommendations, visitsOf(evidence.workOrders)).filter((s) => s.status === 'open' && (s.revisitsWithoutReminder.length > 0 || daysBetween(s.recommendation.madeAt, asOf) > 30));
  if (applicable.length === 0 && open.length === 0) return noData('partnership', 'Nothing to judge the partnership by yet');

  const losses: Loss[] = [];
  for (const item of applicable) {
    if (item.status === 'done') continue;
    // A derived item's evidence says what is missing; a manual one is the account manager's to confirm.
    const label =
      item.kind === 'derived' && item.evidence
        ? item.evidence.summary
        : item.status === 'expired'
          ? `No longer confirmed (expired${item.evidence?.expiresOn ? ` ${spokenDate(item.evidence.expiresOn)}` : ''}): ${lowerFirst(item.text)}`
          : `Not confirmed: ${lowerFirst(item.text)}`;
    losses.push({ label, amount: CHECKLIST_SHARE / applicable.length, ref: { type: 'checklist_item', id: item.id } });
  }
  const recommendationLosses = open.map((s) => {
    const n = s.revisitsWithoutReminder.length;
    const days = Math.round(daysBetween(s.recommendation.madeAt, asOf));
    const since = n === 0 ? `open ${days} days` : `${n} ${n === 1 ? 'visit' : 'visits'} since without a reminder`;
    return {
      label: `"${s.recommendation.text}"${s.recommendation.assetId ? ` on ${s.recommendation.assetId}` : ''} (${spokenDate(s.recommendation.madeAt)}): ${since}`,
      amount: unaddressedCost(n, days),
      ref: { type: 'recommendation' as const, id: s.recommendation.id },
    };
  });
  const recommendationTotal = recommendationLosses.reduce((s, l) => s + l.amount, 0);
  const scale = recommendationTotal > RECOMMENDATIONS_CAP ? RECOMMENDATIONS_CAP / recommendationTotal : 1;
  for (const l of recommendationLosses) losses.push({ ...l, amount: l.amount * scale });

  const caveats = checklist.manualAssessed ? [] : ['The partnership checklist has not been worked for this account'];
  return scored('partnership', losses, caveats);
}
