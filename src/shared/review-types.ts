import type { ChecklistItemResult } from './checklist-types';
import type { ComponentKey, Driver, EvidenceRef, LoyaltyScore, Pulse } from './scoring-types';

// What the account-review brief holds: what an account manager takes into the meeting.

export interface BriefKpis {
  firstTimeFixRate: number | null;
  onTimeArrivalRate: number | null;
  repeatCallRate: number | null;
  mtbfDays: number | null;
  mttrHours: number | null;
  followUpRate: number | null;
  visits: number;
  breakFixCalls: number;
  badCalls: number;
  complaints: number;
  commendations: number;
}

export interface BriefSite {
  site: string;
  total: number;
  ours: number;
  vendors: Array<{ vendor: string; quantity: number; servicedBy: string; locations: string[] }>;
}

/** One open recommendation to raise: the "cup of coffee" list. */
export interface CoffeeItem {
  recommendationId: string;
  text: string;
  assetId: string | null;
  severity: string | null;
  madeOn: string;
  madeBy: string | null;
  daysOpen: number;
  lastHeardOn: string;
  revisitsWithoutReminder: number;
  failedOn: string | null;
}

export interface ComponentMove {
  key: ComponentKey;
  label: string;
  now: number | null;
  before: number | null;
  /** Loyalty points this component gained (+) or lost (−) since then. */
  pointsChange: number | null;
}

export interface TalkingPoint {
  text: string;
  refs: EvidenceRef[];
}

export interface ReviewBrief {
  accountId: string;
  accountName: string;
  segment: string | null;
  region: string | null;
  owner: string | null;
  contractType: string | null;
  renewalDate: string | null;
  company: string;
  asOf: string;
  score: LoyaltyScore;
  pulse: Pulse | null;
  /** Loyalty and satisfaction over the last six months, oldest first. */
  trend: Array<{ asOf: string; loyalty: number | null; satisfaction: number | null }>;
  /** Loyalty now less loyalty 30 days before, where it was kept. */
  change30: number | null;
  /** What moved the score since 30 days before, by component. */
  moves: ComponentMove[];
  /** The drivers that cost the most now. */
  topDrivers: Array<Driver & { component: ComponentKey }>;
  kpis: BriefKpis;
  kpisYearBefore: BriefKpis;
  installedBase: BriefSite[];
  coffeeList: CoffeeItem[];
  checklistGaps: ChecklistItemResult[];
  checklistDone: number;
  checklistApplicable: number;
  alerts: Array<{ id: string; rule: string; severity: string; status: string; title: string; detail: string; raisedAt: string }>;
  recentComments: Array<{ respondedAt: string; score: string; contact: string | null; comment: string }>;
  talkingPoints: TalkingPoint[];
}
