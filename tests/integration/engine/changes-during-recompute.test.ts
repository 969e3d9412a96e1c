import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/temp';
import { demoApp } from '../../support/context';
import { recomputeAccounts, recomputeAll, recomputeWriting } from '../../../src/services/recompute';
import { recomputeRunning } from '../../../src/services/recompute-turns';
import type { AppContext } from '../../../src/services/context';
import type { ApiClient } from '../../../src/shared/api';

// A full recompute reads the data, scores for a while, then writes. What users change in between
// (an alert acted on, a checklist item ticked) must survive the writing, and the accounts they
// changed end up scored on the changed data.

const t = useTempDir();
const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

/** Everything a recompute writes for one account. */
function accountState(ctx: AppContext, accountId: string): unknown {
  return {
    current: ctx.db.prepare('SELECT as_of, loyalty, band, satisfaction, confidence, change_30, top_driver, trend, sparkline FROM account_scores WHERE account_id = ?').get(accountId),
    snapshots: ctx.db.prepare('SELECT as_of, loyalty, band, confidence, components, top_driver FROM score_snapshots WHERE account_id = ? ORDER BY as_of').all(accountId),
    alerts: ctx.db.prepare('SELECT alert_id, severity, status, active, snoozed_until, title, detail FROM alerts WHERE account_id = ? ORDER BY alert_id').all(accountId),
  };
}

interface Setup {
  readonly alertId: string;
  readonly alertAccount: string;
  readonly tickedAccount: string;
}

/**
 * An alert whose snooze ran out (the recompute reopens it), and an account on which the know-the-
 * cost-of-downtime item is not done (ticking it counts in its partnership score).
 */
function prepare(ctx: AppContext): Setup {
  const alert = ctx.db.prepare("SELECT alert_id, account_id FROM alerts WHERE active = 1 AND status = 'open' ORDER BY alert_id LIMIT 1").get() as { alert_id: string; account_id: string };
  ctx.db.prepare("UPDATE alerts SET status = 'snoozed', snoozed_until = '2026-11-20' WHERE alert_id = ?").run(alert.alert_id);
  const tickedAccount = ctx.db
    .prepare("SELECT account_id FROM accounts WHERE account_id <> ? AND account_id NOT IN (SELECT account_id FROM checklist_ticks WHERE item_id = 'know.downtime_cost') ORDER BY account_id DESC LIMIT 1")
    .pluck()
    .get(alert.account_id) as string;
  return { alertId: alert.alert_id, alertAccount: alert.account_id, tickedAccount };
}

async function actMeanwhile(ctx: AppContext, api: ApiClient, setup: Setup): Promise<void> {
  expect(recomputeRunning(ctx)).toBe(true);
  expect(recomputeWriting(ctx), 'still reading and scoring').toBeNull();
  expect(await api.call('alerts/act', { ids: [setup.alertId], action: { kind: 'acknowledge', note: 'Called them about it.' } })).toMatchObject({ ok: true });
  expect(await api.call('checklist/tick', { accountId: setup.tickedAccount, itemId: 'know.downtime_cost', note: 'About 4,000 an hour' })).toMatchObject({ ok: true });
}

/** After the recompute: the user's action stands, and each account changed is scored as rescoring it now would. */
function expectChangesKept(ctx: AppContext, setup: Setup, partnershipBefore: number | null): void {
  const alert = ctx.db.prepare('SELECT status, snoozed_until FROM alerts WHERE alert_id = ?').get(setup.alertId);
  expect(alert).toEqual({ status: 'acknowledged', snoozed_until: null });
  const lastEvent = ctx.db.prepare('SELECT action, actor FROM alert_events WHERE alert_id = ? ORDER BY event_id DESC LIMIT 1').get(setup.alertId) as { action: string };
  expect(lastEvent.action).toBe('acknowledged');
  expect(partnershipOf(ctx, setup.tickedAccount)).not.toBe(partnershipBefore);

  for (const account of [setup.alertAccount, setup.tickedAccount]) {
    const stored = accountState(ctx, account);
    recomputeAccounts(ctx, new Set([account]));
    expect(accountState(ctx, account), account).toEqual(stored);
  }
}

