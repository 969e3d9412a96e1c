import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../../support/temp';
import { damagePage } from '../../support/damage';
import { savedPortfolio } from '../../support/saved-portfolio';
import { openContext } from '../../../src/services/context';
import { checkDatabase } from '../../../src/db/quick-check';
import { databaseHealth, startHealthCheck } from '../../../src/services/health';

const t = useTempDir();
const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.close();
});

function open(file: string) {
  const ctx = openContext(file, { damaged: 'recover' });
  opened.push(ctx);
  return ctx;
}

describe("the data file's check when the app opens", () => {
  it('finds on a thread of its own what the quick check on the main connection finds', async () => {
    const { file, accountsRoot } = await savedPortfolio(t.dir(), t.file);
    damagePage(file, accountsRoot);
    const ctx = open(file);
    const mainConnection = vi.spyOn(ctx.db, 'pragma');
    const health = await databaseHealth(ctx);
    // The main connection was not the one that checked.
    expect(mainConnection.mock.calls.filter(([sql]) => /check/.test(sql))).toEqual([]);
    expect(health.ok).toBe(false);
    expect(health.problems.length).toBeGreaterThan(0);
    expect(health.problems).toEqual(checkDatabase(ctx.db));
  });

  it('runs once per connection, begun before anyone asks, and again on the file put in its place', async () => {
    const { file } = await savedPortfolio(t.dir(), t.file);
    const ctx = open(file);
    const begun = startHealthCheck(ctx);
    expect(startHealthCheck(ctx)).toBe(begun);
    expect(await databaseHealth(ctx)).toEqual({ ok: true, problems: [] });
    expect(startHealthCheck(ctx)).toBe(begun);
    ctx.reopen(() => {});
    const again = startHealthCheck(ctx);
    expect(again).not.toBe(begun);
    expect(await again).toEqual([]);
  });
});
