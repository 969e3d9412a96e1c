import { z } from 'zod';
import { empty, id, kind, MappingSpecSchema, type ContractArea } from './common';

const ImportRecordSchema = z.object({
  importId: z.number(),
  kind,
  fileName: z.string(),
  fileSize: z.number(),
  source: z.enum(['file', 'demo']),
  startedAt: z.string(),
  finishedAt: z.string(),
  status: z.enum(['applied', 'undone']),
  undoneAt: z.string().nullable(),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
});

const ProfileSchema = z.object({
  name: z.string(),
  mapping: MappingSpecSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const importsContract = {
  'imports/list': {
    args: empty,
    result: z.array(ImportRecordSchema),
  },
  'imports/undo': {
    args: z.object({ importId: z.number().int().positive() }).strict(),
    result: z.object({ importId: z.number(), removed: z.number(), restored: z.number(), keptAsPlaceholders: z.number() }),
  },
  'profiles/list': {
    args: empty,
    result: z.array(ProfileSchema),
  },
  'profiles/save': {
    args: z.object({ name: z.string().min(1).max(100), mapping: MappingSpecSchema }).strict(),
    result: ProfileSchema,
  },
  'profiles/delete': {
    args: z.object({ name: id }).strict(),
    result: z.object({ deleted: z.boolean() }),
  },
} as const satisfies ContractArea;
