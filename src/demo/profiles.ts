// Each account lives one story from DOMAIN.md. A profile sets the account's everyday behaviour
// (how often calls go wrong, how happy its people are, how much of its fleet we service); the
// scenes in stories.ts add the events that make the story recognisable.

import type { Range } from './random';

export const STORY_NAMES = [
  'healthy',
  'satisfied_not_loyal',
  'ignored_recommendation',
  'reminded_recommendation',
  'bad_calls_in_a_row',
  'detractor_ignored',
  'detractor_followed_up',
  'renewal_weak_service',
  'good_year_then_bad_call',
  'bad_year_then_great_call',
  'silent',
  'footprint_loss',
  'fix_or_replace',
] as const;

export type StoryName = (typeof STORY_NAMES)[number];

export function isStoryName(value: string): value is StoryName {
  return (STORY_NAMES as readonly string[]).includes(value);
}

export interface StoryProfile {
  /** Multiplies the everyday chances of a late arrival, a repair not fixed first time, a missing part. */
  readonly badCallFactor: number;
  /** Share of bad calls someone followed up. */
  readonly callFollowUpRate: number;
  /** The mean NPS the account's people give after an ordinary visit. */
  readonly mood: number;
  /** Share of detractors someone called back. */
  readonly detractorFollowUpRate: number;
  /** Chance that a later visit reminds the customer of an open recommendation. */
  readonly remindRate: number;
  /** Share of recommendations the customer decides on. */
  readonly decisionRate: number;
  /** Share of visits that get a survey response. */
  readonly surveyResponseRate: number;
  /** Chance that a floor or department beyond the first runs machines we service. */
  readonly ourLocationShare: number;
  readonly competitorVendors: Range;
  /** Days from the as-of date to the contract renewal; null for any time in the coming year. */
  readonly renewalInDays: Range | null;
}

const ORDINARY: StoryProfile = {
  badCallFactor: 1,
  callFollowUpRate: 0.85,
  mood: 8.6,
  detractorFollowUpRate: 0.85,
  remindRate: 0.8,
  decisionRate: 0.93,
  surveyResponseRate: 0.1,
  ourLocationShare: 0.85,
  competitorVendors: { min: 0, max: 2 },
  renewalInDays: null,
};

export const PROFILES: Readonly<Record<StoryName, StoryProfile>> = {
  healthy: ORDINARY,
  satisfied_not_loyal: {
    ...ORDINARY,
    badCallFactor: 0.4,
    mood: 9.6,
    surveyResponseRate: 0.14,
    ourLocationShare: 0,
    competitorVendors: { min: 2, max: 3 },
  },
  ignored_recommendation: { ...ORDINARY, badCallFactor: 1.2, mood: 8, callFollowUpRate: 0.6, remindRate: 0.15, decisionRate: 0.5 },
  reminded_recommendation: { ...ORDINARY, remindRate: 0.9 },
  bad_calls_in_a_row: { ...ORDINARY, badCallFactor: 1.2, mood: 7.8, callFollowUpRate: 0.7 },
  detractor_ignored: { ...ORDINARY, badCallFactor: 1.5, mood: 7.2, callFollowUpRate: 0.6, detractorFollowUpRate: 0.3 },
  detractor_followed_up: { ...ORDINARY, badCallFactor: 1.3, mood: 7.4, detractorFollowUpRate: 0.95 },
  renewal_weak_service: {
    ...ORDINARY,
    badCallFactor: 3.2,
    mood: 6.3,
    callFollowUpRate: 0.3,
    detractorFollowUpRate: 0.4,
    remindRate: 0.3,
    decisionRate: 0.5,
    renewalInDays: { min: 10, max: 85 },
  },
  good_year_then_bad_call: { ...ORDINARY, badCallFactor: 0, mood: 9.1, callFollowUpRate: 0.9, detractorFollowUpRate: 0.9 },
  bad_year_then_great_call: {
    ...ORDINARY,
    badCallFactor: 4.5,
    mood: 4.2,
    callFollowUpRate: 0.25,
    detractorFollowUpRate: 0.35,
    remindRate: 0.2,
    decisionRate: 0.5,
  },
  silent: { ...ORDINARY, mood: 7.8, surveyResponseRate: 0.06 },
  footprint_loss: {
    ...ORDINARY,
    badCallFactor: 1.8,
    mood: 7,
    callFollowUpRate: 0.5,
    ourLocationShare: 0.75,
    competitorVendors: { min: 1, max: 1 },
  },
  fix_or_replace: { ...ORDINARY, badCallFactor: 1.3, mood: 7.6 },
};
