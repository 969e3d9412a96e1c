import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPLICATION_ID, DatabaseOpenError, openDatabase } from '../../../src/db/connection';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../../src/db/migrations/index';
import { openContext } from '../../../src/services/context';
import { loadDemo } from '../../../src/services/demo';
import { cli } from '../../support/cli';
import { useTempDir } from '../../support/temp';

const t = useTempDir();

/** The demo portfolio at the latest version: the data every older file is filled from. */
let demo: string;
beforeAll(async () => {
  demo = join(mkdtempSync(join(tmpdir(), 'ahc-demo-')), 'demo.db');
  const ctx = openContext(demo, { now: () => new Date('2026-11-23T09:00:00Z'), singleConnection: true });
  try {
    await loadDemo(ctx, '2026-11-23');
  } finally {
    ctx.close();
  }
}, 120_000);

/** A file at `version` holding the demo's rows in every table and column that version has. */
function filledAt(version: number): Database.Database {
  const db = new Database(join(t.dir(), `v${version}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(db, version);
  db.prepare('ATTACH DATABASE ? AS demo').run(demo);
  db.pragma('foreign_keys = OFF');
  db.transaction(() => {
    for (const table of tables(db)) {
      const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).join(', ');
      db.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM demo.${table}`);
    }
  })();
  db.exec('DETACH DATABASE demo');
  db.pragma('foreign_keys = ON');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  return db;
}

function tables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

function columnsOf(db: Database.Database, tableNames: readonly string[]): Record<string, string[]> {
  return Object.fromEntries(tableNames.map((table) => [table, db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]]));
}

/**
 * Every row of every table, each with its columns by name (a rebuilt table may order them
 * differently): all of them, or those given (a migration may add a column).
 */
function contents(db: Database.Database, only: readonly string[], columns?: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(
    only.map((table) => {
      const hash = createHash('sha256');
      const select = columns ? columns[table]!.join(', ') : '*';
      const rows = (db.prepare(`SELECT ${select} FROM ${table}`).all() as Array<Record<string, unknown>>).map((row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]))).sort();
      for (const row of rows) hash.update(row + '\n');
      return [table, `${rows.length}:${hash.digest('hex')}`];
    }),
  );
}

describe('every migration upgrades a file of the version before it, holding data', () => {
  for (const migration of MIGRATIONS.filter((m) => m.version > 1)) {
    it(`${String(migration.version).padStart(4, '0')} ${migration.name} keeps every row of version ${migration.version - 1}`, () => {
      const db = filledAt(migration.version - 1);
      const kept = tables(db);
      const columns = columnsOf(db, kept);
      const before = contents(db, kept);
      expect(Object.values(before).some((c) => !c.startsWith('0:'))).toBe(true);
      expect(migrate(db, migration.version)).toEqual([migration.version]);
      expect(schemaVersion(db)).toBe(migration.version);
      // Every column kept, none dropped; a column added is the migration's own test's to check.
      for (const [table, names] of Object.entries(columns)) expect(columnsOf(db, [table])[table]).toEqual(expect.arrayContaining(names));
      expect(contents(db, kept, columns)).toEqual(before);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.close();
    });
  }

  it("0008 portfolio-sparklines fills each account's sparkline as scoring writes it", () => {
    const db = filledAt(7);
    migrate(db, 8);
    const written = new Database(demo, { readonly: true });
    const read = (file: Database.Database): unknown[] => file.prepare('SELECT account_id, sparkline FROM account_scores ORDER BY account_id').raw().all();
    try {
      expect((read(written) as Array<[string, string]>).filter(([, figures]) => figures.includes(',')).length).toBeGreaterThan(100);
      expect(read(db)).toEqual(read(written));
    } finally {
      written.close();
      db.close();
    }
  });

  it('the app opens a version-1 file holding data and brings it to the latest version in one go', () => {
    const old = filledAt(1);
    const before = contents(old, tables(old));
    const path = old.name;
    old.close();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(contents(db, Object.keys(before))).toEqual(before);
    // Version 1 kept no scores: the tables the later versions added are there, empty, until a recompute.
    expect(db.prepare('SELECT count(*) FROM account_scores').pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('a file from a newer version of the app', () => {
  function newer(): { path: string; digest: () => string } {
    const path = join(t.dir(), 'newer.db');
    const db = openDatabase(path);
    db.prepare("INSERT INTO accounts (account_id, name) VALUES ('C1', 'One')").run();
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    return { path, digest: () => createHash('sha256').update(readFileSync(path)).digest('hex') };
  }

  it('is refused by the app with a message that says to update, and left byte for byte as it was', () => {
    const file = newer();
    const digest = file.digest();
    let error: unknown = null;
    try {
      openContext(file.path).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('newer_version');
    expect((error as Error).message).toBe(
      `This database was written by a newer version of Account Health Console (schema ${LATEST_VERSION + 1}; this version knows ${LATEST_VERSION}). It was left untouched: update the app to open it.`,
    );
    expect(() => openDatabase(file.path, { readonly: true })).toThrow(/written by a newer version/);
    expect(file.digest()).toBe(digest);
  });

  it('is refused by every command line command with exit status 2, unchanged', async () => {
    const file = newer();
    const digest = file.digest();
    for (const argv of [['imports', '--db', file.path], ['alerts', '--db', file.path], ['import', '--db', file.path, t.file('a.csv', 'account_id,name\nC2,Two\n')]]) {
      const result = await cli(...argv);
      expect(result.code, argv[0]).toBe(2);
      expect(result.stderr, argv[0]).toMatch(/^error: This database was written by a newer version of Account Health Console/);
      expect(file.digest(), argv[0]).toBe(digest);
    }
  });
});
