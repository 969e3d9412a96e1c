import type { Band, LoyaltyScore, Pulse } from './scoring-types';
import type { ChecklistResult } from './checklist-types';
import type { BriefKpis } from './review-types';
import type { Severity } from './kinds';

// What the portfolio and the account view show: one row per account, and one account in full.

/** One account as the portfolio lists it: its newest score, how it moved, what costs it most. */
export interface PortfolioRow {
  accountId: string;
  name: string;
  segment: string | null;
  region: string | null;
  owner: string | null;
  contractType: string | null;
  renewalDate: string | null;
  annualValue: number | null;
  /** Known only from other files (no accounts file named it yet). */
  placeholder: boolean;
  /** The day of the newest score; null before the first. */
  asOf: string | null;
  loyalty: number | null;
  band: Band | null;
  satisfaction: number | null;
  confidence: number | null;
  /** Loyalty now less loyalty 30 days before, where a score was kept then. */
  change30: number | null;
  /** What costs the account most, in words. */
  topDriver: string | null;
  /** Loyalty week by week over the last six months, oldest first: the sparkline's figures as text (`readSparkline`). */
  sparkline: string;
  /** Alerts that want attention (open or acknowledged). */
  openAlerts: number;
  worstAlert: Severity | null;
}

export interface AccountSummary {
  id: string;
  name: string;
  segment: string | null;
  region: string | null;
  owner: string | null;
  contractType: string | null;
  renewalDate: string | null;
  annualValue: number | null;
  placeholder: boolean;
}

/** A work order as the service timeline shows it. */
export interface VisitItem {
  id: string;
  type: string;
  openedAt: string;
  promisedAt: string | null;
  arrivedAt: string | null;
  completedAt: string | null;
  status: string | null;
  assetId: string | null;
  site: string | null;
  technician: string | null;
  fixedFirstTime: boolean | null;
  /** A bad call: late, not fixed first time, short of parts, unfinished or a repeat. */
  bad: boolean;
  /** What went wrong, in words ("late and not fixed first time"); empty for a good call. */
  wentWrong: string;
  /** For a bad call: followed up within one business day. */
  followedUp: boolean;
  followUpAt: string | null;
  /** A bad call right after another. */
  afterBadCall: boolean;
  repeatOf: string | null;
  /** Recommendations this visit reminded the customer of. */
  remindedIds: string[];
  /** The recommendation made on this visit, if any. */
  recommendationId: string | null;
}

export interface RecommendationItem {
  id: string;
  text: string;
  assetId: string | null;
  workOrderId: string | null;
  madeAt: string;
  severity: Severity | null;
  category: string | null;
  origin: 'file' | 'work_order';
  status: 'open' | 'accepted' | 'declined' | 'done';
  decidedOn: string | null;
  reminders: Array<{ on: string; workOrderId: string | null }>;
  lastHeardOn: string;
  daysOpen: number;
  /** Visits since the customer last heard of it that did not remind them. */
  revisitsWithoutReminder: number;
  /** A break-fix on the same machine while it was open: a failure it foretold. */
  failure: { workOrderId: string; on: string } | null;
  /** Reminders and decisions logged in the app, newest first. */
  log: Array<{ action: string; on: string; note: string | null; by: string | null }>;
}

export interface SurveyItem {
  id: string;
  respondedAt: string;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  /** "NPS 3", "CSAT 4/5": the score as people say it. */
  scoreText: string;
  kind: 'promoter' | 'passive' | 'detractor' | null;
  contact: string | null;
  comment: string | null;
  workOrderId: string | null;
  followUpAt: string | null;
  /** A detractor whose loop was closed (followed up in time). */
  followedUp: boolean;
}

export interface AssetItem {
  id: string;
  site: string | null;
  location: string | null;
  vendor: string;
  model: string | null;
  category: string | null;
  quantity: number;
  /** Who services it, worked out where the file does not say. */
  servicedBy: string | null;
  ours: boolean;
  coverage: string | null;
  warrantyEnd: string | null;
  installDate: string | null;
  ratedMonthlyVolume: number | null;
  actualMonthlyVolume: number | null;
  /** Over the last year. */
  visits: number;
  breakFixCalls: number;
  firstTimeFixRate: number | null;
  mtbfDays: number | null;
  repairCost: number;
  breakdownsIn180Days: number;
  fixOrReplace: boolean;
  overRatedVolume: boolean;
}

export interface NoteItem {
  noteId: number;
  writtenAt: string;
  text: string;
  author: string | null;
}

export interface AccountAlert {
  id: string;
  rule: string;
  severity: Severity;
  status: string;
  title: string;
  detail: string;
  raisedAt: string;
  snoozedUntil: string | null;
  assignee: string | null;
  refs: Array<{ type: string; id: string }>;
}

/** Everything the account view shows, as of a day. */
export interface AccountView {
  asOf: string;
  account: AccountSummary;
  score: LoyaltyScore;
  pulse: Pulse | null;
  change30: number | null;
  /** Kept scores over the last year, oldest first. */
  trend: Array<{ asOf: string; loyalty: number | null; satisfaction: number | null }>;
  /** Over the last 12 months, and the 12 before. */
  kpis: BriefKpis;
  kpisYearBefore: BriefKpis;
  /** Newest first. */
  visits: VisitItem[];
  /** Open first (most urgent first), then decided, newest first. */
  recommendations: RecommendationItem[];
  /** Newest first. */
  surveys: SurveyItem[];
  installedBase: AssetItem[];
  checklist: ChecklistResult;
  alerts: AccountAlert[];
  notes: NoteItem[];
}
