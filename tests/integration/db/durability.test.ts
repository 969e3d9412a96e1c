import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../src/db/connection';
import { openContext } from '../../../src/services/context';
import { importFile } from '../../../src/import/importer';
import { csv, useTempDir } from '../../support/temp';

const t = useTempDir();

/** SQLite's numbers for `PRAGMA synchronous`. */
const SYNCHRONOUS = { OFF: 0, NORMAL: 1, FULL: 2, EXTRA: 3 } as const;

describe('a finished import is durable', () => {
  it('every writing connection runs WAL with synchronous=FULL, so a commit survives a power cut', () => {
    const path = join(t.dir(), 'app.db');
    const ctx = openContext(path);
    const writer = ctx.openWriter();
    try {
      for (const db of [ctx.db, writer]) {
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(db.pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS.FULL);
        expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      }
    } finally {
      if (writer !== ctx.db) writer.close();
      ctx.close();
    }
  });

  it('keeps the settings on a file opened again, and after an import', async () => {
    const path = join(t.dir(), 'again.db');
    openDatabase(path).close();
    const db = openDatabase(path);
    try {
      await importFile(db, t.file('service.csv', csv([['work_order_id', 'account_id', 'opened_at'], ['WO-1', 'C1', '2024-03-01']])));
      // The import changes the cache size and foreign keys for its transaction only, never durability.
      expect(db.pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS.FULL);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.inTransaction).toBe(false);
    } finally {
      db.close();
    }
  });
});
