import { z } from 'zod';
import { day, id, objectWith, SEVERITY_NAMES, text, WeightsSchema, type ContractArea } from './common';
import type { LoyaltyScore, Pulse } from '../scoring-types';
import type { ChecklistResult } from '../checklist-types';
import type { AccountView } from '../account-types';

const BAND_NAMES = ['loyal', 'satisfied', 'at_risk', 'critical'] as const;

const PortfolioRowSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  segment: z.string().nullable(),
  region: z.string().nullable(),
  owner: z.string().nullable(),
  contractType: z.string().nullable(),
  renewalDate: z.string().nullable(),
  annualValue: z.number().nullable(),
  placeholder: z.boolean(),
  asOf: z.string().nullable(),
  loyalty: z.number().nullable(),
  band: z.enum(BAND_NAMES).nullable(),
  satisfaction: z.number().nullable(),
  confidence: z.number().nullable(),
  change30: z.number().nullable(),
  topDriver: z.string().nullable(),
  sparkline: z.string(),
  openAlerts: z.number(),
  worstAlert: z.enum(SEVERITY_NAMES).nullable(),
});

export const PORTFOLIO_SORTS = ['name', 'loyalty', 'satisfaction', 'change30', 'renewal', 'alerts'] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

export const accountsContract = {
  'accounts/list': {
    readOnly: true,
    args: z
      .object({
        search: z.string().max(200).optional(),
        sort: z.enum(PORTFOLIO_SORTS).optional(),
        descending: z.boolean().optional(),
        limit: z.number().int().min(1).max(100_000).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    result: z.object({ total: z.number(), accounts: z.array(PortfolioRowSchema) }),
  },
  'account/get': {
    readOnly: true,
    args: z.object({ accountId: id, asOf: day.optional() }).strict(),
    result: objectWith<AccountView>('visits'),
  },
  'scores/get': {
    readOnly: true,
    args: z.object({ accountId: id, asOf: day.optional(), weights: WeightsSchema.optional() }).strict(),
    result: objectWith<{ score: LoyaltyScore; pulse: Pulse | null }>('score'),
  },
  'checklist/get': {
    readOnly: true,
    args: z.object({ accountId: id, asOf: day.optional() }).strict(),
    result: objectWith<ChecklistResult>('items'),
  },
  'checklist/tick': {
    args: z.object({ accountId: id, itemId: id, doneOn: day.optional(), note: text(2000).nullable().optional() }).strict(),
    result: z.object({ expiresOn: z.string().nullable() }),
  },
  'checklist/untick': {
    args: z.object({ accountId: id, itemId: id }).strict(),
    result: z.object({ removed: z.boolean() }),
  },
  'recommendations/log': {
    args: z
      .object({ recommendationId: id, action: z.enum(['reminded', 'accepted', 'declined', 'done', 'reopened']), on: day.optional(), note: text(2000).nullable().optional() })
      .strict(),
    result: z.object({ accountId: z.string() }),
  },
  'pulse/set': {
    args: z.object({ accountId: id, rating: z.enum(['good', 'watch', 'concern']), reason: text(2000).min(1), expiresOn: day.optional() }).strict(),
    result: z.object({ expiresOn: z.string() }),
  },
  'notes/add': {
    args: z.object({ accountId: id, text: text(20_000).min(1) }).strict(),
    result: z.object({ noteId: z.number(), writtenAt: z.string(), text: z.string(), author: z.string().nullable() }),
  },
} as const satisfies ContractArea;
