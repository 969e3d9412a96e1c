import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openContext } from '../../src/services/context';
import { loadDemo } from '../../src/services/demo';
import { commandLine, run, type CliRunner } from './support/cli';
import { copyDatabase, counts, crashSeed, integrity, killMoments, portfolioSeenByApp, rng } from './support/state';

const TRIALS = 20;
const SEED = crashSeed(20261124);
/** What a recompute writes: the day's snapshots, the current scores, alerts and their history. */
const ENGINE_TABLES = ['score_snapshots', 'account_scores', 'alerts', 'alert_events'] as const;

interface EngineState {
  readonly portfolio: unknown;
  readonly counts: Record<string, number | null>;
}

/**
 * The demo portfolio scored three months ago, rescored today by `alerts` (a full recompute that
 * stores scores, snapshots and alerts in one transaction), killed at seeded moments.
 */
describe('a recompute killed at any moment', () => {
  let work: string;
  let cli: CliRunner;
  let base: string;
  let before: EngineState;
  let after: EngineState;
  let fullRunMs: number;

  const state = async (dir: string): Promise<EngineState> => ({ counts: counts(join(dir, 'app.db'), ENGINE_TABLES), portfolio: await portfolioSeenByApp(dir) });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ahc-crash-recompute-'));
    cli = commandLine();
    base = join(work, 'base', 'app.db');
    // Scored three months before the day the trials run, so today's rescoring changes what is shown.
    const past = new Date(Date.now() - 92 * 86_400_000);
    const ctx = openContext(base, { now: () => past, singleConnection: true });
    try {
      await loadDemo(ctx, past.toISOString().slice(0, 10));
    } finally {
      ctx.close();
    }
    copyDatabase(base, join(work, 'before'));
    before = await state(join(work, 'before'));

    const reference = copyDatabase(base, join(work, 'after'));
    const full = await run(cli, ['alerts', '--db', reference], null);
    expect(full.code, full.stderr).toBe(0);
    fullRunMs = full.ms;
    after = await state(join(work, 'after'));
    // The recompute changes what the app shows: otherwise the trials would prove nothing.
    expect(after.portfolio).not.toEqual(before.portfolio);
    expect(after.counts).not.toEqual(before.counts);
  }, 240_000);

  afterAll(() => {
    cli?.dispose();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(`leaves the scores of before or of after, in ${TRIALS} seeded trials (seed ${SEED})`, async () => {
    // Up to a little past the length of a whole run, so some kills land after the commit.
    const moments = killMoments(TRIALS, 50, Math.round(fullRunMs * 1.15), rng(SEED));
    const seen = { before: 0, after: 0, finished: 0 };
    for (const [i, at] of moments.entries()) {
      const dir = join(work, `trial-${i}`);
      const file = copyDatabase(base, dir);
      const outcome = await run(cli, ['alerts', '--db', file], at);
      const context = `trial ${i}, killed at ${at} ms (seed ${SEED})`;
      if (!outcome.killed) {
        expect(outcome.code, `${context}\n${outcome.stderr}`).toBe(0);
        seen.finished++;
      }
      const sound = integrity(file);
      expect(sound.integrity, context).toBe('ok');
      expect(sound.foreignKeyProblems, context).toBe(0);
      const now = await state(dir);
      const same = JSON.stringify(now.counts) === JSON.stringify(before.counts) ? 'before' : 'after';
      expect(now, context).toEqual(same === 'before' ? before : after);
      seen[same]++;
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`recompute kills (seed ${SEED}): ${TRIALS} trials over 50–${Math.round(fullRunMs * 1.15)} ms (a whole run: ${fullRunMs} ms); ${seen.before} left the old scores, ${seen.after} the new (${seen.finished} ran to the end first)`);
    expect(seen.before).toBeGreaterThan(0);
  }, 600_000);
});
