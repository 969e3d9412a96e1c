import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeServiceCsv } from '../bench/synthetic';
import { commandLine, run, type CliRunner } from './support/cli';
import { copyDatabase, counts, crashSeed, integrity, killMoments, portfolioSeenByApp, rng, tableHash } from './support/state';

const ROWS = 400_000;
const ACCOUNTS = 500;
const TRIALS = 20;
const SEED = crashSeed(20261123);

/**
 * A 400,000-row service history imported by the command line and SIGKILLed at seeded moments from
 * its start to past its commit. After every kill the file is sound, holds none or all of the rows,
 * and the app opens it showing the portfolio it showed before.
 */
describe('an import killed at any moment', () => {
  let work: string;
  let cli: CliRunner;
  let csv: string;
  let base: string;
  let before: { portfolio: unknown; scores: string; imports: number };
  let all: { hash: string; commitMs: number };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ahc-crash-import-'));
    cli = commandLine();
    csv = join(work, 'service-history.csv');
    await writeServiceCsv(csv, ROWS, ACCOUNTS, 7);
    const accounts = join(work, 'accounts.csv');
    const lines = ['account_id,name,segment,region,owner,contract_type'];
    for (let i = 0; i < ACCOUNTS; i++) lines.push(`C${String(i).padStart(5, '0')},Account ${i},Healthcare,Region ${i % 5},Owner ${i % 7},full_service`);
    writeFileSync(accounts, lines.join('\n') + '\n');
    base = join(work, 'base', 'app.db');
    const made = await run(cli, ['import', '--db', base, accounts], null);
    expect(made.code, made.stderr).toBe(0);

    const seen = copyDatabase(base, join(work, 'before'));
    before = { portfolio: await portfolioSeenByApp(join(work, 'before')), scores: tableHash(seen, 'account_scores', 'account_id'), imports: counts(seen, ['imports'])['imports']! };
    expect((before.portfolio as { total: number }).total).toBe(ACCOUNTS);

    // A first run, killed as soon as its import has committed: when that happens and what "all" is.
    const calibration = copyDatabase(base, join(work, 'calibration'));
    const committed = (): boolean => {
      try {
        const db = new Database(calibration, { readonly: true, fileMustExist: true });
        try {
          return (db.prepare('SELECT count(*) FROM imports').pluck().get() as number) > before.imports;
        } finally {
          db.close();
        }
      } catch {
        return false;
      }
    };
    const outcome = await run(cli, ['import', '--db', calibration, csv], 120_000, { everyMs: 50, check: committed });
    expect(outcome.killed, outcome.stderr).toBe(true);
    expect(integrity(calibration).integrity).toBe('ok');
    expect(counts(calibration, ['work_orders'])['work_orders']).toBe(ROWS);
    all = { hash: tableHash(calibration, 'work_orders', 'work_order_id'), commitMs: outcome.ms };
    rmSync(join(work, 'calibration'), { recursive: true, force: true });
  }, 240_000);

  afterAll(() => {
    cli?.dispose();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(`leaves none or all of the file, in ${TRIALS} seeded trials (seed ${SEED})`, async () => {
    const random = rng(SEED);
    // From just after start (opening, reading the header) to well after the commit (the rescoring).
    const moments = killMoments(TRIALS, 50, all.commitMs + 1500, random);
    const outcomes: Array<{ at: number; rows: number }> = [];
    for (const [i, at] of moments.entries()) {
      const dir = join(work, `trial-${i}`);
      const file = copyDatabase(base, dir);
      const outcome = await run(cli, ['import', '--db', file, csv], at);
      const context = `trial ${i}, killed at ${at} ms (seed ${SEED})`;
      expect(outcome.killed, `${context}: the import ended before the kill\n${outcome.stderr}`).toBe(true);

      const sound = integrity(file);
      expect(sound.integrity, context).toBe('ok');
      expect(sound.foreignKeyProblems, context).toBe(0);
      const rows = counts(file, ['work_orders', 'imports']);
      expect([0, ROWS], context).toContain(rows['work_orders']);
      if (rows['work_orders'] === ROWS) {
        expect(tableHash(file, 'work_orders', 'work_order_id'), context).toBe(all.hash);
        expect(rows['imports'], context).toBe(before.imports + 1);
      } else {
        expect(rows['imports'], context).toBe(before.imports);
      }
      const scoresUnchanged = tableHash(file, 'account_scores', 'account_id') === before.scores;
      const portfolio = await portfolioSeenByApp(dir);
      if (scoresUnchanged) expect(portfolio, context).toEqual(before.portfolio);
      else {
        // Only a rescoring that committed whole changes the scores, and only after the import did.
        expect(rows['work_orders'], context).toBe(ROWS);
        expect(ids(portfolio), context).toEqual(ids(before.portfolio));
      }
      outcomes.push({ at, rows: rows['work_orders']! });
      rmSync(dir, { recursive: true, force: true });
    }
    const none = outcomes.filter((o) => o.rows === 0).length;
    console.log(`import kills (seed ${SEED}): ${TRIALS} trials over 50–${all.commitMs + 1500} ms, commit at ~${all.commitMs} ms; ${none} left none, ${TRIALS - none} left all; at ${outcomes.map((o) => o.at).sort((a, b) => a - b).join(', ')} ms`);
    // The seeded moments fall on both sides of the commit.
    expect(none).toBeGreaterThan(0);
    expect(TRIALS - none).toBeGreaterThan(0);
  }, 600_000);
});

function ids(portfolio: unknown): string[] {
  return (portfolio as { accounts: Array<{ accountId: string }> }).accounts.map((a) => a.accountId).sort();
}
