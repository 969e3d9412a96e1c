import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { csv, useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';
import { cli } from '../../support/cli';
import { importFiles } from '../../../src/services/import-files';
import type { AppContext } from '../../../src/services/context';
import type { ApiClient } from '../../../src/shared/api';

const t = useTempDir();
const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

/** The app as it stands on one day (every service reads its clock). */
function on(day: string): { ctx: AppContext; dispatch: ApiClient['call'] } {
  const app = testApp(t.dir(), new Date(`${day}T09:00:00Z`));
  open.push(app.ctx);
  return { ctx: app.ctx, dispatch: app.api.call.bind(app.api) };
}

async function load(ctx: AppContext, files: Record<string, Array<Array<string | number>>>): Promise<void> {
  const paths = Object.entries(files).map(([name, rows]) => t.file(name, csv(rows)));
  const result = await importFiles(ctx, { paths });
  for (const f of result.files) if ('error' in f) throw f.error;
}

const WO_HEADER = ['work_order_id', 'account_id', 'asset_id', 'type', 'opened_at', 'promised_at', 'arrived_at', 'completed_at', 'fixed_first_time', 'technician', 'customer_signed', 'recommendation', 'recommendation_severity', 'reminded_recommendation_ids', 'follow_up_at'];
const visit = (id: string, day: string, extra: Partial<Record<string, string>> = {}): string[] => {
  const v: Record<string, string> = {
    work_order_id: id,
    account_id: 'C1',
    asset_id: 'SN-4471',
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
    follow_up_at: '',
    ...extra,
  };
  return WO_HEADER.map((h) => v[h]!);
};

const ACCOUNTS = [
  ['account_id', 'name', 'segment', 'owner', 'contract_type', 'contract_renewal_date'],
  ['C1', 'Harbor Logistics', 'Logistics', 'Dana Whitfield', 'full_service', '2027-12-31'],
];

describe('the technician who never reminded', () => {
  const story = {
    'accounts.csv': ACCOUNTS,
    'visits.csv': [
      WO_HEADER,
      visit('WO-1', '2026-01-12', { recommendation: 'Fuser unit showing wear, replace before it fails', recommendation_severity: 'high' }),
      visit('WO-2', '2026-02-16'),
      visit('WO-3', '2026-03-16'),
      visit('WO-4', '2026-04-13'),
    ],
  };

  it('raises the alert, escalates it as revisits pass without a reminder, and makes it critical when the machine fails', async () => {
    const early = on('2026-02-20');
    await load(early.ctx, story);
    const first = await early.dispatch('alerts/list', { rules: ['unaddressed_recommendation'] });
    expect(first).toMatchObject({ ok: true, data: [{ id: 'unaddressed_recommendation:C1:WO-1', severity: 'medium', status: 'open' }] });

    const later = on('2026-04-20');
    await later.dispatch('engine/recompute', {});
    const high = await later.dispatch('alerts/list', { rules: ['unaddressed_recommendation'] });
    expect(high).toMatchObject({ ok: true, data: [{ id: 'unaddressed_recommendation:C1:WO-1', severity: 'high' }] });

    const failed = on('2026-05-20');
    await load(failed.ctx, { 'failure.csv': [WO_HEADER, visit('WO-5', '2026-05-14', { type: 'break_fix', promised_at: '2026-05-14 13:00', arrived_at: '2026-05-14 12:00', completed_at: '2026-05-16 17:00' })] });
    const critical = await failed.dispatch('alerts/list', { rules: ['unaddressed_recommendation'] });
    expect(critical.ok && critical.data).toHaveLength(1);
    expect(critical).toMatchObject({ ok: true, data: [{ severity: 'critical' }] });
    if (critical.ok) expect(critical.data[0]!.title).toMatch(/never mentioned on 3 later visits by Dan Ortiz.*failed on 14 May 2026/);

    const history = await failed.dispatch('alerts/history', { id: 'unaddressed_recommendation:C1:WO-1' });
    expect(history.ok && history.data.map((e) => `${e.action} ${e.severity}`)).toEqual(['raised medium', 'escalated high', 'escalated critical']);
  });

  it('never duplicates an alert on re-running, and never revives a dismissed one', async () => {
    const day = on('2026-04-20');
    await load(day.ctx, story);
    await day.dispatch('engine/recompute', {});
    await day.dispatch('engine/recompute', {});
    const count = day.ctx.db.prepare("SELECT count(*) FROM alerts WHERE rule = 'unaddressed_recommendation'").pluck().get();
    expect(count).toBe(1);
    expect(await day.dispatch('alerts/act', { ids: ['unaddressed_recommendation:C1:WO-1'], action: { kind: 'dismiss', reason: 'Customer replacing the fleet anyway' } })).toMatchObject({ ok: true, data: [{ status: 'dismissed' }] });
    await load(day.ctx, { 'failure.csv': [WO_HEADER, visit('WO-5', '2026-04-18', { type: 'break_fix' })] });
    const after = await day.dispatch('alerts/list', { rules: ['unaddressed_recommendation'] });
    expect(after).toMatchObject({ ok: true, data: [{ status: 'dismissed', severity: 'critical' }] });
  });

  it('calms the alert when a reminder is logged, and closes it when the customer decides', async () => {
    const day = on('2026-04-20');
    await load(day.ctx, story);
    expect(await day.dispatch('alerts/list', { rules: ['unaddressed_recommendation'] })).toMatchObject({ ok: true, data: [{ severity: 'high' }] });
    const before = await day.dispatch('scores/get', { accountId: 'C1' });

    expect(await day.dispatch('recommendations/log', { recommendationId: 'WO-1', action: 'reminded', note: 'Raised it over coffee with the office manager' })).toEqual({ ok: true, data: { accountId: 'C1' } });
    expect(await day.dispatch('alerts/list', { rules: ['unaddressed_recommendation'] })).toMatchObject({ ok: true, data: [{ severity: 'medium' }] });
    const reminded = await day.dispatch('scores/get', { accountId: 'C1' });
    expect(reminded.ok && before.ok && reminded.data.score.loyalty! > before.data.score.loyalty!).toBe(true);

    await day.dispatch('recommendations/log', { recommendationId: 'WO-1', action: 'accepted' });
    expect(await day.dispatch('alerts/list', { rules: ['unaddressed_recommendation'] })).toMatchObject({ ok: true, data: [] });
    const cleared = await day.dispatch('alerts/list', { rules: ['unaddressed_recommendation'], includeCleared: true });
    expect(cleared).toMatchObject({ ok: true, data: [{ status: 'resolved', active: false }] });
    const history = await day.dispatch('alerts/history', { id: 'unaddressed_recommendation:C1:WO-1' });
    expect(history.ok && history.data.map((e) => e.action)).toEqual(['raised', 'calmed', 'cleared']);
    expect(history.ok && history.data.at(-1)!.note).toMatch(/^The customer decided: accepted/);
  });
});

describe('the satisfied customer whose other floors run a competitor\'s machines', () => {
  it('scores Satisfied or lower on loyalty while satisfaction stays high, and the brief says why', async () => {
    const day = on('2026-06-30');
    await load(day.ctx, {
      'accounts.csv': ACCOUNTS,
      'base.csv': [
        ['account_id', 'asset_id', 'site', 'location', 'vendor', 'quantity', 'serviced_by', 'as_of'],
        ['C1', 'SN-1', 'HQ', 'Floor 1', 'Northwind', 4, 'us', '2026-06-01'],
        ['C1', 'RV-1', 'HQ', 'Floor 2', 'Ricona', 8, 'competitor', '2026-06-01'],
        ['C1', 'RV-2', 'HQ', 'Floor 3', 'Ricona', 6, 'competitor', '2026-06-01'],
        ['C1', 'KY-1', 'Plant 2', 'Floor 1', 'Kyomatic', 5, 'competitor', '2026-06-01'],
      ],
      'visits.csv': [WO_HEADER, ...Array.from({ length: 10 }, (_, i) => visit(`WO-${i}`, `2026-0${Math.floor(i / 2) + 1}-1${i % 2}`, { asset_id: 'SN-1' }))],
      'surveys.csv': [
        ['response_id', 'account_id', 'responded_at', 'nps', 'comment'],
        ['R1', 'C1', '2026-02-01', '10', 'Best engineers we have worked with'],
        ['R2', 'C1', '2026-05-01', '9', ''],
      ],
    });
    const score = await day.dispatch('scores/get', { accountId: 'C1' });
    if (!score.ok) throw new Error(score.error.message);
    expect(score.data.score.satisfaction).toBeGreaterThanOrEqual(90);
    expect(['satisfied', 'at_risk', 'critical']).toContain(score.data.score.band);
    expect(await day.dispatch('alerts/list', { rules: ['footprint_loss'] })).toMatchObject({ ok: true, data: [{ severity: 'medium' }] });
    const brief = await day.dispatch('review/get', { accountId: 'C1' });
    if (!brief.ok) throw new Error(brief.error.message);
    expect(brief.data.talkingPoints.map((p) => p.text).join('\n')).toMatch(/They rate us well \(satisfaction \d+\), but we service 4 of 23 machines \(17%\)/);
  });
});

describe('the bad call after a good year', () => {
  it('drops the score, keeps one snapshot a day, and raises a score-drop alert against the month before', async () => {
    // A year of good break-fix calls, each on a different machine (so none is a repeat call).
    const year = Array.from({ length: 12 }, (_, i) => visit(`WO-${i}`, `2025-${String(i + 1).padStart(2, '0')}-10`, { type: 'break_fix', asset_id: `SN-${100 + i}`, promised_at: `2025-${String(i + 1).padStart(2, '0')}-10 13:00` }));
    const good = on('2025-12-20');
    await load(good.ctx, { 'accounts.csv': ACCOUNTS, 'year.csv': [WO_HEADER, ...year], 'surveys.csv': [['response_id', 'account_id', 'responded_at', 'nps'], ['R1', 'C1', '2025-11-20', '9']] });
    await good.dispatch('engine/recompute', {});
    await good.dispatch('engine/recompute', {});
    expect(good.ctx.db.prepare("SELECT count(*) FROM score_snapshots WHERE account_id = 'C1' AND as_of = '2025-12-20'").pluck().get()).toBe(1);
    const before = good.ctx.db.prepare("SELECT loyalty FROM score_snapshots WHERE as_of = '2025-12-20'").pluck().get() as number;

    const bad = on('2026-01-19');
    await load(bad.ctx, {
      'bad.csv': [WO_HEADER, visit('WO-BAD', '2026-01-12', { type: 'break_fix', promised_at: '2026-01-12 11:00', arrived_at: '2026-01-12 16:00', fixed_first_time: '0' }), visit('WO-BAD2', '2026-01-15', { type: 'break_fix', asset_id: 'SN-9', promised_at: '2026-01-15 11:00', arrived_at: '2026-01-15 15:30', fixed_first_time: '0' })],
      // … and the customer says so.
      'angry.csv': [['response_id', 'account_id', 'responded_at', 'nps', 'comment'], ['R2', 'C1', '2026-01-16', '3', 'Two days without the printer, twice in one week']],
    });
    const after = bad.ctx.db.prepare("SELECT loyalty FROM score_snapshots WHERE as_of = '2026-01-19'").pluck().get() as number;
    expect(before - after).toBeGreaterThanOrEqual(10);
    expect(await bad.dispatch('alerts/list', { rules: ['score_drop'] })).toMatchObject({ ok: true, data: [{ severity: 'medium' }] });
    const badCalls = await bad.dispatch('alerts/list', { rules: ['bad_call_no_follow_up'] });
    expect(badCalls.ok && badCalls.data.map((a) => `${a.id} ${a.severity}`)).toEqual(['bad_call_no_follow_up:C1:WO-BAD2 high', 'bad_call_no_follow_up:C1:WO-BAD medium']);
  });
});

describe('the command line', () => {
  const dbPath = () => join(t.dir(), 'cli.db');

  it('prints scores whose points add up, changes them with --weights, and ignores data after --as-of', async () => {
    await cli('demo', '--db', dbPath(), '--as-of', '2026-11-23');
    const res = await cli('scores', '--db', dbPath(), '--as-of', '2026-11-23', '--json');
    expect(res.code).toBe(0);
    const scores = JSON.parse(res.stdout) as Array<{ account_id: string; loyalty: number | null; band: string; satisfaction: number | null; components: Array<{ key: string; weight: number; points: number; drivers: Array<{ label: string; points: number; ref: unknown }> }> }>;
    expect(scores.length).toBe(240);
    for (const s of scores) {
      if (s.loyalty === null) continue;
      // (+ 0 turns a −0 from rounding into 0)
      expect(Math.round(s.components.reduce((a, c) => a + c.points, 0) * 10) / 10 + 0).toBe(s.loyalty + 0);
      for (const c of s.components) if (c.drivers.length) expect(Math.round(c.drivers.reduce((a, d) => a + d.points, 0) * 10) / 10 + 0).toBe(c.points + 0);
      expect(['loyal', 'satisfied', 'at_risk', 'critical']).toContain(s.band);
    }
    const again = await cli('scores', '--db', dbPath(), '--as-of', '2026-11-23', '--json');
    expect(again.stdout).toBe(res.stdout);

    const weighted = JSON.parse((await cli('scores', '--db', dbPath(), '--as-of', '2026-11-23', '--weights', 'service=1,satisfaction=0,footprint=0,partnership=0,commercial=0', '--json')).stdout) as typeof scores;
    const one = weighted.find((s) => s.account_id === 'C0004')!;
    expect(one.components.find((c) => c.key === 'service')!.weight).toBe(1);
    expect(one.loyalty).not.toBe(scores.find((s) => s.account_id === 'C0004')!.loyalty);

    const earlier = JSON.parse((await cli('scores', '--db', dbPath(), '--as-of', '2025-06-30', '--json')).stdout) as typeof scores;
    expect(earlier.find((s) => s.account_id === 'C0004')!.loyalty).not.toBe(scores.find((s) => s.account_id === 'C0004')!.loyalty);
    expect((await cli('scores', '--db', dbPath(), '--weights', 'speed=1')).code).toBe(2);
  });

  it('prints alerts and a checklist in the shapes of the contract', async () => {
    await cli('demo', '--db', dbPath(), '--as-of', '2026-11-23');
    const alerts = JSON.parse((await cli('alerts', '--db', dbPath(), '--as-of', '2026-11-23', '--json')).stdout) as Array<Record<string, unknown>>;
    expect(alerts.length).toBeGreaterThan(0);
    for (const a of alerts) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'rule', 'account_id', 'severity', 'status', 'title', 'detail', 'raised_at', 'refs']));
      expect(['low', 'medium', 'high', 'critical']).toContain(a['severity']);
    }
    expect(new Set(alerts.map((a) => a['id'])).size).toBe(alerts.length);
    const checklist = JSON.parse((await cli('checklist', '--db', dbPath(), '--account', 'C0004', '--as-of', '2026-11-23', '--json')).stdout) as { account_id: string; template_version: number; items: Array<Record<string, unknown>> };
    expect(checklist).toMatchObject({ account_id: 'C0004', template_version: 1 });
    expect(checklist.items.length).toBe(18);
    for (const item of checklist.items) {
      expect(['derived', 'manual']).toContain(item['kind']);
      expect(['done', 'open', 'expired', 'not_applicable']).toContain(item['status']);
    }
    expect((await cli('checklist', '--db', dbPath(), '--account', 'NOPE')).code).toBe(2);
  });
});

