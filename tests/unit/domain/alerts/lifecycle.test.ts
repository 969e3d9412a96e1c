import { describe, expect, it } from 'vitest';
import {
  applyUserAction,
  reconcileAlerts,
  type AlertChange,
  type StoredAlert,
  type UserAction,
} from '../../../../src/domain/alerts/lifecycle';
import type { AlertCandidate } from '../../../../src/domain/alerts/rules';
import { daysSince } from '../../../../src/domain/alerts/day-counts';

const AS_OF = '2026-06-01';

function candidate(overrides: Partial<AlertCandidate> = {}): AlertCandidate {
  return {
    id: 'unaddressed_recommendation:C1:R-1',
    rule: 'unaddressed_recommendation',
    accountId: 'C1',
    subjectType: 'recommendation',
    subjectId: 'R-1',
    severity: 'medium',
    title: '"Replace the fuser unit" on SN-1 open 31 days without the customer\'s decision',
    detail: 'Recommended on 1 May 2026.',
    raisedAt: '2026-06-01',
    refs: [{ type: 'recommendation', id: 'R-1' }],
    ...overrides,
  };
}

/** The alert as the store keeps it once the candidate was inserted. */
function stored(overrides: Partial<StoredAlert> = {}): StoredAlert {
  const c = candidate();
  return {
    id: c.id,
    rule: c.rule,
    severity: c.severity,
    status: 'open',
    active: true,
    assignee: null,
    snoozedUntil: null,
    title: c.title,
    detail: c.detail,
    refs: c.refs,
    raisedAt: c.raisedAt,
    subjectId: c.subjectId,
    ...overrides,
  };
}

/** What the store does with the changes: enough to run the lifecycle over several evaluations. */
function applyChanges(alerts: readonly StoredAlert[], changes: readonly AlertChange[]): StoredAlert[] {
  const next = new Map(alerts.map((a) => [a.id, a]));
  for (const change of changes) {
    if (change.kind === 'insert') next.set(change.alert.id, { ...change.alert });
    else next.set(change.id, { ...next.get(change.id)!, ...change.set });
  }
  return [...next.values()];
}

function onlyUpdate(changes: readonly AlertChange[]): Extract<AlertChange, { kind: 'update' }> {
  expect(changes).toHaveLength(1);
  const change = changes[0]!;
  if (change.kind !== 'update') throw new Error(`expected an update, got ${change.kind}`);
  return change;
}

