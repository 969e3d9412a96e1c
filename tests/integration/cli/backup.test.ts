import { describe, expect, it } from 'vitest';
import { closeSync, existsSync, openSync, readdirSync, writeSync } from 'node:fs';
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
const accounts = (name: string, ids: string[]) => t.file(name, csv([['account_id', 'name'], ...ids.map((id) => [id, `Customer ${id}`])]));

describe('backup and restore', () => {
  it('backs up into a file, restores it, and backs up the data it replaced', async () => {
    expect((await cli('import', '--db', dbPath(), accounts('a.csv', ['A1', 'A2']))).code).toBe(0);
    const before = dump();
    const out = join(t.dir(), 'copy.db');
    const backup = await cli('backup', '--db', dbPath(), '--out', out);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toMatch(/^Backed up .*cli\.db to .*copy\.db \(\d+(\.\d)? KB\)\.\n$/);

    expect((await cli('import', '--db', dbPath(), accounts('b.csv', ['B1']))).code).toBe(0);
    const restore = await cli('restore', '--db', dbPath(), '--from', out);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('2 accounts');
    expect(restore.stderr).toMatch(/The data it replaced was backed up to .*before-restore\.db/);
    expect(dump()).toEqual(before);
    expect(existsSync(`${dbPath()}-wal`)).toBe(false);
  });

  it('without --out writes into the backups folder beside the database, and restore finds it by name', async () => {
    await cli('import', '--db', dbPath(), accounts('a.csv', ['A1']));
    const made = await cli('backup', '--db', dbPath());
    expect(made.code).toBe(0);
    const [name] = readdirSync(join(t.dir(), 'backups')).filter((f) => f.endsWith('-manual.db'));
    expect(name).toMatch(/^cli-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-manual\.db$/);
    await cli('import', '--db', dbPath(), accounts('b.csv', ['B1']));
    expect((await cli('restore', '--db', dbPath(), '--from', name!)).code).toBe(0);
    const db = openDatabase(dbPath());
    try {
      expect(db.prepare('SELECT account_id FROM accounts').pluck().all()).toEqual(['A1']);
    } finally {
      db.close();
    }
  });

  it('refuses a damaged backup with exit 2 and leaves the database exactly as it was', async () => {
    await cli('import', '--db', dbPath(), accounts('a.csv', ['A1', 'A2']));
    const out = join(t.dir(), 'copy.db');
    await cli('backup', '--db', dbPath(), '--out', out);
    const fd = openSync(out, 'r+');
    writeSync(fd, Buffer.alloc(16384, 0x5a), 0, 16384, 2 * 16384);
    closeSync(fd);
    await cli('import', '--db', dbPath(), accounts('b.csv', ['B1']));
    const before = dump();

    const res = await cli('restore', '--db', dbPath(), '--from', out);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/copy\.db cannot be restored: .*Nothing was changed/);
    expect(dump()).toEqual(before);

    const stranger = await cli('restore', '--db', dbPath(), '--from', t.file('notes.db', 'hello'));
    expect(stranger.code).toBe(2);
    expect(dump()).toEqual(before);
  });

  it('says what is wrong with the options', async () => {
    expect((await cli('backup', '--db', join(t.dir(), 'missing.db'))).code).toBe(2);
    const noFrom = await cli('restore', '--db', dbPath());
    expect(noFrom.code).toBe(2);
    expect(noFrom.stderr).toContain('--from is required');
    const missing = await cli('restore', '--db', dbPath(), '--from', join(t.dir(), 'nowhere.db'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('there is no backup at');
    expect((await cli('help')).stdout).toMatch(/backup {4}--db PATH \[--out FILE\][\s\S]*restore {3}--db PATH --from FILE/);
  });
});
