import type {
  ContractType,
  Coverage,
  RecommendationStatus,
  ServicedBy,
  Severity,
  WorkOrderStatus,
  WorkOrderType,
} from '../shared/kinds';
import type { PulseRating } from '../shared/scoring-types';
import { dayIsAfter } from './dates';

// Everything the engine knows about one account: the input of scoring, alert rules, the checklist
// and the KPIs. Loaded from the database (src/db/repositories/evidence.ts), built by hand in tests.

export interface AccountFacts {
  readonly id: string;
  readonly name: string;
  readonly segment: string | null;
  readonly region: string | null;
  readonly owner: string | null;
  readonly contractType: ContractType | null;
  readonly renewalDate: string | null;
  readonly annualValue: number | null;
  readonly placeholder: boolean;
}

export interface WorkOrderFacts {
  readonly id: string;
  readonly assetId: string | null;
  readonly site: string | null;
  readonly type: WorkOrderType;
  readonly openedAt: string;
  readonly promisedAt: string | null;
  readonly arrivedAt: string | null;
  readonly completedAt: string | null;
  readonly status: WorkOrderStatus | null;
  readonly fixedFirstTime: boolean | null;
  readonly partsMissing: boolean | null;
  readonly technician: string | null;
  readonly billedAmount: number | null;
  readonly followUpAt: string | null;
  readonly customerSigned: boolean | null;
  /** Recommendations this visit reminded the customer of. */
  readonly remindedIds: readonly string[];
}

export interface SurveyFacts {
  readonly id: string;
  readonly respondedAt: string;
  readonly nps: number | null;
  readonly csat: number | null;
  readonly ces: number | null;
  readonly contact: string | null;
  readonly workOrderId: string | null;
  readonly comment: string | null;
  readonly followUpAt: string | null;
}

export interface AssetFacts {
  readonly id: string;
  readonly site: string | null;
  readonly location: string | null;
  readonly vendor: string;
  readonly model: string | null;
  readonly category: string | null;
  readonly quantity: number;
  readonly servicedBy: ServicedBy | null;
  readonly coverage: Coverage | null;
  readonly warrantyEnd: string | null;
  readonly installDate: string | null;
  readonly ratedMonthlyVolume: number | null;
  readonly actualMonthlyVolume: number | null;
  readonly asOf: string | null;
}

/** A reminder or a customer's decision logged in the app (reminders from visits live on the visits). */
export interface RecommendationEvent {
  readonly action: 'reminded' | 'accepted' | 'declined' | 'done' | 'reopened';
  readonly on: string;
  readonly note: string | null;
  readonly by: string | null;
}

export interface RecommendationFacts {
  readonly id: string;
  readonly assetId: string | null;
  readonly workOrderId: string | null;
  readonly madeAt: string;
  readonly text: string;
  readonly category: string | null;
  readonly severity: Severity | null;
  readonly customerAcknowledged: boolean | null;
  /** As the imported file says. */
  readonly status: RecommendationStatus;
  readonly decidedAt: string | null;
  readonly origin: 'file' | 'work_order';
  readonly events: readonly RecommendationEvent[];
}

/** The installed base as one import left it: our share then. */
export interface FootprintPoint {
  readonly recordedOn: string;
  readonly ourQuantity: number;
  readonly totalQuantity: number;
  readonly vendors: readonly string[];
}

export interface ChecklistTickFacts {
  readonly itemId: string;
  readonly templateVersion: number;
  readonly doneOn: string;
  readonly expiresOn: string | null;
  readonly note: string | null;
  readonly by: string | null;
}

export interface PulseFacts {
  readonly rating: PulseRating;
  readonly reason: string;
  readonly setOn: string;
  readonly expiresOn: string;
  readonly by: string | null;
}

export interface AccountEvidence {
  readonly account: AccountFacts;
  /** Oldest first. */
  readonly workOrders: readonly WorkOrderFacts[];
  /** Oldest first. */
  readonly surveys: readonly SurveyFacts[];
  /** Every installed-base row known; `installedBase` gives the base on a date (asOfView applies it). */
  readonly assets: readonly AssetFacts[];
  /** Oldest first. */
  readonly recommendations: readonly RecommendationFacts[];
  /** Oldest first. */
  readonly footprint: readonly FootprintPoint[];
  readonly checklistTicks: readonly ChecklistTickFacts[];
  /** Days the account manager wrote a note: contact, for the silent-account rule. */
  readonly noteDays: readonly string[];
  /** Oldest first. */
  readonly pulses: readonly PulseFacts[];
}

