import type { AppContext } from '../context';
import type { HandlersOf } from '../dispatcher';
import type { reviewContract } from '../../shared/api/review';
import { buildReviewBrief } from '../review';

export function reviewHandlers(ctx: AppContext): HandlersOf<typeof reviewContract> {
  return {
    'review/get': ({ accountId, asOf }) => buildReviewBrief(ctx, accountId, asOf),
  };
}
