import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { importFile } from '../../../src/import/importer';
import { csv, useTempDir } from '../../support/temp';
import { count, dumpDatabase } from '../../support/db-state';

const t = useTempDir();

const ACCOUNTS = [
  ['account_id', 'name', 'segment', 'region', 'owner', 'contract_type', 'contract_renewal_date', 'annual_value'],
  ['C1', 'Harbor Logistics', 'Logistics', 'North', 'Dana', 'Full service', '2027-01-31', '120,000'],
  ['C2', 'Café Müller', 'Hospitality', 'South', 'Ravi', 'T&M', '31.03.2027', '8.500,50'],
];

describe('importing', () => {
  it('reads canonical files and upserts by id: importing again changes nothing', async () => {
    const db = t.db();
    const path = t.file('accounts.csv', csv(ACCOUNTS));
    const first = await importFile(db, path);
    expect(first).toMatchObject({ kind: 'accounts', rows: 2, inserted: 2, updated: 0, unchanged: 0 });
    expect(db.prepare('SELECT * FROM accounts WHERE account_id = ?').get('C2')).toMatchObject({
      name: 'Café Müller',
      contract_type: 'time_and_materials',
      contract_renewal_date: '2027-03-31',
      annual_value: 8500.5,
      placeholder: 0,
    });
    const before = dumpDatabase(db);
    const again = await importFile(db, path);
    expect(again).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
    const after = dumpDatabase(db);
    // Only the history grew.
    expect({ ...after, imports: [] }).toEqual({ ...before, imports: [] });
    expect(after['imports']).toHaveLength(2);
  });

  it('updates a changed row and keeps the old one for undo', async () => {
    const db = t.db();
    await importFile(db, t.file('a.csv', csv(ACCOUNTS)));
    const changed = ACCOUNTS.map((row) => (row[0] === 'C1' ? [...row.slice(0, 4), 'Morgan', ...row.slice(5)] : row));
    const report = await importFile(db, t.file('b.csv', csv(changed)));
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const before = JSON.parse(db.prepare('SELECT before FROM import_changes WHERE import_id = ?').pluck().get(report.importId) as string);
    expect(before).toMatchObject({ account_id: 'C1', owner: 'Dana', import_id: 1 });
  });

  it('creates accounts it has not seen as placeholders, completed by a later accounts file', async () => {
    const db = t.db();
    const report = await importFile(db, t.file('wo.csv', csv([['work_order_id', 'account_id', 'opened_at'], ['WO-1', 'C9', '2024-01-02']])));
    expect(report.placeholdersCreated).toBe(1);
    expect(report.warnings.join(' ')).toContain('1 account was not known yet and was created with its id as its name');
    expect(db.prepare('SELECT name, placeholder FROM accounts').get()).toEqual({ name: 'C9', placeholder: 1 });
    await importFile(db, t.file('acc.csv', csv([['account_id', 'name'], ['C9', 'Nine Ltd']])));
    expect(db.prepare('SELECT name, placeholder FROM accounts').get()).toEqual({ name: 'Nine Ltd', placeholder: 0 });
  });

  it('says in a preview that unknown accounts will be created, and creates none', async () => {
    const db = t.db();
    const file = t.file('wo.csv', csv([['work_order_id', 'account_id', 'opened_at'], ['WO-1', 'C8', '2024-01-02'], ['WO-2', 'C9', '2024-01-03']]));
    const preview = await importFile(db, file, { dryRun: true });
    expect(preview.warnings.join(' ')).toContain('2 accounts were not known yet and will be created with their ids as names');
    expect(count(db, 'accounts')).toBe(0);
  });

  it('imports a row repeated identically once, and reports it as a duplicate', async () => {
    const db = t.db();
    const rows = [['work_order_id', 'account_id', 'opened_at'], ['WO-1', 'C1', '2024-01-02'], ['WO-1', 'C1', '2024-01-02'], ['WO-2', 'C1', '2024-01-03']];
    const report = await importFile(db, t.file('wo.csv', csv(rows)));
    expect(report).toMatchObject({ inserted: 2, duplicateCount: 1, duplicates: [{ row: 3, sameAs: 2 }] });
    // Also when the repeated row is already in the database unchanged.
    const again = await importFile(db, t.file('wo.csv', csv(rows)));
    expect(again).toMatchObject({ unchanged: 2, duplicateCount: 1, duplicates: [{ row: 3, sameAs: 2 }] });
  });

  it('gives rows of a file without ids an id from their content, so re-importing changes nothing', async () => {
    const db = t.db();
    const path = t.file('visits.csv', csv([['asset_number', 'schedule_date'], ['SN-1', '4/19/2024'], ['SN-1', '4/25/2024'], ['SN-2', '45357']]));
    const options = { mapping: { kind: 'service' as const, constants: { account_id: 'ICE' } } };
    const first = await importFile(db, path, options);
    expect(first).toMatchObject({ inserted: 3 });
    expect(first.warnings.join(' ')).toContain('ids were made from each row');
    const ids = db.prepare('SELECT work_order_id FROM work_orders ORDER BY 1').pluck().all() as string[];
    expect(ids.every((id) => /^WO-[0-9a-f]{16}$/.test(id))).toBe(true);
    expect(await importFile(db, path, options)).toMatchObject({ inserted: 0, unchanged: 3 });
    expect(db.prepare('SELECT opened_at FROM work_orders ORDER BY 1').pluck().all()).toEqual(expect.arrayContaining(['2024-04-19', '2024-04-25', '2024-03-06']));
  });

  it('tracks a recommendation written on a work order, and its reminders', async () => {
    const db = t.db();
    await importFile(db, t.file('wo.csv', csv([
      ['work_order_id', 'account_id', 'asset_id', 'opened_at', 'completed_at', 'recommendation', 'recommendation_severity', 'reminded_recommendation_ids'],
      ['WO-1', 'C1', 'SN-4471', '2024-01-02', '2024-01-03 10:00', 'Replace the compressor before summer', 'High', ''],
      ['WO-2', 'C1', 'SN-4471', '2024-02-02', '', '', '', 'WO-1; WO-0'],
    ])));
    expect(db.prepare('SELECT * FROM recommendations').all()).toEqual([
      expect.objectContaining({ recommendation_id: 'WO-1', work_order_id: 'WO-1', asset_id: 'SN-4471', made_at: '2024-01-03', text: 'Replace the compressor before summer', severity: 'high', status: 'open', origin: 'work_order' }),
    ]);
    expect(db.prepare("SELECT reminded_recommendation_ids FROM work_orders WHERE work_order_id = 'WO-2'").pluck().get()).toBe('WO-1;WO-0');
  });

  it('keeps a survey comment without a score, and skips a response with neither', async () => {
    const db = t.db();
    const report = await importFile(db, t.file('s.csv', csv([
      ['response_id', 'account_id', 'responded_at', 'nps', 'comment'],
      ['R1', 'C1', '2024-05-01', '9', ''],
      ['R2', 'C1', '2024-05-02', 'NA', 'Technician was late again'],
      ['R3', 'C1', '2024-05-03', '', ''],
    ])));
    expect(report).toMatchObject({ rows: 2, inserted: 2, skipped: 1 });
    expect(count(db, 'survey_responses')).toBe(2);
  });

  it('records the footprint each assets import leaves', async () => {
    const db = t.db();
    await importFile(db, t.file('a.csv', csv([
      ['account_id', 'asset_id', 'site', 'location', 'vendor', 'quantity', 'serviced_by', 'as_of'],
      ['C1', 'A1', 'HQ', 'Floor 1', 'Acme', '3', 'us', '2024-06-01'],
      ['C1', 'A2', 'HQ', 'Floor 2', 'Rival Corp', '2', 'competitor', '2024-06-01'],
    ])));
    expect(db.prepare('SELECT account_id, recorded_on, our_quantity, total_quantity, vendors FROM footprint_history').all()).toEqual([
      { account_id: 'C1', recorded_on: '2024-06-01', our_quantity: 3, total_quantity: 5, vendors: '["Acme","Rival Corp"]' },
    ]);
    // A newer snapshot of the site: our machine on floor 1 is now the rival's, floor 2's machine is gone.
    await importFile(db, t.file('b.csv', csv([
      ['account_id', 'asset_id', 'site', 'location', 'vendor', 'quantity', 'serviced_by', 'as_of'],
      ['C1', 'A1', 'HQ', 'Floor 1', 'Rival Corp', '3', 'competitor', '2025-06-01'],
    ])));
    expect(db.prepare('SELECT recorded_on, our_quantity, total_quantity FROM footprint_history ORDER BY recorded_on').all()).toEqual([
      { recorded_on: '2024-06-01', our_quantity: 3, total_quantity: 5 },
      { recorded_on: '2025-06-01', our_quantity: 0, total_quantity: 3 },
    ]);
  });

  it('counts a row moved to another account as a change to both: the machine leaves one footprint for the other', async () => {
    const db = t.db();
    const header = ['account_id', 'asset_id', 'site', 'vendor', 'quantity', 'serviced_by', 'as_of'];
    await importFile(db, t.file('a.csv', csv([header, ['C1', 'A1', 'HQ', 'Acme', '3', 'us', '2024-06-01'], ['C2', 'A2', 'Depot', 'Acme', '1', 'us', '2024-06-01']])));
    const written = new Set<string>();
    const moved = await importFile(db, t.file('b.csv', csv([header, ['C2', 'A1', 'Depot', 'Acme', '3', 'us', '2024-06-01']])), { touchedAccounts: written });
    expect(moved).toMatchObject({ updated: 1 });
    expect([...written].sort()).toEqual(['C1', 'C2']);
    expect(db.prepare('SELECT account_id, our_quantity FROM footprint_history WHERE import_id = ? ORDER BY account_id').all(moved.importId)).toEqual([
      { account_id: 'C1', our_quantity: 0 },
      { account_id: 'C2', our_quantity: 4 },
    ]);
  });

  it('reads any delimiter, CRLF, quoted newlines, and Excel\'s sep= line', async () => {
    const db = t.db();
    const text = 'sep=;\r\n' + csv([['account_id', 'name', 'annual_value'], ['C1', 'Line one\r\nline two', '1.234,5'], ['C2', 'Semi; colon', '7']], ';', '\r\n');
    const report = await importFile(db, t.file('semi.csv', text));
    expect(report.detection).toMatchObject({ delimiter: ';', headerRows: [2], decimalMark: ',' });
    expect(db.prepare('SELECT name, annual_value FROM accounts ORDER BY 1').all()).toEqual([
      { name: 'Line one\nline two', annual_value: 1234.5 },
      { name: 'Semi; colon', annual_value: 7 },
    ]);
    const tab = await importFile(db, t.file('tab.tsv', csv([['account_id', 'name'], ['C3', 'Tabbed']], '\t')));
    expect(tab.detection.delimiter).toBe('\t');
    const pipe = await importFile(db, t.file('pipe.txt', csv([['account_id', 'name'], ['C4', 'Piped']], '|')));
    expect(pipe.detection.delimiter).toBe('|');
  });

  it('reads UTF-16 and Windows-1252, and notices a legacy byte deep in a file that starts as UTF-8', async () => {
    const db = t.db();
    const text = csv([['account_id', 'name'], ['C1', 'Zürich Œuvres – “quoted”']]);
    await importFile(db, t.file('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    expect(db.prepare('SELECT name FROM accounts').pluck().get()).toBe('Zürich Œuvres – “quoted”');

    const rows = [['account_id', 'name'], ...Array.from({ length: 40_000 }, (_, i) => [`A${i}`, `Plain ${i}`]), ['Z1', 'Caf\u00e9 \u20ac']];
    const latin = Buffer.from(csv(rows), 'latin1');
    latin[latin.length - 2] = 0x80; // € in Windows-1252, far past the part read to guess the encoding
    const report = await importFile(db, t.file('legacy.csv', latin));
    expect(report.detection.encoding).toBe('windows-1252');
    expect(db.prepare("SELECT name FROM accounts WHERE account_id = 'Z1'").pluck().get()).toBe('Café €');
  });

  it('reads dates in the file\'s own order, restarting when a late row tells', async () => {
    const db = t.db();
    const rows = [['work_order_id', 'account_id', 'opened_at'], ['WO-1', 'C1', '03/04/2024'], ...Array.from({ length: 3000 }, (_, i) => [`WO-x${i}`, 'C1', '01/02/2024']), ['WO-2', 'C1', '25/04/2024']];
    const report = await importFile(db, t.file('dmy.csv', csv(rows)), { defaultDateOrder: 'mdy' });
    expect(report.detection.dateOrder).toBe('dd/mm/yyyy (decided from row 3003: "25/04/2024")');
    expect(db.prepare("SELECT opened_at FROM work_orders WHERE work_order_id = 'WO-1'").pluck().get()).toBe('2024-04-03');
    expect(count(db, 'imports')).toBe(1);
  });

  it('reads the first sheet whose header fits, or the one chosen', async () => {
    const db = t.db();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Read me').addRow(['This workbook holds our installed base']);
    const assets = wb.addWorksheet('Installed base');
    assets.addRow(['Account', 'Serial Number', 'Manufacturer', 'Model', 'Install Date', 'Qty']);
    assets.addRow(['C1', 'SN-1', 'Acme', 'X100', new Date(Date.UTC(2021, 4, 3)), 2]);
    assets.addRow([]);
    assets.addRow(['C1', 'SN-2', 'Rival', 'R9', 44000, 1]);
    const other = wb.addWorksheet('Other');
    other.addRow(['account_id', 'name']);
    other.addRow(['C1', 'From the other sheet']);
    const path = `${t.dir()}/base.xlsx`;
    await wb.xlsx.writeFile(path);

    const report = await importFile(db, path);
    expect(report).toMatchObject({ kind: 'assets', rows: 2, inserted: 2, detection: { format: 'xlsx', sheet: 'Installed base', sheets: ['Read me', 'Installed base', 'Other'] } });
    expect(db.prepare('SELECT asset_id, vendor, install_date, quantity FROM assets ORDER BY 1').all()).toEqual([
      { asset_id: 'SN-1', vendor: 'Acme', install_date: '2021-05-03', quantity: 2 },
      { asset_id: 'SN-2', vendor: 'Rival', install_date: '2020-06-18', quantity: 1 },
    ]);
    const chosen = await importFile(db, path, { mapping: { sheet: 'Other' } });
    expect(chosen).toMatchObject({ kind: 'accounts', detection: { sheet: 'Other' } });
    await expect(importFile(db, path, { mapping: { sheet: 'Nope' } })).rejects.toThrow(/no sheet "Nope" \(it has: Read me, Installed base, Other\)/);
  });
});

describe('a bulk load', () => {
  it('builds the table\'s indexes again before committing, and a refused one keeps them', async () => {
    const db = t.db();
    const indexes = () => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'work_orders' AND sql IS NOT NULL ORDER BY name").pluck().all();
    const before = indexes();
    expect(before).toEqual(['work_orders_for_scoring']);
    const rows = Array.from({ length: 30_000 }, (_, i) => [`WO-${i}`, `C${i % 50}`, '2024-03-01', 'Replaced the fuser unit and cleaned the feed rollers, tested']);
    await importFile(db, t.file('big.csv', csv([['work_order_id', 'account_id', 'opened_at', 'notes'], ...rows])));
    expect(indexes()).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM work_orders WHERE account_id = 'C7'").pluck().get()).toBe(600);
    const bad = csv([['work_order_id', 'account_id', 'opened_at', 'notes'], ...rows.map((r) => [`X${r[0]}`, r[1]!, r[2]!, r[3]!]), ['X-bad', 'C1', 'never', '']]);
    await expect(importFile(db, t.file('bad.csv', bad))).rejects.toThrow(/"never" is not a date/);
    expect(indexes()).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
