// What the engine says about an account, as the API, the command line and the review brief carry it.

export const COMPONENT_KEYS = ['service', 'satisfaction', 'footprint', 'partnership', 'commercial'] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];

export const BANDS = ['loyal', 'satisfied', 'at_risk', 'critical'] as const;
export type Band = (typeof BANDS)[number];

export const BAND_LABEL: Readonly<Record<Band, string>> = {
  loyal: 'Loyal',
  satisfied: 'Satisfied',
  at_risk: 'At risk',
  critical: 'Critical',
};

export const COMPONENT_LABEL: Readonly<Record<ComponentKey, string>> = {
  service: 'Service experience',
  satisfaction: 'Satisfaction',
  footprint: 'Footprint share',
  partnership: 'Partnership',
  commercial: 'Commercial',
};

export type RefType = 'work_order' | 'survey' | 'asset' | 'recommendation' | 'checklist_item' | 'account' | 'site';

/** The record a number comes from: one click away in the interface. */
export interface EvidenceRef {
  type: RefType;
  id: string;
}

/** One reason for a component's score, in loyalty points: the drivers of a component add up to its points. */
export interface Driver {
  label: string;
  points: number;
  ref: EvidenceRef | null;
}

export interface ComponentScore {
  key: ComponentKey;
  label: string;
  /** 0–100, or null when there is no data for it (its weight is then shared out among the others). */
  score: number | null;
  /** The weight it carried in this score, after sharing out missing components' weights. */
  weight: number;
  /** The weight the scoring profile gives it. */
  baseWeight: number;
  /** weight × score: the components' points add up to the loyalty score. */
  points: number;
  drivers: Driver[];
  /** Why there is no score, where there is none. */
  missing: string | null;
}

export interface LoyaltyScore {
  accountId: string;
  asOf: string;
  /** 0–100; null only when no component has data. */
  loyalty: number | null;
  band: Band | null;
  /** From surveys alone, shown beside loyalty, never blended into it. */
  satisfaction: number | null;
  /** 0–1: lower where components are missing or the evidence is old or thin. */
  confidence: number;
  confidenceReasons: string[];
  components: ComponentScore[];
  /** The scoring profile used (the account's segment, or "default"). */
  profile: string;
}

export type PulseRating = 'good' | 'watch' | 'concern';

/** The account manager's own rating: shown beside the computed score, never blended into it. */
export interface Pulse {
  rating: PulseRating;
  reason: string;
  setOn: string;
  expiresOn: string;
  setBy: string | null;
  /** Past its expiry date on the as-of date. */
  stale: boolean;
}

export function bandOf(loyalty: number): Band {
  if (loyalty >= 75) return 'loyal';
  if (loyalty >= 60) return 'satisfied';
  if (loyalty >= 40) return 'at_risk';
  return 'critical';
}

/** Satisfaction has its own words: a loyalty band's name ("Loyal") would say what satisfaction cannot. */
export const SATISFACTION_LEVELS = ['very_satisfied', 'satisfied', 'lukewarm', 'unhappy'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export const SATISFACTION_LABEL: Readonly<Record<SatisfactionLevel, string>> = {
  very_satisfied: 'Very satisfied',
  satisfied: 'Satisfied',
  lukewarm: 'Lukewarm',
  unhappy: 'Unhappy',
};

/** The same thresholds as the bands, so the colours line up: 75, 60, 40. */
export function satisfactionLevel(score: number): SatisfactionLevel {
  if (score >= 75) return 'very_satisfied';
  if (score >= 60) return 'satisfied';
  if (score >= 40) return 'lukewarm';
  return 'unhappy';
}

/** The band colour a satisfaction level shares. */
export const SATISFACTION_COLOUR_BAND: Readonly<Record<SatisfactionLevel, Band>> = {
  very_satisfied: 'loyal',
  satisfied: 'satisfied',
  lukewarm: 'at_risk',
  unhappy: 'critical',
};
