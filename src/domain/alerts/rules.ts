import type { AccountEvidence, AssetFacts, RecommendationFacts, SurveyFacts, WorkOrderFacts } from '../evidence';
import type { Severity } from '../../shared/kinds';
import { BAND_LABEL, bandOf, type Driver, type EvidenceRef, type LoyaltyScore } from '../../shared/scoring-types';
import { addDays, dayOf, daysBetween, nextBusinessDayEnd, spokenDate } from '../dates';
import { assessVisits, breakdowns, DEFAULT_VISIT_RULES, visitsOf, visitSubject, whatWentWrong, type VisitAssessment, type VisitRules } from '../visits';
import { isLaterVisit, recommendationStates, type RecommendationState } from '../recommendations';
import { describeScore, isDetractor } from '../surveys';
import { servicer } from '../scoring/footprint';
import type { AlertThresholds } from './thresholds';
import { daysSince, daysUntil } from './day-counts';

// The alert rules of DOMAIN.md: each turns the evidence of one account on a date into candidates,
// one per condition, with an id that stays the same on every run while the condition is the same.

export const ALERT_RULES = [
  'unaddressed_recommendation',
  'fix_or_replace',
  'bad_call_no_follow_up',
  'detractor_no_follow_up',
  'footprint_loss',
  'renewal_at_risk',
  'silent_account',
  'score_drop',
  'buying_signal',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];
export type AlertSeverity = Severity;

export interface AlertInput {
  /** Already `asOfView(…, asOf)`. */
  readonly view: AccountEvidence;
  readonly asOf: string;
  readonly score: LoyaltyScore;
  /** Loyalty `thresholds.scoreDrop.days` before `asOf`, where a score was kept then. */
  readonly loyaltyThirtyDaysAgo: number | null;
  readonly thresholds: AlertThresholds;
  /** Our brand, for telling our machines from the competitors' where the file does not say. */
  readonly ownVendor: string | null;
  /** What makes a call late or a repeat, as the score judges it (default DEFAULT_VISIT_RULES). */
  readonly visitRules?: VisitRules;
}

export interface AlertCandidate {
  /** Stable: the same condition gives the same id on every run (`rule:account[:subject]`). */
  readonly id: string;
  readonly rule: AlertRule;
  readonly accountId: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly severity: AlertSeverity;
  readonly title: string;
  readonly detail: string;
  /** YYYY-MM-DD: the day the condition began. */
  readonly raisedAt: string;
  readonly refs: EvidenceRef[];
}

interface Context {
  readonly input: AlertInput;
  readonly view: AccountEvidence;
  readonly asOf: string;
  readonly t: AlertThresholds;
  readonly accountId: string;
  /** Work orders that were visits (not cancelled), oldest first. */
  readonly visits: readonly WorkOrderFacts[];
  readonly assetsById: ReadonlyMap<string, AssetFacts>;
}

export function evaluateAlerts(input: AlertInput): AlertCandidate[] {
  const ctx = contextOf(input);
  const machines = machineFindings(ctx);
  return [
    ...unaddressedRecommendations(ctx),
    ...fixOrReplace(ctx, machines),
    ...badCallsWithoutFollowUp(ctx),
    ...detractorsWithoutFollowUp(ctx),
    ...footprintLoss(ctx),
    ...renewalAtRisk(ctx),
    ...silentAccount(ctx),
    ...scoreDrop(ctx),
    ...buyingSignal(ctx, machines),
  ];
}

function contextOf(input: AlertInput): Context {
  return {
    input,
    view: input.view,
    asOf: input.asOf,
    t: input.thresholds,
    accountId: input.view.account.id,
    visits: visitsOf(input.view.workOrders),
    assetsById: new Map(input.view.assets.map((a) => [a.id, a])),
  };
}

export function alertId(rule: AlertRule, accountId: string, subjectId: string | null = null): string {
  return subjectId === null ? `${rule}:${accountId}` : `${rule}:${accountId}:${subjectId}`;
}

// ---------------------------------------------------------------------------------------------
// Unaddressed recommendation

function unaddressedRecommendations(ctx: Context): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  for (const state of recommendationStates(ctx.view.recommendations, ctx.visits)) {
    const recommendation = state.recommendation;
    if (state.status !== 'open') continue;
    const daysOpen = daysBetween(dayOf(recommendation.madeAt), ctx.asOf);
    const unaddressed = daysOpen > ctx.t.unaddressedRecommendation.openDays || state.revisitsWithoutReminder.length > 0 || state.failure !== null;
    if (unaddressed) out.push(recommendationAlert(ctx, state));
  }
  return out;
}

function recommendationSeverity(ctx: Context, state: RecommendationState): AlertSeverity {
  const t = ctx.t.unaddressedRecommendation;
  if (state.failure) return 'critical';
  if (state.revisitsWithoutReminder.length >= t.revisitsForHigh) return 'high';
  if (daysBetween(state.lastHeardOn, ctx.asOf) >= t.daysSinceHeardForHigh) return 'high';
  return 'medium';
}

