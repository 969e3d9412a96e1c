import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../../support/temp';
import { damagePage } from '../../support/damage';
import { savedPortfolio } from '../../support/saved-portfolio';
import { openContext } from '../../../src/services/context';
import { checkDatabase } from '../../../src/db/quick-check';
import { databaseHealth } from '../../../src/services/health';

// As where the worker script is missing beside the bundle: no thread can start.
vi.mock('../../../src/services/worker-threads', () => ({ startWorker: () => null }));

const t = useTempDir();
const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.close();
});

describe("the data file's check where no thread can start", () => {
  it('runs on the main connection and finds the same', async () => {
    const { file, accountsRoot } = await savedPortfolio(t.dir(), t.file);
    damagePage(file, accountsRoot);
    const ctx = openContext(file, { damaged: 'recover' });
    opened.push(ctx);
    const health = await databaseHealth(ctx);
    expect(health.ok).toBe(false);
    expect(health.problems.length).toBeGreaterThan(0);
    expect(health.problems).toEqual(checkDatabase(ctx.db));
  });
});
