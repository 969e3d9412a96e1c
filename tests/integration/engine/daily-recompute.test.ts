import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';
import { loadDemo } from '../../../src/services/demo';
import { recomputeAll, recomputeUndone } from '../../../src/services/recompute';
import { importFiles } from '../../../src/services/import-files';
import { demoApp } from '../../support/context';
import { listAlerts } from '../../../src/services/alerts';
import { spellDayCounts } from '../../../src/domain/alerts/day-counts';
import { importFile } from '../../../src/import/importer';
import { undoImport } from '../../../src/import/undo';
import { accountHistory } from '../../../src/db/repositories/snapshots';
import { csv } from '../../support/temp';

const t = useTempDir();
const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

interface Row {
  alert_id: string;
  severity: string;
  status: string;
  active: number;
  title: string;
  detail: string;
  refs: string;
}

describe('the daily recompute', () => {
  it('rewrites an alert only when what it says changed, not because another day has passed', async () => {
    const { ctx } = testApp(t.dir(), new Date('2026-11-23T09:00:00Z'));
    open.push(ctx);
    await loadDemo(ctx, '2026-11-23');
    await recomputeAll(ctx, { asOf: '2026-11-24' });
    const rows = (): Map<string, Row> =>
      new Map((ctx.db.prepare('SELECT alert_id, severity, status, active, title, detail, refs FROM alerts').all() as Row[]).map((r) => [r.alert_id, r]));
    const before = rows();
    const day = await recomputeAll(ctx, { asOf: '2026-11-25' });
    const after = rows();

    expect(before.size).toBeGreaterThan(100);
    let reworded = 0;
    for (const [id, now] of after) {
      const was = before.get(id);
      if (!was || (was.title === now.title && was.detail === now.detail)) continue;
      reworded++;
      // Read on the same day, the old and the new wording differ in more than a day count.
      const read = (r: Row): string => spellDayCounts(`${r.title}\n${r.detail}`, '2026-11-25');
      expect(read(now), id).not.toBe(read(was));
    }
    expect(day.alertsChanged).toBeLessThan(before.size / 10);
    expect(reworded).toBeLessThanOrEqual(day.alertsChanged);

    // What a person reads still counts the days, as of the day it is read.
    const counting = listAlerts(ctx, { rules: ['unaddressed_recommendation'] }, '2026-11-25').find((a) => / \d+ days ago/.test(a.title));
    expect(counting).toBeDefined();
    const days = Number(/ (\d+) days ago/.exec(counting!.title)![1]);
    const nextDay = listAlerts(ctx, { rules: ['unaddressed_recommendation'] }, '2026-11-26').find((a) => a.id === counting!.id)!;
    expect(nextDay.title).toBe(counting!.title.replace(` ${days} days ago`, ` ${days + 1} days ago`));
    expect(nextDay.title).not.toContain('⟦');
  }, 120_000);

  it('after an undo rescores only the accounts whose rows it changed, to what a full recompute gives', async () => {
    const { ctx } = await demoApp(t.dir(), 'undo', open);
    const accounts = ctx.db.prepare('SELECT account_id FROM accounts ORDER BY account_id LIMIT 4').pluck().all() as string[];
    const moved = ctx.db.prepare('SELECT work_order_id, account_id, opened_at FROM work_orders WHERE account_id = ? LIMIT 1').get(accounts[3]) as { work_order_id: string; account_id: string; opened_at: string };
    // New visits for three accounts, and one of the fourth's work orders filed under the first.
    const file = t.file(
      'weekly.csv',
      csv([
        ['work_order_id', 'account_id', 'opened_at', 'type', 'fixed_first_time'],
        ['WO-NEW-1', accounts[0]!, '2026-11-20T08:00:00', 'break_fix', '0'],
        ['WO-NEW-2', accounts[1]!, '2026-11-21T08:00:00', 'break_fix', '0'],
        ['WO-NEW-3', accounts[2]!, '2026-11-22T08:00:00', 'break_fix', '0'],
        [moved.work_order_id, accounts[0]!, moved.opened_at, 'break_fix', '0'],
      ]),
    );
    const state = () => ({
      scores: ctx.db.prepare('SELECT account_id, as_of, loyalty, band, satisfaction, confidence, change_30, top_driver, trend FROM account_scores ORDER BY account_id').all(),
      alerts: ctx.db.prepare('SELECT alert_id, severity, status, active, title, detail, refs FROM alerts ORDER BY alert_id').all(),
    });
    const beforeImport = state();
    const imported = await importFiles(ctx, { paths: [file] });
    // The account the work order left is rescored with the one it joined.
    expect(imported.recompute?.accounts).toBe(4);
    const afterImport = state();
    expect(afterImport).not.toEqual(beforeImport);
    await recomputeAll(ctx);
    expect(state()).toEqual(afterImport);
    const [weekly] = imported.files;
    if (!weekly || 'error' in weekly) throw new Error('the weekly file was not imported');

    const undone = undoImport(ctx.db, weekly.report.importId!);
    expect([...undone.accountsChanged].sort()).toEqual([...accounts].sort());
    expect(undone.accountsRemoved).toBe(0);
    const rescored = await recomputeUndone(ctx, undone);
    expect(rescored.accounts).toBe(4);
    const afterUndo = state();
    expect(afterUndo).not.toEqual(afterImport);
    await recomputeAll(ctx);
    expect(state()).toEqual(afterUndo);
  }, 120_000);

  it('forgets the scores of accounts an undo took out, and only theirs', async () => {
    const { ctx } = testApp(t.dir(), new Date('2026-11-23T09:00:00Z'));
    open.push(ctx);
    const visits = (rows: string[][]) => csv([['work_order_id', 'account_id', 'opened_at', 'type'], ...rows]);
    await importFile(ctx.db, t.file('kept.csv', visits([['WO-1', 'C1', '2026-11-02', 'break_fix']])));
    const added = await importFile(ctx.db, t.file('added.csv', visits([['WO-2', 'C2', '2026-11-03', 'break_fix']])));
    await recomputeAll(ctx, { asOf: '2026-11-22' });
    await recomputeAll(ctx, { asOf: '2026-11-23' });
    const scored = (): unknown[] => ctx.db.prepare('SELECT account_id FROM account_scores ORDER BY account_id').pluck().all();
    expect(scored()).toEqual(['C1', 'C2']);
    expect(accountHistory(ctx.db, 'C2', '2026-11-01', '2026-11-30').map((h) => h.asOf)).toEqual(['2026-11-22', '2026-11-23']);

    // An alert the account had, still waiting on someone.
    ctx.db
      .prepare("INSERT INTO alerts (alert_id, rule, account_id, severity, status, active, title, detail, raised_at, updated_at, evaluated_at) VALUES ('silent_account:C2', 'silent_account', 'C2', 'low', 'acknowledged', 1, 't', 'd', '2026-11-20', '2026-11-20', '2026-11-20')")
      .run();

    const undone = undoImport(ctx.db, added.importId!);
    expect(undone).toMatchObject({ accountsRemoved: 1, accountsChanged: new Set() });
    await recomputeUndone(ctx, undone);
    expect(ctx.db.prepare("SELECT status, active FROM alerts WHERE alert_id = 'silent_account:C2'").get()).toEqual({ status: 'resolved', active: 0 });
    expect(ctx.db.prepare("SELECT note FROM alert_events WHERE alert_id = 'silent_account:C2'").pluck().all()).toEqual(['The account is no longer in the data']);
    expect(scored()).toEqual(['C1']);
    expect(accountHistory(ctx.db, 'C2', '2026-11-01', '2026-11-30')).toEqual([]);
    expect(accountHistory(ctx.db, 'C1', '2026-11-01', '2026-11-30').map((h) => h.asOf)).toEqual(['2026-11-22', '2026-11-23']);
    expect(ctx.db.prepare('SELECT count(*) FROM score_snapshots').pluck().get()).toBe(2);
  });
});
