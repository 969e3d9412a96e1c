import type { AccountEvidence, AssetFacts } from './evidence';
import { daysBetween, toMs } from './dates';
import { assessVisits, DEFAULT_VISIT_RULES, type VisitAssessment, type VisitRules } from './visits';
import { isDetractor, isPromoter } from './surveys';

// The service KPIs of the seeds ("measure it or you can't manage it"), over a window ending on the
// as-of date. A rate is null where nothing could be measured, never 0 by default.

export interface Kpis {
  readonly from: string;
  readonly to: string;
  readonly visits: number;
  readonly breakFixCalls: number;
  /** Share of break-fix calls fixed on the first visit. */
  readonly firstTimeFixRate: number | null;
  /** Share of visits with a promised time that arrived by it. */
  readonly onTimeArrivalRate: number | null;
  /** Share of break-fix calls that came within the repeat window of another on the same machine. */
  readonly repeatCallRate: number | null;
  /** Mean days between failures (break-fix calls) of a machine. */
  readonly mtbfDays: number | null;
  /** Mean hours from a break-fix call being opened to the machine being fixed. */
  readonly mttrHours: number | null;
  readonly badCalls: number;
  /** Share of bad calls followed up within one business day. */
  readonly followUpRate: number | null;
  /** Detractor responses in the window. */
  readonly complaints: number;
  /** Promoter responses that said something. */
  readonly commendations: number;
}

export interface AssetKpis extends Kpis {
  readonly assetId: string;
  /** Repair cost over the window (billed break-fix work). */
  readonly repairCost: number;
  readonly overRatedVolume: boolean;
  /** Breakdowns within the fix-or-replace window, and whether they reach its threshold. */
  readonly breakdownsIn180Days: number;
  readonly fixOrReplace: boolean;
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

function fromDay(asOf: string, windowDays: number): string {
  return new Date(toMs(asOf) - windowDays * 86_400_000).toISOString().slice(0, 10);
}

function measure(assessed: readonly VisitAssessment[], machineCount: number, from: string, to: string, windowDays: number, evidence: AccountEvidence | null): Kpis {
  const inWindow = assessed.filter((a) => a.visit.openedAt.slice(0, 10) >= from);
  const breakFix = inWindow.filter((a) => a.visit.type === 'break_fix');
  const withFtf = breakFix.filter((a) => a.visit.fixedFirstTime !== null);
  const promised = inWindow.filter((a) => a.visit.promisedAt !== null && a.visit.arrivedAt !== null);
  const repaired = breakFix.filter((a) => a.visit.completedAt !== null);
  const bad = inWindow.filter((a) => a.bad);
  const surveys = evidence ? evidence.surveys.filter((s) => s.respondedAt.slice(0, 10) >= from) : [];
  return {
    from,
    to,
    visits: inWindow.length,
    breakFixCalls: breakFix.length,
    firstTimeFixRate: ratio(withFtf.filter((a) => a.visit.fixedFirstTime === true).length, withFtf.length),
    onTimeArrivalRate: ratio(promised.filter((a) => !a.late).length, promised.length),
    repeatCallRate: ratio(breakFix.filter((a) => a.repeatOf !== null).length, breakFix.length),
    mtbfDays: breakFix.length === 0 || machineCount === 0 ? null : Math.round(((machineCount * windowDays) / breakFix.length) * 10) / 10,
    mttrHours: repaired.length === 0 ? null : Math.round((repaired.reduce((s, a) => s + (toMs(a.visit.completedAt!) - toMs(a.visit.openedAt)) / 3_600_000, 0) / repaired.length) * 10) / 10,
    badCalls: bad.length,
    followUpRate: ratio(bad.filter((a) => a.followedUp).length, bad.length),
    complaints: surveys.filter(isDetractor).length,
    commendations: surveys.filter((s) => isPromoter(s) && s.comment !== null).length,
  };
}

/** The account's KPIs over the last `windowDays` (default a year). `view` is the as-of view. */
export function accountKpis(view: AccountEvidence, asOf: string, windowDays = 365, rules: VisitRules = DEFAULT_VISIT_RULES): Kpis {
  const assessed = assessVisits(view.workOrders, asOf, rules);
  const ourMachines = view.assets.filter((a) => a.servicedBy === 'us').reduce((s, a) => s + a.quantity, 0);
  const visitedMachines = new Set(view.workOrders.map((w) => w.assetId).filter((id): id is string => id !== null)).size;
  return measure(assessed, ourMachines || visitedMachines, fromDay(asOf, windowDays), asOf, windowDays, view);
}

export interface AssetRules {
  readonly breakdowns: number;
  readonly breakdownWindowDays: number;
  readonly repairCostShare: number;
  readonly replacementValue: (asset: AssetFacts | null) => number;
}

export const DEFAULT_ASSET_RULES: AssetRules = {
  breakdowns: 3,
  breakdownWindowDays: 180,
  repairCostShare: 0.5,
  replacementValue: () => 6000,
};

/** Per machine: its KPIs, repair cost, and whether it is time to replace rather than fix. */
export function assetKpis(view: AccountEvidence, asOf: string, windowDays = 365, rules: VisitRules = DEFAULT_VISIT_RULES, assetRules: AssetRules = DEFAULT_ASSET_RULES): AssetKpis[] {
  const assessed = assessVisits(view.workOrders, asOf, rules);
  const byAsset = new Map<string, VisitAssessment[]>();
  for (const a of assessed) {
    if (!a.visit.assetId) continue;
    const list = byAsset.get(a.visit.assetId);
    if (list) list.push(a);
    else byAsset.set(a.visit.assetId, [a]);
  }
  const assets = new Map(view.assets.map((a) => [a.id, a]));
  const ids = new Set([...assets.keys(), ...byAsset.keys()]);
  const from = fromDay(asOf, windowDays);
  return [...ids].sort().map((assetId) => {
    const asset = assets.get(assetId) ?? null;
    const visits = byAsset.get(assetId) ?? [];
    const kpis = measure(visits, 1, from, asOf, windowDays, null);
    const repairCost = visits
      .filter((a) => a.visit.type === 'break_fix' && a.visit.openedAt.slice(0, 10) >= from)
      .reduce((s, a) => s + (a.visit.billedAmount ?? 0), 0);
    const breakdownsIn180Days = visits.filter((a) => a.visit.type === 'break_fix' && a.finishes === null && daysBetween(a.visit.openedAt, asOf) <= assetRules.breakdownWindowDays).length;
    const overRatedVolume =
      asset !== null && asset.ratedMonthlyVolume !== null && asset.actualMonthlyVolume !== null && asset.actualMonthlyVolume > asset.ratedMonthlyVolume;
    const fixOrReplace =
      breakdownsIn180Days >= assetRules.breakdowns || repairCost > assetRules.repairCostShare * assetRules.replacementValue(asset) || overRatedVolume;
    return { ...kpis, assetId, repairCost: Math.round(repairCost * 100) / 100, overRatedVolume, breakdownsIn180Days, fixOrReplace };
  });
}

