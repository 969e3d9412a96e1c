import type { Db } from '../connection';
import { AccountCursor } from './account-cursor';
import { accountsIn, type AccountRange } from './evidence';
import type { AlertChange, AlertEventDraft, AlertStatus, StoredAlert, UserActionFields } from '../../domain/alerts/lifecycle';
import type { AlertRule, AlertSeverity } from '../../domain/alerts/rules';
import type { EvidenceRef } from '../../shared/scoring-types';

interface AlertRow {
  alert_id: string;
  rule: AlertRule;
  account_id: string;
  subject_type: string | null;
  subject_id: string | null;
  severity: AlertSeverity;
  status: AlertStatus;
  active: number;
  title: string;
  detail: string;
  refs: string;
  raised_at: string;
  updated_at: string;
  evaluated_at: string;
  assignee: string | null;
  snoozed_until: string | null;
}

export interface AlertRecord extends StoredAlert {
  readonly accountId: string;
  readonly accountName: string;
  readonly owner: string | null;
  readonly subjectType: string | null;
  readonly updatedAt: string;
}

const toStored = (r: AlertRow): StoredAlert => ({
  id: r.alert_id,
  rule: r.rule,
  severity: r.severity,
  status: r.status,
  active: r.active === 1,
  assignee: r.assignee,
  snoozedUntil: r.snoozed_until,
  title: r.title,
  detail: r.detail,
  refs: JSON.parse(r.refs) as EvidenceRef[],
  raisedAt: r.raised_at,
  subjectId: r.subject_id,
});

/** A reader of one account's stored alerts, its statement prepared once. */
export function storedAlerts(db: Db): (accountId: string) => StoredAlert[] {
  const select = db.prepare('SELECT * FROM alerts WHERE account_id = ?');
  return (accountId) => (select.all(accountId) as AlertRow[]).map(toStored);
}

/** Stored alerts handed out account by account, in ascending order; closed when done. */
export type OrderedAlerts = ((accountId: string) => StoredAlert[]) & { close(): void };

/**
 * Every account's stored alerts (or a range's) in one pass ordered by account, for rescoring a whole
 * portfolio. Alerts of accounts no longer in the data are left unread: close it when done.
 */
export function storedAlertsInOrder(db: Db, range?: AccountRange): OrderedAlerts {
  const within = range && accountsIn(range);
  const rows = within
    ? db.prepare(`SELECT * FROM alerts WHERE ${within.where} ORDER BY account_id`).iterate(within.params)
    : db.prepare('SELECT * FROM alerts ORDER BY account_id').iterate();
  const cursor = new AccountCursor(rows as Iterator<AlertRow>, (row) => row.account_id);
  return Object.assign((accountId: string) => cursor.take(accountId).map(toStored), { close: () => cursor.close() });
}

export function findAlert(db: Db, id: string): AlertRecord | null {
  const row = db.prepare(`${RECORD_SELECT} WHERE a.alert_id = ?`).get(id) as (AlertRow & { account_name: string | null; owner: string | null }) | undefined;
  return row ? toRecord(row) : null;
}

