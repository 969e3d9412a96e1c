import type {
  AccountEvidence,
  AccountFacts,
  AssetFacts,
  FootprintPoint,
  RecommendationEvent,
  RecommendationFacts,
  SurveyFacts,
  WorkOrderFacts,
} from '../../../src/domain/evidence';
import { bandOf, type ComponentScore, type LoyaltyScore } from '../../../src/shared/scoring-types';

// Small builders for the evidence of one account: every field has a plain default (a good visit,
// a promoter, our own machine under contract, an open recommendation), so a test states only what
// matters to it. Ids are numbered per kind unless given.

let sequence = 0;
const nextId = (prefix: string): string => `${prefix}-${++sequence}`;

export type EvidenceOverrides = Partial<Omit<AccountEvidence, 'account'>> & { account?: Partial<AccountFacts> };

export function accountFacts(overrides: Partial<AccountFacts> = {}): AccountFacts {
  return {
    id: 'C1',
    name: 'Harbor Logistics',
    segment: null,
    region: null,
    owner: null,
    contractType: null,
    renewalDate: null,
    annualValue: null,
    placeholder: false,
    ...overrides,
  };
}

/** A whole AccountEvidence: nothing on record unless given. Lists are kept in the order given. */
export function account(overrides: EvidenceOverrides = {}): AccountEvidence {
  const { account: facts, ...lists } = overrides;
  return {
    account: accountFacts(facts),
    workOrders: [],
    surveys: [],
    assets: [],
    recommendations: [],
    footprint: [],
    checklistTicks: [],
    noteDays: [],
    pulses: [],
    ...lists,
  };
}

/** A completed visit, on time and fixed first time. */
export function workOrder(overrides: Partial<WorkOrderFacts> = {}): WorkOrderFacts {
  const openedAt = overrides.openedAt ?? '2026-01-05T09:00:00';
  return {
    id: nextId('WO'),
    assetId: null,
    site: null,
    type: 'preventive',
    openedAt,
    promisedAt: null,
    arrivedAt: openedAt,
    completedAt: null,
    status: 'completed',
    fixedFirstTime: true,
    partsMissing: false,
    technician: 'Dana Reyes',
    billedAmount: null,
    followUpAt: null,
    customerSigned: null,
    remindedIds: [],
    ...overrides,
  };
}

/** A promoter's response (NPS 9). */
export function survey(overrides: Partial<SurveyFacts> = {}): SurveyFacts {
  return {
    id: nextId('S'),
    respondedAt: '2026-01-10T10:00:00',
    nps: 9,
    csat: null,
    ces: null,
    contact: 'Pat Lee',
    workOrderId: null,
    comment: null,
    followUpAt: null,
    ...overrides,
  };
}

/** One of our own machines (vendor "Acme"), serviced by us under contract. */
export function asset(overrides: Partial<AssetFacts> = {}): AssetFacts {
  return {
    id: nextId('SN'),
    site: 'Head office',
    location: null,
    vendor: 'Acme',
    model: null,
    category: 'multifunction printer',
    quantity: 1,
    servicedBy: 'us',
    coverage: 'contract',
    warrantyEnd: null,
    installDate: null,
    ratedMonthlyVolume: null,
    actualMonthlyVolume: null,
    asOf: null,
    ...overrides,
  };
}

/** An open recommendation kept in its own file, with no decision yet. */
export function recommendation(overrides: Partial<RecommendationFacts> = {}): RecommendationFacts {
  return {
    id: nextId('R'),
    assetId: null,
    workOrderId: null,
    madeAt: '2026-01-05',
    text: 'Replace the fuser unit',
    category: 'replace',
    severity: 'high',
    customerAcknowledged: null,
    status: 'open',
    decidedAt: null,
    origin: 'file',
    events: [],
    ...overrides,
  };
}

/** A reminder or decision logged in the app. */
export function recommendationEvent(action: RecommendationEvent['action'], on: string, overrides: Partial<RecommendationEvent> = {}): RecommendationEvent {
  return { action, on, note: null, by: 'Sam Account', ...overrides };
}

export function footprintPoint(recordedOn: string, ourQuantity: number, totalQuantity: number, vendors: readonly string[]): FootprintPoint {
  return { recordedOn, ourQuantity, totalQuantity, vendors };
}

/** A score with only the loyalty number (and, optionally, components with drivers). */
export function loyaltyScore(overrides: Partial<LoyaltyScore> = {}): LoyaltyScore {
  const loyalty = overrides.loyalty === undefined ? 80 : overrides.loyalty;
  return {
    accountId: 'C1',
    asOf: '2026-06-01',
    loyalty,
    band: loyalty === null ? null : bandOf(loyalty),
    satisfaction: null,
    confidence: 1,
    confidenceReasons: [],
    components: [],
    profile: 'default',
    ...overrides,
  };
}

export function component(overrides: Partial<ComponentScore> & Pick<ComponentScore, 'key'>): ComponentScore {
  return { label: overrides.key, score: null, weight: 0, baseWeight: 0, points: 0, drivers: [], missing: null, ...overrides };
}
