import { today, type AppContext } from './context';
import { scoreOne } from './recompute';
import { loadEngineSettings } from './engine-settings';
import { listAlerts } from './alerts';
import { accountHistory, keptLoyalty, KEPT_SCORE_TOLERANCE_DAYS } from '../db/repositories/snapshots';
import { notesOf } from '../db/repositories/account-actions';
import { accountKpis, assetKpis } from '../domain/kpis';
import { assessVisits, whatWentWrong } from '../domain/visits';
import { recommendationStates } from '../domain/recommendations';
import { describeScore, isDetractor, isPromoter, loopClosed } from '../domain/surveys';
import { servicer } from '../domain/scoring/footprint';
import { addDays, dayOf, daysBetween } from '../domain/dates';
import { briefKpis } from './review';
import { NotFoundError } from './dispatcher';
import type { AccountAlert, AccountView, AssetItem, RecommendationItem, SurveyItem, VisitItem } from '../shared/account-types';
import type { AccountEvidence } from '../domain/evidence';
import type { VisitRules } from '../domain/visits';
import type { AlertRecord } from '../db/repositories/alerts';

const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Everything the account view shows, as of a day (default today): one evidence load, one scoring. */
export function accountView(ctx: AppContext, accountId: string, asOfDay?: string): AccountView {
  const asOf = asOfDay ?? today(ctx);
  const scored = scoreOne(ctx, accountId, asOf);
  if (!scored) throw new NotFoundError(`There is no account "${accountId}".`);
  const { score, view, checklist, pulse } = scored;
  const engine = loadEngineSettings(ctx.db);

  const monthAgo = keptLoyalty(ctx.db)(accountId, addDays(asOf, -30), KEPT_SCORE_TOLERANCE_DAYS);
  const trend = accountHistory(ctx.db, accountId, addDays(asOf, -365), addDays(asOf, -1)).map((s) => ({ asOf: s.asOf, loyalty: s.loyalty, satisfaction: s.satisfaction }));
  trend.push({ asOf, loyalty: score.loyalty, satisfaction: score.satisfaction });

  // The year before reads the same evidence as it stood then (records dated later left out).
  const yearBefore = addDays(asOf, -365);
  const alerts = listAlerts(ctx, { accountId, statuses: ['open', 'acknowledged', 'snoozed'] }, asOf);

  const a = view.account;
  return {
    asOf,
    account: { id: a.id, name: a.name, segment: a.segment, region: a.region, owner: a.owner, contractType: a.contractType, renewalDate: a.renewalDate, annualValue: a.annualValue, placeholder: a.placeholder },
    score,
    pulse,
    change30: score.loyalty !== null && monthAgo !== null ? Math.round((score.loyalty - monthAgo) * 10) / 10 : null,
    trend,
    kpis: briefKpis(accountKpis(view, asOf, 365, engine.visits)),
    kpisYearBefore: briefKpis(accountKpis(scoreOne(ctx, accountId, yearBefore)?.view ?? view, yearBefore, 365, engine.visits)),
    visits: visitItems(view, asOf, engine.visits),
    recommendations: recommendationItems(view, asOf),
    surveys: surveyItems(view),
    installedBase: assetItems(view, asOf, engine.visits, engine.ownVendor, alerts),
    checklist,
    alerts: alerts.map(accountAlert),
    notes: notesOf(ctx.db, accountId),
  };
}

function visitItems(view: AccountEvidence, asOf: string, rules: VisitRules): VisitItem[] {
  const madeOn = new Map(view.recommendations.filter((r) => r.workOrderId !== null).map((r) => [r.workOrderId!, r.id]));
  return assessVisits(view.workOrders, asOf, rules)
    .map((x): VisitItem => {
      const v = x.visit;
      return {
        id: v.id,
        type: v.type,
        openedAt: v.openedAt,
        promisedAt: v.promisedAt,
        arrivedAt: v.arrivedAt,
        completedAt: v.completedAt,
        status: v.status,
        assetId: v.assetId,
        site: v.site,
        technician: v.technician,
        fixedFirstTime: v.fixedFirstTime,
        bad: x.bad,
        wentWrong: x.bad ? whatWentWrong(x) : '',
        followedUp: x.followedUp,
        followUpAt: v.followUpAt,
        afterBadCall: x.afterBadCall !== null,
        repeatOf: x.repeatOf?.id ?? null,
        remindedIds: [...v.remindedIds],
        recommendationId: madeOn.get(v.id) ?? null,
      };
    })
    .reverse();
}