describe('reconcileAlerts', () => {
  it('inserts a new condition as an open alert with a raised event', () => {
    const changes = reconcileAlerts([], [candidate()], AS_OF);
    expect(changes).toEqual([
      {
        kind: 'insert',
        alert: { ...candidate(), status: 'open', active: true, assignee: null, snoozedUntil: null },
        events: [{ action: 'raised', actor: 'system', severity: 'medium', status: 'open', note: candidate().title }],
      },
    ]);
  });

  it('never duplicates: running again with the same candidates changes nothing', () => {
    const first = applyChanges([], reconcileAlerts([], [candidate()], AS_OF));
    expect(reconcileAlerts(first, [candidate()], AS_OF)).toEqual([]);
    expect(reconcileAlerts(first, [candidate(), candidate()], '2026-06-02')).toEqual([]);
  });

  it('stores a day count as a mark, and writes it out in the history as of the day it happened', () => {
    const counting = candidate({ title: `"Replace the fuser unit" on SN-1 open ${daysSince('2026-05-01')} without the customer's decision` });
    const inserted = reconcileAlerts([], [counting], AS_OF);
    expect(inserted[0]!.kind === 'insert' && inserted[0]!.alert.title).toBe(counting.title);
    expect(inserted[0]!.events[0]!.note).toBe('"Replace the fuser unit" on SN-1 open 31 days without the customer\'s decision');
    const kept = applyChanges([], inserted);
    expect(reconcileAlerts(kept, [counting], '2026-06-15')).toEqual([]);
    const worse = onlyUpdate(reconcileAlerts(kept, [{ ...counting, severity: 'high' }], '2026-06-15'));
    expect(worse.set).toEqual({ severity: 'high' });
    expect(worse.events[0]!.note).toBe('Worse, from medium to high: "Replace the fuser unit" on SN-1 open 45 days without the customer\'s decision');
  });

  it('inserts one alert when the same id comes twice in one run', () => {
    expect(reconcileAlerts([], [candidate(), candidate({ severity: 'high' })], AS_OF)).toHaveLength(1);
  });

  it('escalates when the condition worsens, recording it', () => {
    const change = onlyUpdate(reconcileAlerts([stored()], [candidate({ severity: 'high', title: 'Never mentioned on 2 later visits' })], AS_OF));
    expect(change.set).toEqual({ severity: 'high', title: 'Never mentioned on 2 later visits' });
    expect(change.events).toEqual([
      { action: 'escalated', actor: 'system', severity: 'high', status: 'open', note: 'Worse, from medium to high: Never mentioned on 2 later visits' },
    ]);
  });

  it('calms when the condition eases (a reminder was logged)', () => {
    const change = onlyUpdate(reconcileAlerts([stored({ severity: 'high' })], [candidate({ severity: 'medium' })], AS_OF));
    expect(change.set).toEqual({ severity: 'medium' });
    expect(change.events.map((e) => `${e.action} ${e.severity}`)).toEqual(['calmed medium']);
  });

  it('updates the wording and evidence without an event when only they changed', () => {
    const refs = [{ type: 'recommendation' as const, id: 'R-1' }, { type: 'work_order' as const, id: 'WO-2' }];
    const change = onlyUpdate(reconcileAlerts([stored()], [candidate({ detail: 'Now with a visit.', refs })], AS_OF));
    expect(change.set).toEqual({ detail: 'Now with a visit.', refs });
    expect(change.events).toEqual([]);
  });

  it('resolves an open, acknowledged or snoozed alert whose condition no longer holds, saying why', () => {
    for (const status of ['open', 'acknowledged', 'snoozed'] as const) {
      const alert = stored({ status, snoozedUntil: status === 'snoozed' ? '2026-07-01' : null });
      const change = onlyUpdate(reconcileAlerts([alert], [], AS_OF, () => 'The customer decided: accepted on 2 May 2026'));
      expect(change.set).toEqual({ active: false, status: 'resolved', ...(status === 'snoozed' ? { snoozedUntil: null } : {}) });
      expect(change.events).toEqual([{ action: 'cleared', actor: 'system', severity: 'medium', status: 'resolved', note: 'The customer decided: accepted on 2 May 2026' }]);
    }
  });

  it('says the condition no longer holds when there is nothing more specific', () => {
    const change = onlyUpdate(reconcileAlerts([stored()], [], AS_OF));
    expect(change.events[0]!.note).toBe('The condition no longer holds');
  });

  it('leaves an alert alone once it has cleared', () => {
    expect(reconcileAlerts([stored({ status: 'resolved', active: false })], [], AS_OF)).toEqual([]);
  });

  it('keeps a user-resolved alert resolved while its condition keeps holding', () => {
    const resolved = stored({ status: 'resolved' });
    expect(reconcileAlerts([resolved], [candidate()], AS_OF)).toEqual([]);
    const worse = onlyUpdate(reconcileAlerts([resolved], [candidate({ severity: 'high' })], AS_OF));
    expect(worse.set).toEqual({ severity: 'high' });
    expect(worse.events[0]).toMatchObject({ action: 'escalated', status: 'resolved' });
  });

  it('reopens a resolved alert when a condition that had cleared comes back', () => {
    const cleared = stored({ status: 'resolved', active: false, raisedAt: '2026-03-01' });
    const change = onlyUpdate(reconcileAlerts([cleared], [candidate({ raisedAt: '2026-05-20' })], AS_OF));
    expect(change.set).toEqual({ active: true, status: 'open', raisedAt: '2026-05-20' });
    expect(change.events).toEqual([{ action: 'reopened', actor: 'system', severity: 'medium', status: 'open', note: `The condition holds again: ${candidate().title}` }]);
  });

  describe('a dismissed alert', () => {
    it('is never revived while its condition holds', () => {
      expect(reconcileAlerts([stored({ status: 'dismissed' })], [candidate()], AS_OF)).toEqual([]);
    });

    it('stays dismissed when it escalates, the escalation kept in its history', () => {
      const change = onlyUpdate(reconcileAlerts([stored({ status: 'dismissed' })], [candidate({ severity: 'critical', detail: 'It failed.' })], AS_OF));
      expect(change.set).toEqual({ severity: 'critical', detail: 'It failed.' });
      expect(change.events).toEqual([expect.objectContaining({ action: 'escalated', severity: 'critical', status: 'dismissed' })]);
    });

    it('stays dismissed when its condition clears and comes back', () => {
      const cleared = onlyUpdate(reconcileAlerts([stored({ status: 'dismissed' })], [], AS_OF));
      expect(cleared.set).toEqual({ active: false });
      expect(cleared.events[0]).toMatchObject({ action: 'cleared', status: 'dismissed' });

      const back = onlyUpdate(reconcileAlerts([stored({ status: 'dismissed', active: false })], [candidate()], AS_OF));
      expect(back.set).toEqual({ active: true });
      expect(back.events).toEqual([expect.objectContaining({ action: 'raised', status: 'dismissed', note: 'The condition holds again; the alert stays dismissed' })]);
    });
  });

  describe('a snoozed alert', () => {
    it('returns to open the day after its snooze ends', () => {
      const snoozed = stored({ status: 'snoozed', snoozedUntil: '2026-05-31' });
      const change = onlyUpdate(reconcileAlerts([snoozed], [candidate()], AS_OF));
      expect(change.set).toEqual({ status: 'open', snoozedUntil: null });
      expect(change.events).toEqual([{ action: 'snooze_ended', actor: 'system', severity: 'medium', status: 'open', note: 'Snoozed until 31 May 2026' }]);
    });

    it('stays snoozed through the last day of its snooze, even when it escalates', () => {
      const snoozed = stored({ status: 'snoozed', snoozedUntil: AS_OF });
      expect(reconcileAlerts([snoozed], [candidate()], AS_OF)).toEqual([]);
      const worse = onlyUpdate(reconcileAlerts([snoozed], [candidate({ severity: 'high' })], AS_OF));
      expect(worse.set).toEqual({ severity: 'high' });
      expect(worse.events[0]).toMatchObject({ action: 'escalated', status: 'snoozed' });
    });

    it('ends its snooze before an escalation is recorded', () => {
      const snoozed = stored({ status: 'snoozed', snoozedUntil: '2026-05-15' });
      const change = onlyUpdate(reconcileAlerts([snoozed], [candidate({ severity: 'high' })], AS_OF));
      expect(change.events.map((e) => `${e.action} ${e.status}`)).toEqual(['snooze_ended open', 'escalated open']);
    });
  });

  it('runs a whole life: raised, escalated, resolved by the user, cleared, back again, reopened', () => {
    let alerts = applyChanges([], reconcileAlerts([], [candidate()], '2026-06-01'));
    alerts = applyChanges(alerts, reconcileAlerts(alerts, [candidate({ severity: 'high' })], '2026-06-10'));
    const resolved = applyUserAction(alerts[0]!, { kind: 'resolve', by: 'Sam', note: 'Raised it with the facilities manager' }, '2026-06-11');
    if (!resolved.ok) throw new Error(resolved.message);
    alerts = [{ ...alerts[0]!, ...resolved.set }];
    expect(reconcileAlerts(alerts, [candidate({ severity: 'high' })], '2026-06-12')).toEqual([]);
    alerts = applyChanges(alerts, reconcileAlerts(alerts, [], '2026-06-20'));
    expect(alerts[0]).toMatchObject({ status: 'resolved', active: false });
    alerts = applyChanges(alerts, reconcileAlerts(alerts, [candidate()], '2026-08-01'));
    expect(alerts[0]).toMatchObject({ status: 'open', active: true, severity: 'medium' });
  });
});

