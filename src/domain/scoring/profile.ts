import { COMPONENT_KEYS, type ComponentKey } from '../../shared/scoring-types';
import { DEFAULT_VISIT_RULES, type VisitRules } from '../visits';

export type Weights = Record<ComponentKey, number>;

/** The default weights of DOMAIN.md: service 25 %, satisfaction 25 %, footprint 25 %, partnership 15 %, commercial 10 %. */
export const DEFAULT_WEIGHTS: Weights = { service: 0.25, satisfaction: 0.25, footprint: 0.25, partnership: 0.15, commercial: 0.1 };

/**
 * How customers remember (the seeds): recent calls weigh most, bad ones are remembered longer and
 * weigh more, a bad call right after a bad call weighs more again, and the last call counts most.
 */
export interface Memory {
  readonly goodHalfLifeDays: number;
  readonly badHalfLifeDays: number;
  /** How much more a bad call or a bad response weighs than a good one. */
  readonly badWeight: number;
  /** Extra weight of a bad call within the streak window of the previous bad call. */
  readonly streakWeight: number;
  /** Extra weight of the most recent visit. */
  readonly lastCallWeight: number;
  /** A detractor someone called back within two days weighs this much of one nobody called. */
  readonly closedLoopWeight: number;
}

export const DEFAULT_MEMORY: Memory = {
  goodHalfLifeDays: 120,
  badHalfLifeDays: 365,
  badWeight: 2.5,
  streakWeight: 1.6,
  lastCallWeight: 2,
  closedLoopWeight: 0.5,
};

export interface ScoringSettings {
  /** Weights per segment; `default` for accounts whose segment has none. */
  readonly profiles: Readonly<Record<string, Weights>>;
  readonly memory: Memory;
  readonly visits: VisitRules;
  /** Days before renewal at which a coming renewal starts to weigh on the commercial score. */
  readonly renewalWindowDays: number;
  /**
   * Satisfaction is not loyalty: where we service less than this share of the installed base,
   * the account is held below the Loyal band however well the rest goes.
   */
  readonly loyalFootprintShare: number;
}

export const DEFAULT_SCORING: ScoringSettings = {
  profiles: { default: DEFAULT_WEIGHTS },
  memory: DEFAULT_MEMORY,
  visits: DEFAULT_VISIT_RULES,
  renewalWindowDays: 90,
  loyalFootprintShare: 0.5,
};

/** The weights for an account: its segment's profile, else the default; then any override given. */
export function weightsFor(settings: ScoringSettings, segment: string | null, override?: Partial<Weights>): { profile: string; weights: Weights } {
  const profile = segment !== null && settings.profiles[segment] ? segment : 'default';
  const base = settings.profiles[profile] ?? DEFAULT_WEIGHTS;
  return { profile, weights: override ? { ...base, ...override } : base };
}

/** Checks a set of weights: each 0–1, at least one above zero. They need not add up to 1 (they are normalised). */
export function checkWeights(weights: Partial<Record<string, number>>): string | null {
  for (const [key, value] of Object.entries(weights)) {
    if (!(COMPONENT_KEYS as readonly string[]).includes(key)) return `unknown component "${key}" (components: ${COMPONENT_KEYS.join(', ')})`;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) return `the weight of ${key} must be between 0 and 1`;
  }
  return null;
}