/** Writes the changes the lifecycle decided, each with its history lines. */
export function alertWriter(db: Db): (changes: readonly AlertChange[], accountId: string, at: string) => void {
  const insert = db.prepare(
    `INSERT INTO alerts (alert_id, rule, account_id, subject_type, subject_id, severity, status, active, title, detail, refs, raised_at, updated_at, evaluated_at)
     VALUES (@id, @rule, @accountId, @subjectType, @subjectId, @severity, 'open', 1, @title, @detail, @refs, @raisedAt, @at, @at)`,
  );
  const event = db.prepare('INSERT INTO alert_events (alert_id, at, action, actor, severity, status, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const updates = new Map<string, ReturnType<Db['prepare']>>();
  const update = (columns: string[]): ReturnType<Db['prepare']> => {
    const key = columns.join(',');
    let stmt = updates.get(key);
    if (!stmt) {
      stmt = db.prepare(`UPDATE alerts SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @at, evaluated_at = @at WHERE alert_id = @id`);
      updates.set(key, stmt);
    }
    return stmt;
  };
  const writeEvents = (id: string, events: readonly AlertEventDraft[], at: string): void => {
    for (const e of events) event.run(id, at, e.action, e.actor, e.severity, e.status, e.note);
  };
  return (changes, accountId, at) => {
    for (const change of changes) {
      if (change.kind === 'insert') {
        const a = change.alert;
        insert.run({ id: a.id, rule: a.rule, accountId, subjectType: a.subjectType, subjectId: a.subjectId, severity: a.severity, title: a.title, detail: a.detail, refs: JSON.stringify(a.refs), raisedAt: a.raisedAt, at });
        writeEvents(a.id, change.events, at);
        continue;
      }
      const values: Record<string, unknown> = { id: change.id, at };
      const columns: string[] = [];
      const set = (column: string, value: unknown): void => {
        columns.push(column);
        values[column] = value;
      };
      const s = change.set;
      if (s.severity !== undefined) set('severity', s.severity);
      if (s.status !== undefined) set('status', s.status);
      if (s.active !== undefined) set('active', s.active ? 1 : 0);
      if (s.title !== undefined) set('title', s.title);
      if (s.detail !== undefined) set('detail', s.detail);
      if (s.refs !== undefined) set('refs', JSON.stringify(s.refs));
      if (s.snoozedUntil !== undefined) set('snoozed_until', s.snoozedUntil);
      if (s.raisedAt !== undefined) set('raised_at', s.raisedAt);
      if (columns.length > 0) update(columns).run(values);
      writeEvents(change.id, change.events, at);
    }
  };
}

export function saveUserAction(db: Db, id: string, set: UserActionFields, draft: AlertEventDraft, at: string): void {
  db.prepare('UPDATE alerts SET status = ?, assignee = ?, snoozed_until = ?, updated_at = ? WHERE alert_id = ?').run(set.status, set.assignee, set.snoozedUntil, at, id);
  db.prepare('INSERT INTO alert_events (alert_id, at, action, actor, severity, status, note) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, at, draft.action, draft.actor, draft.severity, draft.status, draft.note);
}

export interface AlertFilter {
  readonly rules?: readonly string[];
  readonly severities?: readonly string[];
  readonly statuses?: readonly string[];
  readonly owner?: string;
  readonly accountId?: string;
  readonly assignee?: string;
  /** Only alerts whose condition held at the last evaluation (default true). */
  readonly activeOnly?: boolean;
}

const RECORD_SELECT = `SELECT a.*, c.name AS account_name, c.owner AS owner FROM alerts a LEFT JOIN accounts c ON c.account_id = a.account_id`;

const toRecord = (r: AlertRow & { account_name: string | null; owner: string | null }): AlertRecord => ({
  ...toStored(r),
  accountId: r.account_id,
  accountName: r.account_name ?? r.account_id,
  owner: r.owner,
  subjectType: r.subject_type,
  updatedAt: r.updated_at,
});

const SEVERITY_ORDER = "CASE a.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END";

/** The WHERE clause and its parameters for a filter; shared by the list, the inbox and its counts. */
function whereOf(filter: AlertFilter, defaultActiveOnly = true): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const list = (column: string, name: string, values: readonly string[] | undefined): void => {
    if (!values || values.length === 0) return;
    where.push(`${column} IN (${values.map((_, i) => `@${name}${i}`).join(', ')})`);
    values.forEach((v, i) => (params[`${name}${i}`] = v));
  };
  list('a.rule', 'rule', filter.rules);
  list('a.severity', 'severity', filter.severities);
  list('a.status', 'status', filter.statuses);
  if (filter.owner !== undefined) {
    where.push('c.owner = @owner');
    params['owner'] = filter.owner;
  }
  if (filter.accountId !== undefined) {
    where.push('a.account_id = @account');
    params['account'] = filter.accountId;
  }
  if (filter.assignee !== undefined) {
    where.push('a.assignee = @assignee');
    params['assignee'] = filter.assignee;
  }
  if (filter.activeOnly ?? defaultActiveOnly) where.push('a.active = 1');
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

type RecordRow = AlertRow & { account_name: string | null; owner: string | null };

export function listAlerts(db: Db, filter: AlertFilter = {}): AlertRecord[] {
  const { sql: where, params } = whereOf(filter);
  const sql = `${RECORD_SELECT} ${where} ORDER BY ${SEVERITY_ORDER}, a.raised_at DESC, a.alert_id`;
  return (db.prepare(sql).all(params) as RecordRow[]).map(toRecord);
}

export type SeverityCounts = Record<AlertSeverity, number>;

const noCounts = (): SeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0 });

