import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createReadStream } from 'node:fs';
import { csv, useTempDir } from '../../support/temp';
import { demoApp, testApp } from '../../support/context';
import { loadDemo } from '../../../src/services/demo';
import { stageStream, stagingDir } from '../../../src/services/staging';
import { recomputeAll } from '../../../src/services/recompute';
import { afterLongWrites, longWrite, longWriteKind, longWriteStatus, longWriteUnderway } from '../../../src/services/long-writes';
import type { AppContext } from '../../../src/services/context';
import type { ApiClient, Result } from '../../../src/shared/api';

// An import of a million rows holds the database's write lock for seconds on a thread of its own,
// as a recompute's writer thread does. SQLite lets another writer wait for the lock 5 s, then
// fails it: whatever else writes meanwhile waits its turn in the app instead.

const t = useTempDir();
const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

async function call<M extends Parameters<ApiClient['call']>[0]>(api: ApiClient, method: M, args: Parameters<ApiClient['call']>[1] & object): Promise<Result<M>> {
  const response = await api.call(method, args as never);
  if (!response.ok) throw new Error(`${method}: ${response.error.code}: ${response.error.message}`);
  return response.data;
}

async function stagedOrders(ctx: AppContext, account: string): Promise<string> {
  const path = t.file('orders.csv', csv([['work_order_id', 'account_id', 'opened_at', 'technician'], ['WO-LONG-1', account, '2026-11-20', 'Ana']]));
  return (await stageStream(stagingDir(ctx.dataFile), 'orders.csv', createReadStream(path))).stagedId;
}

