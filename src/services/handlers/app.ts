import type { AppContext } from '../context';
import type { HandlersOf } from '../dispatcher';
import type { appContract } from '../../shared/api/app';
import { countAccounts, scoredAsOf } from '../../db/repositories/accounts';
import { schemaVersion } from '../../db/migrations/index';
import { loadDemo } from '../demo';
import { recomputeAll } from '../recompute';
import { recomputeProgress } from '../recompute-turns';
import { longWriteStatus } from '../long-writes';
import { loadSettings } from '../settings';

export function appHandlers(ctx: AppContext): HandlersOf<typeof appContract> {
  return {
    'app/info': () => {
      const accounts = countAccounts(ctx.db);
      return {
        version: ctx.version,
        dataFile: ctx.dataFile,
        schemaVersion: schemaVersion(ctx.db),
        accounts,
        empty: accounts === 0,
        asOf: scoredAsOf(ctx.db),
        companyName: loadSettings(ctx.db).companyName,
      };
    },
    'demo/load': ({ asOf }) => loadDemo(ctx, asOf),
    'engine/recompute': () => recomputeAll(ctx),
    'engine/progress': () => recomputeProgress(ctx),
    'engine/writing': () => longWriteStatus(ctx),
  };
}
