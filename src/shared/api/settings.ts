import { z } from 'zod';
import { COMPONENTS, empty, objectWith, text, type ALERT_RULE_NAMES, type ContractArea } from './common';
import type { ChecklistTemplate } from '../checklist-types';
import type { AlertThresholds } from '../../domain/alerts/thresholds';

/** Why a backup was made: on request, or automatically before something that changes the data. */
export const BACKUP_REASONS = ['manual', 'before-import', 'before-migration', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

type ThresholdGroup = Exclude<keyof AlertThresholds, never>;
type NumericKey<G extends ThresholdGroup> = { [K in keyof AlertThresholds[G]]: AlertThresholds[G][K] extends number ? K : never }[keyof AlertThresholds[G]];

/** One number behind an alert rule, as Settings shows and checks it. `scale` 100: a fraction shown as a percentage. */
export interface ThresholdField {
  readonly rule: (typeof ALERT_RULE_NAMES)[number];
  readonly group: ThresholdGroup;
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly scale?: number;
}

/** A field whose key is checked against the thresholds' own type. */
const field = <G extends ThresholdGroup>(f: Omit<ThresholdField, 'group' | 'key'> & { readonly group: G; readonly key: NumericKey<G> & string }): ThresholdField => f;

/** The editable numbers of the nine alert rules (DOMAIN.md, "Alerts"); buying signals share fix-or-replace's. */
export const THRESHOLD_FIELDS: readonly ThresholdField[] = [
  field({ rule: 'unaddressed_recommendation', group: 'unaddressedRecommendation', key: 'openDays', label: 'Raise when open without a decision for more than', unit: 'days', min: 1, max: 3650, integer: true }),
  field({ rule: 'unaddressed_recommendation', group: 'unaddressedRecommendation', key: 'revisitsForHigh', label: 'High after this many visits without a reminder', unit: 'visits', min: 1, max: 50, integer: true }),
  field({ rule: 'unaddressed_recommendation', group: 'unaddressedRecommendation', key: 'daysSinceHeardForHigh', label: 'High when the customer last heard of it more than', unit: 'days ago', min: 1, max: 3650, integer: true }),
  field({ rule: 'fix_or_replace', group: 'fixOrReplace', key: 'breakFixCalls', label: 'Break-fix calls on one machine', unit: 'calls', min: 2, max: 100, integer: true }),
  field({ rule: 'fix_or_replace', group: 'fixOrReplace', key: 'breakFixWindowDays', label: '… within', unit: 'days', min: 7, max: 3650, integer: true }),
  field({ rule: 'fix_or_replace', group: 'fixOrReplace', key: 'repairCostShare', label: 'Repair cost above this share of the machine’s value', unit: '%', min: 0.01, max: 10, integer: false, scale: 100 }),
  field({ rule: 'fix_or_replace', group: 'fixOrReplace', key: 'repairCostWindowDays', label: '… billed over', unit: 'days', min: 30, max: 3650, integer: true }),
  field({ rule: 'fix_or_replace', group: 'fixOrReplace', key: 'defaultReplacementValue', label: 'Value of a machine of unknown category', unit: 'currency', min: 1, max: 100_000_000, integer: false }),
  field({ rule: 'fix_or_replace', group: 'fixOrReplace', key: 'usageOverRatedRatio', label: 'Over-use: monthly volume above rated ×', unit: '×', min: 0.1, max: 10, integer: false }),
  field({ rule: 'bad_call_no_follow_up', group: 'badCall', key: 'secondBadCallDays', label: 'High when it is the second bad call within', unit: 'days', min: 1, max: 730, integer: true }),
  field({ rule: 'bad_call_no_follow_up', group: 'badCall', key: 'lookbackDays', label: 'Look back over calls of the last', unit: 'days', min: 1, max: 3650, integer: true }),
  field({ rule: 'detractor_no_follow_up', group: 'detractor', key: 'followUpDays', label: 'A detractor waits for a call back at most', unit: 'days', min: 1, max: 90, integer: true }),
  field({ rule: 'detractor_no_follow_up', group: 'detractor', key: 'lookbackDays', label: 'Look back over responses of the last', unit: 'days', min: 1, max: 3650, integer: true }),
  field({ rule: 'footprint_loss', group: 'footprintLoss', key: 'shareDrop', label: 'Our share of the installed base falls by more than', unit: 'points', min: 0.001, max: 1, integer: false, scale: 100 }),
  field({ rule: 'footprint_loss', group: 'footprintLoss', key: 'vendorsForConsolidation', label: 'Consolidation risk from this many vendors', unit: 'vendors', min: 2, max: 50, integer: true }),
  field({ rule: 'footprint_loss', group: 'footprintLoss', key: 'ourShareBelow', label: '… while our share is under', unit: '%', min: 0.01, max: 1, integer: false, scale: 100 }),
  field({ rule: 'renewal_at_risk', group: 'renewal', key: 'withinDays', label: 'Renewal within', unit: 'days', min: 1, max: 730, integer: true }),
  field({ rule: 'renewal_at_risk', group: 'renewal', key: 'loyaltyBelow', label: '… and loyalty below', unit: 'points', min: 1, max: 100, integer: false }),
  field({ rule: 'silent_account', group: 'silentAccount', key: 'days', label: 'No survey response and no contact for', unit: 'days', min: 7, max: 3650, integer: true }),
  field({ rule: 'score_drop', group: 'scoreDrop', key: 'points', label: 'Loyalty falls by at least', unit: 'points', min: 1, max: 100, integer: false }),
  field({ rule: 'score_drop', group: 'scoreDrop', key: 'days', label: '… within', unit: 'days', min: 1, max: 365, integer: true }),
];

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
