import type { AppContext } from '../context';
import { NotFoundError, type HandlersOf } from '../dispatcher';
import type { accountsContract } from '../../shared/api/accounts';
import { listPortfolio } from '../../db/repositories/accounts';
import { scoreOne } from '../recompute';
import { accountView } from '../account-view';
import { addNote, logRecommendation, setPulse, tickChecklistItem, untickChecklistItem } from '../account-actions';

function scored(ctx: AppContext, accountId: string, asOf?: string, weights?: Parameters<typeof scoreOne>[3]) {
  const result = scoreOne(ctx, accountId, asOf, weights);
  if (!result) throw new NotFoundError(`There is no account "${accountId}".`);
  return result;
}

export function accountsHandlers(ctx: AppContext): HandlersOf<typeof accountsContract> {
  return {
    'accounts/list': (args) => listPortfolio(ctx.db, args),
    'account/get': ({ accountId, asOf }) => accountView(ctx, accountId, asOf),
    'scores/get': ({ accountId, asOf, weights }) => {
      const { score, pulse } = scored(ctx, accountId, asOf, weights);
      return { score, pulse };
    },
    'checklist/get': ({ accountId, asOf }) => scored(ctx, accountId, asOf).checklist,
    'checklist/tick': (args) => tickChecklistItem(ctx, args),
    'checklist/untick': (args) => untickChecklistItem(ctx, args),
    'recommendations/log': (args) => logRecommendation(ctx, args),
    'pulse/set': (args) => setPulse(ctx, args),
    'notes/add': (args) => addNote(ctx, args),
  };
}