/**
 * One page of the alerts a filter matches, most severe first, with how many match in all and how
 * many of each severity would match without the severity part of the filter. Without `activeOnly`
 * alerts whose condition cleared are included (resolved or dismissed ones are often such).
 */
export function alertPage(db: Db, filter: AlertFilter, offset: number, limit: number): { total: number; counts: SeverityCounts; items: AlertRecord[] } {
  const { sql: where, params } = whereOf(filter, false);
  const items = (db.prepare(`${RECORD_SELECT} ${where} ORDER BY ${SEVERITY_ORDER}, a.raised_at DESC, a.alert_id LIMIT @limit OFFSET @offset`).all({ ...params, limit, offset }) as RecordRow[]).map(toRecord);
  const counts = noCounts();
  const bySeverity = whereOf({ ...filter, severities: undefined }, false);
  const rows = db.prepare(`SELECT a.severity, count(*) FROM alerts a LEFT JOIN accounts c ON c.account_id = a.account_id ${bySeverity.sql} GROUP BY a.severity`).raw().all(bySeverity.params) as Array<[AlertSeverity, number]>;
  for (const [severity, n] of rows) counts[severity] = n;
  const chosen = filter.severities && filter.severities.length > 0 ? new Set(filter.severities) : null;
  const total = (Object.keys(counts) as AlertSeverity[]).reduce((sum, s) => sum + (chosen === null || chosen.has(s) ? counts[s] : 0), 0);
  return { total, counts, items };
}

/** The ids of every alert a filter matches, in the inbox's order (to act on all of them). */
export function alertIds(db: Db, filter: AlertFilter): string[] {
  const { sql: where, params } = whereOf(filter, false);
  return db.prepare(`SELECT a.alert_id FROM alerts a LEFT JOIN accounts c ON c.account_id = a.account_id ${where} ORDER BY ${SEVERITY_ORDER}, a.raised_at DESC, a.alert_id`).pluck().all(params) as string[];
}

/** Alerts waiting on someone: open or acknowledged, their condition holding; per severity. */
export function waitingAlertCounts(db: Db): SeverityCounts {
  const counts = noCounts();
  const rows = db.prepare("SELECT severity, count(*) FROM alerts WHERE active = 1 AND status IN ('open', 'acknowledged') GROUP BY severity").raw().all() as Array<[AlertSeverity, number]>;
  for (const [severity, n] of rows) counts[severity] = n;
  return counts;
}

/** The account owners and assignees the inbox can be filtered by. */
export function alertPeople(db: Db): { owners: string[]; assignees: string[] } {
  const owners = db.prepare('SELECT DISTINCT c.owner FROM alerts a JOIN accounts c ON c.account_id = a.account_id WHERE c.owner IS NOT NULL ORDER BY c.owner').pluck().all() as string[];
  const assignees = db.prepare('SELECT DISTINCT assignee FROM alerts WHERE assignee IS NOT NULL ORDER BY assignee').pluck().all() as string[];
  return { owners, assignees };
}

export interface AlertEventRecord {
  at: string;
  action: string;
  actor: string;
  severity: string | null;
  status: string | null;
  note: string | null;
}

export function alertHistory(db: Db, id: string): AlertEventRecord[] {
  return db.prepare('SELECT at, action, actor, severity, status, note FROM alert_events WHERE alert_id = ? ORDER BY event_id').all(id) as AlertEventRecord[];
}
