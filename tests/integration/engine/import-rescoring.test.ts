import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';
import { portfolioFiles, type Scale } from '../../bench/portfolio';
import { importFiles } from '../../../src/services/import-files';
import { recomputeAccounts, recomputeImported, SLICED_MIN_ACCOUNTS } from '../../../src/services/recompute';
import type { AppContext } from '../../../src/services/context';

const t = useTempDir();
const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

// Enough accounts to be rescored a slice at a time, too few for threads.
const SCALE: Scale = { name: 'files', accounts: 300, assets: 1_500, workOrders: 15_000, surveys: 3_000 };

function app(dir: string, now: string): ReturnType<typeof testApp> {
  const made = testApp(dir, new Date(now));
  open.push(made.ctx);
  return made;
}

function state(ctx: AppContext): Record<string, unknown[]> {
  return {
    scores: ctx.db.prepare('SELECT * FROM account_scores ORDER BY account_id').all(),
    snapshots: ctx.db.prepare('SELECT * FROM score_snapshots ORDER BY as_of, account_id').all(),
    alerts: ctx.db.prepare('SELECT * FROM alerts ORDER BY alert_id').all(),
    events: ctx.db.prepare('SELECT alert_id, at, action, actor, severity, status, note FROM alert_events ORDER BY alert_id, at, action, status, note').all(),
  };
}

describe('the rescoring after an import that changed many accounts', () => {
  it('answers other calls while it scores, and writes what rescoring them at once writes', async () => {
    const files = await portfolioFiles(t.dir(), SCALE, () => undefined);
    const first = join(t.dir(), 'first');
    mkdirSync(first);
    const imported = app(first, '2026-11-23T09:00:00Z');
    const outcome = await importFiles(imported.ctx, { paths: [files.accounts, files.assets, files.service, files.surveys] });
    expect(outcome.files.every((f) => 'report' in f)).toBe(true);
    expect(outcome.recompute?.accounts).toBe(SCALE.accounts);
    expect(outcome.recompute?.historySnapshots).toBeGreaterThan(0);
    const ids = new Set(imported.ctx.db.prepare('SELECT account_id FROM accounts').pluck().all() as string[]);
    expect(ids.size).toBeGreaterThanOrEqual(SLICED_MIN_ACCOUNTS);
    imported.ctx.close();

    // The next day, on two copies of the same data: all at once, and a slice at a time.
    const copies = ['at-once', 'sliced'].map((name) => {
      const dir = join(t.dir(), name);
      mkdirSync(dir);
      copyFileSync(join(first, 'app.db'), join(dir, 'app.db'));
      return app(dir, '2026-11-24T09:00:00Z');
    });
    const [atOnce, sliced] = copies as [ReturnType<typeof app>, ReturnType<typeof app>];
    recomputeAccounts(atOnce.ctx, ids, { history: true });

    let ended = false;
    const reports: Array<[number, number, boolean]> = [];
    const run = recomputeImported(sliced.ctx, ids, ({ scored, accounts, saving }) => reports.push([scored, accounts, saving])).then((result) => {
      ended = true;
      return result;
    });
    const list = await sliced.api.call('accounts/list', {});
    expect(list.ok).toBe(true);
    expect(ended, 'the list was answered while the accounts were being scored').toBe(false);
    const result = await run;
    expect(result.accounts).toBe(ids.size);
    // Progress as it scored: how many so far, of all it rescores, to the last; then that it saves.
    expect(reports.length).toBeGreaterThan(2);
    expect(reports.every(([, of]) => of === ids.size)).toBe(true);
    expect(reports.map(([scored]) => scored)).toEqual([...reports.map(([scored]) => scored)].sort((a, b) => a - b));
    expect(reports.at(-2)).toEqual([ids.size, ids.size, false]);
    expect(reports.at(-1)).toEqual([ids.size, ids.size, true]);

    expect(state(sliced.ctx)).toEqual(state(atOnce.ctx));
  }, 120_000);
});