describe('applyUserAction', () => {
  const act = (alert: StoredAlert, action: UserAction, asOf = AS_OF) => applyUserAction(alert, action, asOf);

  it('acknowledges an open alert', () => {
    expect(act(stored(), { kind: 'acknowledge', by: 'Sam' })).toEqual({
      ok: true,
      set: { status: 'acknowledged', assignee: null, snoozedUntil: null },
      event: { action: 'acknowledged', actor: 'Sam', severity: 'medium', status: 'acknowledged', note: null },
    });
  });

  it('snoozes until a date, with a reason', () => {
    const result = act(stored({ status: 'acknowledged' }), { kind: 'snooze', by: 'Sam', until: '2026-06-15', reason: 'Customer on holiday' });
    expect(result).toEqual({
      ok: true,
      set: { status: 'snoozed', assignee: null, snoozedUntil: '2026-06-15' },
      event: { action: 'snoozed', actor: 'Sam', severity: 'medium', status: 'snoozed', note: 'Until 15 Jun 2026: Customer on holiday' },
    });
  });

  it('assigns and unassigns, keeping the status', () => {
    const assigned = act(stored({ status: 'snoozed', snoozedUntil: '2026-06-15' }), { kind: 'assign', by: 'Sam', to: 'Ann Bell' });
    expect(assigned).toMatchObject({ ok: true, set: { status: 'snoozed', assignee: 'Ann Bell', snoozedUntil: '2026-06-15' }, event: { action: 'assigned', note: 'Assigned to Ann Bell' } });
    expect(act(stored({ assignee: 'Ann Bell' }), { kind: 'assign', by: 'Sam', to: null })).toMatchObject({ ok: true, set: { assignee: null }, event: { note: 'Unassigned' } });
  });

  it('resolves with a note, dismisses with or without a reason, and reopens', () => {
    expect(act(stored(), { kind: 'resolve', by: 'Sam', note: 'Customer ordered the part' })).toMatchObject({ ok: true, set: { status: 'resolved' }, event: { action: 'resolved', note: 'Customer ordered the part' } });
    expect(act(stored(), { kind: 'dismiss', by: 'Sam' })).toMatchObject({ ok: true, set: { status: 'dismissed' }, event: { action: 'dismissed', note: null } });
    expect(act(stored({ status: 'resolved' }), { kind: 'dismiss', by: 'Sam', reason: 'Machine is being sold' })).toMatchObject({ ok: true, event: { note: 'Machine is being sold' } });
    expect(act(stored({ status: 'dismissed' }), { kind: 'reopen', by: 'Sam' })).toMatchObject({ ok: true, set: { status: 'open' }, event: { action: 'reopened', actor: 'Sam' } });
  });

  it('ends a snooze when the alert is acknowledged, resolved or dismissed', () => {
    const snoozed = stored({ status: 'snoozed', snoozedUntil: '2026-06-15' });
    for (const action of [{ kind: 'acknowledge', by: 'Sam' }, { kind: 'resolve', by: 'Sam', note: 'Done' }, { kind: 'dismiss', by: 'Sam' }] as const) {
      expect(act(snoozed, action)).toMatchObject({ ok: true, set: { snoozedUntil: null } });
    }
  });

  it.each<[string, StoredAlert, UserAction, string]>([
    ['snoozing a resolved alert', stored({ status: 'resolved' }), { kind: 'snooze', by: 'Sam', until: '2026-07-01', reason: 'Later' }, 'A resolved alert cannot be snoozed: reopen it first.'],
    ['snoozing without a reason', stored(), { kind: 'snooze', by: 'Sam', until: '2026-07-01', reason: '  ' }, 'Say why the alert is snoozed.'],
    ['snoozing until a past date', stored(), { kind: 'snooze', by: 'Sam', until: '2026-05-01', reason: 'Later' }, 'Snooze until a date from 1 Jun 2026 on, not 1 May 2026.'],
    ['snoozing until no date at all', stored(), { kind: 'snooze', by: 'Sam', until: '2026-02-30', reason: 'Later' }, '"2026-02-30" is not a date (YYYY-MM-DD).'],
    ['resolving without a note', stored(), { kind: 'resolve', by: 'Sam', note: '' }, 'Say how the alert was resolved.'],
    ['resolving a dismissed alert', stored({ status: 'dismissed' }), { kind: 'resolve', by: 'Sam', note: 'Done' }, 'A dismissed alert cannot be resolved.'],
    ['acknowledging twice', stored({ status: 'acknowledged' }), { kind: 'acknowledge', by: 'Sam' }, 'This alert is already acknowledged.'],
    ['acknowledging a resolved alert', stored({ status: 'resolved' }), { kind: 'acknowledge', by: 'Sam' }, 'A resolved alert cannot be acknowledged: reopen it first.'],
    ['assigning a dismissed alert', stored({ status: 'dismissed' }), { kind: 'assign', by: 'Sam', to: 'Ann' }, 'A dismissed alert cannot be assigned: reopen it first.'],
    ['assigning to whoever has it', stored({ assignee: 'Ann' }), { kind: 'assign', by: 'Sam', to: 'Ann' }, 'This alert is already assigned to Ann.'],
    ['dismissing twice', stored({ status: 'dismissed' }), { kind: 'dismiss', by: 'Sam' }, 'This alert is already dismissed.'],
    ['reopening an open alert', stored({ status: 'acknowledged' }), { kind: 'reopen', by: 'Sam' }, 'This alert is already open.'],
    ['acting without a name', stored(), { kind: 'acknowledge', by: ' ' }, 'Say who is acting on the alert.'],
  ])('refuses %s', (_name, alert, action, message) => {
    expect(act(alert, action)).toEqual({ ok: false, message });
  });
});
