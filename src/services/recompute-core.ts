import type { AccountEvidence } from '../domain/evidence';
import { scoreAccount, type EngineSettings } from '../domain/scoring/loyalty';
import { evaluateAlerts, clearedReason, type AlertInput } from '../domain/alerts/rules';
import { reconcileAlerts, type AlertChange, type StoredAlert } from '../domain/alerts/lifecycle';
import type { AlertThresholds } from '../domain/alerts/thresholds';
import { addDays, toMs } from '../domain/dates';
import type { ChecklistTemplate } from '../shared/checklist-types';
import type { LoyaltyScore } from '../shared/scoring-types';
import { KEPT_SCORE_TOLERANCE_DAYS, type KeptLoyalty } from '../db/repositories/snapshots';

/** Snapshots filled in for an account with none yet: every 30 days back to 180, so trends exist from the first import. */
export const HISTORY_STEPS = [30, 60, 90, 120, 150, 180];

/** Everything scoring a set of accounts needs besides their evidence: plain data (it crosses to workers). */
export interface RecomputeInput {
  readonly asOf: string;
  readonly settings: EngineSettings;
  readonly template: ChecklistTemplate;
  readonly thresholds: AlertThresholds;
  /** Each account's existing snapshot days, when missing history is to be filled in; else null. */
  readonly historyDays: ReadonlyMap<string, readonly string[]> | null;
}


export interface AccountResult {
  readonly score: LoyaltyScore;
  /** Loyalty 30 days before, kept or filled in now: the portfolio's "change over 30 days". */
  readonly loyaltyMonthAgo: number | null;
  /** Past snapshots filled in (oldest step last). */
  readonly history: readonly LoyaltyScore[];
  readonly alertChanges: readonly AlertChange[];
}

/**
 * What the writer reads of a score: each component's figures and its most costly driver (the
 * portfolio's "costs most"), not every driver. Ten thousand accounts' full explanations would
 * otherwise be copied out of the scoring threads and held until the write.
 */
export function forWriting(result: AccountResult): AccountResult {
  const slim = (score: LoyaltyScore): LoyaltyScore => ({
    ...score,
    components: score.components.map((c) => {
      let worst: (typeof c.drivers)[number] | undefined;
      for (const d of c.drivers) if (d.points < 0 && (!worst || d.points < worst.points)) worst = d;
      return { ...c, drivers: worst ? [worst] : [] };
    }),
  });
  return { ...result, score: slim(result.score), history: result.history.map(slim) };
}

/** Accounts whose results are packed together (see packResults). */
const RESULT_BATCH = 250;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A batch of results as it crosses from a scoring thread: JSON in UTF-8, a buffer moved rather than
 * copied. The calling thread holds every batch until the one transaction that writes them; as
 * objects, a first recompute's results (history and alerts for every account) took over 400 MB of
 * its heap, as bytes a fraction of that. Results are plain data, so JSON carries them whole.
 */
export function packResults(results: readonly AccountResult[]): Uint8Array {
  return encoder.encode(JSON.stringify(results));
}

/**
 * Gathers results, slimmed for writing, into packed batches of RESULT_BATCH accounts, handing each
 * on as it fills; `flush` hands on the last, partial one.
 */
export function resultBatches(onBatch: (batch: Uint8Array, accounts: number) => void): { add(result: AccountResult): void; flush(): void } {
  let results: AccountResult[] = [];
  const flush = (): void => {
    if (results.length === 0) return;
    const batch = packResults(results);
    const accounts = results.length;
    results = [];
    onBatch(batch, accounts);
  };
  return {
    add: (result) => {
      results.push(forWriting(result));
      if (results.length >= RESULT_BATCH) flush();
    },
    flush,
  };
}

/** The results of a batch, read back just before they are written. */
export function unpackResults(batch: Uint8Array): AccountResult[] {
  return JSON.parse(decoder.decode(batch)) as AccountResult[];
}

/**
 * Scores each account as of the date, fills in missing history, and works out how its alerts
 * change. Reads nothing but what it is given, so it runs the same in a worker thread or in the
 * calling one; the caller writes the results.
 */
export function* scoreAccounts(
  evidence: Iterable<AccountEvidence>,
  input: RecomputeInput,
  storedAlerts: (accountId: string) => readonly StoredAlert[],
  kept: KeptLoyalty,
): Generator<AccountResult> {
  const { asOf, settings, template, thresholds } = input;
  const dropDays = thresholds.scoreDrop.days;
  const dropDay = addDays(asOf, -dropDays);
  const monthAgoDay = addDays(asOf, -30);
  for (const account of evidence) {
    const scored = scoreAccount(account, asOf, settings, template);
    const id = account.account.id;
    let previous = kept(id, dropDay, KEPT_SCORE_TOLERANCE_DAYS);
    let monthAgo = dropDays === 30 ? previous : kept(id, monthAgoDay, KEPT_SCORE_TOLERANCE_DAYS);
    const history: LoyaltyScore[] = [];
    if (input.historyDays) {
      const days = input.historyDays.get(account.account.id) ?? [];
      for (const back of HISTORY_STEPS) {
        const day = addDays(asOf, -back);
        if (days.some((d) => Math.abs(toMs(d) - toMs(day)) <= 7 * 86_400_000)) continue;
        const past = scoreAccount(account, day, settings, template).score;
        if (past.loyalty === null && past.satisfaction === null) continue;
        history.push(past);
        if (previous === null && Math.abs(back - dropDays) <= 7) previous = past.loyalty;
        if (monthAgo === null && back === 30) monthAgo = past.loyalty;
      }
    }
    const alertInput: AlertInput = { view: scored.view, asOf, score: scored.score, loyaltyThirtyDaysAgo: previous, thresholds, ownVendor: settings.ownVendor, visitRules: settings.visits };
    const alertChanges = reconcileAlerts(storedAlerts(account.account.id), evaluateAlerts(alertInput), asOf, (alert) => clearedReason(alertInput, alert));
    yield { score: scored.score, loyaltyMonthAgo: monthAgo, history, alertChanges };
  }
}
