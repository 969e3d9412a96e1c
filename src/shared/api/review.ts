import { z } from 'zod';
import { day, id, objectWith, type ContractArea } from './common';
import type { ReviewBrief } from '../review-types';

export const reviewContract = {
  'review/get': {
    args: z.object({ accountId: id, asOf: day.optional() }).strict(),
    result: objectWith<ReviewBrief>('talkingPoints'),
  },
} as const satisfies ContractArea;
