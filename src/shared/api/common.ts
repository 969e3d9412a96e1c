import { z } from 'zod';
import { KINDS } from '../kinds';

// Building blocks every area of the contract shares.

// A strict Content-Security-Policy refuses `new Function`, which zod would otherwise try.
z.config({ jitless: true });

export const id = z.string().min(1).max(200);
export const kind = z.enum(KINDS);
export const day = z.iso.date();
export const text = (max: number) => z.string().max(max);
export const empty = z.object({}).strict();

export const ALERT_RULE_NAMES = ['unaddressed_recommendation', 'fix_or_replace', 'bad_call_no_follow_up', 'detractor_no_follow_up', 'footprint_loss', 'renewal_at_risk', 'silent_account', 'score_drop', 'buying_signal'] as const;
export const SEVERITY_NAMES = ['low', 'medium', 'high', 'critical'] as const;
export const ALERT_STATUS_NAMES = ['open', 'acknowledged', 'snoozed', 'resolved', 'dismissed'] as const;
export const COMPONENTS = ['service', 'satisfaction', 'footprint', 'partnership', 'commercial'] as const;

export const RefSchema = z.object({ type: z.string(), id: z.string() });

/** How far a recompute has come: accounts scored so far, of how many (both 0 until the first are scored), then that its results are being saved. */
export const RecomputeProgressSchema = z.object({ scored: z.number(), accounts: z.number(), saving: z.boolean() });
export type RecomputeProgress = z.infer<typeof RecomputeProgressSchema>;

export const MappingSpecSchema = z
  .object({
    kind: kind.optional(),
    columns: z.record(z.string().max(100), z.string().max(500).nullable()).optional(),
    constants: z.record(z.string().max(100), z.string().max(1000)).optional(),
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    sheet: z.string().max(200).optional(),
  })
  .strict();

export const WeightsSchema = z
  .object(Object.fromEntries(COMPONENTS.map((k) => [k, z.number().min(0).max(1)])) as Record<(typeof COMPONENTS)[number], z.ZodNumber>)
  .partial()
  .strict();

/** An object result whose shape the engine's own types guarantee (checked loosely at the boundary). */
export const objectWith = <T>(key: string) => z.custom<T>((v) => typeof v === 'object' && v !== null && key in v);

/**
 * One area's methods: each with the schema of its arguments and of its result, and whether it only
 * reads. While another thread writes for long (an import, a recompute's results), a call that only
 * reads is answered at once (from the data as it was until that write's commit), and so is one that
 * writes nothing to the database here (`writesNoData`: it stages files, or starts or stops a job
 * that writes on its own thread); any other waits for the writing to end.
 */
export type ContractArea = Record<string, { readonly args: z.ZodType; readonly result: z.ZodType; readonly readOnly?: true; readonly writesNoData?: true }>;
