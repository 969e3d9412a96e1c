// The numbers behind the alert rules (DOMAIN.md, "Alerts"). They are defaults a user can change in
// Settings, so the rules read every one of them from here.

export interface UnaddressedRecommendationThresholds {
  /** Open longer than this without the customer's decision: medium. */
  readonly openDays: number;
  /** This many later visits without a reminder: high. */
  readonly revisitsForHigh: number;
  /** This many days since the customer last heard of it (made or last reminded): high. */
  readonly daysSinceHeardForHigh: number;
}

export interface FixOrReplaceThresholds {
  /** This many break-fix calls on one machine… */
  readonly breakFixCalls: number;
  /** …within this many days. */
  readonly breakFixWindowDays: number;
  /** Repairs billed over this window… */
  readonly repairCostWindowDays: number;
  /** …above this share of the machine's replacement value. */
  readonly repairCostShare: number;
  /** Replacement value of one machine by category (matched without regard to case). */
  readonly replacementValueByCategory: Readonly<Record<string, number>>;
  /** For a machine whose category is unknown or not in the map. */
  readonly defaultReplacementValue: number;
  /** Actual monthly volume above rated × this is over-use. */
  readonly usageOverRatedRatio: number;
}

export interface BadCallThresholds {
  /** A bad call this soon after another is "the second bad call": high. */
  readonly secondBadCallDays: number;
  /** Older bad calls raise nothing: the moment to call back has gone. */
  readonly lookbackDays: number;
}

export interface DetractorThresholds {
  /** Days a detractor can wait for a call back. */
  readonly followUpDays: number;
  /** Older responses raise nothing. */
  readonly lookbackDays: number;
}

export interface FootprintLossThresholds {
  /** Our share falling by more than this (a fraction, 0.02 = 2 points) between two counts. */
  readonly shareDrop: number;
  /** This many vendors in the installed base… */
  readonly vendorsForConsolidation: number;
  /** …while we service less than this share of it. */
  readonly ourShareBelow: number;
}

export interface RenewalThresholds {
  readonly withinDays: number;
  readonly loyaltyBelow: number;
}

export interface SilentAccountThresholds {
  /** Days without a survey response or any contact. */
  readonly days: number;
}

export interface ScoreDropThresholds {
  /** Loyalty points lost… */
  readonly points: number;
  /** …over this many days (the caller looks up the score this many days before). */
  readonly days: number;
}

export interface AlertThresholds {
  readonly unaddressedRecommendation: UnaddressedRecommendationThresholds;
  /** Also the buying signals: repeated breakdowns, repair cost, over-use. */
  readonly fixOrReplace: FixOrReplaceThresholds;
  readonly badCall: BadCallThresholds;
  readonly detractor: DetractorThresholds;
  readonly footprintLoss: FootprintLossThresholds;
  readonly renewal: RenewalThresholds;
  readonly silentAccount: SilentAccountThresholds;
  readonly scoreDrop: ScoreDropThresholds;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  unaddressedRecommendation: { openDays: 30, revisitsForHigh: 2, daysSinceHeardForHigh: 90 },
  fixOrReplace: {
    breakFixCalls: 3,
    breakFixWindowDays: 180,
    repairCostWindowDays: 365,
    repairCostShare: 0.5,
    replacementValueByCategory: {
      'multifunction printer': 6000,
      'production printer': 40000,
      'wide-format printer': 9000,
      'desktop printer': 400,
      scanner: 1500,
    },
    defaultReplacementValue: 6000,
    usageOverRatedRatio: 1,
  },
  // How far back a missed follow-up still calls for one: after a month a call-back about a visit,
  // after two months one about a survey answer, no longer helps.
  badCall: { secondBadCallDays: 60, lookbackDays: 30 },
  detractor: { followUpDays: 2, lookbackDays: 60 },
  footprintLoss: { shareDrop: 0.02, vendorsForConsolidation: 3, ourShareBelow: 0.5 },
  renewal: { withinDays: 90, loyaltyBelow: 60 },
  silentAccount: { days: 180 },
  scoreDrop: { points: 10, days: 30 },
};

/** What Settings stores: only the numbers a user changed (a category map replaces the default one). */
export type ThresholdOverrides = { readonly [K in keyof AlertThresholds]?: Partial<AlertThresholds[K]> };

/** The defaults with a user's changes laid over them. */
export function withThresholds(overrides: ThresholdOverrides, base: AlertThresholds = DEFAULT_THRESHOLDS): AlertThresholds {
  return {
    unaddressedRecommendation: { ...base.unaddressedRecommendation, ...overrides.unaddressedRecommendation },
    fixOrReplace: { ...base.fixOrReplace, ...overrides.fixOrReplace },
    badCall: { ...base.badCall, ...overrides.badCall },
    detractor: { ...base.detractor, ...overrides.detractor },
    footprintLoss: { ...base.footprintLoss, ...overrides.footprintLoss },
    renewal: { ...base.renewal, ...overrides.renewal },
    silentAccount: { ...base.silentAccount, ...overrides.silentAccount },
    scoreDrop: { ...base.scoreDrop, ...overrides.scoreDrop },
  };
}
