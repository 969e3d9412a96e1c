import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/import/importer';
import { undoImport, UndoError } from '../../../src/import/undo';
import { csv, useTempDir } from '../../support/temp';
import { dumpDatabase } from '../../support/db-state';

const t = useTempDir();
const withoutHistory = (dump: Record<string, unknown[]>) => ({ ...dump, imports: [], import_changes: [] });

describe('undoImport', () => {
  it('takes an import back out whole: added rows go, changed rows return', async () => {
    const db = t.db();
    await importFile(db, t.file('a.csv', csv([['account_id', 'name', 'owner'], ['C1', 'One', 'Dana'], ['C2', 'Two', 'Ravi']])));
    const before = dumpDatabase(db);
    const second = await importFile(db, t.file('b.csv', csv([['account_id', 'name', 'owner'], ['C1', 'One', 'Morgan'], ['C3', 'Three', 'Ravi']])));
    expect(second).toMatchObject({ inserted: 1, updated: 1 });
    const result = undoImport(db, second.importId!);
    expect(result).toMatchObject({ removed: 1, restored: 1 });
    expect(withoutHistory(dumpDatabase(db))).toEqual(withoutHistory(before));
    expect(db.prepare('SELECT status FROM imports WHERE import_id = ?').pluck().get(second.importId)).toBe('undone');
  });

  it('removes the placeholder accounts an import created, and its derived recommendations', async () => {
    const db = t.db();
    const before = dumpDatabase(db);
    const report = await importFile(db, t.file('wo.csv', csv([['work_order_id', 'account_id', 'opened_at', 'recommendation'], ['WO-1', 'C7', '2024-01-01', 'Replace it']])));
    undoImport(db, report.importId!);
    expect(withoutHistory(dumpDatabase(db))).toEqual(withoutHistory(before));
  });

  it('refuses to undo an import a later one built on, naming it', async () => {
    const db = t.db();
    const first = await importFile(db, t.file('a.csv', csv([['account_id', 'name'], ['C1', 'One']])));
    const second = await importFile(db, t.file('b.csv', csv([['account_id', 'name'], ['C1', 'One, renamed']])));
    expect(() => undoImport(db, first.importId!)).toThrow(UndoError);
    expect(() => undoImport(db, first.importId!)).toThrow(`Import #1 cannot be undone alone: import #${second.importId} changed rows it wrote. Undo that one first.`);
    undoImport(db, second.importId!);
    undoImport(db, first.importId!);
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(0);
  });

  it('keeps an account other data still refers to, as a placeholder', async () => {
    const db = t.db();
    const accounts = await importFile(db, t.file('a.csv', csv([['account_id', 'name', 'owner'], ['C1', 'One', 'Dana']])));
    await importFile(db, t.file('wo.csv', csv([['work_order_id', 'account_id', 'opened_at'], ['WO-1', 'C1', '2024-01-01']])));
    expect(undoImport(db, accounts.importId!)).toMatchObject({ keptAsPlaceholders: 1 });
    expect(db.prepare('SELECT name, owner, placeholder FROM accounts').get()).toEqual({ name: 'C1', owner: null, placeholder: 1 });
  });

  it('lets a service import be undone after an accounts file completed its placeholders', async () => {
    const db = t.db();
    const service = await importFile(db, t.file('wo.csv', csv([['work_order_id', 'account_id', 'opened_at'], ['WO-1', 'C1', '2024-01-01']])));
    await importFile(db, t.file('a.csv', csv([['account_id', 'name'], ['C1', 'One']])));
    undoImport(db, service.importId!);
    expect(db.prepare('SELECT count(*) FROM work_orders').pluck().get()).toBe(0);
    expect(db.prepare('SELECT name, placeholder FROM accounts').get()).toEqual({ name: 'One', placeholder: 0 });
  });

  it('says when there is nothing to undo', async () => {
    const db = t.db();
    expect(() => undoImport(db, 42)).toThrow('There is no import #42.');
    const report = await importFile(db, t.file('a.csv', csv([['account_id', 'name'], ['C1', 'One']])));
    undoImport(db, report.importId!);
    expect(() => undoImport(db, report.importId!)).toThrow(/already undone/);
  });
});
