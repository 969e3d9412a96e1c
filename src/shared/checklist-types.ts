import type { EvidenceRef } from './scoring-types';

export const CHECKLIST_RULES = ['recent_survey', 'detractors_followed_up', 'bad_calls_followed_up', 'no_unaddressed_recommendations', 'installed_base_recent'] as const;
export type ChecklistRule = (typeof CHECKLIST_RULES)[number];

export interface ChecklistItemDef {
  id: string;
  text: string;
  kind: 'derived' | 'manual';
  /** Derived items: the rule that evaluates them from the data, and its parameters. */
  rule?: ChecklistRule;
  params?: Record<string, number>;
  /** Manual items: how long a tick stays valid before it must be confirmed again. */
  validDays?: number;
  /** What to ask or do in a meeting to confirm it ("Ask what downtime costs them"). */
  ask?: string;
}

export interface ChecklistGroupDef {
  id: string;
  title: string;
  items: ChecklistItemDef[];
}

export interface ChecklistTemplate {
  version: number;
  note?: string;
  groups: ChecklistGroupDef[];
}

export type ChecklistStatus = 'done' | 'open' | 'expired' | 'not_applicable';

export interface ChecklistEvidence {
  /** What the data (or the tick) says, in a sentence. */
  summary: string;
  refs: EvidenceRef[];
  doneOn?: string;
  expiresOn?: string | null;
  note?: string | null;
  by?: string | null;
  /** The template version the tick was made against. */
  madeAgainstVersion?: number;
}

export interface ChecklistItemResult {
  id: string;
  group: string;
  groupId: string;
  text: string;
  kind: 'derived' | 'manual';
  status: ChecklistStatus;
  evidence: ChecklistEvidence | null;
  ask?: string;
}

export interface ChecklistResult {
  accountId: string;
  templateVersion: number;
  asOf: string;
  items: ChecklistItemResult[];
  /** Whether the account manager has worked the manual items for this account at all. */
  manualAssessed: boolean;
}