function recommendationAlert(ctx: Context, state: RecommendationState): AlertCandidate {
  const r = state.recommendation;
  const severity = recommendationSeverity(ctx, state);
  const origin = originVisit(ctx, r);
  const failure = state.failure;
  // Once the machine failed, what counts is how many visits kept quiet before it did.
  const silent = failure ? state.revisitsWithoutReminder.filter((v) => v.openedAt < failure.openedAt) : state.revisitsWithoutReminder;
  const subject = `${quote(r.text)}${r.assetId ? ` on ${r.assetId}` : ''}`;
  const silence = silencePhrase(state, silent, origin?.technician ?? null);
  let title: string;
  if (failure) {
    const failed = `the ${machineWord(findAsset(ctx, r.assetId))} failed on ${spokenDate(failure.openedAt)}`;
    title = silence ? `${subject} ${silence} — ${failed}` : `${subject} was still open when ${failed}`;
  } else if (silence && (severity === 'medium' || silent.length >= ctx.t.unaddressedRecommendation.revisitsForHigh)) {
    title = `${subject} ${silence}`;
  } else if (severity === 'high') {
    title = `${subject}: the customer last heard of it on ${spokenDate(state.lastHeardOn)}, ${daysSince(state.lastHeardOn)} ago`;
  } else {
    title = `${subject} open ${daysSince(dayOf(r.madeAt))} without the customer's decision`;
  }
  return {
    id: alertId('unaddressed_recommendation', ctx.accountId, r.id),
    rule: 'unaddressed_recommendation',
    accountId: ctx.accountId,
    subjectType: 'recommendation',
    subjectId: r.id,
    severity,
    title,
    detail: recommendationDetail(ctx, state, silent, origin),
    raisedAt: recommendationRaisedAt(ctx, r),
    refs: uniqueRefs([
      { type: 'recommendation', id: r.id },
      ...(r.assetId ? [assetRef(r.assetId)] : []),
      ...(origin ? [workOrderRef(origin.id)] : []),
      ...state.revisitsWithoutReminder.map((v) => workOrderRef(v.id)),
      ...(state.failure ? [workOrderRef(state.failure.id)] : []),
    ]),
  };
}

/** "never mentioned on 3 later visits by Dan Ortiz, who made it"; null when every visit reminded. */
function silencePhrase(state: RecommendationState, silent: readonly WorkOrderFacts[], maker: string | null): string | null {
  if (silent.length === 0) return null;
  const technicians = [...new Set(silent.map((v) => v.technician).filter((n): n is string => n !== null))];
  const only = silent.every((v) => v.technician !== null) && technicians.length === 1 ? technicians[0]! : null;
  const by = only === null ? '' : only === maker ? ` by ${only}, who made it` : ` by ${only}`;
  const lastReminder = state.reminders.at(-1);
  if (lastReminder) return `not mentioned on ${plural(silent.length, 'visit')}${by} since the reminder of ${spokenDate(lastReminder.on)}`;
  if (silent.length === 1) return `not mentioned at the visit of ${spokenDate(silent[0]!.openedAt)}${by}`;
  return `never mentioned on ${silent.length} later visits${by}`;
}

function recommendationDetail(ctx: Context, state: RecommendationState, silent: readonly WorkOrderFacts[], origin: WorkOrderFacts | null): string {
  const r = state.recommendation;
  const asset = r.assetId ? ` for ${describeAsset(ctx, r.assetId)}` : '';
  const signed = origin?.customerSigned ? ', signed by the customer' : r.customerAcknowledged ? ', acknowledged by the customer' : '';
  const where = origin ? ` (work order ${origin.id}${signed})` : signed ? ` (${signed.slice(2)})` : '';
  const made = origin?.technician ? `${origin.technician} recommended ${quote(r.text)}` : `${quote(r.text)} was recommended`;
  const sentences = [`${made}${asset} on ${spokenDate(r.madeAt)}${where}.`];
  const lastReminder = state.reminders.at(-1);
  sentences.push(
    lastReminder
      ? `The customer was last reminded on ${spokenDate(lastReminder.on)}, ${daysSince(state.lastHeardOn)} ago, and has not decided.`
      : `The customer has not been reminded since it was made, ${daysSince(state.lastHeardOn)} ago, and has not decided.`,
  );
  if (silent.length > 0) {
    const list = silent.map((v) => `${spokenDate(v.openedAt)}${v.technician ? ` (${v.technician})` : ''}`);
    const when = state.failure ? 'before the failure' : 'since';
    sentences.push(`${capitalise(plural(silent.length, 'visit'))} ${when} did not mention it: ${listSome(list, 6)}.`);
  }
  if (state.failure) {
    sentences.push(`The ${machineWord(findAsset(ctx, r.assetId))} broke down on ${spokenDate(state.failure.openedAt)} (work order ${state.failure.id}): the failure the customer had been warned of.`);
    sentences.push('Call the customer before they call us: own the conversation.');
  } else {
    sentences.push('Raise it at the next visit or over a cup of coffee, and log the reminder.');
  }
  return sentences.join(' ');
}

/** The condition began when a later visit first failed to remind, or when it passed the open limit. */
function recommendationRaisedAt(ctx: Context, r: RecommendationFacts): string {
  const made = dayOf(r.madeAt);
  const openLimit = addDays(made, ctx.t.unaddressedRecommendation.openDays + 1);
  const firstSilentVisit = ctx.visits.find((v) => isLaterVisit(r, v) && !v.remindedIds.includes(r.id));
  const first = firstSilentVisit ? dayOf(firstSilentVisit.openedAt) : openLimit;
  const start = first < openLimit ? first : openLimit;
  return start < ctx.asOf ? start : ctx.asOf;
}