function recommendationItems(view: AccountEvidence, asOf: string): RecommendationItem[] {
  const items = recommendationStates(view.recommendations, assessVisits(view.workOrders, asOf).map((x) => x.visit)).map(
    (s): RecommendationItem => ({
      id: s.recommendation.id,
      text: s.recommendation.text,
      assetId: s.recommendation.assetId,
      workOrderId: s.recommendation.workOrderId,
      madeAt: s.recommendation.madeAt,
      severity: s.recommendation.severity,
      category: s.recommendation.category,
      origin: s.recommendation.origin,
      status: s.status,
      decidedOn: s.decidedOn,
      reminders: [...s.reminders],
      lastHeardOn: s.lastHeardOn,
      daysOpen: Math.max(0, Math.round(daysBetween(s.recommendation.madeAt, asOf))),
      revisitsWithoutReminder: s.revisitsWithoutReminder.length,
      failure: s.failure ? { workOrderId: s.failure.id, on: dayOf(s.failure.openedAt) } : null,
      log: [...s.recommendation.events].reverse().map((e) => ({ action: e.action, on: e.on, note: e.note, by: e.by })),
    }),
  );
  // Open ones first, the most pressing on top: a failure it foretold, revisits that said nothing, severity, age.
  return items.sort((x, y) => {
    const open = Number(y.status === 'open') - Number(x.status === 'open');
    if (open !== 0) return open;
    if (x.status === 'open') {
      return (
        Number(y.failure !== null) - Number(x.failure !== null) ||
        y.revisitsWithoutReminder - x.revisitsWithoutReminder ||
        (SEVERITY_RANK[x.severity ?? 'medium'] ?? 2) - (SEVERITY_RANK[y.severity ?? 'medium'] ?? 2) ||
        y.daysOpen - x.daysOpen
      );
    }
    return y.madeAt.localeCompare(x.madeAt);
  });
}

function surveyItems(view: AccountEvidence): SurveyItem[] {
  return view.surveys
    .map(
      (s): SurveyItem => ({
        id: s.id,
        respondedAt: s.respondedAt,
        nps: s.nps,
        csat: s.csat,
        ces: s.ces,
        scoreText: describeScore(s),
        kind: s.nps === null && s.csat === null ? null : isDetractor(s) ? 'detractor' : isPromoter(s) ? 'promoter' : 'passive',
        contact: s.contact,
        comment: s.comment,
        workOrderId: s.workOrderId,
        followUpAt: s.followUpAt,
        followedUp: isDetractor(s) && loopClosed(s),
      }),
    )
    .reverse();
}

function assetItems(view: AccountEvidence, asOf: string, rules: VisitRules, ownVendor: string | null, alerts: readonly AlertRecord[]): AssetItem[] {
  const kpis = new Map(assetKpis(view, asOf, 365, rules).map((k) => [k.assetId, k]));
  // The fix-or-replace flag is the alert rule's own finding, so the two always agree.
  const flagged = new Set(alerts.filter((x) => x.rule === 'fix_or_replace' && x.subjectId !== null).map((x) => x.subjectId!));
  return view.assets
    .map((asset): AssetItem => {
      const k = kpis.get(asset.id);
      const who = servicer(asset, ownVendor);
      return {
        id: asset.id,
        site: asset.site,
        location: asset.location,
        vendor: asset.vendor,
        model: asset.model,
        category: asset.category,
        quantity: asset.quantity,
        servicedBy: who,
        ours: who === 'us',
        coverage: asset.coverage,
        warrantyEnd: asset.warrantyEnd,
        installDate: asset.installDate,
        ratedMonthlyVolume: asset.ratedMonthlyVolume,
        actualMonthlyVolume: asset.actualMonthlyVolume,
        visits: k?.visits ?? 0,
        breakFixCalls: k?.breakFixCalls ?? 0,
        firstTimeFixRate: k?.firstTimeFixRate ?? null,
        mtbfDays: k?.mtbfDays ?? null,
        repairCost: k?.repairCost ?? 0,
        breakdownsIn180Days: k?.breakdownsIn180Days ?? 0,
        fixOrReplace: flagged.has(asset.id),
        overRatedVolume: k?.overRatedVolume ?? false,
      };
    })
    .sort((x, y) => (x.site ?? '').localeCompare(y.site ?? '') || (x.location ?? '').localeCompare(y.location ?? '') || x.id.localeCompare(y.id));
}

function accountAlert(a: AlertRecord): AccountAlert {
  return { id: a.id, rule: a.rule, severity: a.severity, status: a.status, title: a.title, detail: a.detail, raisedAt: a.raisedAt, snoozedUntil: a.snoozedUntil, assignee: a.assignee, refs: a.refs.map((r) => ({ type: r.type, id: r.id })) };
}
