import { afterEach, describe, expect, it } from 'vitest';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { csv, useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';
import { count, dumpDatabase } from '../../support/db-state';
import { stageStream, stagingDir, sanitiseName, StagingError } from '../../../src/services/staging';
import { startServer } from '../../../src/server/server';
import { listBackups } from '../../../src/services/backup';
import { recomputeAll } from '../../../src/services/recompute';
import { recomputeRunning } from '../../../src/services/recompute-turns';
import { runImportJob, type ImportRunEvent } from '../../../src/services/import-run';
import { cancelImportJob } from '../../../src/services/import-jobs';
import type { ApiClient, Result } from '../../../src/shared/api';
import type { AppContext } from '../../../src/services/context';

const t = useTempDir();
const apps: Array<{ close(): void }> = [];
afterEach(() => apps.splice(0).forEach((a) => a.close()));
const app = () => {
  const made = testApp(t.dir());
  apps.push(made.ctx);
  return made;
};

/** A messy work-order export: BOM, semicolons, day-first dates, decimal commas, one invalid row. */
const MESSY =
  '\uFEFF' +
  csv(
    [
      ['Work Order', 'Customer ID', 'Opened', 'Status', 'Technician', 'Labor Hours'],
      ['WO-1', 'C1', '03/04/2026', 'Completed', 'Ana', '1,5'],
      ['WO-2', 'C1', '23/04/2026', 'Completed', 'Ben', '2'],
      ['WO-3', 'C2', 'not a date', 'Completed', 'Ana', '1'],
      ['WO-4', 'C2', '02/05/2026', 'Completed', 'Ana', '0,5'],
    ],
    ';',
  );

async function stage(ctx: AppContext, name: string, content: string | Buffer): Promise<string> {
  const path = t.file(`source-${name}`, content);
  const staged = await stageStream(stagingDir(ctx.dataFile), name, createReadStream(path));
  return staged.stagedId;
}

async function call<M extends Parameters<ApiClient['call']>[0]>(api: ApiClient, method: M, args: Parameters<ApiClient['call']>[1] & object): Promise<Result<M>> {
  const response = await api.call(method, args as never);
  if (!response.ok) throw new Error(`${method}: ${response.error.code}: ${response.error.message}`);
  return response.data;
}

async function waitEnd(api: ApiClient, jobId: string): Promise<Result<'imports/progress'>> {
  for (;;) {
    const status = await call(api, 'imports/progress', { jobId, details: true });
    if (['done', 'cancelled', 'failed'].includes(status.state)) return status;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('staging', () => {
  it('keeps only a safe base name and refuses files over the limit, leaving nothing behind', async () => {
    expect(sanitiseName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseName('C:\\Users\\me\\work:orders?.csv')).toBe('work_orders_.csv');
    expect(sanitiseName('..')).toBe('file');
    const dir = join(t.dir(), 'staging');
    await expect(stageStream(dir, 'big.csv', Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toBeInstanceOf(StagingError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the browser-mode endpoint streams a file in with the token and refuses it without', async () => {
    const dir = join(t.dir(), 'staging');
    const server = await startServer({ dispatch: () => Promise.resolve({ ok: true, data: null }) as never, staticDir: null, stage: (name, body) => stageStream(dir, name, body) });
    try {
      const base = `http://127.0.0.1:${server.port}/api/stage?name=${encodeURIComponent('../orders.csv')}`;
      const denied = await fetch(base, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: 'a,b\n' });
      expect(denied.status).toBe(401);
      const ok = await fetch(base, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'x-ahc-token': server.token }, body: 'a,b\n1,2\n' });
      const body = (await ok.json()) as { ok: boolean; data: { stagedId: string; name: string; size: number } };
      expect(body).toMatchObject({ ok: true, data: { name: 'orders.csv', size: 8 } });
      expect(existsSync(join(dir, body.data.stagedId, 'orders.csv'))).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('imports/inspect', () => {
  it('tells what a messy file is before anything is written', async () => {
    const { ctx, api } = app();
    const stagedId = await stage(ctx, 'orders.csv', MESSY);
    const before = dumpDatabase(ctx.db);
    const inspection = await call(api, 'imports/inspect', { stagedId });
    expect(inspection).toMatchObject({
      file: 'orders.csv',
      format: 'csv',
      encoding: 'utf-8',
      bom: true,
      delimiter: ';',
      decimalMark: ',',
      headerRows: [1],
      kind: 'service',
      kindChosen: false,
      dateOrder: { order: 'dmy', reason: expect.stringContaining('row 3') },
      missing: [],
      problem: null,
    });
    expect(inspection.columns.map((c) => [c.header, c.field])).toEqual([
      ['Work Order', 'work_order_id'],
      ['Customer ID', 'account_id'],
      ['Opened', 'opened_at'],
      ['Status', 'status'],
      ['Technician', 'technician'],
      ['Labor Hours', 'labor_hours'],
    ]);
    expect(inspection.columns[4]!.samples).toEqual(['Ana', 'Ben']);
    expect(dumpDatabase(ctx.db)).toEqual(before);
  });

  it('recognises survey exports by their header rows and says what a mapping lacks', async () => {
    const { ctx, api } = app();
    const monkey = csv([
      ['Respondent ID', 'Collector ID', 'Start Date', 'Account', 'How likely are you to recommend us to a friend or colleague?', 'Comments'],
      ['', '', '', 'Response', 'Response', 'Open-Ended Response'],
      ['1001', '9', '2026-03-01 10:00', 'C1', '9', 'Great'],
    ]);
    const survey = await call(api, 'imports/inspect', { stagedId: await stage(ctx, 'survey.csv', monkey) });
    expect(survey).toMatchObject({ tool: 'surveymonkey', headerRows: [1, 2], kind: 'surveys' });

    const machines = await stage(ctx, 'machines.csv', csv([['Customer', 'Model', 'Serial'], ['C1', 'X200', 'S1']]));
    const first = await call(api, 'imports/inspect', { stagedId: machines, mapping: { kind: 'assets' } });
    expect(first).toMatchObject({ kind: 'assets', kindChosen: true, missing: ['vendor'], problem: { code: 'missing_column' } });
    expect(first.problem!.message).toContain('vendor');
    const fixed = await call(api, 'imports/inspect', { stagedId: machines, mapping: { kind: 'assets', constants: { vendor: 'Acme' } } });
    expect(fixed).toMatchObject({ missing: [], problem: null });
    expect(fixed.fields.find((f) => f.field === 'vendor')!.source).toEqual({ type: 'constant', value: 'Acme' });
  });

  it('names a picture renamed .csv and a staged id that is not there', async () => {
    const { ctx, api } = app();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const inspection = await call(api, 'imports/inspect', { stagedId: await stage(ctx, 'photo.csv', png) });
    expect(inspection.problem).toMatchObject({ code: 'not_text', message: 'photo.csv: this is a PNG image, not a CSV or XLSX file' });
    await expect(api.call('imports/inspect', { stagedId: 'f'.repeat(32) })).resolves.toMatchObject({ ok: false, error: { code: 'not_found' } });
    await expect(api.call('imports/inspect', { stagedId: '../app.db' })).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});

describe('import jobs', () => {
  it('previews without writing: counts and every rejected row with its reason', async () => {
    const { ctx, api } = app();
    const stagedId = await stage(ctx, 'orders.csv', MESSY);
    const before = dumpDatabase(ctx.db);
    const { jobId } = await call(api, 'imports/start', { mode: 'preview', skipInvalid: true, files: [{ stagedId }] });
    const status = await waitEnd(api, jobId);
    expect(status).toMatchObject({ mode: 'preview', state: 'done', rowsDone: 4 });
    const report = status.files[0]!.report!;
    expect(report).toMatchObject({ applied: false, importId: null, kind: 'service', inserted: 3, rejectedCount: 1 });
    expect(report.rejected).toEqual([{ row: 4, column: 'Opened', value: 'not a date', reason: expect.any(String) }]);
    expect(report.detection.dateOrder).toContain('dd/mm/yyyy');
    expect(dumpDatabase(ctx.db)).toEqual(before);
    // The preview keeps the file for the import that follows.
    expect((await call(api, 'imports/inspect', { stagedId })).file).toBe('orders.csv');
  });

  it('imports with skip-invalid, rescores, removes the staged file, and undoes whole', async () => {
    const { ctx, api } = app();
    const stagedId = await stage(ctx, 'orders.csv', MESSY);
    const before = dumpDatabase(ctx.db);
    const { jobId } = await call(api, 'imports/start', { mode: 'import', skipInvalid: true, files: [{ stagedId }] });
    const status = await waitEnd(api, jobId);
    expect(status).toMatchObject({ state: 'done', error: null, recompute: { accounts: 2 }, scoring: null });
    expect(status.files[0]).toMatchObject({ state: 'done', report: { applied: true, inserted: 3, rejectedCount: 1 } });
    expect(count(ctx.db, 'work_orders')).toBe(3);
    expect(existsSync(join(stagingDir(ctx.dataFile), stagedId))).toBe(false);

    const [record] = await call(api, 'imports/list', {});
    expect(record).toMatchObject({ fileName: 'orders.csv', kind: 'service', status: 'applied', inserted: 3, rejected: 1 });
    await call(api, 'imports/undo', { importId: record!.importId });
    expect(count(ctx.db, 'work_orders')).toBe(0);
    expect(before['work_orders']).toEqual([]);
  });

  it('backs the database up before an import into data it already holds, never before a preview', async () => {
    const { ctx, api } = app();
    const first = await call(api, 'imports/start', { mode: 'import', skipInvalid: true, files: [{ stagedId: await stage(ctx, 'a.csv', MESSY) }] });
    await waitEnd(api, first.jobId);
    // The first import went into an empty database: nothing to keep.
    expect(listBackups(ctx.dataFile)).toHaveLength(0);
    const again = await stage(ctx, 'b.csv', MESSY);
    const preview = await call(api, 'imports/start', { mode: 'preview', skipInvalid: true, files: [{ stagedId: again }] });
    await waitEnd(api, preview.jobId);
    expect(listBackups(ctx.dataFile)).toHaveLength(0);
    const second = await call(api, 'imports/start', { mode: 'import', skipInvalid: true, files: [{ stagedId: again }] });
    await waitEnd(api, second.jobId);
    expect(listBackups(ctx.dataFile)).toMatchObject([{ reason: 'before-import' }]);
  });

  it('all or nothing: one invalid row refuses the file with its row, column and value, and writes nothing', async () => {
    const { ctx, api } = app();
    const stagedId = await stage(ctx, 'orders.csv', MESSY);
    const before = dumpDatabase(ctx.db);
    const { jobId } = await call(api, 'imports/start', { mode: 'import', skipInvalid: false, files: [{ stagedId }] });
    const status = await waitEnd(api, jobId);
    expect(status.state).toBe('done');
    expect(status.files[0]).toMatchObject({ state: 'failed', error: { code: 'invalid_rows', row: 4, column: 'Opened', value: 'not a date', rejectedCount: 1 } });
    expect(status.files[0]!.error!.message).toContain('orders.csv: row 4, column "Opened"');
    expect(dumpDatabase(ctx.db)).toEqual(before);
  });

  it('a failing file is reported and the database stays as it was', async () => {
    const { ctx, api } = app();
    const png = await stage(ctx, 'photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const before = dumpDatabase(ctx.db);
    const status = await waitEnd(api, (await call(api, 'imports/start', { mode: 'import', skipInvalid: false, files: [{ stagedId: png }] })).jobId);
    expect(status.files[0]).toMatchObject({ state: 'failed', error: { code: 'not_text', message: expect.stringContaining('PNG image') } });
    expect(dumpDatabase(ctx.db)).toEqual(before);
  });

  it('cancelling a running import leaves the database exactly as it was, however many files it had done', async () => {
    const { ctx, api } = app();
    const accounts = await stage(ctx, 'accounts.csv', csv([['account_id', 'name'], ['C1', 'Harbor'], ['C2', 'Quay']]));
    const rows: string[] = ['work_order_id,account_id,opened_at,technician'];
    for (let i = 0; i < 400_000; i++) rows.push(`W${i},C${i % 500},2026-0${1 + (i % 9)}-1${i % 10},Technician ${i % 40}`);
    const big = await stage(ctx, 'big.csv', rows.join('\n'));
    const before = dumpDatabase(ctx.db);
    const { jobId } = await call(api, 'imports/start', { mode: 'import', skipInvalid: false, files: [{ stagedId: accounts }, { stagedId: big }] });
    for (;;) {
      const status = await call(api, 'imports/progress', { jobId });
      if (status.files[1]!.rows > 0) break;
      expect(status.state).toBe('running');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const cancelling = await call(api, 'imports/cancel', { jobId });
    expect(cancelling.state).toBe('cancelling');
    const status = await waitEnd(api, jobId);
    expect(status.state).toBe('cancelled');
    expect(status.files.map((f) => f.state)).toEqual(['cancelled', 'cancelled']);
    expect(dumpDatabase(ctx.db)).toEqual(before);
    expect(readdirSync(stagingDir(ctx.dataFile))).toEqual([]);
  }, 60_000);

  it('a cancel that arrives once the last row is read, while the job finishes its files, still takes everything back', async () => {
    const { ctx } = app();
    const path = t.file('orders.csv', MESSY);
    const before = dumpDatabase(ctx.db);
    const controller = new AbortController();
    const events: Array<ImportRunEvent['type'] | 'cancel read'> = [];
    // As the worker reads a cancel still waiting on its port: here only at the last moment before the commit.
    const readCancel = () => {
      events.push('cancel read');
      controller.abort();
    };
    const job = { dataFile: ctx.dataFile, files: [{ path, name: 'orders.csv', mapping: {} }], skipInvalid: true, dryRun: false, now: ctx.now().toISOString(), defaultDateOrder: 'dmy', ownVendor: 'Our company', listRows: 20 } as const;
    await runImportJob(job, controller.signal, (event) => event.type !== 'progress' && events.push(event.type), readCancel);
    expect(events).toEqual(['started', 'file', 'cancel read', 'cancelled']);
    expect(dumpDatabase(ctx.db)).toEqual(before);
  });

  it('a cancel that reaches the window after the commit leaves the import in place and says so', async () => {
    const { ctx, api } = app();
    const rows: string[] = ['work_order_id,account_id,opened_at,technician'];
    for (let i = 0; i < 2_000; i++) rows.push(`W${i},C${i % 50},2026-03-1${i % 10},Technician ${i % 7}`);
    const { jobId } = await call(api, 'imports/start', { mode: 'import', skipInvalid: false, files: [{ stagedId: await stage(ctx, 'orders.csv', rows.join('\n')) }] });
    // One turn for the job to hand its work to the worker; then, without another, wait for the
    // commit, so the worker's "done" is still unread when the cancel is asked for.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const deadline = Date.now() + 30_000;
    while (count(ctx.db, 'work_orders') === 0) if (Date.now() > deadline) throw new Error('the import did not commit');
    expect(cancelImportJob(ctx, jobId).state).toBe('cancelling');
    const status = await waitEnd(api, jobId);
    expect(status).toMatchObject({ state: 'done', cancelTooLate: true });
    expect(status.files[0]!.report?.inserted).toBe(2_000);
    expect(count(ctx.db, 'work_orders')).toBe(2_000);
  }, 60_000);

  it('runs one job at a time and discards staged files on request', async () => {
    const { ctx, api } = app();
    const a = await stage(ctx, 'orders.csv', MESSY);
    const first = await call(api, 'imports/start', { mode: 'preview', skipInvalid: true, files: [{ stagedId: a }] });
    await expect(api.call('imports/start', { mode: 'preview', skipInvalid: true, files: [{ stagedId: a }] })).resolves.toMatchObject({ ok: false, error: { code: 'conflict' } });
    await waitEnd(api, first.jobId);
    await expect(call(api, 'imports/discard', { stagedIds: [a] })).resolves.toEqual({ discarded: 1 });
    await expect(api.call('imports/start', { mode: 'import', skipInvalid: true, files: [{ stagedId: a }] })).resolves.toMatchObject({ ok: false, error: { code: 'not_found' } });
    await expect(api.call('imports/progress', { jobId: 'nope' })).resolves.toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('restoring a backup while work is under way', () => {
  it('is refused while an import runs, changing nothing, and goes ahead once the import has ended', async () => {
    const { ctx, api } = app();
    await waitEnd(api, (await call(api, 'imports/start', { mode: 'import', skipInvalid: true, files: [{ stagedId: await stage(ctx, 'accounts.csv', csv([['account_id', 'name'], ['C1', 'Harbor']])) }] })).jobId);
    const backup = await call(api, 'backups/create', {});
    const job = await call(api, 'imports/start', { mode: 'import', skipInvalid: true, files: [{ stagedId: await stage(ctx, 'orders.csv', MESSY) }] });
    const refused = await api.call('backups/restore', { name: backup.name });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message).toMatch(/^An import is running: let it finish or cancel it, then restore\. Nothing was changed\.$/);
    expect((await waitEnd(api, job.jobId)).state).toBe('done');
    expect(count(ctx.db, 'work_orders')).toBe(3);
    await expect(call(api, 'backups/restore', { name: backup.name })).resolves.toMatchObject({ restored: { name: backup.name } });
    expect(count(ctx.db, 'work_orders')).toBe(0);
  });

  it('is refused while scores are being worked out', async () => {
    const { ctx, api } = app();
    const backup = await call(api, 'backups/create', {});
    const scoring = recomputeAll(ctx);
    expect(recomputeRunning(ctx)).toBe(true);
    await expect(api.call('backups/restore', { name: backup.name })).resolves.toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('Scores are being worked out') } });
    await scoring;
    expect(recomputeRunning(ctx)).toBe(false);
  });
});