function originVisit(ctx: Context, r: RecommendationFacts): WorkOrderFacts | null {
  const id = r.workOrderId ?? (r.origin === 'work_order' ? r.id : null);
  return id === null ? null : ctx.view.workOrders.find((w) => w.id === id) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Fix or replace, and the buying signals of the same machines

type MachineReasonKind = 'breakdowns' | 'repair_cost' | 'over_use' | 'off_warranty_time_and_materials';

interface MachineReason {
  readonly kind: MachineReasonKind;
  /** The day the reason began to hold. */
  readonly since: string;
  /** Fits in a title after the machine's name: "broke down 4 times in 180 days". */
  readonly phrase: string;
  readonly sentence: string;
  readonly refs: readonly EvidenceRef[];
}

interface MachineFinding {
  readonly assetId: string;
  readonly asset: AssetFacts | null;
  readonly reasons: readonly MachineReason[];
}

const FIX_OR_REPLACE_REASONS: ReadonlySet<MachineReasonKind> = new Set(['breakdowns', 'repair_cost', 'over_use']);

function machineFindings(ctx: Context): MachineFinding[] {
  const breakFixByAsset = new Map<string, WorkOrderFacts[]>(ctx.view.assets.map((a) => [a.id, []]));
  for (const v of ctx.visits) {
    if (v.type !== 'break_fix' || !v.assetId) continue;
    const list = breakFixByAsset.get(v.assetId);
    if (list) list.push(v);
    else breakFixByAsset.set(v.assetId, [v]);
  }
  // A return to finish an unfixed repair is the same failure: it is not another breakdown.
  const failuresByAsset = new Map<string, WorkOrderFacts[]>();
  for (const v of breakdowns(ctx.view.workOrders, ctx.asOf, ctx.input.visitRules)) {
    if (!v.assetId) continue;
    const list = failuresByAsset.get(v.assetId);
    if (list) list.push(v);
    else failuresByAsset.set(v.assetId, [v]);
  }
  const findings: MachineFinding[] = [];
  for (const [assetId, breakFix] of breakFixByAsset) {
    const asset = findAsset(ctx, assetId);
    const reasons = [
      repeatedBreakdowns(ctx, assetId, failuresByAsset.get(assetId) ?? []),
      repairCost(ctx, assetId, asset, breakFix),
      overUse(ctx, asset),
      offWarrantyOnTimeAndMaterials(ctx, asset),
    ].filter((r): r is MachineReason => r !== null);
    if (reasons.length > 0) findings.push({ assetId, asset, reasons });
  }
  return findings;
}

function repeatedBreakdowns(ctx: Context, assetId: string, breakFix: readonly WorkOrderFacts[]): MachineReason | null {
  const { breakFixCalls, breakFixWindowDays } = ctx.t.fixOrReplace;
  const days = breakFix.map((v) => dayOf(v.openedAt)).sort();
  const since = heldSince(days, breakFixCalls, breakFixWindowDays, ctx.asOf);
  if (since === null) return null;
  const recent = breakFix.filter((v) => daysBetween(dayOf(v.openedAt), ctx.asOf) <= breakFixWindowDays);
  return {
    kind: 'breakdowns',
    since,
    phrase: `broke down ${recent.length} times in ${breakFixWindowDays} days`,
    sentence: `${assetId} broke down ${recent.length} times in the last ${breakFixWindowDays} days (${recent.map((v) => spokenDate(v.openedAt)).join(', ')}).`,
    refs: recent.map((v) => workOrderRef(v.id)),
  };
}

/**
 * The day from which `need` events have fallen within `windowDays` of each day without a break, or
 * null when that does not hold on `asOf`. `days` are sorted.
 */
function heldSince(days: readonly string[], need: number, windowDays: number, asOf: string): string | null {
  let start: string | null = null;
  let end = '';
  for (let i = Math.max(0, need - 1); i < days.length; i++) {
    const opens = days[i]!;
    const closes = addDays(days[i - need + 1] ?? opens, windowDays);
    if (start === null || end < opens) start = opens;
    if (closes > end) end = closes;
  }
  return start !== null && end >= asOf ? start : null;
}

function repairCost(ctx: Context, assetId: string, asset: AssetFacts | null, breakFix: readonly WorkOrderFacts[]): MachineReason | null {
  const t = ctx.t.fixOrReplace;
  const billed = breakFix.filter((v) => v.billedAmount !== null && v.billedAmount > 0 && daysBetween(dayOf(v.openedAt), ctx.asOf) <= t.repairCostWindowDays);
  if (billed.length === 0) return null;
  const value = replacementValue(ctx, asset);
  const limit = value * t.repairCostShare;
  let total = 0;
  let since: string | null = null;
  for (const v of billed) {
    total += v.billedAmount!;
    if (since === null && total > limit) since = dayOf(v.openedAt);
  }
  if (since === null) return null;
  const share = Math.round((100 * total) / value);
  return {
    kind: 'repair_cost',
    since,
    phrase: `cost ${money(total)} in repairs in ${months(t.repairCostWindowDays)}, ${share}% of its replacement value`,
    sentence: `Repairs on ${assetId} were billed ${money(total)} over the last ${months(t.repairCostWindowDays)} (${plural(billed.length, 'call')}), ${share}% of the ${money(value)} it would cost to replace.`,
    refs: billed.map((v) => workOrderRef(v.id)),
  };
}

function replacementValue(ctx: Context, asset: AssetFacts | null): number {
  const t = ctx.t.fixOrReplace;
  const category = asset?.category?.toLowerCase() ?? null;
  const byCategory = Object.entries(t.replacementValueByCategory).find(([name]) => name.toLowerCase() === category)?.[1];
  return (byCategory ?? t.defaultReplacementValue) * Math.max(1, asset?.quantity ?? 1);
}

function overUse(ctx: Context, asset: AssetFacts | null): MachineReason | null {
  if (!asset || asset.actualMonthlyVolume === null || asset.ratedMonthlyVolume === null || asset.ratedMonthlyVolume <= 0) return null;
  if (asset.actualMonthlyVolume <= asset.ratedMonthlyVolume * ctx.t.fixOrReplace.usageOverRatedRatio) return null;
  const percent = Math.round((100 * asset.actualMonthlyVolume) / asset.ratedMonthlyVolume);
  return {
    kind: 'over_use',
    since: earlier(asset.asOf ?? ctx.asOf, ctx.asOf),
    phrase: `runs at ${percent}% of its rated volume`,
    sentence: `${asset.id} runs ${count(asset.actualMonthlyVolume)} a month against a rated ${count(asset.ratedMonthlyVolume)} (${percent}%).`,
    refs: [assetRef(asset.id)],
  };
}

/** A passive buying signal: our machine, out of warranty, and the customer pays for every call. */
function offWarrantyOnTimeAndMaterials(ctx: Context, asset: AssetFacts | null): MachineReason | null {
  if (!asset || asset.warrantyEnd === null || asset.warrantyEnd >= ctx.asOf) return null;
  const coverage = asset.coverage ?? (ctx.view.account.contractType === 'time_and_materials' ? 'time_and_materials' : null);
  if (coverage !== 'time_and_materials' || servicer(asset, ctx.input.ownVendor) !== 'us') return null;
  return {
    kind: 'off_warranty_time_and_materials',
    since: addDays(asset.warrantyEnd, 1),
    phrase: `off warranty since ${spokenDate(asset.warrantyEnd)} and paying time and materials`,
    sentence: `${asset.id} came off warranty on ${spokenDate(asset.warrantyEnd)} and the customer pays time and materials for every call.`,
    refs: [assetRef(asset.id)],
  };
}

/** The first reason, and how many more there are: a title stays short, the detail lists them all. */
function headline(reasons: readonly MachineReason[]): string {
  const more = reasons.length - 1;
  return `${reasons[0]!.phrase}${more > 0 ? ` (and ${plural(more, 'more sign')})` : ''}`;
}

function fixOrReplace(ctx: Context, machines: readonly MachineFinding[]): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  for (const machine of machines) {
    const reasons = machine.reasons.filter((r) => FIX_OR_REPLACE_REASONS.has(r.kind));
    if (reasons.length === 0) continue;
    out.push({
      id: alertId('fix_or_replace', ctx.accountId, machine.assetId),
      rule: 'fix_or_replace',
      accountId: ctx.accountId,
      subjectType: 'asset',
      subjectId: machine.assetId,
      severity: 'medium',
      title: `${machine.assetId} ${headline(reasons)}: time to talk about replacing it`,
      detail: [
        `${capitalise(describeAsset(ctx, machine.assetId))}.`,
        ...reasons.map((r) => r.sentence),
        'Its service history says replace rather than fix: bring the numbers to the customer.',
      ].join(' '),
      raisedAt: earliest(reasons.map((r) => r.since)),
      refs: uniqueRefs([assetRef(machine.assetId), ...reasons.flatMap((r) => r.refs)]),
    });
  }
  return out;
}

