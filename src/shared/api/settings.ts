import { z } from 'zod';
import { COMPONENTS, empty, objectWith, text, type ContractArea } from './common';
import type { ChecklistTemplate } from '../checklist-types';
import type { AlertThresholds } from '../../domain/alerts/thresholds';
import { THRESHOLD_FIELDS, type ThresholdField } from './threshold-fields';

/** Why a backup was made: on request, or automatically before something that changes the data. */
export const BACKUP_REASONS = ['manual', 'before-import', 'before-migration', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

const thresholdNumber = (f: ThresholdField) => {
  const n = z.number().min(f.min).max(f.max);
  return f.integer ? n.int() : n;
};

const ThresholdsSchema = z
  .object(
    Object.fromEntries(
      [...new Set(THRESHOLD_FIELDS.map((f) => f.group))].map((group) => {
        const shape: Record<string, z.ZodType> = Object.fromEntries(THRESHOLD_FIELDS.filter((f) => f.group === group).map((f) => [f.key, thresholdNumber(f)]));
        if (group === 'fixOrReplace') shape['replacementValueByCategory'] = z.record(z.string().min(1).max(100), z.number().positive().max(100_000_000));
        return [group, z.object(shape).partial().strict()];
      }),
    ),
  )
  .partial()
  .strict();

const FullWeightsSchema = z.object(Object.fromEntries(COMPONENTS.map((k) => [k, z.number().min(0).max(1)])) as Record<(typeof COMPONENTS)[number], z.ZodNumber>).strict();

const SettingsSchema = z.object({
  companyName: z.string(),
  ownVendorName: z.string(),
  defaultDateOrder: z.enum(['dmy', 'mdy']),
  keepBackups: z.number().int(),
});

const BackupSchema = z.object({ name: z.string(), createdAt: z.string(), reason: z.enum(BACKUP_REASONS), bytes: z.number() });
export type BackupItem = z.infer<typeof BackupSchema>;

const BAND_KEYS = ['loyal', 'satisfied', 'at_risk', 'critical', 'none'] as const;
const DistributionSchema = z.object(Object.fromEntries(BAND_KEYS.map((b) => [b, z.number()])) as Record<(typeof BAND_KEYS)[number], z.ZodNumber>);
const BandSchema = z.enum(['loyal', 'satisfied', 'at_risk', 'critical']).nullable();

const RecomputedSchema = z.object({ accounts: z.number(), ms: z.number() });

const profileName = text(200).min(1);

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
    readOnly: true,
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
  'settings/get': {
    readOnly: true,
    args: empty,
    result: z.object({ settings: SettingsSchema, dataFile: z.string(), backupFolder: z.string() }),
  },
  'settings/save': {
    args: z
      .object({
        companyName: z.string().trim().min(1, 'The company name cannot be empty').max(200),
        ownVendorName: z.string().trim().min(1, 'The vendor name cannot be empty').max(200),
        defaultDateOrder: z.enum(['dmy', 'mdy']),
        keepBackups: z.number().int().min(1, 'Keep at least 1 backup').max(100, 'Keep at most 100 backups'),
      })
      .partial()
      .strict(),
    result: z.object({ settings: SettingsSchema, removedBackups: z.number() }),
  },
  'weights/get': {
    readOnly: true,
    args: empty,
    result: z.object({
      /** "default" and every segment with weights of its own. */
      profiles: z.record(z.string(), FullWeightsSchema),
      defaults: FullWeightsSchema,
      /** The segments in the data, with how many accounts each. */
      segments: z.array(z.object({ segment: z.string(), accounts: z.number(), profile: z.string() })),
      /** Accounts without a segment (always scored with the default profile). */
      unsegmented: z.number(),
    }),
  },
  'weights/preview': {
    readOnly: true,
    args: z.object({ profile: profileName, weights: FullWeightsSchema }).strict(),
    result: z.object({
      profile: z.string(),
      asOf: z.string(),
      /** Accounts this profile would score. */
      accounts: z.number(),
      changedBand: z.number(),
      /** Accounts whose loyalty moves by a tenth of a point or more. */
      moved: z.number(),
      averageChange: z.number().nullable(),
      before: DistributionSchema,
      after: DistributionSchema,
      movers: z.array(
        z.object({ accountId: z.string(), name: z.string(), before: z.number().nullable(), after: z.number().nullable(), bandBefore: BandSchema, bandAfter: BandSchema }),
      ),
    }),
  },
  'weights/save': {
    /** Weights null removes a segment's own profile (its accounts fall back to the default). */
    args: z.object({ profile: profileName, weights: FullWeightsSchema.nullable() }).strict(),
    result: z.object({ profiles: z.record(z.string(), FullWeightsSchema), recompute: RecomputedSchema }),
  },
  'thresholds/get': {
    readOnly: true,
    args: empty,
    result: z.object({ thresholds: objectWith<AlertThresholds>('renewal'), defaults: objectWith<AlertThresholds>('renewal') }),
  },
  'thresholds/save': {
    args: ThresholdsSchema,
    result: z.object({ thresholds: objectWith<AlertThresholds>('renewal'), recompute: RecomputedSchema }),
  },
  'backups/list': {
    readOnly: true,
    args: empty,
    result: z.object({ folder: z.string(), keep: z.number(), backups: z.array(BackupSchema) }),
  },
  'backups/create': {
    args: empty,
    result: BackupSchema,
  },
  'backups/restore': {
    /** Without a name: the newest backup that passes the check (after the data was found damaged). */
    args: z.object({ name: text(300).min(1).optional() }).strict(),
    result: z.object({ restored: BackupSchema, safetyBackup: BackupSchema.nullable(), accounts: z.number() }),
  },
  'app/health': {
    readOnly: true,
    args: empty,
    result: z.object({ ok: z.boolean(), problems: z.array(z.string()), dataFile: z.string(), backups: z.array(BackupSchema) }),
  },
} as const satisfies ContractArea;
