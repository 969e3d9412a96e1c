import { z } from 'zod';
import { KINDS } from './kinds';
import type { LoyaltyScore, Pulse } from './scoring-types';
import type { ChecklistResult, ChecklistTemplate } from './checklist-types';
import type { ReviewBrief } from './review-types';

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
const day = z.iso.date();
const text = (max: number) => z.string().max(max);

const ALERT_RULE_NAMES = ['unaddressed_recommendation', 'fix_or_replace', 'bad_call_no_follow_up', 'detractor_no_follow_up', 'footprint_loss', 'renewal_at_risk', 'silent_account', 'score_drop', 'buying_signal'] as const;
const SEVERITY_NAMES = ['low', 'medium', 'high', 'critical'] as const;
const ALERT_STATUS_NAMES = ['open', 'acknowledged', 'snoozed', 'resolved', 'dismissed'] as const;
const COMPONENTS = ['service', 'satisfaction', 'footprint', 'partnership', 'commercial'] as const;

const RefSchema = z.object({ type: z.string(), id: z.string() });

const AlertSchema = z.object({
  id: z.string(),
  rule: z.enum(ALERT_RULE_NAMES),
  accountId: z.string(),
  accountName: z.string(),
  owner: z.string().nullable(),
  severity: z.enum(SEVERITY_NAMES),
  status: z.enum(ALERT_STATUS_NAMES),
  active: z.boolean(),
  assignee: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
  refs: z.array(RefSchema).readonly(),
  raisedAt: z.string(),
  updatedAt: z.string(),
  subjectType: z.string().nullable(),
});

const AlertActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('acknowledge'), note: text(2000).optional() }).strict(),
  z.object({ kind: z.literal('snooze'), until: day, reason: text(2000).min(1) }).strict(),
  z.object({ kind: z.literal('assign'), to: text(200).nullable() }).strict(),
  z.object({ kind: z.literal('resolve'), note: text(2000).min(1) }).strict(),
  z.object({ kind: z.literal('dismiss'), reason: text(2000).optional() }).strict(),
  z.object({ kind: z.literal('reopen'), note: text(2000).optional() }).strict(),
]);

const WeightsSchema = z.object(Object.fromEntries(COMPONENTS.map((k) => [k, z.number().min(0).max(1)])) as Record<(typeof COMPONENTS)[number], z.ZodNumber>).partial().strict();

const RecomputeSchema = z.object({ accounts: z.number(), snapshots: z.number(), historySnapshots: z.number(), alertsRaised: z.number(), alertsChanged: z.number(), threads: z.number().int().positive(), ms: z.number() });

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
  'scores/get': {
    args: z.object({ accountId: id, asOf: day.optional(), weights: WeightsSchema.optional() }).strict(),
    result: z.custom<{ score: LoyaltyScore; pulse: Pulse | null }>((v) => typeof v === 'object' && v !== null && 'score' in v),
  },
  'checklist/get': {
    args: z.object({ accountId: id, asOf: day.optional() }).strict(),
    result: z.custom<ChecklistResult>((v) => typeof v === 'object' && v !== null && 'items' in v),
  },
  'checklist/tick': {
    args: z.object({ accountId: id, itemId: id, doneOn: day.optional(), note: text(2000).nullable().optional() }).strict(),
    result: z.object({ expiresOn: z.string().nullable() }),
  },
  'checklist/untick': {
    args: z.object({ accountId: id, itemId: id }).strict(),
    result: z.object({ removed: z.boolean() }),
  },
  'checklist/template/get': {
    args: empty,
    result: z.object({
      version: z.number(),
      createdAt: z.string(),
      note: z.string().nullable(),
      template: z.custom<ChecklistTemplate>((v) => typeof v === 'object' && v !== null && 'groups' in v),
      versions: z.array(z.object({ version: z.number(), createdAt: z.string(), note: z.string().nullable() })),
    }),
  },
  'checklist/template/save': {
    args: z
      .object({
        note: text(500).nullable().optional(),
        groups: z
          .array(
            z
              .object({
                id: text(100).min(1),
                title: text(200),
                items: z
                  .array(
                    z
                      .object({
                        id: text(100).min(1),
                        text: text(500),
                        kind: z.enum(['derived', 'manual']),
                        rule: z.enum(['recent_survey', 'detractors_followed_up', 'bad_calls_followed_up', 'no_unaddressed_recommendations', 'installed_base_recent']).optional(),
                        params: z.record(z.string().max(50), z.number()).optional(),
                        validDays: z.number().int().min(1).max(3660).optional(),
                        ask: text(500).optional(),
                      })
                      .strict(),
                  )
                  .max(200),
              })
              .strict(),
          )
          .min(1)
          .max(50),
      })
      .strict(),
    result: z.object({ version: z.number() }),
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
  'alerts/list': {
    args: z
      .object({
        rules: z.array(z.enum(ALERT_RULE_NAMES)).max(20).optional(),
        severities: z.array(z.enum(SEVERITY_NAMES)).max(10).optional(),
        statuses: z.array(z.enum(ALERT_STATUS_NAMES)).max(10).optional(),
        owner: text(200).optional(),
        accountId: id.optional(),
        assignee: text(200).optional(),
        includeCleared: z.boolean().optional(),
      })
      .strict(),
    result: z.array(AlertSchema),
  },
  'alerts/act': {
    args: z.object({ ids: z.array(id).min(1).max(10_000), action: AlertActionSchema }).strict(),
    result: z.array(AlertSchema),
  },
  'alerts/history': {
    args: z.object({ id }).strict(),
    result: z.array(z.object({ at: z.string(), action: z.string(), actor: z.string(), severity: z.string().nullable(), status: z.string().nullable(), note: z.string().nullable() })),
  },
  'engine/recompute': {
    args: empty,
    result: RecomputeSchema,
  },
  'review/get': {
    args: z.object({ accountId: id, asOf: day.optional() }).strict(),
    result: z.custom<ReviewBrief>((v) => typeof v === 'object' && v !== null && 'talkingPoints' in v),
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
