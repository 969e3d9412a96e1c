import { iterateEvidence, loadAccountEvidence } from '../db/repositories/evidence';
import { snapshotDays, snapshotWriter, snapshotsOn } from '../db/repositories/snapshots';
import { scoreAccount, type EngineSettings, type ScoredAccount } from '../domain/scoring/loyalty';
import { addDays } from '../domain/dates';
import type { AccountEvidence } from '../domain/evidence';
import type { ChecklistTemplate } from '../shared/checklist-types';
import type { AppContext } from './context';
import { loadEngineSettings } from './engine-settings';
import { currentTemplate } from './checklist-templates';
import { alertEvaluator, loadAlertThresholds } from './alerts';

/** Snapshots filled in for an account with none yet: every 30 days back to 180, so trends exist from the first import. */
export const HISTORY_STEPS = [30, 60, 90, 120, 150, 180];

export interface RecomputeOptions {
  /** Default: today. */
  readonly asOf?: string;
  /** Only these accounts (after an import that touched them); default all. */
  readonly accountIds?: ReadonlySet<string>;
  /** Fill in past snapshots where an account has none (first import). */
  readonly history?: boolean;
}

export interface RecomputeResult {
  readonly accounts: number;
  readonly snapshots: number;
  readonly historySnapshots: number;
  readonly alertsRaised: number;
  readonly alertsChanged: number;
  readonly ms: number;
}

export function today(ctx: AppContext): string {
  return ctx.now().toISOString().slice(0, 10);
}

/**
 * The accounts' evidence: all of it streamed from a read-only connection (a connection that is
 * iterating cannot write), or the few accounts given loaded one by one.
 */
function* evidenceFor(ctx: AppContext, accountIds: ReadonlySet<string> | undefined): Generator<AccountEvidence> {
  if (accountIds) {
    for (const id of [...accountIds].sort()) {
      const evidence = loadAccountEvidence(ctx.db, id);
      if (evidence) yield evidence;
    }
    return;
  }
  const reader = ctx.openReader();
  try {
    yield* iterateEvidence(reader);
  } finally {
    reader.close();
  }
}

/**
 * Scores every account (or the ones given) as of a date, keeps the day's snapshot (one per account
 * and day: a later run the same day replaces it), and evaluates the alert rules. One transaction.
 */
export function recompute(ctx: AppContext, options: RecomputeOptions = {}): RecomputeResult {
  const started = performance.now();
  const asOf = options.asOf ?? today(ctx);
  const now = ctx.now().toISOString();
  const settings = loadEngineSettings(ctx.db);
  const template = currentTemplate(ctx.db, ctx.now()).template;
  const thresholds = loadAlertThresholds(ctx.db);
  const monthAgo = snapshotsOn(ctx.db, addDays(asOf, -thresholds.scoreDrop.days), 10);
  const existing = options.history ? snapshotDays(ctx.db, addDays(asOf, -HISTORY_STEPS.at(-1)! - 7), addDays(asOf, -1)) : null;
  const write = snapshotWriter(ctx.db);
  const evaluateAlerts = alertEvaluator(ctx.db, thresholds, settings.ownVendor);
  let accounts = 0;
  let historySnapshots = 0;
  let alertsRaised = 0;
  let alertsChanged = 0;
  ctx.db.transaction(() => {
    for (const evidence of evidenceFor(ctx, options.accountIds)) {
      accounts++;
      const scored = scoreAccount(evidence, asOf, settings, template);
      write(scored.score, now);
      let previous = monthAgo.get(evidence.account.id)?.loyalty ?? null;
      if (existing) {
        const filled = fillHistory(evidence, asOf, settings, template, existing.get(evidence.account.id), write, now, thresholds.scoreDrop.days);
        historySnapshots += filled.count;
        previous ??= filled.monthAgo;
      }
      const alerts = evaluateAlerts(scored, previous, now);
      alertsRaised += alerts.raised;
      alertsChanged += alerts.changed;
    }
    if (!options.accountIds) alertsChanged += forgetRemovedAccounts(ctx, now);
  })();
  return { accounts, snapshots: accounts, historySnapshots, alertsRaised, alertsChanged, ms: Math.round(performance.now() - started) };
}

/** Scores the account as of past dates it has no snapshot near, so its trend is there from the start. */
function fillHistory(
  evidence: AccountEvidence,
  asOf: string,
  settings: EngineSettings,
  template: ChecklistTemplate,
  days: ReadonlySet<string> | undefined,
  write: (score: ScoredAccount['score'], at: string) => void,
  now: string,
  dropDays: number,
): { count: number; monthAgo: number | null } {
  let count = 0;
  let monthAgo: number | null = null;
  for (const back of HISTORY_STEPS) {
    const day = addDays(asOf, -back);
    const near = days && [...days].some((d) => Math.abs(Date.parse(d) - Date.parse(day)) <= 7 * 86_400_000);
    if (near) continue;
    const past = scoreAccount(evidence, day, settings, template).score;
    if (past.loyalty === null && past.satisfaction === null) continue;
    write(past, now);
    count++;
    if (Math.abs(back - dropDays) <= 7) monthAgo = past.loyalty;
  }
  return { count, monthAgo };
}

/** One account scored as of a date, with everything the engine read (for the account view and the brief). */
export function scoreOne(ctx: AppContext, accountId: string, asOf?: string, override?: Parameters<typeof scoreAccount>[4]): ScoredAccount | null {
  const evidence = loadAccountEvidence(ctx.db, accountId);
  if (!evidence) return null;
  return scoreAccount(evidence, asOf ?? today(ctx), loadEngineSettings(ctx.db), currentTemplate(ctx.db, ctx.now()).template, override);
}

/**
 * Accounts an undo took out of the data: their alerts no longer hold (kept, resolved, with a line in
 * their history) and their snapshots go.
 */
function forgetRemovedAccounts(ctx: AppContext, at: string): number {
  const gone = ctx.db
    .prepare("SELECT alert_id, severity FROM alerts WHERE active = 1 AND account_id NOT IN (SELECT account_id FROM accounts)")
    .all() as Array<{ alert_id: string; severity: string }>;
  const close = ctx.db.prepare("UPDATE alerts SET active = 0, status = CASE WHEN status = 'dismissed' THEN status ELSE 'resolved' END, updated_at = ?, evaluated_at = ? WHERE alert_id = ?");
  const event = ctx.db.prepare("INSERT INTO alert_events (alert_id, at, action, actor, severity, status, note) VALUES (?, ?, 'cleared', 'system', ?, 'resolved', 'The account is no longer in the data')");
  for (const alert of gone) {
    close.run(at, at, alert.alert_id);
    event.run(alert.alert_id, at, alert.severity);
  }
  ctx.db.prepare('DELETE FROM score_snapshots WHERE account_id NOT IN (SELECT account_id FROM accounts)').run();
  return gone.length;
}
