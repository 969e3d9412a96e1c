import { z } from 'zod';
import { empty, id, kind, MappingSpecSchema, objectWith, RecomputeProgressSchema, type ContractArea } from './common';
import type { ImportReport } from '../import-types';

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

// Importing from the window: files are staged first (bytes written beside the database by the
// transport, see ./staging.ts), inspected, previewed by a dry run, then imported
// as a job the window polls and may cancel.

const stagedId = z.string().regex(/^[a-f0-9]{32}$/, 'not a staged file id');
const jobId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not an import job id');

const FieldSourceSchema = z.union([
  z.object({ type: z.literal('column'), header: z.string(), column: z.number(), how: z.enum(['canonical', 'recognised', 'vendor', 'question', 'mapped']) }),
  z.object({ type: z.literal('constant'), value: z.string() }),
  z.object({ type: z.literal('generated') }),
  z.object({ type: z.literal('derived'), from: z.string() }),
  z.object({ type: z.literal('default'), value: z.union([z.string(), z.number()]) }),
  z.object({ type: z.literal('none') }),
]);

const ProblemSchema = z.object({
  message: z.string(),
  code: z.string(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
});

const InspectionSchema = z.object({
  stagedId: z.string(),
  file: z.string(),
  size: z.number(),
  format: z.enum(['csv', 'xlsx']).nullable(),
  encoding: z.string().nullable(),
  bom: z.boolean(),
  delimiter: z.string().nullable(),
  decimalMark: z.enum(['.', ',']).nullable(),
  headerRows: z.array(z.number()),
  tool: z.string().nullable(),
  vendor: z.string().nullable(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  kind: kind.nullable(),
  kindChosen: z.boolean(),
  /** How dates like 03/04/2026 are read, and why (from the first rows; the preview reads all). */
  dateOrder: z.object({ order: z.enum(['dmy', 'mdy']), reason: z.string() }).nullable(),
  columns: z.array(z.object({ index: z.number(), header: z.string(), label: z.string(), field: z.string().nullable(), samples: z.array(z.string()) })),
  fields: z.array(z.object({ field: z.string(), label: z.string(), required: z.boolean(), source: FieldSourceSchema })),
  missing: z.array(z.string()),
  /** What stops this file from importing as mapped now; null when it is ready. */
  problem: ProblemSchema.nullable(),
});

const FileErrorSchema = ProblemSchema.extend({
  rejected: z.array(z.object({ row: z.number(), column: z.string(), value: z.string(), reason: z.string() })),
  rejectedCount: z.number(),
});

const JobFileSchema = z.object({
  stagedId: z.string(),
  name: z.string(),
  size: z.number(),
  state: z.enum(['waiting', 'running', 'done', 'failed', 'cancelled']),
  rows: z.number(),
  bytesRead: z.number(),
  report: objectWith<ImportReport>('kind').nullable(),
  error: FileErrorSchema.nullable(),
});

const JobStatusSchema = z.object({
  jobId: z.string(),
  mode: z.enum(['preview', 'import']),
  skipInvalid: z.boolean(),
  state: z.enum(['running', 'cancelling', 'recomputing', 'done', 'cancelled', 'failed']),
  elapsedMs: z.number(),
  rowsDone: z.number(),
  bytesDone: z.number(),
  totalBytes: z.number(),
  rowsPerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  files: z.array(JobFileSchema),
  recompute: z.object({ accounts: z.number(), alertsRaised: z.number(), ms: z.number() }).nullable(),
  /** While the scores are updated after an import of many accounts: how many are scored so far, of how many, then that they are being saved. */
  scoring: RecomputeProgressSchema.nullable(),
  /** A cancel asked for once the job had already committed: the import stands, and is undone from the history. */
  cancelTooLate: z.boolean(),
  error: z.string().nullable(),
});

export type Inspection = z.output<typeof InspectionSchema>;
export type ImportJobStatus = z.output<typeof JobStatusSchema>;
export type ImportJobFile = z.output<typeof JobFileSchema>;
export type ImportFileProblem = z.output<typeof FileErrorSchema>;

export const importsContract = {
  'imports/inspect': {
    writesNoData: true,
    args: z.object({ stagedId, mapping: MappingSpecSchema.optional() }).strict(),
    result: InspectionSchema,
  },
  /** The job writes on a thread of its own, once any long write before it has ended. */
  'imports/start': {
    writesNoData: true,
    args: z
      .object({
        mode: z.enum(['preview', 'import']),
        skipInvalid: z.boolean().default(false),
        files: z.array(z.object({ stagedId, mapping: MappingSpecSchema.optional() }).strict()).min(1).max(50),
      })
      .strict(),
    result: z.object({ jobId: z.string() }),
  },
  'imports/progress': {
    readOnly: true,
    /** details: the reports with every rejected row (ask once the job has ended; the polling leaves them out). */
    args: z.object({ jobId, details: z.boolean().default(false) }).strict(),
    result: JobStatusSchema,
  },
  'imports/cancel': {
    writesNoData: true,
    args: z.object({ jobId }).strict(),
    result: JobStatusSchema,
  },
  'imports/discard': {
    writesNoData: true,
    args: z.object({ stagedIds: z.array(stagedId).max(200) }).strict(),
    result: z.object({ discarded: z.number() }),
  },

  'imports/list': {
    readOnly: true,
    args: empty,
    result: z.array(ImportRecordSchema),
  },
  'imports/undo': {
    args: z.object({ importId: z.number().int().positive() }).strict(),
    result: z.object({ importId: z.number(), removed: z.number(), restored: z.number(), keptAsPlaceholders: z.number() }),
  },
  'profiles/list': {
    readOnly: true,
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
