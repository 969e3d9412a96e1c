import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { csv, useTempDir } from '../../support/temp';
import { cli } from '../../support/cli';
import { dumpDatabase } from '../../support/db-state';
import { openDatabase } from '../../../src/db/connection';

const t = useTempDir();
const dbPath = () => join(t.dir(), 'cli.db');
const dump = () => {
  const db = openDatabase(dbPath());
  try {
    return dumpDatabase(db);
  } finally {
    db.close();
  }
};

const WORK_ORDERS = [
  ['Work Order Number', 'Customer ID', 'Opened', 'Technician', 'Hours'],
  ['WO-1', 'C1', '2024-03-01 08:15', 'Sam Ortiz', '1,5'],
  ['WO-2', 'C2', '2024-03-02 09:00', 'Sam Ortiz', '2'],
];

describe('import', () => {
  it('creates the database, imports, and prints one JSON document per the contract', async () => {
    const file = t.file('visits.csv', csv(WORK_ORDERS, ';'));
    const res = await cli('import', '--db', dbPath(), '--json', file);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    const [report] = JSON.parse(res.stdout) as Array<Record<string, unknown>>;
    expect(report).toMatchObject({ file: 'visits.csv', kind: 'service', import_id: 1, rows: 2, inserted: 2, updated: 0, unchanged: 0, rejected: [] });
    const again = JSON.parse((await cli('import', '--db', dbPath(), '--json', file)).stdout) as Array<Record<string, unknown>>;
    expect(again[0]).toMatchObject({ import_id: 2, inserted: 0, unchanged: 2 });
  });

  it('prints a readable summary by default', async () => {
    const res = await cli('import', '--db', dbPath(), t.file('visits.csv', csv(WORK_ORDERS)));
    expect(res.stdout).toContain('visits.csv → service (import #1)');
    expect(res.stdout).toContain('2 rows: 2 new, 0 changed, 0 unchanged');
    expect(res.stdout).toContain('work_order_id ← "Work Order Number"');
    expect(res.stdout).toContain('2 accounts were not known yet');
  });

  it('exits 2 on an invalid row, names file, row, column and value, and leaves the database as it was', async () => {
    await cli('import', '--db', dbPath(), t.file('ok.csv', csv(WORK_ORDERS)));
    const before = dump();
    const bad = t.file('bad.csv', csv([...WORK_ORDERS, ['WO-3', 'C1', '31/02/2024', 'Sam', '1']]));
    const res = await cli('import', '--db', dbPath(), bad);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('error: bad.csv: row 4, column "Opened": "31/02/2024" does not exist');
    expect(res.stderr).toContain('(value: "31/02/2024")');
    expect(dump()).toEqual(before);
  });

  it('with --skip-invalid imports the valid rows and reports each rejected one', async () => {
    const file = t.file('mixed.csv', csv([...WORK_ORDERS, ['WO-3', 'C1', 'soon', 'Sam', '1'], ['WO-4', 'C1', '2024-03-04', 'Sam', 'many']]));
    const res = await cli('import', '--db', dbPath(), '--skip-invalid', '--json', file);
    expect(res.code).toBe(0);
    const [report] = JSON.parse(res.stdout) as Array<{ inserted: number; rejected: unknown[] }>;
    expect(report!.inserted).toBe(2);
    expect(report!.rejected).toEqual([
      { row: 4, column: 'Opened', value: 'soon', reason: '"soon" is not a date' },
      { row: 5, column: 'Hours', value: 'many', reason: '"many" is not a number' },
    ]);
    expect(res.stderr).toContain('2 rows rejected');
  });

  it('reports a file that fails among others, importing the rest, and exits 2', async () => {
    const res = await cli('import', '--db', dbPath(), '--json', t.file('ok.csv', csv(WORK_ORDERS)), join(t.dir(), 'missing.csv'));
    expect(res.code).toBe(2);
    const reports = JSON.parse(res.stdout) as Array<Record<string, unknown>>;
    expect(reports[0]).toMatchObject({ inserted: 2 });
    expect(reports[1]).toMatchObject({ file: 'missing.csv', import_id: null, error: { message: 'missing.csv: there is no such file' } });
  });

  it('maps columns, sets values for every row, and saves and reuses a profile', async () => {
    const file = t.file('ice.csv', csv([['asset_number', 'manufacturer', 'asset_name'], ['SN-1', 'Hoshizaki America, Inc.', 'KM-515'], ['SN-2', 'Manitowoc', 'UYF']]));
    const first = await cli('import', '--db', dbPath(), '--kind', 'assets', '--set', 'account_id=ICE,serviced_by=competitor', '--map', 'model=asset_name', '--profile', 'ice', '--json', file);
    expect(first.code).toBe(0);
    const again = await cli('import', '--db', dbPath(), '--profile', 'ice', '--json', file);
    expect(JSON.parse(again.stdout)).toMatchObject([{ kind: 'assets', unchanged: 2 }]);
    const db = openDatabase(dbPath());
    expect(db.prepare("SELECT account_id, vendor, serviced_by, model FROM assets WHERE asset_id = 'SN-1'").get()).toEqual({
      account_id: 'ICE',
      vendor: 'Hoshizaki America, Inc.',
      serviced_by: 'competitor',
      model: 'KM-515',
    });
    db.close();
    const unknown = await cli('import', '--db', dbPath(), '--profile', 'nope', file);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no mapping profile named "nope"');
  });

  it('refuses usage errors with exit 2', async () => {
    expect((await cli('import', t.file('x.csv', 'a\n'))).code).toBe(2);
    expect((await cli('import', '--db', dbPath(), '--kind', 'invoices', t.file('x.csv', 'a\n'))).stderr).toContain('--kind must be one of');
    expect((await cli('import', '--db', dbPath(), '--map', 'nonsense', t.file('x.csv', 'a\n'))).stderr).toContain('--map expects FIELD=VALUE');
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('import', '--db', dbPath(), '--bogus', 'x')).code).toBe(2);
  });
});

describe('imports and undo', () => {
  it('lists the history and takes one import back out', async () => {
    await cli('import', '--db', dbPath(), t.file('a.csv', csv([['account_id', 'name'], ['C1', 'One']])));
    const list = await cli('imports', '--db', dbPath(), '--json');
    expect(JSON.parse(list.stdout)).toMatchObject([{ import_id: 1, kind: 'accounts', file: 'a.csv', status: 'applied', inserted: 1 }]);
    expect((await cli('imports', '--db', dbPath())).stdout).toMatch(/#1 .* accounts\s+a\.csv/);
    const undo = await cli('undo', '--db', dbPath(), '--import', '1');
    expect(undo).toMatchObject({ code: 0, stdout: 'Undid import #1: 1 rows removed, 0 rows restored.\n' });
    expect(JSON.parse((await cli('imports', '--db', dbPath(), '--json')).stdout)).toMatchObject([{ status: 'undone' }]);
    expect((await cli('undo', '--db', dbPath(), '--import', '7')).code).toBe(2);
  });
});
