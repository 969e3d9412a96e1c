import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPLICATION_ID } from '../../src/db/connection';
import { LATEST_VERSION, migrate } from '../../src/db/migrations/index';
import { commandLine, run, type CliRunner } from './support/cli';
import { copyDatabase, crashSeed, integrity, killMoments, portfolioSeenByApp, rng, tableHash } from './support/state';

const TRIALS = 20;
const SEED = crashSeed(20261125);
const OLD_VERSION = 2;
/** Extra work orders beyond the demo's, so rebuilding the tables (0003) takes a while. */
const EXTRA_WORK_ORDERS = 80_000;
/** The data a version-2 file holds, and the column that orders each. */
const DATA_TABLES = { accounts: 'account_id', assets: 'asset_id', work_orders: 'work_order_id', recommendations: 'recommendation_id', survey_responses: 'response_id', score_snapshots: 'account_id, as_of', alerts: 'alert_id' } as const;

/**
 * A version-2 database holding the demo portfolio and a large service history, opened by the
 * current command line (which migrates it) and SIGKILLed at seeded moments of the migration.
 */
describe('a migration killed at any moment', () => {
  let work: string;
  let cli: CliRunner;
  let base: string;
  let data: Record<string, string>;
  let migratedPortfolio: unknown;
  let fullRunMs: number;

  const fingerprint = (file: string): Record<string, string> => Object.fromEntries(Object.entries(DATA_TABLES).map(([table, key]) => [table, tableHash(file, table, key)]));

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ahc-crash-migration-'));
    cli = commandLine();
    const demo = join(work, 'demo', 'app.db');
    const made = await run(cli, ['demo', '--db', demo, '--as-of', '2026-11-23'], null);
    expect(made.code, made.stderr).toBe(0);
    mkdirSync(join(work, 'base'));
    base = join(work, 'base', 'app.db');
    writeOldDatabase(base, demo);
    data = fingerprint(base);

    copyDatabase(base, join(work, 'reference'));
    migratedPortfolio = await portfolioSeenByApp(join(work, 'reference'));
    expect((migratedPortfolio as { total: number }).total).toBeGreaterThan(100);

    const full = copyDatabase(base, join(work, 'full'));
    const outcome = await run(cli, ['imports', '--db', full], null);
    expect(outcome.code, outcome.stderr).toBe(0);
    fullRunMs = outcome.ms;
    expect(integrity(full).version).toBe(LATEST_VERSION);
  }, 240_000);

  afterAll(() => {
    cli?.dispose();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(`leaves the file at a whole version with all its data, in ${TRIALS} seeded trials (seed ${SEED})`, async () => {
    // Up to a little past the length of a whole run, so some kills land after the last commit.
    const until = Math.round(fullRunMs * 1.3);
    const moments = killMoments(TRIALS, 50, until, rng(SEED));
    const versions: number[] = [];
    for (const [i, at] of moments.entries()) {
      const dir = join(work, `trial-${i}`);
      const file = copyDatabase(base, dir);
      const outcome = await run(cli, ['imports', '--db', file], at);
      const context = `trial ${i}, killed at ${at} ms (seed ${SEED})`;
      if (!outcome.killed) expect(outcome.code, `${context}\n${outcome.stderr}`).toBe(0);
      const sound = integrity(file);
      expect(sound.integrity, context).toBe('ok');
      expect(sound.foreignKeyProblems, context).toBe(0);
      // Each migration commits on its own: the file is at the old version, the new one, or one
      // between, never half-way through one, and always holds every row it held.
      expect(sound.version, context).toBeGreaterThanOrEqual(OLD_VERSION);
      expect(sound.version, context).toBeLessThanOrEqual(LATEST_VERSION);
      expect(fingerprint(file), context).toEqual(data);
      versions.push(sound.version);
      expect(await portfolioSeenByApp(dir), context).toEqual(migratedPortfolio);
      expect(integrity(file).version, context).toBe(LATEST_VERSION);
      rmSync(dir, { recursive: true, force: true });
    }
    const byVersion = [...new Set(versions)].sort().map((v) => `${versions.filter((w) => w === v).length} at version ${v}`);
    console.log(`migration kills (seed ${SEED}): ${TRIALS} trials over 50–${until} ms (a whole run: ${fullRunMs} ms); ${byVersion.join(', ')}`);
    expect(versions).toContain(OLD_VERSION);
  }, 600_000);
});

/** A file as version 2 of the app left it: the demo's rows in the version-2 schema, plus a long service history. */
function writeOldDatabase(file: string, demo: string): void {
  const db = new Database(file);
  db.pragma('page_size = 16384');
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('foreign_keys = ON');
  migrate(db, OLD_VERSION);
  db.prepare('ATTACH DATABASE ? AS demo').run(demo);
  db.transaction(() => {
    for (const table of Object.keys(DATA_TABLES)) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).join(', ');
      db.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM demo.${table}`);
    }
    db.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${EXTRA_WORK_ORDERS}),
        listed AS (SELECT account_id, row_number() OVER (ORDER BY account_id) - 1 AS k FROM accounts),
        total AS (SELECT count(*) AS accounts FROM accounts)
      INSERT INTO work_orders (work_order_id, account_id, type, opened_at, completed_at, status, fixed_first_time, technician, labor_hours, notes)
      SELECT printf('HIST-%07d', i), listed.account_id,
             CASE i % 3 WHEN 0 THEN 'preventive' WHEN 1 THEN 'break_fix' ELSE 'inspection' END,
             date('2019-01-01', '+' || (i % 1500) || ' days'), date('2019-01-01', '+' || (i % 1500) || ' days'),
             'completed', i % 2, 'Technician ' || (i % 40), 1.5, 'Routine visit ' || i
      FROM n, total JOIN listed ON listed.k = n.i % total.accounts`);
  })();
  db.exec('DETACH DATABASE demo');
  db.close();
}
