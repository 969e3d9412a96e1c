import { afterEach, describe, expect, it } from 'vitest';
import { csv, useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';
import { importFile } from '../../../src/import/importer';
import { importFiles } from '../../../src/services/import-files';
import { LATEST_VERSION } from '../../../src/db/migrations/index';
import type { PortfolioRow } from '../../../src/shared/account-types';
import { readSparkline } from '../../../src/shared/sparkline';

const t = useTempDir();
const apps: Array<{ close(): void }> = [];
afterEach(() => apps.splice(0).forEach((a) => a.close()));
const app = () => {
  const made = testApp(t.dir());
  apps.push(made.ctx);
  return made;
};

describe('the API dispatcher', () => {
  it('answers a known method with data that matches the contract', async () => {
    const { dispatch, ctx } = app();
    await expect(dispatch('app/info', {})).resolves.toEqual({
      ok: true,
      data: { version: expect.any(String), dataFile: ctx.dataFile, schemaVersion: LATEST_VERSION, accounts: 0, empty: true, asOf: null, companyName: 'Our company' },
    });
  });

  it('never throws on bad input: unknown methods and invalid arguments get { ok: false, error }', async () => {
    const { dispatch } = app();
    await expect(dispatch('accounts/delete-everything', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    await expect(dispatch(42, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    await expect(dispatch('accounts/list', { limit: -1 })).resolves.toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('limit') } });
    await expect(dispatch('accounts/list', { sql: 'DROP TABLE accounts' })).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await expect(dispatch('imports/undo', { importId: 'one' })).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await expect(dispatch('accounts/list', 'nonsense')).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await expect(dispatch('imports/undo', { importId: 9 })).resolves.toMatchObject({ ok: false, error: { code: 'not_found', message: 'There is no import #9.' } });
  });

  it('lists the portfolio: each account with its current score, movement, top driver and open alerts; sorted and searched', async () => {
    const { dispatch, api, ctx } = app();
    const files = [
      t.file('a.csv', csv([['account_id', 'name', 'owner', 'segment'], ['C1', 'Harbor Logistics', 'Dana', 'Logistics'], ['C2', 'Alpine Dental', 'Ravi', 'Healthcare'], ['C3', 'Quiet Co', 'Ravi', 'Retail']])),
      t.file('w.csv', csv([
        ['work_order_id', 'account_id', 'asset_id', 'type', 'opened_at', 'promised_at', 'arrived_at', 'completed_at', 'fixed_first_time', 'recommendation', 'recommendation_severity'],
        ['WO-1', 'C1', 'SN-1', 'break_fix', '2026-09-02 09:00', '2026-09-02 12:00', '2026-09-02 16:00', '2026-09-02 17:00', '0', 'Replace the fuser', 'high'],
        ['WO-2', 'C1', 'SN-1', 'break_fix', '2026-10-10 09:00', '2026-10-10 12:00', '2026-10-10 15:30', '2026-10-10 16:00', '0', '', ''],
        ['WO-3', 'C2', 'SN-2', 'preventive', '2026-10-01 09:00', '', '2026-10-01 09:30', '2026-10-01 10:00', '1', '', ''],
        ['WO-4', 'C2', 'SN-2', 'break_fix', '2026-11-01 09:00', '2026-11-01 13:00', '2026-11-01 11:00', '2026-11-01 12:00', '1', '', ''],
      ])),
    ];
    const outcome = await importFiles(ctx, { paths: files });
    expect(outcome.files.every((f) => 'report' in f)).toBe(true);

    const all = await api.call('accounts/list', {});
    if (!all.ok) throw new Error(all.error.message);
    expect(all.data.total).toBe(3);
    expect(all.data.accounts.map((a) => a.name)).toEqual(['Alpine Dental', 'Harbor Logistics', 'Quiet Co']);
    const [alpine, harbor, quiet] = all.data.accounts as [PortfolioRow, PortfolioRow, PortfolioRow];
    expect(harbor).toMatchObject({ accountId: 'C1', owner: 'Dana', segment: 'Logistics', asOf: '2026-11-23', band: expect.any(String) });
    expect(harbor.loyalty).toBeLessThan(alpine.loyalty!);
    expect(harbor.topDriver).toMatch(/late|fixed first time|recommendation/i);
    // The unaddressed recommendation, the failure it foretold, the bad calls nobody followed up.
    expect(harbor.openAlerts).toBeGreaterThan(0);
    expect(harbor.worstAlert).toMatch(/high|critical/);
    expect(alpine.openAlerts).toBe(0);
    expect(alpine.worstAlert).toBeNull();
    // History filled in on the first import: a trend to draw, and a change over 30 days.
    expect(readSparkline(harbor.sparkline).length).toBeGreaterThan(1);
    expect(readSparkline(harbor.sparkline).at(-1)).toBe(harbor.loyalty);
    expect(harbor.change30).not.toBeNull();
    // An account with no evidence has no score yet, and says so rather than inventing one.
    expect(quiet).toMatchObject({ loyalty: null, band: null, sparkline: '' });

    const byLoyalty = await api.call('accounts/list', { sort: 'loyalty' });
    expect(byLoyalty.ok && byLoyalty.data.accounts.map((a) => a.accountId)).toEqual(['C1', 'C2', 'C3']);
    const byLoyaltyDown = await api.call('accounts/list', { sort: 'loyalty', descending: true });
    expect(byLoyaltyDown.ok && byLoyaltyDown.data.accounts.map((a) => a.accountId)).toEqual(['C2', 'C1', 'C3']);
    const byAlerts = await dispatch('accounts/list', { sort: 'alerts', descending: true, limit: 1 });
    expect(byAlerts).toMatchObject({ ok: true, data: { total: 3, accounts: [{ accountId: 'C1' }] } });
    expect(await dispatch('accounts/list', { search: 'harb' })).toMatchObject({ ok: true, data: { total: 1, accounts: [{ accountId: 'C1' }] } });
    expect(await dispatch('accounts/list', { search: '%' })).toMatchObject({ ok: true, data: { total: 0 } });
  });

  it('opens one account with everything its view shows', async () => {
    const { dispatch, api, ctx } = app();
    const files = [
      t.file('a.csv', csv([['account_id', 'name'], ['C1', 'Harbor Logistics']])),
      t.file('i.csv', csv([['account_id', 'asset_id', 'site', 'vendor', 'serviced_by', 'as_of'], ['C1', 'SN-1', 'HQ', 'Northwind', 'us', '2026-11-01'], ['C1', 'SN-9', 'HQ', 'Ricona', 'competitor', '2026-11-01']])),
      t.file('w.csv', csv([
        ['work_order_id', 'account_id', 'asset_id', 'type', 'opened_at', 'promised_at', 'arrived_at', 'completed_at', 'fixed_first_time', 'recommendation', 'recommendation_severity'],
        ['WO-1', 'C1', 'SN-1', 'break_fix', '2026-09-02 09:00', '2026-09-02 12:00', '2026-09-02 16:00', '2026-09-02 17:00', '0', 'Replace the fuser', 'high'],
        ['WO-2', 'C1', 'SN-1', 'preventive', '2026-10-10 09:00', '', '2026-10-10 09:30', '2026-10-10 10:00', '1', '', ''],
      ])),
      t.file('s.csv', csv([['response_id', 'account_id', 'responded_at', 'nps', 'comment'], ['R1', 'C1', '2026-10-12', '4', 'Took two visits']])),
    ];
    await importFiles(ctx, { paths: files });
    const view = await api.call('account/get', { accountId: 'C1' });
    if (!view.ok) throw new Error(view.error.message);
    const v = view.data;
    expect(v.account).toMatchObject({ id: 'C1', name: 'Harbor Logistics' });
    expect(v.asOf).toBe('2026-11-23');
    expect(v.score.components).toHaveLength(5);
    expect(v.visits.map((x) => x.id)).toEqual(['WO-2', 'WO-1']);
    expect(v.visits[1]).toMatchObject({ bad: true, wentWrong: expect.stringContaining('not fixed first time'), recommendationId: expect.any(String) });
    // The open recommendation, with the revisit that did not mention it.
    expect(v.recommendations[0]).toMatchObject({ text: 'Replace the fuser', status: 'open', revisitsWithoutReminder: 1 });
    expect(v.surveys[0]).toMatchObject({ id: 'R1', kind: 'detractor', scoreText: 'NPS 4', comment: 'Took two visits' });
    expect(v.installedBase.map((a) => [a.id, a.ours])).toEqual([['SN-1', true], ['SN-9', false]]);
    expect(v.installedBase[0]).toMatchObject({ visits: 2, breakFixCalls: 1 });
    expect(v.checklist.items.length).toBeGreaterThan(0);
    expect(v.alerts.map((a) => a.rule)).toContain('unaddressed_recommendation');
    expect(v.trend.at(-1)).toMatchObject({ asOf: '2026-11-23', loyalty: v.score.loyalty });
    expect(v.kpis.visits).toBe(2);
    expect(await dispatch('account/get', { accountId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('keeps the import history and undoes an import', async () => {
    const { dispatch, ctx } = app();
    const report = await importFile(ctx.db, t.file('a.csv', csv([['account_id', 'name'], ['C1', 'One']])));
    expect(await dispatch('imports/list', {})).toMatchObject({ ok: true, data: [{ importId: report.importId, kind: 'accounts', fileName: 'a.csv', status: 'applied', inserted: 1 }] });
    expect(await dispatch('imports/undo', { importId: report.importId })).toMatchObject({ ok: true, data: { removed: 1 } });
    expect(await dispatch('imports/undo', { importId: report.importId })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('already undone') } });
  });

  it('saves, lists and deletes mapping profiles', async () => {
    const { dispatch } = app();
    const saved = await dispatch('profiles/save', { name: 'Ice machines', mapping: { kind: 'assets', constants: { account_id: 'ICE' }, columns: { vendor: 'manufacturer' } } });
    expect(saved).toMatchObject({ ok: true, data: { name: 'Ice machines', mapping: { kind: 'assets' } } });
    expect(await dispatch('profiles/list', {})).toMatchObject({ ok: true, data: [{ name: 'Ice machines' }] });
    expect(await dispatch('profiles/save', { name: 'x', mapping: { kind: 'spreadsheets' } })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await dispatch('profiles/delete', { name: 'Ice machines' })).toEqual({ ok: true, data: { deleted: true } });
  });
});