async function ended(api: ApiClient, jobId: string): Promise<Result<'imports/progress'>> {
  for (;;) {
    const status = await call(api, 'imports/progress', { jobId, details: false });
    if (['done', 'cancelled', 'failed'].includes(status.state)) return status;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const HELD_MS = 8_000;

describe('long writes on other threads', () => {
  it('hold back changes, imports and a recompute\'s writing until they end, which the write lock alone would fail', async () => {
    const { ctx, api } = await demoApp(t.dir(), 'held', open);
    const account = ctx.db.prepare('SELECT account_id FROM accounts ORDER BY account_id LIMIT 1').pluck().get() as string;
    const stagedId = await stagedOrders(ctx, account);

    // Another connection holds the write lock longer than SQLite lets a writer wait, as an import does.
    const other = new Database(ctx.dataFile);
    open.push(other);
    other.pragma('busy_timeout = 5000');
    let holding = false;
    const held = longWrite(ctx, 'import', async () => {
      other.exec('BEGIN IMMEDIATE');
      other.prepare("INSERT INTO account_notes (account_id, text, written_at, author) VALUES (?, 'Held', '2026-11-23T09:00:00Z', 'test')").run(account);
      holding = true;
      await new Promise((resolve) => setTimeout(resolve, HELD_MS));
      other.exec('COMMIT');
      holding = false;
    });
    expect(longWriteUnderway(ctx)).not.toBeNull();
    const started = performance.now();

    const recompute = recomputeAll(ctx, { parallelFrom: 0 });
    const note = api.call('notes/add', { accountId: account, text: 'Called about the renewal.' });
    const { jobId } = await call(api, 'imports/start', { mode: 'import', skipInvalid: false, files: [{ stagedId }] });

    // A read is answered at once meanwhile.
    const list = await api.call('accounts/list', {});
    expect(list.ok).toBe(true);
    expect(holding).toBe(true);
    // And the window can say what the note waits for (the import's start and the recompute do not wait here).
    expect(await call(api, 'engine/writing', {})).toEqual({ what: 'import', waiting: 1 });

    // Each waits its turn and goes through.
    expect(await note).toMatchObject({ ok: true });
    expect(performance.now() - started).toBeGreaterThan(HELD_MS - 500);
    expect(holding).toBe(false);
    const result = await recompute;
    expect(result.threads).toBe(2);
    const status = await ended(api, jobId);
    expect(status.state).toBe('done');
    expect(status.error).toBeNull();
    await held;
    expect(ctx.db.prepare("SELECT count(*) FROM account_notes WHERE account_id = ? AND text IN ('Held', 'Called about the renewal.')").pluck().get(account)).toBe(2);
    expect(ctx.db.prepare("SELECT count(*) FROM work_orders WHERE work_order_id = 'WO-LONG-1'").pluck().get()).toBe(1);
    expect(longWriteUnderway(ctx)).toBeNull();
    expect(await call(api, 'engine/writing', {})).toBeNull();
  }, 120_000);

  it('say which is under way and how many changes wait, the count back to none once they have gone through, a write that failed included', async () => {
    const { ctx } = testApp(t.dir());
    open.push(ctx);
    const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
    let failImport = (_: Error): void => undefined;
    let endScores = (): void => undefined;
    const importing = longWrite(ctx, 'import', () => new Promise<void>((_, reject) => (failImport = reject)));
    const scoring = longWrite(ctx, 'scores', () => new Promise<void>((resolve) => (endScores = resolve)));
    await turn();
    const note = afterLongWrites(ctx, () => 'stored');
    // The one whose turn it is, not the last asked for.
    expect(longWriteStatus(ctx)).toEqual({ what: 'import', waiting: 1 });
    failImport(new Error('The file could not be read'));
    await expect(importing).rejects.toThrow('The file could not be read');
    await turn();
    expect(longWriteStatus(ctx)).toEqual({ what: 'scores', waiting: 1 });
    endScores();
    await scoring;
    expect(await note).toBe('stored');
    expect(longWriteStatus(ctx)).toBeNull();
    // The next long write finds none held back.
    let endPreview = (): void => undefined;
    const previewing = longWrite(ctx, 'preview', () => new Promise<void>((resolve) => (endPreview = resolve)));
    await turn();
    expect(longWriteStatus(ctx)).toEqual({ what: 'preview', waiting: 0 });
    endPreview();
    await previewing;
    await turn();
    expect(longWriteKind(ctx)).toBeNull();
  });

  it('count an import job among them: a change asked for while it runs waits for it, and a cancel does not', async () => {
    const { ctx, api } = await demoApp(t.dir(), 'import', open);
    const account = ctx.db.prepare('SELECT account_id FROM accounts ORDER BY account_id LIMIT 1').pluck().get() as string;
    const { jobId } = await call(api, 'imports/start', { mode: 'import', skipInvalid: false, files: [{ stagedId: await stagedOrders(ctx, account) }] });
    expect(longWriteUnderway(ctx), 'the job writes on its own thread').not.toBeNull();
    expect(await call(api, 'engine/writing', {})).toEqual({ what: 'import', waiting: 0 });
    const job = ended(api, jobId);
    expect(await api.call('notes/add', { accountId: account, text: 'After the import.' })).toMatchObject({ ok: true });
    expect(ctx.db.prepare("SELECT count(*) FROM work_orders WHERE work_order_id = 'WO-LONG-1'").pluck().get(), 'the import was in before the note').toBe(1);
    expect((await job).state).toBe('done');

    // A cancel is answered while a job holds the lock: it is how the job is stopped.
    const second = await stagedOrders(ctx, account);
    const started = await call(api, 'imports/start', { mode: 'preview', skipInvalid: false, files: [{ stagedId: second }] });
    const cancelled = await api.call('imports/cancel', { jobId: started.jobId });
    expect(cancelled.ok).toBe(true);
    expect(['cancelled', 'done']).toContain((await ended(api, started.jobId)).state);
  }, 120_000);

  it('count the demo\'s imports among them', async () => {
    const { ctx } = testApp(t.dir(), new Date('2026-11-23T09:00:00Z'));
    open.push(ctx);
    const loading = loadDemo(ctx, '2026-11-23');
    expect(longWriteUnderway(ctx)).not.toBeNull();
    expect((await loading).accounts).toBeGreaterThan(0);
    expect(longWriteUnderway(ctx)).toBeNull();
  }, 120_000);
});
