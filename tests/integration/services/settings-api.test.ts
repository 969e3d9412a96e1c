import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';
import { dumpDatabase } from '../../support/db-state';
import type { ApiClient } from '../../../src/shared/api';

const t = useTempDir();
const opened: Array<{ close(): void }> = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

async function ok<T>(response: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await response;
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

// The demo portfolio is loaded once; each test works on its own copy of the file.
let demoDir = '';
beforeAll(async () => {
  demoDir = mkdtempSync(join(tmpdir(), 'ahc-demo-'));
  const made = testApp(demoDir);
  await ok(made.api.call('demo/load', { asOf: '2026-11-23' }));
  made.ctx.close();
}, 60_000);
afterAll(() => rmSync(demoDir, { recursive: true, force: true }));

function demoApp(): { api: ApiClient; ctx: ReturnType<typeof testApp>['ctx'] } {
  copyFileSync(join(demoDir, 'app.db'), join(t.dir(), 'app.db'));
  const made = testApp(t.dir());
  opened.push(made.ctx);
  return made;
}

const loyaltyOf = async (api: ApiClient) => new Map((await ok(api.call('accounts/list', {}))).accounts.map((a) => [a.accountId, a.loyalty]));

describe('settings through the API', () => {
  it('reads and saves the company, vendor, date order and backups kept, refusing bad values', async () => {
    const { api, ctx } = demoApp();
    const got = await ok(api.call('settings/get', {}));
    expect(got.dataFile).toBe(ctx.dataFile);
    expect(got.settings.keepBackups).toBe(10);
    const saved = await ok(api.call('settings/save', { companyName: '  Northwind Service ', defaultDateOrder: 'mdy' }));
    expect(saved.settings).toMatchObject({ companyName: 'Northwind Service', defaultDateOrder: 'mdy' });
    expect((await ok(api.call('app/info', {}))).companyName).toBe('Northwind Service');

    const blank = await api.call('settings/save', { companyName: '   ' });
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.error.message).toContain('The company name cannot be empty');
    expect((await api.call('settings/save', { keepBackups: 2.5 })).ok).toBe(false);
    expect((await api.call('settings/save', { colour: 'red' } as never)).ok).toBe(false);
  });

  it('previews a change of weights without writing anything, then saves it and rescores', async () => {
    const { api, ctx } = demoApp();
    const weights = await ok(api.call('weights/get', {}));
    expect(weights.profiles['default']).toEqual(weights.defaults);
    expect(weights.segments.length).toBeGreaterThan(0);
    const segment = weights.segments.reduce((a, b) => (b.accounts > a.accounts ? b : a));
    expect(segment.profile).toBe('default');
    const proposed = { service: 0.05, satisfaction: 0.05, footprint: 0.8, partnership: 0.05, commercial: 0.05 };

    const before = dumpDatabase(ctx.db);
    const preview = await ok(api.call('weights/preview', { profile: segment.segment, weights: proposed }));
    expect(dumpDatabase(ctx.db)).toEqual(before);
    expect(preview.accounts).toBe(segment.accounts);
    expect(preview.moved).toBeGreaterThan(0);
    expect(preview.movers.length).toBeGreaterThan(0);
    const total = (d: Record<string, number>) => Object.values(d).reduce((a, b) => a + b, 0);
    expect(total(preview.after)).toBe(total(preview.before));
    expect(preview.movers.length).toBeLessThanOrEqual(10);
    expect(preview.changedBand).toBeGreaterThanOrEqual(preview.movers.filter((m) => m.bandBefore !== m.bandAfter).length);
    const changes = preview.movers.map((m) => Math.abs(m.after! - m.before!));
    expect(changes).toEqual([...changes].sort((a, b) => b - a));

    const old = await loyaltyOf(api);
    const saved = await ok(api.call('weights/save', { profile: segment.segment, weights: proposed }));
    expect(saved.profiles[segment.segment]).toEqual(proposed);
    expect(saved.recompute.accounts).toBe(weights.segments.reduce((n, s) => n + s.accounts, 0) + weights.unsegmented);
    const now = await loyaltyOf(api);
    const top = preview.movers[0]!;
    expect(now.get(top.accountId)).toBeCloseTo(top.after!, 1);
    expect(now.get(top.accountId)).not.toBe(old.get(top.accountId));
    expect((await ok(api.call('weights/get', {}))).segments.find((s) => s.segment === segment.segment)?.profile).toBe(segment.segment);

    // Removing the segment's own weights brings the old scores back.
    await ok(api.call('weights/save', { profile: segment.segment, weights: null }));
    expect((await loyaltyOf(api)).get(top.accountId)).toBe(old.get(top.accountId));
  });

  it('refuses weights that are all zero or out of range, and removing the default profile', async () => {
    const { api } = demoApp();
    const zero = { service: 0, satisfaction: 0, footprint: 0, partnership: 0, commercial: 0 };
    const none = await api.call('weights/preview', { profile: 'default', weights: zero });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toContain('At least one component');
    expect((await api.call('weights/save', { profile: 'default', weights: { ...zero, service: 1.5 } })).ok).toBe(false);
    const removeDefault = await api.call('weights/save', { profile: 'default', weights: null });
    expect(removeDefault.ok).toBe(false);
    if (!removeDefault.ok) expect(removeDefault.error.code).toBe('conflict');
  });

  it('saves alert thresholds with checks, and the alerts follow', async () => {
    const { api } = demoApp();
    const { thresholds, defaults } = await ok(api.call('thresholds/get', {}));
    expect(thresholds).toEqual(defaults);
    const silentBefore = (await ok(api.call('alerts/list', { rules: ['silent_account'] }))).length;

    const saved = await ok(api.call('thresholds/save', { silentAccount: { days: 30 }, renewal: { loyaltyBelow: 70 } }));
    expect(saved.thresholds.silentAccount.days).toBe(30);
    expect(saved.thresholds.renewal).toEqual({ withinDays: defaults.renewal.withinDays, loyaltyBelow: 70 });
    expect((await ok(api.call('thresholds/get', {}))).thresholds.silentAccount.days).toBe(30);
    const silentAfter = (await ok(api.call('alerts/list', { rules: ['silent_account'] }))).length;
    expect(silentAfter).toBeGreaterThan(silentBefore);

    const bad = await api.call('thresholds/save', { silentAccount: { days: 0 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('silentAccount.days');
    expect((await api.call('thresholds/save', { scoreDrop: { days: 1.5 } })).ok).toBe(false);
    expect((await api.call('thresholds/save', { nonsense: {} })).ok).toBe(false);
  });

  it('edits the checklist template as a new version, keeping the earlier ones', async () => {
    const { api } = demoApp();
    const current = await ok(api.call('checklist/template/get', {}));
    const groups = structuredClone(current.template.groups);
    const manual = groups.flatMap((g) => g.items).find((i) => i.kind === 'manual')!;
    manual.text = 'We know what an hour of downtime costs them';
    manual.validDays = 90;
    const saved = await ok(api.call('checklist/template/save', { note: 'Reworded', groups }));
    expect(saved.version).toBe(current.version + 1);
    const after = await ok(api.call('checklist/template/get', {}));
    expect(after.versions.map((v) => v.version)).toEqual(expect.arrayContaining([current.version, saved.version]));
    expect(after.template.groups.flatMap((g) => g.items).find((i) => i.id === manual.id)).toMatchObject({ text: manual.text, validDays: 90 });
  });
});
