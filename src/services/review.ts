import { today, type AppContext } from './context';
import { scoreOne } from './recompute';
import { loadSettings } from './settings';
import { listAlerts } from './alerts';
import { accountHistory, keptLoyalty, KEPT_SCORE_TOLERANCE_DAYS } from '../db/repositories/snapshots';
import { accountKpis, type Kpis } from '../domain/kpis';
import { addDays, daysBetween, dayOf } from '../domain/dates';
import { recommendationStates } from '../domain/recommendations';
import { visitsOf } from '../domain/visits';
import { servicer } from '../domain/scoring/footprint';
import { describeScore } from '../domain/surveys';
import { talkingPoints } from '../domain/review/talking-points';
import { loadEngineSettings } from './engine-settings';
import type { BriefKpis, BriefSite, CoffeeItem, ComponentMove, ReviewBrief } from '../shared/review-types';
import { COMPONENT_KEYS, COMPONENT_LABEL, type ComponentKey } from '../shared/scoring-types';
import type { AccountEvidence } from '../domain/evidence';
import { NotFoundError } from './dispatcher';

export const briefKpis = (k: Kpis): BriefKpis => ({
  firstTimeFixRate: k.firstTimeFixRate,
  onTimeArrivalRate: k.onTimeArrivalRate,
  repeatCallRate: k.repeatCallRate,
  mtbfDays: k.mtbfDays,
  mttrHours: k.mttrHours,
  followUpRate: k.followUpRate,
  visits: k.visits,
  breakFixCalls: k.breakFixCalls,
  badCalls: k.badCalls,
  complaints: k.complaints,
  commendations: k.commendations,
});

function installedBase(view: AccountEvidence, ownVendor: string | null): BriefSite[] {
  const sites = new Map<string, BriefSite>();
  for (const a of view.assets) {
    const name = a.site ?? 'Unnamed site';
    const site = sites.get(name) ?? { site: name, total: 0, ours: 0, vendors: [] };
    sites.set(name, site);
    const who = servicer(a, ownVendor) ?? 'unknown';
    site.total += a.quantity;
    if (who === 'us') site.ours += a.quantity;
    let vendor = site.vendors.find((v) => v.vendor === a.vendor && v.servicedBy === who);
    if (!vendor) {
      vendor = { vendor: a.vendor, quantity: 0, servicedBy: who, locations: [] };
      site.vendors.push(vendor);
    }
    vendor.quantity += a.quantity;
    if (a.location && !vendor.locations.includes(a.location)) vendor.locations.push(a.location);
  }
  for (const site of sites.values()) site.vendors.sort((a, b) => b.quantity - a.quantity || a.vendor.localeCompare(b.vendor));
  return [...sites.values()].sort((a, b) => b.total - a.total || a.site.localeCompare(b.site));
}

/** The "cup of coffee" list: open recommendations, the most urgent first. */
function coffeeList(view: AccountEvidence, asOf: string): CoffeeItem[] {
  const visits = visitsOf(view.workOrders);
  const byId = new Map(visits.map((w) => [w.id, w]));
  const severityRank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
  return recommendationStates(view.recommendations, visits)
    .filter((s) => s.status === 'open')
    .map((s) => ({
      recommendationId: s.recommendation.id,
      text: s.recommendation.text,
      assetId: s.recommendation.assetId,
      severity: s.recommendation.severity,
      madeOn: dayOf(s.recommendation.madeAt),
      madeBy: byId.get(s.recommendation.workOrderId ?? s.recommendation.id)?.technician ?? null,
      daysOpen: Math.round(daysBetween(s.recommendation.madeAt, asOf)),
      lastHeardOn: s.lastHeardOn,
      revisitsWithoutReminder: s.revisitsWithoutReminder.length,
      failedOn: s.failure ? dayOf(s.failure.openedAt) : null,
    }))
    .sort(
      (a, b) =>
        Number(b.failedOn !== null) - Number(a.failedOn !== null) ||
        b.revisitsWithoutReminder - a.revisitsWithoutReminder ||
        (severityRank[a.severity ?? 'medium'] ?? 2) - (severityRank[b.severity ?? 'medium'] ?? 2) ||
        b.daysOpen - a.daysOpen,
    );
}

