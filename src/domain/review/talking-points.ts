import type { AccountEvidence } from '../evidence';
import type { BriefKpis, BriefSite, CoffeeItem, TalkingPoint } from '../../shared/review-types';
import type { ChecklistItemResult } from '../../shared/checklist-types';
import type { LoyaltyScore } from '../../shared/scoring-types';
import { daysBetween, spokenDate } from '../dates';
import { assessVisits, visitSubject, whatWentWrong } from '../visits';
import { describeScore, isDetractor, loopClosed } from '../surveys';

export interface TalkingPointInput {
  readonly view: AccountEvidence;
  readonly asOf: string;
  readonly score: LoyaltyScore;
  readonly kpis: BriefKpis;
  readonly installedBase: readonly BriefSite[];
  readonly coffeeList: readonly CoffeeItem[];
  readonly checklistGaps: readonly ChecklistItemResult[];
  readonly company: string;
}

const percent = (rate: number): string => `${Math.round(rate * 100)}%`;
const quote = (text: string): string => `“${text.length > 120 ? `${text.slice(0, 117)}…` : text}”`;

/**
 * What to say in the meeting, drawn from the evidence, most pressing first: the recommendations
 * nobody raised again, the calls that went wrong, the people nobody called back, the floors run by
 * someone else, the renewal, and what went well.
 */
export function talkingPoints(input: TalkingPointInput): TalkingPoint[] {
  const { view, asOf, kpis } = input;
  const points: TalkingPoint[] = [];

  for (const item of input.coffeeList.slice(0, 3)) {
    const on = item.assetId ? ` on ${item.assetId}` : '';
    const history =
      item.failedOn !== null
        ? `the machine failed on ${spokenDate(item.failedOn)} while it was still open`
        : item.revisitsWithoutReminder > 0
          ? `not mentioned on the ${item.revisitsWithoutReminder === 1 ? 'visit' : `${item.revisitsWithoutReminder} visits`} since`
          : `open ${item.daysOpen} days`;
    points.push({
      text: `Raise the open recommendation${on}: ${quote(item.text)} (made ${spokenDate(item.madeOn)}${item.madeBy ? ` by ${item.madeBy}` : ''}; ${history}). Ask for a decision.`,
      refs: [{ type: 'recommendation', id: item.recommendationId }],
    });
  }

  const recentBad = assessVisits(view.workOrders, asOf).filter((a) => a.bad && daysBetween(a.visit.openedAt, asOf) <= 90);
  if (recentBad.length > 0) {
    const latest = recentBad.at(-1)!;
    const unfollowed = recentBad.filter((a) => !a.followedUp).length;
    points.push({
      text:
        recentBad.length === 1
          ? `Acknowledge the visit on ${spokenDate(latest.visit.openedAt)} to ${visitSubject(latest.visit)} (${whatWentWrong(latest)}) and say what changed since.`
          : `Acknowledge ${recentBad.length} visits that went wrong in the last 90 days (latest: ${whatWentWrong(latest)} on ${visitSubject(latest.visit)}, ${spokenDate(latest.visit.openedAt)})${unfollowed ? `; ${unfollowed} had no follow-up` : ''}. Say what changed since.`,
      refs: recentBad.slice(-3).map((a) => ({ type: 'work_order' as const, id: a.visit.id })),
    });
  }

  const unheard = view.surveys.filter((s) => isDetractor(s) && !loopClosed(s) && daysBetween(s.respondedAt, asOf) <= 180);
  for (const s of unheard.slice(-2)) {
    points.push({
      text: `Follow up with ${s.contact ?? 'the respondent'} about ${describeScore(s)} on ${spokenDate(s.respondedAt)}${s.comment ? `: ${quote(s.comment)}` : ''}. Nobody called back.`,
      refs: [{ type: 'survey', id: s.id }],
    });
  }

  const renewal = view.account.renewalDate;
  if (renewal !== null) {
    const days = daysBetween(asOf, renewal);
    if (days >= 0 && days <= 120) points.push({ text: `The contract renews on ${spokenDate(renewal)} (in ${Math.round(days)} days): agree its scope in this meeting.`, refs: [{ type: 'account', id: view.account.id }] });
  }

  const othersBySite = input.installedBase
    .map((site) => ({ site, others: site.vendors.filter((v) => v.servicedBy !== 'us') }))
    .filter((s) => s.others.length > 0)
    .sort((a, b) => b.others.reduce((n, v) => n + v.quantity, 0) - a.others.reduce((n, v) => n + v.quantity, 0));
  const total = input.installedBase.reduce((n, s) => n + s.total, 0);
  const ours = input.installedBase.reduce((n, s) => n + s.ours, 0);
  if (othersBySite.length > 0 && total > 0) {
    const top = othersBySite[0]!;
    const quantity = top.others.reduce((n, v) => n + v.quantity, 0);
    const satisfied = input.score.satisfaction !== null && input.score.satisfaction >= 75;
    const selfMaintained = top.others.every((v) => v.servicedBy === 'self');
    const ask = selfMaintained
      ? `their own staff look after them: offer to take that off their hands`
      : `who services them, how it is going, when that contract ends`;
    points.push({
      text: `${satisfied ? `They rate us well (satisfaction ${Math.round(input.score.satisfaction!)}), but we` : 'We'} service ${ours} of ${total} machines (${percent(ours / total)}). Ask about the ${quantity} ${top.others.map((v) => v.vendor).join(' and ')} machines at ${top.site.site}: ${ask}.`,
      refs: [{ type: 'site', id: top.site.site }],
    });
  }

  const overUsed = view.assets.filter((a) => a.ratedMonthlyVolume !== null && a.actualMonthlyVolume !== null && a.actualMonthlyVolume > a.ratedMonthlyVolume);
  if (overUsed.length > 0) {
    const a = overUsed[0]!;
    points.push({
      text: `${a.id}${a.location ? ` (${a.location})` : ''} runs at ${percent(a.actualMonthlyVolume! / a.ratedMonthlyVolume!)} of its rated volume${overUsed.length > 1 ? `, and ${overUsed.length - 1} more machines run over theirs` : ''}: suggest a machine sized for the work.`,
      refs: overUsed.slice(0, 3).map((x) => ({ type: 'asset' as const, id: x.id })),
    });
  }

  for (const gap of input.checklistGaps.filter((g) => g.kind === 'manual').slice(0, 2)) {
    const ask = gap.ask ?? `Confirm: ${gap.text[0]!.toLowerCase()}${gap.text.slice(1)}`;
    points.push({ text: `${ask}${gap.status === 'expired' ? ' (last confirmed too long ago)' : ''}.`, refs: [{ type: 'checklist_item', id: gap.id }] });
  }

  if (kpis.firstTimeFixRate !== null && kpis.firstTimeFixRate >= 0.85 && kpis.onTimeArrivalRate !== null && kpis.onTimeArrivalRate >= 0.9) {
    points.push({ text: `Share what went well: over the last year ${percent(kpis.onTimeArrivalRate)} of visits arrived on time and ${percent(kpis.firstTimeFixRate)} of repairs were fixed first time.`, refs: [] });
  }
  return points;
}
