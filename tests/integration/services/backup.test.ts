import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csv, useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';
import { damagePage } from '../../support/damage';
import { dumpDatabase } from '../../support/db-state';
import { importFiles } from '../../../src/services/import-files';
import { backupFolder, listBackups } from '../../../src/services/backup';
import Database from 'better-sqlite3';
import { APPLICATION_ID, openDatabase } from '../../../src/db/connection';
import { LATEST_VERSION, migrate } from '../../../src/db/migrations/index';
import { openContext } from '../../../src/services/context';

const t = useTempDir();
const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const c of opened.splice(0)) {
    try {
      c.close();
    } catch {
      // already closed by the test
    }
  }
});

function app() {
  const made = testApp(t.dir());
  opened.push(made.ctx);
  return made;
}

function accountsFile(name: string, ids: string[]): string {
  return t.file(name, csv([['account_id', 'name', 'segment'], ...ids.map((id) => [id, `Customer ${id}`, 'Hospitals'])]));
}

async function ok<T>(response: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await response;
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

describe('backups', () => {
  it('round trip: a backup made now brings the data back after later changes', async () => {
    const { ctx, api } = app();
    await importFiles(ctx, { paths: [accountsFile('a.csv', ['A1', 'A2'])] });
    const before = dumpDatabase(ctx.db);
    const made = await ok(api.call('backups/create', {}));
    expect(made.reason).toBe('manual');
    expect(made.bytes).toBeGreaterThan(0);

    await importFiles(ctx, { paths: [accountsFile('b.csv', ['B1', 'B2', 'B3'])] });
    expect((await ok(api.call('app/info', {}))).accounts).toBe(5);
    const oldConnection = ctx.db;

    const restored = await ok(api.call('backups/restore', { name: made.name }));
    expect(restored.accounts).toBe(2);
    expect(restored.safetyBackup?.reason).toBe('before-restore');
    // Every handler now reads the restored file, on a new connection.
    expect(ctx.db).not.toBe(oldConnection);
    expect(oldConnection.open).toBe(false);
    expect((await ok(api.call('app/info', {}))).accounts).toBe(2);
    expect(dumpDatabase(ctx.db)).toEqual(before);
    expect(existsSync(`${ctx.dataFile}-wal`) && readdirSync(t.dir()).some((f) => f.endsWith('.restoring'))).toBe(false);

    // The data it replaced can itself be restored.
    const back = await ok(api.call('backups/restore', { name: restored.safetyBackup!.name }));
    expect(back.accounts).toBe(5);
  });

  it('keeps only the newest N, N being a setting', async () => {
    const { ctx, api } = app();
    await importFiles(ctx, { paths: [accountsFile('a.csv', ['A1'])] });
    await ok(api.call('settings/save', { keepBackups: 3 }));
    const names: string[] = [];
    for (let i = 0; i < 5; i++) names.push((await ok(api.call('backups/create', {}))).name);
    const list = await ok(api.call('backups/list', {}));
    expect(list.keep).toBe(3);
    expect(list.backups.map((b) => b.name)).toEqual(names.slice(2).reverse());
    expect(readdirSync(backupFolder(ctx.dataFile))).toHaveLength(3);

    const saved = await ok(api.call('settings/save', { keepBackups: 1 }));
    expect(saved.removedBackups).toBe(2);
    expect((await ok(api.call('backups/list', {}))).backups.map((b) => b.name)).toEqual([names[4]]);
    expect((await api.call('settings/save', { keepBackups: 0 })).ok).toBe(false);
  });

  it('refuses a damaged or foreign backup and leaves the database as it was', async () => {
    const { ctx, api } = app();
    await importFiles(ctx, { paths: [accountsFile('a.csv', ['A1', 'A2'])] });
    const good = await ok(api.call('backups/create', {}));
    const before = dumpDatabase(ctx.db);
    const connection = ctx.db;

    // A backup whose pages were damaged after it was made.
    damagePage(join(backupFolder(ctx.dataFile), good.name), 3);
    const damaged = await api.call('backups/restore', { name: good.name });
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) {
      expect(damaged.error.code).toBe('conflict');
      expect(damaged.error.message).toMatch(/cannot be restored.*Nothing was changed/);
      expect(damaged.error.message).toContain(good.name);
    }

    // Something that is not a database at all, named like a backup.
    const stamp = new Date(Date.now() + 60_000).toISOString().replace(/[:.]/g, '-');
    writeFileSync(join(backupFolder(ctx.dataFile), `app-${stamp}-manual.db`), 'not a database');
    const garbage = await api.call('backups/restore', { name: `app-${stamp}-manual.db` });
    expect(garbage.ok).toBe(false);

    expect((await api.call('backups/restore', { name: '../app.db' })).ok).toBe(false);
    expect(ctx.db).toBe(connection);
    expect(dumpDatabase(ctx.db)).toEqual(before);
    expect(readdirSync(t.dir()).filter((f) => f.endsWith('.restoring'))).toEqual([]);
  });

  it('backs up automatically before an import into a database holding data, once per import', async () => {
    const { ctx } = app();
    await importFiles(ctx, { paths: [accountsFile('a.csv', ['A1'])] });
    expect(listBackups(ctx.dataFile)).toEqual([]);
    await importFiles(ctx, { paths: [accountsFile('b.csv', ['B1']), accountsFile('c.csv', ['C1'])] });
    const backups = listBackups(ctx.dataFile);
    expect(backups.map((b) => b.reason)).toEqual(['before-import']);
    // The copy holds the data as it was before that import.
    const copy = openDatabase(backups[0]!.path, { readonly: true });
    try {
      expect(copy.prepare('SELECT account_id FROM accounts ORDER BY 1').pluck().all()).toEqual(['A1']);
    } finally {
      copy.close();
    }
  });

  it('backs up before a migration changes a database holding data', () => {
    const file = join(t.dir(), 'old.db');
    const old = new Database(file);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(old, 3);
    old.prepare("INSERT INTO accounts (account_id, name) VALUES ('A1', 'Customer A1')").run();
    old.close();

    const ctx = openContext(file, { singleConnection: true });
    opened.push(ctx);
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const backups = listBackups(file);
    expect(backups.map((b) => b.reason)).toEqual(['before-migration']);
    const copy = new Database(backups[0]!.path, { readonly: true });
    try {
      expect(copy.pragma('user_version', { simple: true })).toBe(3);
      expect(copy.prepare('SELECT account_id FROM accounts').pluck().all()).toEqual(['A1']);
    } finally {
      copy.close();
    }

    // A new, empty file is migrated without a copy.
    const fresh = join(t.dir(), 'fresh.db');
    openContext(fresh, { singleConnection: true }).close();
    expect(listBackups(fresh)).toEqual([]);
  });

  it('reports a database that fails the quick check, and restores the newest good backup', async () => {
    const first = app();
    await importFiles(first.ctx, { paths: [accountsFile('a.csv', ['A1', 'A2', 'A3'])] });
    await ok(first.api.call('backups/create', {}));
    expect(await ok(first.api.call('app/health', {}))).toMatchObject({ ok: true, problems: [] });
    const root = first.ctx.db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'accounts'").pluck().get() as number;
    first.ctx.close();
    damagePage(first.ctx.dataFile, root);

    const { api } = app();
    const health = await ok(api.call('app/health', {}));
    expect(health.ok).toBe(false);
    expect(health.problems.length).toBeGreaterThan(0);
    expect(health.backups).toHaveLength(1);
    // A copy of damaged data is refused: it would become the "newest" backup.
    const copy = await api.call('backups/create', {});
    expect(copy.ok).toBe(false);
    if (!copy.ok) expect(copy.error.message).toContain('damaged');

    const restored = await ok(api.call('backups/restore', {}));
    expect(restored.accounts).toBe(3);
    // A damaged file is not copied as if it were data worth keeping.
    expect(restored.safetyBackup).toBeNull();
    expect(await ok(api.call('app/health', {}))).toMatchObject({ ok: true });
    expect((await ok(api.call('app/info', {}))).accounts).toBe(3);
  });

  it('opens a file too damaged to read as an empty stand-in and says so, instead of failing', async () => {
    const first = app();
    await importFiles(first.ctx, { paths: [accountsFile('a.csv', ['A1'])] });
    await ok(first.api.call('backups/create', {}));
    first.ctx.close();
    damagePage(first.ctx.dataFile, 1, 4096);

    // The command line refuses it…
    expect(() => openContext(first.ctx.dataFile, { singleConnection: true })).toThrow(/not a readable database/);
    // …the app opens and offers the backup.
    const { api } = app();
    const health = await ok(api.call('app/health', {}));
    expect(health).toMatchObject({ ok: false });
    expect(health.problems[0]).toMatch(/not a readable database/);
    expect((await api.call('backups/create', {})).ok).toBe(false);
    await ok(api.call('backups/restore', {}));
    expect(await ok(api.call('app/health', {}))).toMatchObject({ ok: true });
    expect((await ok(api.call('app/info', {}))).accounts).toBe(1);
  });
});
