import type { AlertAction, InboxFilter } from '../../../shared/api/alerts';

// The inbox's words: rules, severities and statuses as a person would say them.

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

export const RULE_LABEL: Record<string, string> = {
  unaddressed_recommendation: 'Unaddressed recommendation',
  fix_or_replace: 'Fix or replace',
  bad_call_no_follow_up: 'Bad call without follow-up',
  detractor_no_follow_up: 'Detractor without follow-up',
  footprint_loss: 'Footprint loss',
  renewal_at_risk: 'Renewal at risk',
  silent_account: 'Silent account',
  score_drop: 'Score drop',
  buying_signal: 'Buying signal',
};

export const STATUS_LABEL: Record<string, string> = { open: 'Open', acknowledged: 'Acknowledged', snoozed: 'Snoozed', resolved: 'Resolved', dismissed: 'Dismissed' };

/** The status filter: "waiting" (open or acknowledged) is what the inbox opens on. */
export const STATUS_CHOICES = {
  waiting: { label: 'Open or acknowledged', statuses: ['open', 'acknowledged'] },
  open: { label: 'Open, not acknowledged', statuses: ['open'] },
  acknowledged: { label: 'Acknowledged', statuses: ['acknowledged'] },
  snoozed: { label: 'Snoozed', statuses: ['snoozed'] },
  resolved: { label: 'Resolved or cleared', statuses: ['resolved'] },
  dismissed: { label: 'Dismissed', statuses: ['dismissed'] },
  all: { label: 'Every status', statuses: [] },
} as const satisfies Record<string, { label: string; statuses: readonly string[] }>;
export type StatusChoice = keyof typeof STATUS_CHOICES;

export interface AlertsFilter {
  readonly rule: string;
  readonly severities: readonly Severity[];
  readonly status: StatusChoice;
  readonly owner: string;
  readonly assignee: string;
  readonly accountId: string;
  /** Shown on the account filter's chip. */
  readonly accountName: string;
}

export const DEFAULT_FILTER: AlertsFilter = { rule: '', severities: [], status: 'waiting', owner: '', assignee: '', accountId: '', accountName: '' };

export function isDefaultFilter(f: AlertsFilter): boolean {
  return f.rule === '' && f.severities.length === 0 && f.status === 'waiting' && f.owner === '' && f.assignee === '' && f.accountId === '';
}

/** The filter as the API takes it. */
export function toInboxFilter(f: AlertsFilter): InboxFilter {
  const statuses = STATUS_CHOICES[f.status]?.statuses ?? STATUS_CHOICES.waiting.statuses;
  return {
    ...(f.rule ? { rules: [f.rule as NonNullable<InboxFilter['rules']>[number]] } : {}),
    ...(f.severities.length ? { severities: [...f.severities] } : {}),
    ...(statuses.length ? { statuses: [...statuses] } : {}),
    ...(f.owner ? { owner: f.owner } : {}),
    ...(f.assignee ? { assignee: f.assignee } : {}),
    ...(f.accountId ? { accountId: f.accountId } : {}),
  };
}

export type ActionKind = AlertAction['kind'];

/** Each action with its key: shown on its button and announced as aria-keyshortcuts. */
export const ACTIONS: ReadonlyArray<{ kind: ActionKind; key: string; label: string; dialog: boolean }> = [
  { kind: 'acknowledge', key: 'A', label: 'Acknowledge', dialog: false },
  { kind: 'snooze', key: 'S', label: 'Snooze…', dialog: true },
  { kind: 'assign', key: 'G', label: 'Assign…', dialog: true },
  { kind: 'resolve', key: 'R', label: 'Resolve…', dialog: true },
  { kind: 'dismiss', key: 'D', label: 'Dismiss…', dialog: true },
  { kind: 'reopen', key: 'O', label: 'Reopen', dialog: false },
];

export const DONE_WORD: Record<ActionKind, string> = {
  acknowledge: 'acknowledged',
  snooze: 'snoozed',
  assign: 'assigned',
  resolve: 'resolved',
  dismiss: 'dismissed',
  reopen: 'reopened',
};

/** Statuses an action makes sense from (the engine says the same, with its reasons). */
export const ACTION_FROM: Record<ActionKind, readonly string[]> = {
  acknowledge: ['open', 'snoozed'],
  snooze: ['open', 'acknowledged', 'snoozed'],
  assign: ['open', 'acknowledged', 'snoozed'],
  resolve: ['open', 'acknowledged', 'snoozed'],
  dismiss: ['open', 'acknowledged', 'snoozed', 'resolved'],
  reopen: ['resolved', 'dismissed'],
};

export const HISTORY_LABEL: Record<string, string> = {
  raised: 'Raised',
  escalated: 'Escalated',
  calmed: 'Calmed',
  cleared: 'Condition cleared',
  reopened: 'Reopened',
  snooze_ended: 'Snooze ended',
  acknowledged: 'Acknowledged',
  snoozed: 'Snoozed',
  assigned: 'Assigned',
  resolved: 'Resolved',
  dismissed: 'Dismissed',
};
