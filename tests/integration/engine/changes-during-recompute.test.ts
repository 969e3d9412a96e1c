import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/temp';
import { demoApp } from '../../support/context';
import { recomputeAccounts, recomputeAll, recomputeImported, scoreOne, SLICED_MIN_ACCOUNTS } from '../../../src/services/recompute';
import { writeResults } from '../../../src/services/recompute-write';
import type { AccountResult } from '../../../src/services/recompute-core';
import { longWriteUnderway } from '../../../src/services/long-writes';
import { recomputeProgress, recomputeRunning } from '../../../src/services/recompute-turns';
import type { RecomputeStatus } from '../../../src/shared/api/app';
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
  expect(longWriteUnderway(ctx), 'still reading and scoring').toBeNull();
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
      onProgress: ({ scored, accounts, saving }) => {
        if (!saving && reports.push([scored, accounts]) === 2) twoReported();
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
    const told: boolean[] = [];
    const run = recomputeAll(ctx, {
      parallelFrom: 0,
      onProgress: ({ saving }) => {
        told.push(saving);
        firstReported();
      },
    });
    // Asked for at once: under way, nothing scored yet.
    expect(await api.call('engine/progress', {})).toEqual({ ok: true, data: { scored: 0, accounts: 0, saving: false, kind: 'portfolio' } });
    await reported;
    const part = await api.call('engine/progress', {});
    expect(part).toMatchObject({ ok: true, data: { accounts, saving: false, kind: 'portfolio' } });
    expect(part.ok && part.data!.scored).toBeGreaterThan(0);
    let writing = longWriteUnderway(ctx);
    while (writing === null) {
      await new Promise((resolve) => setImmediate(resolve));
      writing = longWriteUnderway(ctx);
    }
    expect(await api.call('engine/progress', {})).toEqual({ ok: true, data: { scored: accounts, accounts, saving: true, kind: 'portfolio' } });
    await run;
    expect(await api.call('engine/progress', {})).toEqual({ ok: true, data: null });
    // The caller is told the same: counts, then saving, last.
    expect(told.at(-1)).toBe(true);
    expect(told.filter((saving) => saving)).toHaveLength(1);
  }, 120_000);

  it('say whether they rescore for an import, so that a change of settings waiting behind one is not shown its count', async () => {
    const { ctx } = await demoApp(t.dir(), 'kinds', open);
    const ids = ctx.db.prepare('SELECT account_id FROM accounts ORDER BY account_id').pluck().all() as string[];
    expect(ids.length).toBeGreaterThanOrEqual(SLICED_MIN_ACCOUNTS);

    // An import's rescoring of many accounts, a slice at a time; a weight saved meanwhile rescores
    // the portfolio after it.
    const order: string[] = [];
    const imported = recomputeImported(ctx, new Set(ids)).then(() => order.push('import'));
    const portfolio = recomputeAll(ctx, { parallelFrom: Number.POSITIVE_INFINITY }).then(() => order.push('portfolio'));
    const kinds: string[] = [];
    while (order.length < 2) {
      const kind = recomputeProgress(ctx)?.kind;
      if (kind && kinds.at(-1) !== kind) kinds.push(kind);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all([imported, portfolio]);
    expect(order).toEqual(['import', 'portfolio']);
    expect(kinds).toEqual(['import', 'portfolio']);
    expect(recomputeProgress(ctx)).toBeNull();
  }, 120_000);

  it('that touch many accounts have them rescored after, and all the actions stand', async () => {
    const { ctx, api } = await demoApp(t.dir(), 'many', open);
    // One waiting alert for each of many accounts: acknowledged in one action, as from the inbox.
    const alerts = ctx.db
      .prepare("SELECT min(alert_id) FROM alerts WHERE active = 1 AND status = 'open' GROUP BY account_id ORDER BY account_id")
      .pluck()
      .all() as string[];
    expect(alerts.length).toBeGreaterThanOrEqual(SLICED_MIN_ACCOUNTS);

    const run = recomputeAll(ctx, { parallelFrom: Number.POSITIVE_INFINITY });
    let finished = false;
    const done = (): void => void (finished = true);
    run.then(done, done);
    await new Promise((resolve) => setImmediate(resolve));
    expect(longWriteUnderway(ctx), 'still reading and scoring').toBeNull();
    expect(await api.call('alerts/act', { ids: alerts, action: { kind: 'acknowledge', note: 'Seen in the review.' } })).toMatchObject({ ok: true });
    // The progress as the window sees it, turn by turn, while the portfolio is written and the
    // accounts acted on are rescored a slice at a time.
    const seen: RecomputeStatus[] = [];
    while (!finished) {
      const now = recomputeProgress(ctx);
      if (now) seen.push(now);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await run;
    // Rescoring them is part of saving: the count does not start again from none.
    const firstSaving = seen.findIndex((p) => p.saving);
    expect(firstSaving).toBeGreaterThanOrEqual(0);
    const total = ctx.db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
    expect(new Set(seen.slice(firstSaving).map((p) => JSON.stringify(p)))).toEqual(new Set([JSON.stringify({ scored: total, accounts: total, saving: true, kind: 'portfolio' })]));
    expect(result.accounts).toBe(ctx.db.prepare('SELECT count(*) FROM accounts').pluck().get());

    const statuses = ctx.db.prepare(`SELECT DISTINCT status FROM alerts WHERE alert_id IN (${alerts.map(() => '?').join(',')})`).pluck().all(...alerts);
    expect(statuses).toEqual(['acknowledged']);
    const sample = ctx.db.prepare('SELECT account_id FROM alerts WHERE alert_id = ?').pluck().get(alerts[0]) as string;
    const stored = accountState(ctx, sample);
    recomputeAccounts(ctx, new Set([sample]));
    expect(accountState(ctx, sample)).toEqual(stored);
  }, 120_000);
});

describe('writing a recompute\'s results', () => {
  it('writes nothing for an account gone from the data since it was scored', async () => {
    const { ctx } = await demoApp(t.dir(), 'gone', open);
    const account = ctx.db.prepare('SELECT account_id FROM accounts ORDER BY account_id LIMIT 1').pluck().get() as string;
    const scored = scoreOne(ctx, account)!;
    const result = (accountId: string): AccountResult => ({ score: { ...scored.score, accountId }, loyaltyMonthAgo: null, history: [], alertChanges: [] });
    const written = ctx.db.transaction(() => writeResults(ctx.db, [result(account), result('GONE-1')], '2026-11-23T10:00:00.000Z'))();
    expect(written.accounts).toBe(1);
    expect(ctx.db.prepare("SELECT count(*) FROM account_scores WHERE account_id = 'GONE-1'").pluck().get()).toBe(0);
    expect(ctx.db.prepare("SELECT count(*) FROM score_snapshots WHERE account_id = 'GONE-1'").pluck().get()).toBe(0);
    expect(ctx.db.prepare('SELECT computed_at FROM account_scores WHERE account_id = ?').pluck().get(account)).toBe('2026-11-23T10:00:00.000Z');
  }, 120_000);
});
