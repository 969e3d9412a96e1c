import { afterEach, describe, expect, it } from 'vitest';
import { csv, useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';
import { importFile } from '../../../src/import/importer';

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
      data: { version: expect.any(String), dataFile: ctx.dataFile, schemaVersion: 3, accounts: 0, empty: true },
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

  it('lists accounts with what the data holds about them, and searches by name', async () => {
    const { dispatch, ctx } = app();
    await importFile(ctx.db, t.file('a.csv', csv([['account_id', 'name', 'owner'], ['C1', 'Harbor Logistics', 'Dana'], ['C2', 'Alpine Dental', 'Ravi']])));
    await importFile(ctx.db, t.file('w.csv', csv([['work_order_id', 'account_id', 'opened_at', 'recommendation'], ['WO-1', 'C1', '2024-01-02', 'Replace the fuser'], ['WO-2', 'C1', '2024-03-02', '']])));
    const all = await dispatch('accounts/list', {});
    expect(all).toMatchObject({ ok: true, data: { total: 2, accounts: [{ name: 'Alpine Dental', workOrders: 0 }, { name: 'Harbor Logistics', workOrders: 2, lastVisit: '2024-03-02', openRecommendations: 1 }] } });
    expect(await dispatch('accounts/list', { search: 'harb' })).toMatchObject({ ok: true, data: { total: 1, accounts: [{ accountId: 'C1' }] } });
    expect(await dispatch('accounts/list', { search: '%' })).toMatchObject({ ok: true, data: { total: 0 } });
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