const after = (value: string | null, asOf: string): boolean => value !== null && dayIsAfter(value, asOf);
const orNull = (value: string | null, asOf: string): string | null => (after(value, asOf) ? null : value);

/**
 * The account as it could be known on `asOf`: records dated later are left out, and dates later
 * than it (a follow-up that had not happened yet) are unknown. Scores are deterministic for the
 * same data and as-of date because everything reads through this.
 */
export function asOfView(evidence: AccountEvidence, asOf: string): AccountEvidence {
  return {
    account: evidence.account,
    workOrders: known(
      evidence.workOrders,
      (w) => !after(w.openedAt, asOf),
      (w) =>
        after(w.arrivedAt, asOf) || after(w.completedAt, asOf) || after(w.followUpAt, asOf)
          ? // Still in progress on that date: how it ended is not known yet.
            { ...w, arrivedAt: orNull(w.arrivedAt, asOf), completedAt: orNull(w.completedAt, asOf), followUpAt: orNull(w.followUpAt, asOf), status: after(w.completedAt, asOf) ? null : w.status }
          : w,
    ),
    surveys: known(
      evidence.surveys,
      (s) => !after(s.respondedAt, asOf),
      (s) => (after(s.followUpAt, asOf) ? { ...s, followUpAt: null } : s),
    ),
    assets: installedBase(evidence.assets, asOf),
    recommendations: known(
      evidence.recommendations,
      (r) => !after(r.madeAt, asOf),
      (r) => {
        const events = known(r.events, (e) => !after(e.on, asOf));
        const decidedLater = after(r.decidedAt, asOf);
        if (events === r.events && !decidedLater) return r;
        return { ...r, events, ...(decidedLater ? { status: 'open' as const, decidedAt: null } : {}) };
      },
    ),
    footprint: known(evidence.footprint, (f) => !after(f.recordedOn, asOf)),
    checklistTicks: known(evidence.checklistTicks, (t) => !after(t.doneOn, asOf)),
    noteDays: known(evidence.noteDays, (d) => !after(d, asOf)),
    pulses: known(evidence.pulses, (p) => !after(p.setOn, asOf)),
  };
}

/**
 * The records known by then, each as it was known; the very same list when that is all of them
 * unchanged, as it is for most accounts on the latest date (no copy to make and collect).
 */
function known<T>(records: readonly T[], include: (record: T) => boolean, asKnown: (record: T) => T = (record) => record): readonly T[] {
  let out: T[] | null = null;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const kept = include(record) ? asKnown(record) : null;
    if (out === null) {
      if (kept === record) continue;
      out = records.slice(0, i);
    }
    if (kept !== null) out.push(kept);
  }
  return out ?? records;
}

/**
 * The installed base on a date. An installed-base file is a count: a machine missing from a site's
 * newest count is gone. A count says when the base was last seen, not when it began, so a past date
 * sees the same machines, less those installed after it; changes of share over time come from the
 * footprint history instead.
 */
export function installedBase(assets: readonly AssetFacts[], asOf: string): AssetFacts[] {
  const newest = new Map<string, string>();
  for (const a of assets) {
    const site = a.site ?? '';
    const day = a.asOf ?? '';
    if ((newest.get(site) ?? '') <= day) newest.set(site, day);
  }
  return assets.filter((a) => (a.asOf ?? '') === newest.get(a.site ?? '') && !after(a.installDate, asOf));
}

/** The pulse in force on the as-of date (the newest set by then), and whether it has gone stale. */
export function currentPulse(evidence: AccountEvidence, asOf: string): (PulseFacts & { stale: boolean }) | null {
  const pulse = evidence.pulses.filter((p) => p.setOn.slice(0, 10) <= asOf).at(-1);
  return pulse ? { ...pulse, stale: pulse.expiresOn < asOf } : null;
}
