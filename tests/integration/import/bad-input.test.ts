import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/import/importer';
import { ImportFileError } from '../../../src/import/errors';
import { csv, useTempDir } from '../../support/temp';
import { dumpDatabase } from '../../support/db-state';

const t = useTempDir();

const SERVICE = [
  ['work_order_id', 'account_id', 'opened_at', 'labor_hours'],
  ['WO-1', 'C1', '2024-03-01', '1.5'],
  ['WO-2', 'C1', '2024-03-02', '2'],
];

/** Imports a good file, then the bad one; the bad one must fail and change nothing. */
interface Refusal {
  code?: ImportFileError['code'];
  place?: ImportFileError['place'];
  message?: RegExp;
}

async function expectRefused(name: string, content: string | Buffer, expected: Refusal) {
  const db = t.db();
  await importFile(db, t.file('good.csv', csv(SERVICE)));
  const before = dumpDatabase(db);
  const error = await importFile(db, t.file(name, content)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  const e = error as ImportFileError;
  if (expected.message) expect(e.message).toMatch(expected.message);
  if (expected.code) expect(e.code).toBe(expected.code);
  if (expected.place) expect(e.place).toMatchObject(expected.place);
  expect(dumpDatabase(db)).toEqual(before);
  return e;
}

describe('bad input is refused with file, row, column and value, and changes nothing', () => {
  it('an empty file', async () => {
    await expectRefused('empty.csv', '', { code: 'empty', message: /^empty\.csv: the file is empty$/ });
  });

  it('a file of blank lines', async () => {
    await expectRefused('blank.csv', '\n\n  \n', { code: 'empty' });
  });

  it('a picture renamed .csv', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await expectRefused('photo.csv', png, { code: 'not_text', message: /photo\.csv: this is a PNG image, not a CSV or XLSX file/ });
  });

  it('binary data', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await expectRefused('data.csv', bytes, { code: 'not_text' });
  });

  it('a missing required column', async () => {
    await expectRefused('no-date.csv', csv([['work_order_id', 'account_id'], ['WO-9', 'C1']]), {
      code: 'missing_column',
      message: /no-date\.csv: the required column opened_at is missing for service/,
    });
  });

  it('an invalid value, naming row, column and value', async () => {
    const e = await expectRefused('bad-date.csv', csv([...SERVICE, ['WO-3', 'C2', '2024-02-30', '1'], ['WO-4', 'C2', '2024-03-03', 'lots']]), {
      code: 'invalid_rows',
      place: { row: 4, column: 'opened_at', value: '2024-02-30' },
    });
    expect(e.message).toBe('bad-date.csv: row 4, column "opened_at": "2024-02-30" does not exist (February has no day 30 in 2024) (and 1 more row; nothing was imported) (value: "2024-02-30")');
    expect(e.rejected).toEqual([
      { row: 4, column: 'opened_at', value: '2024-02-30', reason: '"2024-02-30" does not exist (February has no day 30 in 2024)' },
      { row: 5, column: 'labor_hours', value: 'lots', reason: '"lots" is not a number' },
    ]);
  });

  it('a number out of range', async () => {
    await expectRefused('hours.csv', csv([SERVICE[0]!, ['WO-5', 'C1', '2024-03-01', '-4']]), {
      place: { row: 2, column: 'labor_hours', value: '-4' },
      message: /below 0/,
    });
  });

  it('two rows with the same id and different content', async () => {
    await expectRefused('dupes.csv', csv([SERVICE[0]!, ['WO-7', 'C1', '2024-03-01', '1'], ['WO-8', 'C1', '2024-03-01', '1'], ['WO-7', 'C1', '2024-03-09', '1']]), {
      code: 'conflicting_duplicate',
      place: { row: 4, column: 'work_order_id', value: 'WO-7' },
      message: /the id WO-7 is also in row 2, with different values/,
    });
  });

  it('an unterminated quote', async () => {
    const text = `${csv(SERVICE)}WO-3,C1,2024-03-03,"1\nWO-4,C1,2024-03-04,2\n`;
    await expectRefused('quote.csv', text, { code: 'unterminated_quote', place: { row: 4 }, message: /quote\.csv: row 4: a quoted value starts in this row and is never closed/ });
  });

  it('an unterminated quote in a large file is refused without reading the rest into memory', async () => {
    const body = Array.from({ length: 300_000 }, (_, i) => `WO-${i},C1,2024-03-01,1`).join('\n');
    const text = `${csv(SERVICE)}WO-X,C1,2024-03-03,"1\n${body}\n`;
    await expectRefused('big-quote.csv', text, { code: 'unterminated_quote', place: { row: 4 } });
  });

  it('a 20 MB line', async () => {
    const line = `WO-3,C1,2024-03-03,${'9'.repeat(20 * 1024 * 1024)}\n`;
    await expectRefused('long.csv', csv(SERVICE) + line, { code: 'line_too_long', place: { row: 4 }, message: /longer than 8 MB/ });
  });

  it('a value too long for any field', async () => {
    const notes = csv([['work_order_id', 'account_id', 'opened_at', 'notes'], ['WO-3', 'C1', '2024-03-03', 'x'.repeat(150_000)]]);
    await expectRefused('notes.csv', notes, { place: { row: 2, column: 'notes' }, message: /longer than 100,000 characters/ });
  });

  it('a row with more values than the header has columns', async () => {
    await expectRefused('shifted.csv', `${csv(SERVICE)}WO-3,C1,2024-03-03,1,extra,values\n`, {
      place: { row: 4, column: 'column 5', value: 'extra' },
      message: /6 values but the header has 4 columns/,
    });
  });

  it('a value set for every row that the field cannot take', async () => {
    const db = t.db();
    const before = dumpDatabase(db);
    await expect(importFile(db, t.file('s.csv', csv(SERVICE)), { mapping: { constants: { type: 'teleport' } } })).rejects.toThrow(/the value set for type cannot be used/);
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('a cancelled import', async () => {
    const db = t.db();
    const before = dumpDatabase(db);
    const controller = new AbortController();
    const rows = Array.from({ length: 50_000 }, (_, i) => [`WO-${i}`, 'C1', '2024-03-01', '1']);
    const path = t.file('big.csv', csv([SERVICE[0]!, ...rows]));
    const pending = importFile(db, path, { signal: controller.signal, onProgress: (p) => p.rows > 0 && controller.abort() });
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(dumpDatabase(db)).toEqual(before);
  });
});

describe('--skip-invalid', () => {
  it('imports the valid rows and reports every rejected one', async () => {
    const db = t.db();
    const path = t.file('mixed.csv', csv([...SERVICE, ['WO-3', 'C2', 'yesterday', '1'], ['', 'C2', '2024-03-04', 'x']]));
    const report = await importFile(db, path, { skipInvalid: true });
    expect(report).toMatchObject({ rows: 4, inserted: 2, rejectedCount: 2 });
    expect(report.rejected).toEqual([
      { row: 4, column: 'opened_at', value: 'yesterday', reason: '"yesterday" is not a date' },
      { row: 5, column: 'labor_hours', value: 'x', reason: '"x" is not a number' },
    ]);
    expect(db.prepare('SELECT work_order_id FROM work_orders ORDER BY 1').pluck().all()).toEqual(['WO-1', 'WO-2']);
  });
});
