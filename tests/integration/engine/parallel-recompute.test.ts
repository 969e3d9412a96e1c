import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';
import { loadDemo } from '../../../src/services/demo';
import { recomputeAll } from '../../../src/services/recompute';
import { longWriteUnderway } from '../../../src/services/long-writes';
import type { AppContext } from '../../../src/services/context';
import { storedAlerts, storedAlertsInOrder } from '../../../src/db/repositories/alerts';

const t = useTempDir();
const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

function app(name: string): AppContext {
  const dir = join(t.dir(), name);
  mkdirSync(dir);
  const { ctx } = testApp(dir, new Date('2026-11-23T09:00:00Z'));
  open.push(ctx);
  return ctx;
}

function state(ctx: AppContext): { snapshots: unknown[]; alerts: unknown[] } {
  return {
    snapshots: ctx.db.prepare('SELECT account_id, as_of, loyalty, band, satisfaction, confidence, components, top_driver FROM score_snapshots ORDER BY account_id, as_of').all(),
    alerts: ctx.db.prepare('SELECT alert_id, rule, account_id, subject_type, subject_id, severity, status, active, title, detail, refs FROM alerts ORDER BY alert_id').all(),
  };
}

describe('a full recompute shared among worker threads', () => {
  it('scores and alerts exactly as one thread does, on the demo portfolio', async () => {
    const one = app('one');
    const shared = app('shared');
    await loadDemo(one, '2026-11-23');
    await loadDemo(shared, '2026-11-23');

    // The next day: every account rescored, one way in this thread, the other in two workers.
    const sequential = await recomputeAll(one, { asOf: '2026-11-24', parallelFrom: Number.POSITIVE_INFINITY });
    const parallel = await recomputeAll(shared, { asOf: '2026-11-24', parallelFrom: 0 });
    expect(sequential.threads).toBe(1);
    expect(parallel.threads).toBe(2);
    expect(parallel.accounts).toBe(sequential.accounts);
    expect(parallel.accounts).toBeGreaterThan(200);
    expect(parallel.alertsChanged).toBe(sequential.alertsChanged);
    const a = state(one);
    const b = state(shared);
    expect(b.snapshots.length).toBeGreaterThan(parallel.accounts);
    expect(b.snapshots).toEqual(a.snapshots);
    expect(b.alerts).toEqual(a.alerts);
  }, 120_000);

  it('reads each account\'s stored alerts in one ordered pass exactly as one query per account does', async () => {
    const ctx = app('alerts');
    await loadDemo(ctx, '2026-11-23');
    const ids = ctx.db.prepare('SELECT account_id FROM accounts ORDER BY account_id').pluck().all() as string[];
    const one = storedAlerts(ctx.db);
    const all = storedAlertsInOrder(ctx.db);
    const from = ids[100]!;
    const to = ids[150]!;
    const range = storedAlertsInOrder(ctx.db, { from, to });
    let seen = 0;
    for (const id of ids) {
      const expected = one(id);
      seen += expected.length;
      expect(all(id), id).toEqual(expected);
      if (id >= from && id < to) expect(range(id), id).toEqual(expected);
    }
    expect(seen).toBeGreaterThan(100);
    all.close();
    range.close();
    // Out of the range: nothing, even where the account has alerts.
    const outside = storedAlertsInOrder(ctx.db, { from, to });
    expect(outside(ids[0]!)).toEqual([]);
    // Closed part-way through (the alerts after the last account asked for stay unread), the connection is free again.
    outside.close();
    expect(ctx.db.prepare('SELECT count(*) FROM alerts').pluck().get()).toBeGreaterThanOrEqual(seen);
  }, 120_000);
});

describe('a full recompute written by a writer thread', () => {
  it('answers reads from the data as it was while it writes, and holds changes back until it is done', async () => {
    const dir = join(t.dir(), 'answering');
    mkdirSync(dir);
    const { ctx, api } = testApp(dir, new Date('2026-11-23T09:00:00Z'));
    open.push(ctx);
    await loadDemo(ctx, '2026-11-23');
    const scoredOn = (): unknown => ctx.db.prepare('SELECT max(as_of) FROM account_scores').pluck().get();
    expect(scoredOn()).toBe('2026-11-23');

    let finished = false;
    const run = recomputeAll(ctx, { asOf: '2026-11-24', parallelFrom: 0 }).then((r) => {
      finished = true;
      return r;
    });
    let writing = longWriteUnderway(ctx);
    const until = Date.now() + 60_000;
    while (writing === null && !finished && Date.now() < until) {
      await new Promise((resolve) => setImmediate(resolve));
      writing = longWriteUnderway(ctx);
    }
    expect(writing, 'the writer thread was seen at work').not.toBeNull();
    let written = false;
    void writing!.then(() => (written = true));

    // A read is answered at once, from the scores as they were before the commit.
    const list = await api.call('accounts/list', {});
    expect(list.ok).toBe(true);
    expect(written).toBe(false);
    expect(scoredOn()).toBe('2026-11-23');

    // A change waits for the writing to end, then goes through.
    const account = ctx.db.prepare('SELECT account_id FROM accounts ORDER BY account_id LIMIT 1').pluck().get() as string;
    const note = await api.call('notes/add', { accountId: account, text: 'Called about the renewal.' });
    expect(note.ok).toBe(true);
    expect(written).toBe(true);
    expect(scoredOn()).toBe('2026-11-24');
    expect((await run).threads).toBe(2);
    expect(longWriteUnderway(ctx)).toBeNull();
  }, 120_000);
});