function buyingSignal(ctx: Context, machines: readonly MachineFinding[]): AlertCandidate[] {
  if (machines.length === 0) return [];
  const ids = machines.map((m) => m.assetId);
  const first = machines[0]!;
  const title =
    machines.length === 1
      ? `Buying signal: ${first.assetId} ${headline(first.reasons)}`
      : `Buying signal: ${machines.length} machines to talk about replacing or covering (${listSome(ids, 4)})`;
  const lines = machines.map((m) => `${capitalise(describeAsset(ctx, m.assetId))}: ${m.reasons.map((r) => r.phrase).join('; ')}.`);
  return [
    {
      id: alertId('buying_signal', ctx.accountId),
      rule: 'buying_signal',
      accountId: ctx.accountId,
      subjectType: 'account',
      subjectId: ctx.accountId,
      severity: 'low',
      title,
      detail: [...lines, 'An opportunity rather than a risk: a replacement, an upgrade or a service contract.'].join(' '),
      raisedAt: earliest(machines.flatMap((m) => m.reasons.map((r) => r.since))),
      refs: uniqueRefs(machines.flatMap((m) => [assetRef(m.assetId), ...m.reasons.flatMap((r) => r.refs)])),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Bad call without follow-up

function badCallsWithoutFollowUp(ctx: Context): AlertCandidate[] {
  const rules = { ...(ctx.input.visitRules ?? DEFAULT_VISIT_RULES), streakWindowDays: ctx.t.badCall.secondBadCallDays };
  const out: AlertCandidate[] = [];
  for (const a of assessVisits(ctx.view.workOrders, ctx.asOf, rules)) {
    // Any follow-up on record, even a late one, means someone has called back: nothing left to do.
    if (!a.bad || a.visit.followUpAt !== null) continue;
    if (daysBetween(dayOf(a.visit.openedAt), ctx.asOf) > ctx.t.badCall.lookbackDays) continue;
    const deadline = dayOf(nextBusinessDayEnd(a.visit.completedAt ?? a.visit.arrivedAt ?? a.visit.openedAt));
    if (deadline >= ctx.asOf) continue;
    out.push(badCallAlert(ctx, a, deadline));
  }
  return out;
}

function badCallAlert(ctx: Context, a: VisitAssessment, deadline: string): AlertCandidate {
  const v = a.visit;
  const what = whatWentWrong(a);
  const subject = visitSubject(v);
  const previous = a.afterBadCall?.visit ?? null;
  const gap = previous ? Math.round(daysBetween(dayOf(previous.openedAt), dayOf(v.openedAt))) : 0;
  const title = previous
    ? `Second bad call in ${plural(gap, 'day')} and nobody called back: ${subject} on ${spokenDate(v.openedAt)} (${what})`
    : `Nobody called back after the bad call on ${subject} on ${spokenDate(v.openedAt)} (${what})`;
  const sentences = [
    `The visit${v.technician ? ` by ${v.technician}` : ''} to ${subject} on ${spokenDate(v.openedAt)} (work order ${v.id}) was ${what}.`,
    `Nobody followed up by the end of ${spokenDate(deadline)}, the next business day.`,
  ];
  if (previous) {
    sentences.push(`It came ${plural(gap, 'day')} after the bad call of ${spokenDate(previous.openedAt)} on ${visitSubject(previous)} (work order ${previous.id}): the worst time for a bad call is right after the last one.`);
  }
  sentences.push('Call the customer now.');
  return {
    id: alertId('bad_call_no_follow_up', ctx.accountId, v.id),
    rule: 'bad_call_no_follow_up',
    accountId: ctx.accountId,
    subjectType: 'work_order',
    subjectId: v.id,
    severity: previous ? 'high' : 'medium',
    title,
    detail: sentences.join(' '),
    raisedAt: addDays(deadline, 1),
    refs: uniqueRefs([workOrderRef(v.id), ...(v.assetId ? [assetRef(v.assetId)] : []), ...(previous ? [workOrderRef(previous.id)] : [])]),
  };
}

// ---------------------------------------------------------------------------------------------
// Detractor without follow-up

function detractorsWithoutFollowUp(ctx: Context): AlertCandidate[] {
  const { followUpDays, lookbackDays } = ctx.t.detractor;
  return ctx.view.surveys
    .filter((s) => isDetractor(s) && s.followUpAt === null)
    .filter((s) => {
      const age = daysBetween(s.respondedAt, ctx.asOf);
      return age > followUpDays && age <= lookbackDays;
    })
    .map((s) => detractorAlert(ctx, s));
}

function detractorAlert(ctx: Context, s: SurveyFacts): AlertCandidate {
  const { followUpDays } = ctx.t.detractor;
  const who = s.contact ?? 'A customer';
  const visit = s.workOrderId ? ctx.view.workOrders.find((w) => w.id === s.workOrderId) ?? null : null;
  const sentences = [endSentence(`${who} answered ${describeScore(s)} on ${spokenDate(s.respondedAt)}${s.comment ? `: ${quote(s.comment, 200)}` : ''}`)];
  if (visit) sentences.push(`It was about the visit of ${spokenDate(visit.openedAt)} to ${visitSubject(visit)} (work order ${visit.id}${visit.technician ? `, ${visit.technician}` : ''}).`);
  sentences.push(`No call back is on record after ${daysSince(s.respondedAt)}; a detractor should hear from us within ${plural(followUpDays, 'day')}.`);
  return {
    id: alertId('detractor_no_follow_up', ctx.accountId, s.id),
    rule: 'detractor_no_follow_up',
    accountId: ctx.accountId,
    subjectType: 'survey',
    subjectId: s.id,
    severity: 'high',
    title: `${who} gave ${describeScore(s)} on ${spokenDate(s.respondedAt)} and nobody has called back`,
    detail: sentences.join(' '),
    raisedAt: addDays(dayOf(s.respondedAt), followUpDays + 1),
    refs: uniqueRefs([{ type: 'survey', id: s.id }, ...(s.workOrderId ? [workOrderRef(s.workOrderId)] : [])]),
  };
}

// ---------------------------------------------------------------------------------------------
// Footprint loss

interface FootprintReason {
  readonly since: string;
  readonly sentence: string;
  readonly refs: readonly EvidenceRef[];
}

function footprintLoss(ctx: Context): AlertCandidate[] {
  const reasons = [shareDropped(ctx), newCompetitors(ctx), consolidationRisk(ctx)].filter((r): r is FootprintReason => r !== null);
  if (reasons.length === 0) return [];
  const first = reasons[0]!;
  return [
    {
      id: alertId('footprint_loss', ctx.accountId),
      rule: 'footprint_loss',
      accountId: ctx.accountId,
      subjectType: 'account',
      subjectId: ctx.accountId,
      severity: 'medium',
      title: withoutStop(first.sentence),
      detail: [...reasons.map((r) => r.sentence), 'Find out who decides on the other machines, and what it would take to win them.'].join(' '),
      raisedAt: earliest(reasons.map((r) => r.since)),
      refs: uniqueRefs([accountRef(ctx.accountId), ...reasons.flatMap((r) => r.refs)]),
    },
  ];
}

function shareDropped(ctx: Context): FootprintReason | null {
  const now = ctx.view.footprint.at(-1);
  const before = ctx.view.footprint.at(-2);
  if (!now || !before) return null;
  const shareNow = now.totalQuantity > 0 ? now.ourQuantity / now.totalQuantity : 0;
  const shareBefore = before.totalQuantity > 0 ? before.ourQuantity / before.totalQuantity : 0;
  if (shareBefore - shareNow <= ctx.t.footprintLoss.shareDrop) return null;
  return {
    since: dayOf(now.recordedOn),
    sentence: `Our share of the installed base fell from ${percent(shareBefore)} to ${percent(shareNow)} between the counts of ${spokenDate(before.recordedOn)} and ${spokenDate(now.recordedOn)}.`,
    refs: [],
  };
}

function newCompetitors(ctx: Context): FootprintReason | null {
  const now = ctx.view.footprint.at(-1);
  const before = ctx.view.footprint.at(-2);
  if (!now || !before) return null;
  const known = new Set(before.vendors.map((v) => v.toLowerCase()));
  const own = ctx.input.ownVendor?.toLowerCase() ?? null;
  const newcomers = now.vendors.filter((v) => !known.has(v.toLowerCase()) && v.toLowerCase() !== own);
  if (newcomers.length === 0) return null;
  const lowered = new Set(newcomers.map((v) => v.toLowerCase()));
  const theirAssets = ctx.view.assets.filter((a) => lowered.has(a.vendor.toLowerCase()));
  return {
    since: dayOf(now.recordedOn),
    sentence:
      newcomers.length === 1
        ? `A new competitor appeared in the installed base counted on ${spokenDate(now.recordedOn)}: ${newcomers[0]!}${wherePlaced(theirAssets)}.`
        : `New competitors appeared in the installed base counted on ${spokenDate(now.recordedOn)}: ${joinAnd(newcomers)}${wherePlaced(theirAssets)}.`,
    refs: theirAssets.slice(0, 5).map((a) => assetRef(a.id)),
  };
}

function wherePlaced(assets: readonly AssetFacts[]): string {
  const places = [...new Set(assets.map((a) => [a.site, a.location].filter((p): p is string => p !== null).join(', ')).filter((p) => p !== ''))];
  return places.length === 0 ? '' : ` (${listSome(places, 3)})`;
}

function consolidationRisk(ctx: Context): FootprintReason | null {
  const t = ctx.t.footprintLoss;
  const present = ctx.view.assets.filter((a) => a.quantity > 0);
  const vendors = new Map<string, string>();
  for (const a of present) if (!vendors.has(a.vendor.toLowerCase())) vendors.set(a.vendor.toLowerCase(), a.vendor);
  if (vendors.size < t.vendorsForConsolidation) return null;
  const known = present.filter((a) => servicer(a, ctx.input.ownVendor) !== null);
  const total = known.reduce((s, a) => s + a.quantity, 0);
  if (total === 0) return null;
  const ours = known.filter((a) => servicer(a, ctx.input.ownVendor) === 'us').reduce((s, a) => s + a.quantity, 0);
  if (ours / total >= t.ourShareBelow) return null;
  const counted = present.map((a) => a.asOf).filter((d): d is string => d !== null).sort().at(-1) ?? ctx.asOf;
  return {
    since: earlier(dayOf(counted), ctx.asOf),
    sentence: `${vendors.size} vendors in the installed base (${listSome([...vendors.values()], 5)}) and we service only ${percent(ours / total)} of it: when they consolidate, someone has to go.`,
    refs: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Renewal at risk, silent account, score drop

function renewalAtRisk(ctx: Context): AlertCandidate[] {
  const { withinDays, loyaltyBelow } = ctx.t.renewal;
  const account = ctx.view.account;
  const loyalty = ctx.input.score.loyalty;
  if (account.renewalDate === null || loyalty === null || loyalty >= loyaltyBelow) return [];
  const renewal = dayOf(account.renewalDate);
  const daysLeft = Math.round(daysBetween(ctx.asOf, renewal));
  if (daysLeft < 0 || daysLeft > withinDays) return [];
  const worth = account.annualValue !== null ? ` worth ${money(account.annualValue)} a year` : '';
  const drags = heaviestDrivers(ctx.input.score, 2);
  return [
    {
      // The renewal date is part of the identity: dismissing this year's renewal leaves next year's alone.
      id: alertId('renewal_at_risk', ctx.accountId, renewal),
      rule: 'renewal_at_risk',
      accountId: ctx.accountId,
      subjectType: 'account',
      subjectId: ctx.accountId,
      severity: 'high',
      title: `The contract renews on ${spokenDate(renewal)}, in ${daysUntil(renewal)}, and loyalty is ${Math.round(loyalty)} (${BAND_LABEL[bandOf(loyalty)]})`,
      detail: [
        `The contract with ${account.name}${worth ? `,${worth},` : ''} comes up for renewal on ${spokenDate(renewal)} while loyalty stands at ${loyalty.toFixed(1)} of 100, below ${loyaltyBelow}.`,
        drags.length ? `What weighs on it most: ${drags.map(describeDriver).join('; ')}.` : '',
        'Prepare the renewal conversation before the customer starts looking elsewhere.',
      ]
        .filter((s) => s !== '')
        .join(' '),
      raisedAt: earlier(addDays(renewal, -withinDays), ctx.asOf),
      refs: uniqueRefs([accountRef(ctx.accountId), ...drags.flatMap((d) => (d.ref ? [d.ref] : []))]),
    },
  ];
}

interface Contact {
  readonly on: string;
  readonly what: string;
}

/** Any sign of life: a visit, a follow-up, a survey response, a note, a reminder or decision logged. */
function lastContact(view: AccountEvidence): Contact | null {
  const contacts: Contact[] = [];
  for (const w of view.workOrders) {
    contacts.push({ on: dayOf(w.completedAt ?? w.arrivedAt ?? w.openedAt), what: `a visit (work order ${w.id})` });
    if (w.followUpAt) contacts.push({ on: dayOf(w.followUpAt), what: `a follow-up call on work order ${w.id}` });
  }
  for (const s of view.surveys) {
    contacts.push({ on: dayOf(s.respondedAt), what: 'a survey response' });
    if (s.followUpAt) contacts.push({ on: dayOf(s.followUpAt), what: 'a call back after a survey response' });
  }
  for (const day of view.noteDays) contacts.push({ on: dayOf(day), what: 'a note from the account manager' });
  for (const r of view.recommendations) {
    contacts.push({ on: dayOf(r.madeAt), what: `a recommendation made (${quote(r.text, 40)})` });
    for (const e of r.events) contacts.push({ on: dayOf(e.on), what: `a recommendation ${e.action === 'reminded' ? 'reminder' : 'decision'}` });
    if (r.decidedAt && r.status !== 'open') contacts.push({ on: dayOf(r.decidedAt), what: 'a recommendation decision' });
  }
  let latest: Contact | null = null;
  for (const c of contacts) if (latest === null || c.on > latest.on) latest = c;
  return latest;
}

function silentAccount(ctx: Context): AlertCandidate[] {
  const { days } = ctx.t.silentAccount;
  const last = lastContact(ctx.view);
  // An account with nothing on record at all is new or incomplete, not silent.
  if (last === null) return [];
  const quiet = Math.floor(daysBetween(last.on, ctx.asOf));
  if (quiet < days) return [];
  const survey = ctx.view.surveys.at(-1);
  return [
    {
      id: alertId('silent_account', ctx.accountId),
      rule: 'silent_account',
      accountId: ctx.accountId,
      subjectType: 'account',
      subjectId: ctx.accountId,
      severity: 'low',
      title: `No word from ${ctx.view.account.name} in ${daysSince(last.on)}: the last contact was ${last.what} on ${spokenDate(last.on)}`,
      detail: [
        `Nothing has been heard from or said to ${ctx.view.account.name} since ${spokenDate(last.on)}: no visit, call, survey response or note.`,
        survey ? `The last survey response came on ${spokenDate(survey.respondedAt)} (${describeScore(survey)}).` : 'No survey response is on record.',
        'A quiet customer may be a customer someone else is talking to: get in touch.',
      ].join(' '),
      raisedAt: addDays(last.on, days),
      refs: [accountRef(ctx.accountId), ...(survey ? [{ type: 'survey' as const, id: survey.id }] : [])],
    },
  ];
}

function scoreDrop(ctx: Context): AlertCandidate[] {
  const { points, days } = ctx.t.scoreDrop;
  const now = ctx.input.score.loyalty;
  const before = ctx.input.loyaltyThirtyDaysAgo;
  if (now === null || before === null || before - now < points) return [];
  const drags = heaviestDrivers(ctx.input.score, 3);
  return [
    {
      id: alertId('score_drop', ctx.accountId),
      rule: 'score_drop',
      accountId: ctx.accountId,
      subjectType: 'account',
      subjectId: ctx.accountId,
      severity: 'medium',
      title: `Loyalty fell ${Math.round(before - now)} points in ${days} days, from ${Math.round(before)} to ${Math.round(now)}`,
      detail: [
        `Loyalty is ${now.toFixed(1)} (${BAND_LABEL[bandOf(now)]}) on ${spokenDate(ctx.asOf)}, down from ${before.toFixed(1)} on ${spokenDate(addDays(ctx.asOf, -days))}.`,
        drags.length ? `What weighs on it most now: ${drags.map(describeDriver).join('; ')}.` : '',
      ]
        .filter((s) => s !== '')
        .join(' '),
      raisedAt: ctx.asOf,
      refs: uniqueRefs([accountRef(ctx.accountId), ...drags.flatMap((d) => (d.ref ? [d.ref] : []))]),
    },
  ];
}

function heaviestDrivers(score: LoyaltyScore, keep: number): Driver[] {
  return score.components
    .flatMap((c) => c.drivers)
    .filter((d) => d.points < 0)
    .sort((a, b) => a.points - b.points)
    .slice(0, keep);
}

const describeDriver = (d: Driver): string => `${d.label} (${d.points.toFixed(1)} points)`;

// ---------------------------------------------------------------------------------------------
// Why a condition cleared

/**
 * Why an alert's condition no longer holds, as the note of its 'cleared' event ("The customer
 * decided: accepted on 3 Apr 2026"); null where there is nothing more specific to say than that.
 */
export function clearedReason(input: AlertInput, alert: { readonly rule: AlertRule; readonly subjectId?: string | null }): string | null {
  const ctx = contextOf(input);
  const subject = alert.subjectId ?? null;
  switch (alert.rule) {
    case 'unaddressed_recommendation': {
      const state = recommendationStates(ctx.view.recommendations, ctx.visits).find((x) => x.recommendation.id === subject);
      if (!state) return 'The recommendation is no longer on record';
      return state.status === 'open' ? null : `The customer decided: ${state.status}${state.decidedOn ? ` on ${spokenDate(state.decidedOn)}` : ''}`;
    }
    case 'bad_call_no_follow_up': {
      const w = ctx.view.workOrders.find((x) => x.id === subject);
      if (!w) return 'The work order is no longer on record';
      if (w.status === 'cancelled') return 'The work order was cancelled';
      return w.followUpAt ? `Followed up on ${spokenDate(w.followUpAt)}` : null;
    }
    case 'detractor_no_follow_up': {
      const s = ctx.view.surveys.find((x) => x.id === subject);
      if (!s) return 'The survey response is no longer on record';
      return s.followUpAt ? `Called back on ${spokenDate(s.followUpAt)}` : null;
    }
    case 'silent_account': {
      const last = lastContact(ctx.view);
      return last ? `Back in touch: ${last.what} on ${spokenDate(last.on)}` : null;
    }
    case 'renewal_at_risk': {
      const loyalty = input.score.loyalty;
      return loyalty !== null && loyalty >= input.thresholds.renewal.loyaltyBelow ? `Loyalty is back up to ${loyalty.toFixed(1)}` : null;
    }
    case 'score_drop': {
      const loyalty = input.score.loyalty;
      return loyalty === null ? null : `Loyalty is now ${loyalty.toFixed(1)}`;
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Words

function findAsset(ctx: Context, assetId: string | null): AssetFacts | null {
  return assetId === null ? null : ctx.assetsById.get(assetId) ?? null;
}

/** "the printer", from the machine's category where known. */
function machineWord(asset: AssetFacts | null): string {
  return asset?.category?.toLowerCase() ?? 'machine';
}

/** "SN-4471 (Canon iR-ADV C5535, multifunction printer, Head office, Finance)". */
function describeAsset(ctx: Context, assetId: string): string {
  const asset = findAsset(ctx, assetId);
  if (!asset) return assetId;
  const model = [asset.vendor, asset.model].filter((p): p is string => p !== null).join(' ');
  const parts = [model, asset.category, asset.site, asset.location].filter((p): p is string => p !== null && p !== '');
  return parts.length ? `${assetId} (${parts.join(', ')})` : assetId;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function quote(text: string, max = 60): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  return `"${clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean}"`;
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

function listSome(items: readonly string[], keep: number): string {
  return items.length <= keep ? items.join(', ') : `${items.slice(0, keep).join(', ')} and ${items.length - keep} more`;
}

/** A full stop, unless the sentence already ends in one (inside a closing quote too). */
function endSentence(sentence: string): string {
  return /[.!?…]"?$/.test(sentence) ? sentence : `${sentence}.`;
}

function withoutStop(sentence: string): string {
  return sentence.endsWith('.') ? sentence.slice(0, -1) : sentence;
}

function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const money = count;

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function months(days: number): string {
  const m = Math.round(days / 30.4);
  return m >= 2 && Math.abs(days - m * 30.4) < 10 ? `${m} months` : `${days} days`;
}

function earliest(days: readonly string[]): string {
  return [...days].sort()[0]!;
}

function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

function uniqueRefs(refs: readonly EvidenceRef[]): EvidenceRef[] {
  // Ids are kept per type rather than joined into one key: no new string for every reference.
  const seen = new Map<EvidenceRef['type'], Set<string>>();
  return refs.filter((r) => {
    const ids = seen.get(r.type);
    if (!ids) {
      seen.set(r.type, new Set([r.id]));
      return true;
    }
    if (ids.has(r.id)) return false;
    ids.add(r.id);
    return true;
  });
}

const workOrderRef = (id: string): EvidenceRef => ({ type: 'work_order', id });
const assetRef = (id: string): EvidenceRef => ({ type: 'asset', id });
const accountRef = (id: string): EvidenceRef => ({ type: 'account', id });
