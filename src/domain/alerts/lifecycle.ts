import type { EvidenceRef } from '../../shared/scoring-types';
import { spokenDate } from '../dates';
import type { AlertCandidate, AlertRule, AlertSeverity } from './rules';
import { spellDayCounts } from './day-counts';

// What happens to stored alerts when the rules run again, and when a user acts on one. Pure: the
// caller stores the changes and stamps the events with the time.

export const ALERT_STATUSES = ['open', 'acknowledged', 'snoozed', 'resolved', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface StoredAlert {
  readonly id: string;
  readonly rule: AlertRule;
  readonly severity: AlertSeverity;
  readonly status: AlertStatus;
  /** Whether the condition held at the last evaluation. */
  readonly active: boolean;
  readonly assignee: string | null;
  readonly snoozedUntil: string | null;
  readonly title: string;
  readonly detail: string;
  readonly refs: readonly EvidenceRef[];
  readonly raisedAt: string;
  /** The record the alert is about, where it has one (for saying why it cleared). */
  readonly subjectId?: string | null;
}

export type SystemAction = 'raised' | 'escalated' | 'calmed' | 'cleared' | 'reopened' | 'snooze_ended';
export type UserEventAction = 'acknowledged' | 'snoozed' | 'assigned' | 'resolved' | 'dismissed' | 'reopened';

/** One line of an alert's history; the caller adds the time. */
export interface AlertEventDraft {
  readonly action: SystemAction | UserEventAction;
  /** 'system', or the user's name. */
  readonly actor: string;
  readonly severity: AlertSeverity;
  readonly status: AlertStatus;
  readonly note: string | null;
}

export interface NewAlert extends AlertCandidate {
  readonly status: 'open';
  readonly active: true;
  readonly assignee: null;
  readonly snoozedUntil: null;
}

export interface AlertUpdate {
  severity?: AlertSeverity;
  status?: AlertStatus;
  active?: boolean;
  title?: string;
  detail?: string;
  refs?: EvidenceRef[];
  snoozedUntil?: string | null;
  raisedAt?: string;
}

export type AlertChange =
  | { readonly kind: 'insert'; readonly alert: NewAlert; readonly events: readonly AlertEventDraft[] }
  | { readonly kind: 'update'; readonly id: string; readonly set: Readonly<AlertUpdate>; readonly events: readonly AlertEventDraft[] };

const SYSTEM = 'system';
const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { low: 0, medium: 1, high: 2, critical: 3 };
/** Statuses in which someone still has to act: the system resolves them when the condition clears. */
const IN_PLAY: ReadonlySet<AlertStatus> = new Set(['open', 'acknowledged', 'snoozed']);
const CLEARED_NOTE = 'The condition no longer holds';

/**
 * The changes that bring one account's stored alerts in line with a fresh evaluation on `asOf`.
 * Running it again with the same candidates gives nothing to do; a dismissed alert stays dismissed;
 * `explainClear` says why a condition no longer holds (see `clearedReason`).
 */
export function reconcileAlerts(
  stored: readonly StoredAlert[],
  candidates: readonly AlertCandidate[],
  asOf: string,
  explainClear: (alert: StoredAlert) => string | null = () => null,
): AlertChange[] {
  const byId = new Map(stored.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const changes: AlertChange[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    const existing = byId.get(candidate.id);
    const change = existing ? refresh(existing, candidate, asOf) : insert(candidate, asOf);
    if (change) changes.push(change);
  }
  for (const alert of stored) {
    if (seen.has(alert.id)) continue;
    const change = alert.active ? clear(alert, explainClear(alert) ?? CLEARED_NOTE) : endSnoozeOnly(alert, asOf);
    if (change) changes.push(change);
  }
  return changes;
}

// A history line is written once and read later: its day counts are spelled out as of the day it happened.
function insert(candidate: AlertCandidate, asOf: string): AlertChange {
  const alert: NewAlert = { ...candidate, status: 'open', active: true, assignee: null, snoozedUntil: null };
  return { kind: 'insert', alert, events: [{ action: 'raised', actor: SYSTEM, severity: candidate.severity, status: 'open', note: spellDayCounts(candidate.title, asOf) }] };
}

/** Tracks the alert as changes are decided, recording each as an event. */
class Draft {
  status: AlertStatus;
  severity: AlertSeverity;
  readonly set: AlertUpdate = {};
  readonly events: AlertEventDraft[] = [];

  constructor(readonly alert: StoredAlert) {
    this.status = alert.status;
    this.severity = alert.severity;
  }

  record(action: SystemAction, note: string | null): void {
    this.events.push({ action, actor: SYSTEM, severity: this.severity, status: this.status, note });
  }

  change(): AlertChange | null {
    if (this.status !== this.alert.status) this.set.status = this.status;
    if (this.severity !== this.alert.severity) this.set.severity = this.severity;
    if (Object.keys(this.set).length === 0 && this.events.length === 0) return null;
    return { kind: 'update', id: this.alert.id, set: this.set, events: this.events };
  }
}

function refresh(alert: StoredAlert, candidate: AlertCandidate, asOf: string): AlertChange | null {
  const draft = new Draft(alert);
  endSnooze(draft, asOf);
  const title = spellDayCounts(candidate.title, asOf);
  if (!alert.active) comeBack(draft, candidate, title);
  if (candidate.severity !== draft.severity) {
    const worse = SEVERITY_RANK[candidate.severity] > SEVERITY_RANK[draft.severity];
    const from = draft.severity;
    draft.severity = candidate.severity;
    draft.record(worse ? 'escalated' : 'calmed', `${worse ? 'Worse' : 'Eased'}, from ${from} to ${candidate.severity}: ${title}`);
  }
  if (candidate.title !== alert.title) draft.set.title = candidate.title;
  if (candidate.detail !== alert.detail) draft.set.detail = candidate.detail;
  if (!sameRefs(candidate.refs, alert.refs)) draft.set.refs = [...candidate.refs];
  return draft.change();
}

/**
 * The condition had cleared and holds again: a resolved alert reopens; a dismissed one stays
 * dismissed (the history still says it came back).
 */
function comeBack(draft: Draft, candidate: AlertCandidate, title: string): void {
  draft.set.active = true;
  if (candidate.raisedAt !== draft.alert.raisedAt) draft.set.raisedAt = candidate.raisedAt;
  if (draft.status === 'resolved') {
    draft.status = 'open';
    draft.record('reopened', `The condition holds again: ${title}`);
  } else {
    draft.record('raised', draft.status === 'dismissed' ? 'The condition holds again; the alert stays dismissed' : `The condition holds again: ${title}`);
  }
}

function endSnooze(draft: Draft, asOf: string): void {
  const until = draft.alert.snoozedUntil;
  if (draft.status !== 'snoozed' || until === null || until >= asOf) return;
  draft.status = 'open';
  draft.set.snoozedUntil = null;
  draft.record('snooze_ended', `Snoozed until ${spokenDate(until)}`);
}

function endSnoozeOnly(alert: StoredAlert, asOf: string): AlertChange | null {
  const draft = new Draft(alert);
  endSnooze(draft, asOf);
  return draft.change();
}

function clear(alert: StoredAlert, note: string): AlertChange {
  const draft = new Draft(alert);
  draft.set.active = false;
  if (IN_PLAY.has(draft.status)) {
    draft.status = 'resolved';
    if (alert.snoozedUntil !== null) draft.set.snoozedUntil = null;
  }
  draft.record('cleared', note);
  return draft.change()!;
}

function sameRefs(a: readonly EvidenceRef[], b: readonly EvidenceRef[]): boolean {
  return a.length === b.length && a.every((r, i) => r.type === b[i]!.type && r.id === b[i]!.id);
}

// ---------------------------------------------------------------------------------------------
// What a user can do

export type UserAction =
  | { readonly kind: 'acknowledge'; readonly by: string; readonly note?: string | null }
  | { readonly kind: 'snooze'; readonly by: string; readonly until: string; readonly reason: string }
  | { readonly kind: 'assign'; readonly by: string; readonly to: string | null }
  | { readonly kind: 'resolve'; readonly by: string; readonly note: string }
  | { readonly kind: 'dismiss'; readonly by: string; readonly reason?: string | null }
  | { readonly kind: 'reopen'; readonly by: string; readonly note?: string | null };

export interface UserActionFields {
  readonly status: AlertStatus;
  readonly assignee: string | null;
  readonly snoozedUntil: string | null;
}

export type UserActionResult =
  | { readonly ok: true; readonly set: UserActionFields; readonly event: AlertEventDraft }
  | { readonly ok: false; readonly message: string };

const refuse = (message: string): UserActionResult => ({ ok: false, message });

/** The alert after a user's action, and the line for its history; or why the action is refused. */
export function applyUserAction(alert: StoredAlert, action: UserAction, asOf: string): UserActionResult {
  const by = action.by.trim();
  if (by === '') return refuse('Say who is acting on the alert.');
  const current: UserActionFields = { status: alert.status, assignee: alert.assignee, snoozedUntil: alert.snoozedUntil };
  const done = (set: UserActionFields, eventAction: UserEventAction, note: string | null): UserActionResult => ({
    ok: true,
    set,
    event: { action: eventAction, actor: by, severity: alert.severity, status: set.status, note },
  });
  switch (action.kind) {
    case 'acknowledge': {
      if (alert.status === 'acknowledged') return refuse('This alert is already acknowledged.');
      if (!IN_PLAY.has(alert.status)) return refuse(`A ${alert.status} alert cannot be acknowledged: reopen it first.`);
      return done({ ...current, status: 'acknowledged', snoozedUntil: null }, 'acknowledged', blankToNull(action.note));
    }
    case 'snooze': {
      if (!IN_PLAY.has(alert.status)) return refuse(`A ${alert.status} alert cannot be snoozed: reopen it first.`);
      const reason = action.reason.trim();
      if (reason === '') return refuse('Say why the alert is snoozed.');
      if (!isDay(action.until)) return refuse(`"${action.until}" is not a date (YYYY-MM-DD).`);
      if (action.until < asOf) return refuse(`Snooze until a date from ${spokenDate(asOf)} on, not ${spokenDate(action.until)}.`);
      return done({ ...current, status: 'snoozed', snoozedUntil: action.until }, 'snoozed', `Until ${spokenDate(action.until)}: ${reason}`);
    }
    case 'assign': {
      if (!IN_PLAY.has(alert.status)) return refuse(`A ${alert.status} alert cannot be assigned: reopen it first.`);
      const to = blankToNull(action.to);
      if (to === alert.assignee) return refuse(to === null ? 'This alert is not assigned to anyone.' : `This alert is already assigned to ${to}.`);
      return done({ ...current, assignee: to }, 'assigned', to === null ? 'Unassigned' : `Assigned to ${to}`);
    }
    case 'resolve': {
      if (!IN_PLAY.has(alert.status)) return refuse(`A ${alert.status} alert cannot be resolved.`);
      const note = action.note.trim();
      if (note === '') return refuse('Say how the alert was resolved.');
      return done({ ...current, status: 'resolved', snoozedUntil: null }, 'resolved', note);
    }
    case 'dismiss': {
      if (alert.status === 'dismissed') return refuse('This alert is already dismissed.');
      return done({ ...current, status: 'dismissed', snoozedUntil: null }, 'dismissed', blankToNull(action.reason));
    }
    case 'reopen': {
      if (IN_PLAY.has(alert.status)) return refuse('This alert is already open.');
      return done({ ...current, status: 'open', snoozedUntil: null }, 'reopened', blankToNull(action.note));
    }
  }
}

function blankToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** A real calendar day written YYYY-MM-DD. */
function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}
