import { afterEach, describe, expect, it } from 'vitest';
import { contract, onlyReads, type Method } from '../../../src/shared/api';
import { loadDemo } from '../../../src/services/demo';
import { useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';

const t = useTempDir();
const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

const ACCOUNT = 'C0001';

describe('the methods the contract marks as only reading', () => {
  it('answer on a database that refuses every write', async () => {
    const { ctx, api } = testApp(t.dir());
    open.push(ctx);
    await loadDemo(ctx);
    const alert = ctx.db.prepare('SELECT alert_id FROM alerts ORDER BY alert_id LIMIT 1').pluck().get() as string;
    const weights = await api.call('weights/get', {});
    if (!weights.ok) throw new Error(weights.error.message);
    const imports = await api.call('imports/list', {});
    if (!imports.ok) throw new Error(imports.error.message);

    // Arguments for each: a new method marked as reading fails here until it is given some.
    const args: Record<string, unknown> = {
      'account/get': { accountId: ACCOUNT },
      'accounts/list': {},
      'alerts/counts': {},
      'alerts/history': { id: alert },
      'alerts/ids': {},
      'alerts/inbox': {},
      'alerts/list': {},
      'alerts/people': {},
      'app/health': {},
      'app/info': {},
      'engine/progress': {},
      'engine/writing': {},
      'backups/list': {},
      'checklist/get': { accountId: ACCOUNT },
      'checklist/template/get': {},
      'imports/list': {},
      'imports/progress': { jobId: 'no-such-job' },
      'profiles/list': {},
      'review/get': { accountId: ACCOUNT },
      'review/pdf': { accountId: ACCOUNT },
      'scores/get': { accountId: ACCOUNT },
      'settings/get': {},
      'thresholds/get': {},
      'weights/get': {},
      'weights/preview': { profile: 'default', weights: weights.data.defaults },
    };
    const reading = (Object.keys(contract) as Method[]).filter(onlyReads);
    expect(reading.sort()).toEqual(Object.keys(args).sort());

    // SQLite fails any statement that would write: the dispatcher would throw it as an internal error.
    ctx.db.pragma('query_only = ON');
    for (const method of reading) {
      const response = await api.call(method, args[method] as never);
      // An unknown import job is the one expected refusal; it is found (or not) without writing.
      if (!response.ok) expect({ method, code: response.error.code }).toEqual({ method: 'imports/progress', code: 'not_found' });
    }
    expect(ctx.db.pragma('query_only', { simple: true })).toBe(1);
  }, 60_000);

  it('include every method that gets or lists, and none that saves, adds or acts', () => {
    for (const method of Object.keys(contract) as Method[]) {
      if (/\/(get|list)$/.test(method)) expect(onlyReads(method), method).toBe(true);
      if (/\/(save|add|act|tick|untick|set|log|start|undo|restore|create|delete|load|recompute|cancel|discard)$/.test(method)) expect(onlyReads(method), method).toBe(false);
    }
  });
});