/** Everything the account-review brief of DOMAIN.md shows, as of a date. */
export function buildReviewBrief(ctx: AppContext, accountId: string, asOfDay?: string): ReviewBrief {
  const asOf = asOfDay ?? today(ctx);
  const scored = scoreOne(ctx, accountId, asOf);
  if (!scored) throw new NotFoundError(`There is no account "${accountId}".`);
  const { score, view, checklist, pulse } = scored;
  const settings = loadSettings(ctx.db);
  const engine = loadEngineSettings(ctx.db);

  const monthAgoDay = addDays(asOf, -30);
  const before = scoreOne(ctx, accountId, monthAgoDay)?.score ?? null;
  const beforeLoyalty = keptLoyalty(ctx.db)(accountId, monthAgoDay, KEPT_SCORE_TOLERANCE_DAYS) ?? before?.loyalty ?? null;
  const moves: ComponentMove[] = COMPONENT_KEYS.map((key: ComponentKey) => {
    const now = score.components.find((c) => c.key === key)!;
    const then = before?.components.find((c) => c.key === key) ?? null;
    return {
      key,
      label: COMPONENT_LABEL[key],
      now: now.score,
      before: then?.score ?? null,
      pointsChange: then && now.score !== null && then.score !== null ? Math.round((now.points - then.points) * 10) / 10 : null,
    };
  });
  const topDrivers = score.components
    .flatMap((c) => c.drivers.filter((d) => d.points < 0).map((d) => ({ ...d, component: c.key })))
    .sort((a, b) => a.points - b.points)
    .slice(0, 6);

  const trend = accountHistory(ctx.db, accountId, addDays(asOf, -183), addDays(asOf, -1)).map((s) => ({ asOf: s.asOf, loyalty: s.loyalty, satisfaction: s.satisfaction }));
  trend.push({ asOf, loyalty: score.loyalty, satisfaction: score.satisfaction });

  const kpis = briefKpis(accountKpis(view, asOf, 365, engine.visits));
  const kpisYearBefore = briefKpis(accountKpis(scoreOne(ctx, accountId, addDays(asOf, -365))?.view ?? view, addDays(asOf, -365), 365, engine.visits));
  const base = installedBase(view, engine.ownVendor);
  const coffee = coffeeList(view, asOf);
  const applicable = checklist.items.filter((i) => i.status !== 'not_applicable' && (i.kind === 'derived' || checklist.manualAssessed || i.status !== 'open'));
  const gaps = checklist.items.filter((i) => i.status === 'open' || i.status === 'expired');
  const alerts = listAlerts(ctx, { accountId, statuses: ['open', 'acknowledged', 'snoozed'] }, asOf).map((a) => ({
    id: a.id,
    rule: a.rule,
    severity: a.severity,
    status: a.status,
    title: a.title,
    detail: a.detail,
    raisedAt: a.raisedAt,
  }));
  const recentComments = view.surveys
    .filter((s) => s.comment !== null && daysBetween(s.respondedAt, asOf) <= 365)
    .slice(-5)
    .reverse()
    .map((s) => ({ respondedAt: dayOf(s.respondedAt), score: describeScore(s), contact: s.contact, comment: s.comment! }));

  return {
    accountId,
    accountName: view.account.name,
    segment: view.account.segment,
    region: view.account.region,
    owner: view.account.owner,
    contractType: view.account.contractType,
    renewalDate: view.account.renewalDate,
    company: settings.companyName,
    asOf,
    score,
    pulse,
    trend,
    change30: score.loyalty !== null && beforeLoyalty !== null ? Math.round((score.loyalty - beforeLoyalty) * 10) / 10 : null,
    moves,
    topDrivers,
    kpis,
    kpisYearBefore,
    installedBase: base,
    coffeeList: coffee,
    checklistGaps: gaps,
    checklistDone: checklist.items.filter((i) => i.status === 'done').length,
    checklistApplicable: applicable.length,
    alerts,
    recentComments,
    talkingPoints: talkingPoints({ view, asOf, score, kpis, installedBase: base, coffeeList: coffee, checklistGaps: gaps, company: settings.companyName }),
  };
}
