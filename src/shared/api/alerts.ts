import { z } from 'zod';
import { ALERT_RULE_NAMES, ALERT_STATUS_NAMES, day, id, RefSchema, SEVERITY_NAMES, text, type ContractArea } from './common';

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

export type AlertItem = z.output<typeof AlertSchema>;
export type AlertAction = z.output<typeof AlertActionSchema>;

/** What the inbox can be narrowed to; every part optional, all parts must hold. */
const InboxFilterSchema = z
  .object({
    rules: z.array(z.enum(ALERT_RULE_NAMES)).max(20).optional(),
    severities: z.array(z.enum(SEVERITY_NAMES)).max(10).optional(),
    statuses: z.array(z.enum(ALERT_STATUS_NAMES)).max(10).optional(),
    owner: text(200).optional(),
    accountId: id.optional(),
    assignee: text(200).optional(),
  })
  .strict();
export type InboxFilter = z.output<typeof InboxFilterSchema>;

const SeverityCountsSchema = z.object({ critical: z.number(), high: z.number(), medium: z.number(), low: z.number() });
export type SeverityCounts = z.output<typeof SeverityCountsSchema>;

export const alertsContract = {
  'alerts/list': {
    readOnly: true,
    args: InboxFilterSchema.extend({ includeCleared: z.boolean().optional() }).strict(),
    result: z.array(AlertSchema),
  },
  'alerts/act': {
    args: z.object({ ids: z.array(id).min(1).max(10_000), action: AlertActionSchema }).strict(),
    result: z.array(AlertSchema),
  },
  'alerts/history': {
    readOnly: true,
    args: z.object({ id }).strict(),
    result: z.array(z.object({ at: z.string(), action: z.string(), actor: z.string(), severity: z.string().nullable(), status: z.string().nullable(), note: z.string().nullable() })),
  },
  /** One page of the inbox, the total it pages through, and the count per severity (the filter's severities aside). */
  'alerts/inbox': {
    readOnly: true,
    args: InboxFilterSchema.extend({ offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    result: z.object({ total: z.number(), counts: SeverityCountsSchema, items: z.array(AlertSchema) }),
  },
  /** Every id the filter matches, in the inbox's order: to act on all of them at once. */
  'alerts/ids': {
    readOnly: true,
    args: InboxFilterSchema,
    result: z.array(z.string()),
  },
  /** What waits on the user (open or acknowledged, condition holding): cheap enough for the navigation's badge. */
  'alerts/counts': {
    readOnly: true,
    args: z.object({}).strict(),
    result: z.object({ open: z.number(), bySeverity: SeverityCountsSchema }),
  },
  /** The account owners and the assignees the inbox can be filtered by. */
  'alerts/people': {
    readOnly: true,
    args: z.object({}).strict(),
    result: z.object({ owners: z.array(z.string()), assignees: z.array(z.string()) }),
  },
} as const satisfies ContractArea;
