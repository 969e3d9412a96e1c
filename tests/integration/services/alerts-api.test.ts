import { afterEach, describe, expect, it } from 'vitest';
import { csv, useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';
import { importFiles } from '../../../src/services/import-files';
import type { ApiClient, Args, Method, Result } from '../../../src/shared/api';

const t = useTempDir();
const apps: Array<{ close(): void }> = [];
afterEach(() => apps.splice(0).forEach((a) => a.close()));

const WO_HEADER = ['work_order_id', 'account_id', 'asset_id', 'type', 'opened_at', 'promised_at', 'arrived_at', 'completed_at', 'fixed_first_time', 'technician', 'customer_signed', 'recommendation', 'recommendation_severity', 'reminded_recommendation_ids'];
const visit = (id: string, account: string, asset: string, day: string, extra: Partial<Record<string, string>> = {}): string[] => {
  const v: Record<string, string> = {
    work_order_id: id,
    account_id: account,
    asset_id: asset,
    type: 'preventive',
    opened_at: `${day} 09:00`,
    promised_at: '',
    arrived_at: `${day} 09:30`,
    completed_at: `${day} 11:00`,
    fixed_first_time: '1',
    technician: 'Dan Ortiz',
    customer_signed: '1',
    recommendation: '',
    recommendation_severity: '',
    reminded_recommendation_ids: '',
    ...extra,
  };
  return WO_HEADER.map((h) => v[h]!);
};

/**
 * Three accounts, two owners: a recommendation passed over on two later visits (high), one left
 * open seven weeks (medium), and one whose machine then failed (critical); the rules may raise
 * more besides, which the tests count through the API rather than assume.
 */
const PORTFOLIO = {
  'accounts.csv': [
    ['account_id', 'name', 'segment', 'owner', 'contract_type', 'contract_renewal_date'],
    ['C1', 'Harbor Logistics', 'Logistics', 'Dana Whitfield', 'full_service', '2027-12-31'],
    ['C2', 'Alpine Dental', 'Healthcare', 'Ravi Menon', 'full_service', '2027-12-31'],
    ['C3', 'Quarry Works', 'Industry', 'Ravi Menon', 'full_service', '2027-12-31'],
  ],
  'visits.csv': [
    WO_HEADER,
    visit('WO-1', 'C1', 'SN-1', '2026-06-01', { recommendation: 'Replace the worn fuser', recommendation_severity: 'high' }),
    visit('WO-2', 'C1', 'SN-9', '2026-09-01'),
    visit('WO-3', 'C1', 'SN-9', '2026-10-15'),
    visit('WO-10', 'C2', 'SN-2', '2026-10-01', { recommendation: 'Train the new staff on the scanner', recommendation_severity: 'medium' }),
    visit('WO-20', 'C3', 'SN-3', '2026-05-01', { recommendation: 'Replace the drive belt', recommendation_severity: 'high' }),
    visit('WO-21', 'C3', 'SN-3', '2026-06-01', { type: 'break_fix', fixed_first_time: '0' }),
  ],
};

async function portfolio(): Promise<ApiClient['call']> {
  const app = testApp(t.dir(), new Date('2026-11-23T09:00:00Z'));
  apps.push(app.ctx);
  const paths = Object.entries(PORTFOLIO).map(([name, rows]) => t.file(name, csv(rows)));
  const result = await importFiles(app.ctx, { paths });
  for (const f of result.files) if ('error' in f) throw f.error;
  return app.api.call.bind(app.api);
}

async function ok<M extends Method>(call: ApiClient['call'], method: M, args: Args<M>): Promise<Result<M>> {
  const response = await call(method, args);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.data;
}

const WAITING = ['open', 'acknowledged'] as const;
const REC = (account: string, wo: string): string => `unaddressed_recommendation:${account}:${wo}`;

describe('the alerts inbox API', () => {
  it('pages through the matching alerts most severe first, with the total and the count per severity', async () => {
    const call = await portfolio();
    const all = await ok(call, 'alerts/list', {});
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = await ok(call, 'alerts/inbox', { statuses: [...WAITING], limit: 2 });
    const rest = await ok(call, 'alerts/inbox', { statuses: [...WAITING], offset: 2, limit: 1000 });
    expect(first.total).toBe(all.length);
    expect(first.items).toHaveLength(2);
    expect([...first.items, ...rest.items].map((a) => a.id)).toEqual(all.map((a) => a.id));
    const expected = { critical: 0, high: 0, medium: 0, low: 0 };
    for (const a of all) expected[a.severity] += 1;
    expect(first.counts).toEqual(expected);
    expect(first.items[0]).toMatchObject({ id: REC('C3', 'WO-20'), severity: 'critical', accountName: 'Quarry Works', owner: 'Ravi Menon' });

    // Narrowed to one severity: the counts still show every severity, so the others stay one click away.
    const high = await ok(call, 'alerts/inbox', { statuses: [...WAITING], severities: ['high'] });
    expect(high.counts).toEqual(expected);
    expect(high.total).toBe(expected.high);
    expect(high.items.every((a) => a.severity === 'high')).toBe(true);
    expect(high.items.map((a) => a.id)).toContain(REC('C1', 'WO-1'));
  });

  it('filters by rule, owner and account, and gives every matching id in the same order', async () => {
    const call = await portfolio();
    const ravi = await ok(call, 'alerts/inbox', { statuses: [...WAITING], owner: 'Ravi Menon', rules: ['unaddressed_recommendation'] });
    expect(ravi.items.map((a) => a.id)).toEqual([REC('C3', 'WO-20'), REC('C2', 'WO-10')]);
    expect(ravi.items.map((a) => a.severity)).toEqual(['critical', 'medium']);
    const c1 = await ok(call, 'alerts/inbox', { accountId: 'C1' });
    expect(c1.items.length).toBeGreaterThan(0);
    expect(c1.items.every((a) => a.accountId === 'C1' && a.owner === 'Dana Whitfield')).toBe(true);
    expect(await ok(call, 'alerts/ids', { owner: 'Ravi Menon', rules: ['unaddressed_recommendation'] })).toEqual(ravi.items.map((a) => a.id));
    expect(await ok(call, 'alerts/people', {})).toEqual({ owners: ['Dana Whitfield', 'Ravi Menon'], assignees: [] });
  });

  it('counts what waits on the user for the badge: snoozing, resolving and dismissing take alerts off it, acknowledging does not', async () => {
    const call = await portfolio();
    const before = await ok(call, 'alerts/counts', {});
    const waiting = await ok(call, 'alerts/list', { statuses: [...WAITING] });
    expect(before.open).toBe(waiting.length);
    expect(before.bySeverity.critical).toBe(1);

    await ok(call, 'alerts/act', { ids: [REC('C3', 'WO-20')], action: { kind: 'acknowledge' } });
    expect((await ok(call, 'alerts/counts', {})).open).toBe(before.open);
    await ok(call, 'alerts/act', { ids: [REC('C3', 'WO-20')], action: { kind: 'snooze', until: '2026-12-07', reason: 'Customer back from holiday on the 7th' } });
    await ok(call, 'alerts/act', { ids: [REC('C2', 'WO-10')], action: { kind: 'resolve', note: 'Training booked for next week' } });
    await ok(call, 'alerts/act', { ids: [REC('C1', 'WO-1')], action: { kind: 'assign', to: 'Grace Liu' } });
    const after = await ok(call, 'alerts/counts', {});
    expect(after.open).toBe(before.open - 2);
    expect(after.bySeverity).toMatchObject({ critical: 0, medium: before.bySeverity.medium - 1, high: before.bySeverity.high });
    expect((await ok(call, 'alerts/people', {})).assignees).toEqual(['Grace Liu']);

    // The closed ones are reachable by status, with their history.
    const snoozed = await ok(call, 'alerts/inbox', { statuses: ['snoozed'] });
    expect(snoozed.items).toMatchObject([{ id: REC('C3', 'WO-20'), snoozedUntil: '2026-12-07' }]);
    const resolved = await ok(call, 'alerts/inbox', { statuses: ['resolved'] });
    expect(resolved.items.map((a) => a.id)).toEqual([REC('C2', 'WO-10')]);
    const assigned = await ok(call, 'alerts/inbox', { assignee: 'Grace Liu' });
    expect(assigned.items.map((a) => a.id)).toEqual([REC('C1', 'WO-1')]);
    const history = await ok(call, 'alerts/history', { id: REC('C3', 'WO-20') });
    expect(history.map((h) => h.action)).toEqual(['raised', 'acknowledged', 'snoozed']);
    expect(history[2]!.note).toMatch(/Customer back from holiday/);
  });

  it('shows a logged reminder calming the alert of a recommendation nobody followed up', async () => {
    const call = await portfolio();
    const before = await ok(call, 'alerts/inbox', { statuses: [...WAITING], accountId: 'C1' });
    expect(before.items.find((a) => a.id === REC('C1', 'WO-1'))).toMatchObject({ severity: 'high' });
    await ok(call, 'recommendations/log', { recommendationId: 'WO-1', action: 'reminded', note: 'Raised it over coffee' });
    const after = await ok(call, 'alerts/inbox', { statuses: [...WAITING], accountId: 'C1' });
    expect(after.items.find((a) => a.id === REC('C1', 'WO-1'))).toMatchObject({ severity: 'medium' });
    expect(after.counts.high).toBe(before.counts.high - 1);
    expect(after.counts.medium).toBe(before.counts.medium + 1);
    const history = await ok(call, 'alerts/history', { id: REC('C1', 'WO-1') });
    expect(history.at(-1)).toMatchObject({ action: 'calmed', severity: 'medium' });
  });

  it('refuses bad arguments with a clear message', async () => {
    const call = await portfolio();
    await expect(call('alerts/inbox', { limit: 0 })).resolves.toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('limit') } });
    await expect(call('alerts/inbox', { statuses: ['forgotten'] } as never)).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await expect(call('alerts/ids', { everything: true } as never)).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await expect(call('alerts/counts', { owner: 'Dana' } as never)).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
