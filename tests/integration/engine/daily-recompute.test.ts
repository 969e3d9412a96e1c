import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';
import { loadDemo } from '../../../src/services/demo';
import { recomputeAll } from '../../../src/services/recompute';
import { listAlerts } from '../../../src/services/alerts';
import { spellDayCounts } from '../../../src/domain/alerts/day-counts';

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
});
