import { z } from 'zod';
import { KINDS } from './kinds';

// The one API contract: every method the renderer, the browser-mode server, the Electron IPC handler
// and the tests use, with the schema of its arguments and of its result.

// A strict Content-Security-Policy refuses `new Function`, which zod would otherwise try.
z.config({ jitless: true });

const id = z.string().min(1).max(200);
const kind = z.enum(KINDS);

export const MappingSpecSchema = z
  .object({
    kind: kind.optional(),
    columns: z.record(z.string().max(100), z.string().max(500).nullable()).optional(),
    constants: z.record(z.string().max(100), z.string().max(1000)).optional(),
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    sheet: z.string().max(200).optional(),
  })
  .strict();

const AccountRow = z.object({
  accountId: z.string(),
  name: z.string(),
  segment: z.string().nullable(),
  region: z.string().nullable(),
  owner: z.string().nullable(),
  contractType: z.string().nullable(),
  renewalDate: z.string().nullable(),
  annualValue: z.number().nullable(),
  placeholder: z.boolean(),
  workOrders: z.number(),
  lastVisit: z.string().nullable(),
  openRecommendations: z.number(),
  surveys: z.number(),
  assets: z.number(),
});

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

const empty = z.object({}).strict();

export const contract = {
  'app/info': {
    args: empty,
    result: z.object({
      version: z.string(),
      dataFile: z.string(),
      schemaVersion: z.number(),
      accounts: z.number(),
      empty: z.boolean(),
    }),
  },
  'accounts/list': {
    args: z
      .object({
        search: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(100_000).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    result: z.object({ total: z.number(), accounts: z.array(AccountRow) }),
  },
  'imports/list': {
    args: empty,
    result: z.array(ImportRecordSchema),
  },
  'imports/undo': {
    args: z.object({ importId: z.number().int().positive() }).strict(),
    result: z.object({ importId: z.number(), removed: z.number(), restored: z.number(), keptAsPlaceholders: z.number() }),
  },
  'demo/load': {
    args: z.object({ asOf: z.iso.date().optional() }).strict(),
    result: z.object({ accounts: z.number(), workOrders: z.number(), surveys: z.number(), assets: z.number(), recommendations: z.number() }),
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
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Args<M extends Method> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends Method> = z.output<Contract[M]['args']>;
export type Result<M extends Method> = z.output<Contract[M]['result']>;
export type AccountRow = z.output<typeof AccountRow>;

export const ERROR_CODES = ['bad_request', 'unknown_method', 'not_found', 'conflict', 'invalid_file', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type ApiResponse<M extends Method = Method> = { ok: true; data: Result<M> } | { ok: false; error: ApiError };

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** What every transport gives the renderer: one typed call. */
export interface ApiClient {
  call<M extends Method>(method: M, args: Args<M>): Promise<ApiResponse<M>>;
}