describe('the partnership checklist', () => {
  it('is ticked with a note, expires, and can be reworded, regrouped and extended in a new version; ticks say their version', async () => {
    const day = on('2026-06-30');
    await load(day.ctx, { 'accounts.csv': ACCOUNTS, 'visits.csv': [WO_HEADER, visit('WO-1', '2026-06-01')] });
    expect(await day.dispatch('checklist/tick', { accountId: 'C1', itemId: 'know.downtime_cost', doneOn: '2026-06-10', note: 'About 4,000 an hour' })).toEqual({ ok: true, data: { expiresOn: '2027-06-10' } });
    expect(await day.dispatch('checklist/tick', { accountId: 'C1', itemId: 'listen.recent_survey' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('worked out from the data') } });
    expect(await day.dispatch('checklist/tick', { accountId: 'C1', itemId: 'know.nothing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const before = await day.dispatch('checklist/get', { accountId: 'C1' });
    expect(before).toMatchObject({ ok: true, data: { templateVersion: 1, manualAssessed: true } });
    if (before.ok) expect(before.data.items.find((i) => i.id === 'know.downtime_cost')).toMatchObject({ status: 'done', evidence: { note: 'About 4,000 an hour', madeAgainstVersion: 1 } });

    const template = await day.dispatch('checklist/template/get', {});
    if (!template.ok) throw new Error(template.error.message);
    const groups = template.data.template.groups.map((g) => ({
      ...g,
      items: g.items.map((i) => (i.id === 'know.downtime_cost' ? { ...i, text: 'Downtime cost per hour on file', validDays: 10 } : i)),
    }));
    groups.push({ id: 'ours', title: 'Our own', items: [{ id: 'ours.site_visit', text: 'Walked the site with the facilities manager', kind: 'manual', validDays: 180 }] });
    expect(await day.dispatch('checklist/template/save', { note: 'Shorter validity for downtime cost', groups })).toEqual({ ok: true, data: { version: 2 } });
    const after = await day.dispatch('checklist/get', { accountId: 'C1' });
    if (!after.ok) throw new Error(after.error.message);
    expect(after.data.templateVersion).toBe(2);
    expect(after.data.items.find((i) => i.id === 'know.downtime_cost')).toMatchObject({ text: 'Downtime cost per hour on file', status: 'done', evidence: { madeAgainstVersion: 1 } });
    expect(after.data.items.at(-1)).toMatchObject({ group: 'Our own', status: 'open' });
    const versions = await day.dispatch('checklist/template/get', {});
    expect(versions.ok && versions.data.versions.map((v) => v.version)).toEqual([2, 1]);
    // A tick keeps the validity it was made with; a new one takes the new validity, and expires.
    const later = on('2026-07-30');
    const stillDone = await later.dispatch('checklist/get', { accountId: 'C1' });
    expect(stillDone.ok && stillDone.data.items.find((i) => i.id === 'know.downtime_cost')?.status).toBe('done');
    expect(await later.dispatch('checklist/tick', { accountId: 'C1', itemId: 'know.downtime_cost', doneOn: '2026-07-01' })).toEqual({ ok: true, data: { expiresOn: '2026-07-11' } });
    const expired = await later.dispatch('checklist/get', { accountId: 'C1' });
    expect(expired.ok && expired.data.items.find((i) => i.id === 'know.downtime_cost')).toMatchObject({ status: 'expired', evidence: { madeAgainstVersion: 2 } });
  });
});
