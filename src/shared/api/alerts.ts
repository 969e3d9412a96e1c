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

export const alertsContract = {
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
} as const satisfies ContractArea;
