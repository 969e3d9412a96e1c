import { z } from 'zod';
import { empty, RecomputeProgressSchema, type ContractArea } from './common';

/**
 * What a recompute is for: an import's rescoring (of the accounts it touched, or all of them), or
 * the whole portfolio rescored for a change of settings, an undo, or on request.
 */
const RecomputeKindSchema = z.enum(['import', 'portfolio']);
export type RecomputeKind = z.infer<typeof RecomputeKindSchema>;

/** A recompute's progress as the app reports it: with what it is for, as one waiting for another may be told. */
const RecomputeStatusSchema = RecomputeProgressSchema.extend({ kind: RecomputeKindSchema });
export type RecomputeStatus = z.infer<typeof RecomputeStatusSchema>;

/** What a long write is writing: rows from files (or trying them, in a preview), or a recompute's scores and alerts. */
const LongWriteKindSchema = z.enum(['import', 'preview', 'scores']);
export type LongWriteKind = z.infer<typeof LongWriteKindSchema>;

const RecomputeSchema = z.object({
  accounts: z.number(),
  snapshots: z.number(),
  historySnapshots: z.number(),
  alertsRaised: z.number(),
  alertsChanged: z.number(),
  threads: z.number().int().positive(),
  ms: z.number(),
});

export const appContract = {
  'app/info': {
    readOnly: true,
    args: empty,
    result: z.object({
      version: z.string(),
      dataFile: z.string(),
      schemaVersion: z.number(),
      accounts: z.number(),
      empty: z.boolean(),
      /** The day the data was last scored for: the app's "today". */
      asOf: z.string().nullable(),
      companyName: z.string(),
    }),
  },
  'demo/load': {
    args: z.object({ asOf: z.iso.date().optional() }).strict(),
    result: z.object({ accounts: z.number(), workOrders: z.number(), surveys: z.number(), assets: z.number(), recommendations: z.number() }),
  },
  'engine/recompute': {
    args: empty,
    result: RecomputeSchema,
  },
  /**
   * How far the recompute under way has come (null when none is), and whether it is an import's
   * rescoring or the whole portfolio's: for the window to show while it waits.
   */
  'engine/progress': {
    readOnly: true,
    args: empty,
    result: RecomputeStatusSchema.nullable(),
  },
  /**
   * What holds the database's writing for long, if anything (an import, a recompute's scores being
   * saved), and how many changes asked for meanwhile wait for it to end: for the window to say why.
   */
  'engine/writing': {
    readOnly: true,
    args: empty,
    result: z.object({ what: LongWriteKindSchema, waiting: z.number().int().nonnegative() }).nullable(),
  },
} as const satisfies ContractArea;
