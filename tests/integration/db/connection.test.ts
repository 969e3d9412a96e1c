import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { nativeBinding, openDatabase } from '../../../src/db/connection';
import { useTempDir } from '../../support/temp';

const t = useTempDir();

describe('the database connection', () => {
  it('loads the Node build of the SQLite driver under plain Node', () => {
    expect(process.versions['electron']).toBeUndefined();
    expect(nativeBinding()).toBeUndefined();
    const db = openDatabase(join(t.dir(), 'node.db'));
    expect(db.prepare('SELECT sqlite_version()').pluck().get()).toMatch(/^3\./);
    db.close();
  });

  it('creates the folder of a new database file', () => {
    const db = openDatabase(join(t.dir(), 'a', 'b', 'new.db'));
    expect(db.open).toBe(true);
    db.close();
  });
});
