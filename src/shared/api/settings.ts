import { z } from 'zod';
import { empty, objectWith, text, type ContractArea } from './common';
import type { ChecklistTemplate } from '../checklist-types';

const TemplateItemSchema = z
  .object({
    id: text(100).min(1),
    text: text(500),
    kind: z.enum(['derived', 'manual']),
    rule: z.enum(['recent_survey', 'detractors_followed_up', 'bad_calls_followed_up', 'no_unaddressed_recommendations', 'installed_base_recent']).optional(),
    params: z.record(z.string().max(50), z.number()).optional(),
    validDays: z.number().int().min(1).max(3660).optional(),
    ask: text(500).optional(),
  })
  .strict();

export const settingsContract = {
  'checklist/template/get': {
    args: empty,
    result: z.object({
      version: z.number(),
      createdAt: z.string(),
      note: z.string().nullable(),
      template: objectWith<ChecklistTemplate>('groups'),
      versions: z.array(z.object({ version: z.number(), createdAt: z.string(), note: z.string().nullable() })),
    }),
  },
  'checklist/template/save': {
    args: z
      .object({
        note: text(500).nullable().optional(),
        groups: z
          .array(z.object({ id: text(100).min(1), title: text(200), items: z.array(TemplateItemSchema).max(200) }).strict())
          .min(1)
          .max(50),
      })
      .strict(),
    result: z.object({ version: z.number() }),
  },
} as const satisfies ContractArea;
