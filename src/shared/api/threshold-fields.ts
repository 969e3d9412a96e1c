import type { ALERT_RULE_NAMES } from './common';
import type { AlertThresholds } from '../../domain/alerts/thresholds';

// The editable numbers behind the alert rules, as plain data: Settings lays its form out from them
// and the contract checks them, without the window loading the contract's validation library.

type ThresholdGroup = Exclude<keyof AlertThresholds, never>;
type NumericKey<G extends ThresholdGroup> = { [K in keyof AlertThresholds[G]]: AlertThresholds[G][K] extends number ? K : never }[keyof AlertThresholds[G]];

/** One number behind an alert rule, as Settings shows and checks it. `scale` 100: a fraction shown as a percentage. */
export interface ThresholdField {
  readonly rule: (typeof ALERT_RULE_NAMES)[number];
  readonly group: ThresholdGroup;
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly scale?: number;
}

/** A field whose key is checked against the thresholds' own type. */
const field = <G extends ThresholdGroup>(f: Omit<ThresholdField, 'group' | 'key'> & { readonly group: G; readonly key: NumericKey<G> & string }): ThresholdField => f;

/** The editable numbers of the nine alert rules (DOMAIN.md, "Alerts"); buying signals share fix-or-replace's. */
export const THRESHOLD_FIELDS: readonly ThresholdField[] = [
  field({ rule: 'unaddressed_recommendation', group: 'unaddressedRecommendation', key: 'openDays', label: 'Raise when open without a decision for more than', unit: 'days', min: 1, max: 3650, integer: true }),
  field({ rule: 'unaddressed_recommendation', group: 'unaddressedRecommendation', key: 'revisitsForHigh', label: 'High after this many visits without a reminder', unit: 'visits', min: 1, max: 50, integer: true }),
  field({ rule: 'unaddressed_recommendation', group: 'unaddressedRecommendation', key: 'daysSinceHeardForHigh', label: 'High when the customer last heard of it more than', unit: 'days ago', min: 1, max: 3650, integer: true }),
  field({ rule: 'fix_or_replace', group: 'fixOrReplace', key: 'breakFixCalls', label: 'Break-fix calls on one machine', unit: 'calls', min: 2, max: 100, integer: true }),
  field({ rule: 'fix_or_replace', group: 'fixOrReplace', key: 'breakFixWindowDays', label: '… within', unit: 'days', min: 7, max: 3650, integer: true }),
  field({ rule: 'fix_or_replace', group: 'fixOrReplace', key: 'repairCostShare', label: 'Repair cost above this share of the machine’s value', unit: '%', min: 0.01, max: 10, integer: false, scale: 100 }),
  field({ rule: 'fix_or_replace', group: 'fixOrReplace', key: 'repairCostWindowDays', label: '… billed over', unit: 'days', min: 30, max: 3650, integer: true }),
  field({ rule: 'fix_or_replace', group: 'fixOrReplace', key: 'defaultReplacementValue', label: 'Value of a machine of unknown category', unit: 'currency', min: 1, max: 100_000_000, integer: false }),
  field({ rule: 'fix_or_replace', group: 'fixOrReplace', key: 'usageOverRatedRatio', label: 'Over-use: monthly volume above rated ×', unit: '×', min: 0.1, max: 10, integer: false }),
  field({ rule: 'bad_call_no_follow_up', group: 'badCall', key: 'secondBadCallDays', label: 'High when it is the second bad call within', unit: 'days', min: 1, max: 730, integer: true }),
  field({ rule: 'bad_call_no_follow_up', group: 'badCall', key: 'lookbackDays', label: 'Look back over calls of the last', unit: 'days', min: 1, max: 3650, integer: true }),
  field({ rule: 'detractor_no_follow_up', group: 'detractor', key: 'followUpDays', label: 'A detractor waits for a call back at most', unit: 'days', min: 1, max: 90, integer: true }),
  field({ rule: 'detractor_no_follow_up', group: 'detractor', key: 'lookbackDays', label: 'Look back over responses of the last', unit: 'days', min: 1, max: 3650, integer: true }),
  field({ rule: 'footprint_loss', group: 'footprintLoss', key: 'shareDrop', label: 'Our share of the installed base falls by more than', unit: 'points', min: 0.001, max: 1, integer: false, scale: 100 }),
  field({ rule: 'footprint_loss', group: 'footprintLoss', key: 'vendorsForConsolidation', label: 'Consolidation risk from this many vendors', unit: 'vendors', min: 2, max: 50, integer: true }),
  field({ rule: 'footprint_loss', group: 'footprintLoss', key: 'ourShareBelow', label: '… while our share is under', unit: '%', min: 0.01, max: 1, integer: false, scale: 100 }),
  field({ rule: 'renewal_at_risk', group: 'renewal', key: 'withinDays', label: 'Renewal within', unit: 'days', min: 1, max: 730, integer: true }),
  field({ rule: 'renewal_at_risk', group: 'renewal', key: 'loyaltyBelow', label: '… and loyalty below', unit: 'points', min: 1, max: 100, integer: false }),
  field({ rule: 'silent_account', group: 'silentAccount', key: 'days', label: 'No survey response and no contact for', unit: 'days', min: 7, max: 3650, integer: true }),
  field({ rule: 'score_drop', group: 'scoreDrop', key: 'points', label: 'Loyalty falls by at least', unit: 'points', min: 1, max: 100, integer: false }),
  field({ rule: 'score_drop', group: 'scoreDrop', key: 'days', label: '… within', unit: 'days', min: 1, max: 365, integer: true }),
];