function partnershipOf(ctx: AppContext, accountId: string): number | null {
  const components = JSON.parse(ctx.db.prepare('SELECT components FROM score_snapshots WHERE account_id = ? ORDER BY as_of DESC LIMIT 1').pluck().get(accountId) as string) as Array<{ key: string; score: number | null }>;
  return components.find((c) => c.key === 'partnership')?.score ?? null;
}

describe('changes made while a full recompute reads and scores', () => {
  it('are kept when it is scored a slice at a time on this thread', async () => {
    const { ctx, api } = await demoApp(t.dir(), 'slices', open);
    const setup = prepare(ctx);
    const before = partnershipOf(ctx, setup.tickedAccount);

    const run = recomputeAll(ctx, { parallelFrom: Number.POSITIVE_INFINITY });
    // One turn later the recompute has begun reading (its view of the data is fixed from there) and
    // stopped after its first slice, with most accounts still to score.
    await new Promise((resolve) => setImmediate(resolve));
    await actMeanwhile(ctx, api, setup);
    const result = await run;
    expect(result.threads).toBe(1);
    expect(result.accounts).toBe(ctx.db.prepare('SELECT count(*) FROM accounts').pluck().get());
    expectChangesKept(ctx, setup, before);
  }, 120_000);

  it('are kept when it is shared among threads', async () => {
    const { ctx, api } = await demoApp(t.dir(), 'threads', open);
    const setup = prepare(ctx);
    const before = partnershipOf(ctx, setup.tickedAccount);

    // Once both threads have reported results, each has begun reading: its view of the data is fixed.
    const reports: Array<[number, number]> = [];
    let twoReported = (): void => undefined;
    const twoBatches = new Promise<void>((resolve) => (twoReported = resolve));
    const run = recomputeAll(ctx, {
      parallelFrom: 0,
      onScored: (scored, accounts) => {
        if (reports.push([scored, accounts]) === 2) twoReported();
      },
    });
    await twoBatches;
    await actMeanwhile(ctx, api, setup);
    const result = await run;
    expect(result.threads).toBe(2);
    // Both threads' progress added up, to every account.
    const accounts = ctx.db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
    expect(reports.at(-1)).toEqual([accounts, accounts]);
    expectChangesKept(ctx, setup, before);
  }, 120_000);

  it('take turns: a second recompute asked for meanwhile starts once the first has written', async () => {
    const { ctx } = await demoApp(t.dir(), 'turns', open);
    const order: string[] = [];
    const first = recomputeAll(ctx, { parallelFrom: 0 }).then(() => order.push('first'));
    const second = recomputeAll(ctx, { asOf: '2026-11-24', parallelFrom: Number.POSITIVE_INFINITY }).then(() => order.push('second'));
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    // The later one's results are the ones that stand.
    expect(ctx.db.prepare('SELECT min(as_of), max(as_of) FROM account_scores').raw().get()).toEqual(['2026-11-24', '2026-11-24']);
    expect(recomputeRunning(ctx)).toBe(false);
  }, 120_000);

  it('tell how far they have come: accounts scored so far, then saving, then nothing', async () => {
    const { ctx, api } = await demoApp(t.dir(), 'progress', open);
    const accounts = ctx.db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
    expect(await api.call('engine/progress', {})).toEqual({ ok: true, data: null });

    let firstReported = (): void => undefined;
    const reported = new Promise<void>((resolve) => (firstReported = resolve));
    const run = recomputeAll(ctx, { parallelFrom: 0, onScored: () => firstReported() });
    // Asked for at once: under way, nothing scored yet.
    expect(await api.call('engine/progress', {})).toEqual({ ok: true, data: { scored: 0, accounts: 0, saving: false } });
    await reported;
    const part = await api.call('engine/progress', {});
    expect(part).toMatchObject({ ok: true, data: { accounts, saving: false } });
    expect(part.ok && part.data!.scored).toBeGreaterThan(0);
    let writing = recomputeWriting(ctx);
    while (writing === null) {
      await new Promise((resolve) => setImmediate(resolve));
      writing = recomputeWriting(ctx);
    }
    expect(await api.call('engine/progress', {})).toEqual({ ok: true, data: { scored: accounts, accounts, saving: true } });
    await run;
    expect(await api.call('engine/progress', {})).toEqual({ ok: true, data: null });
  }, 120_000);
});
