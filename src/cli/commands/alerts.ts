import { openContext, today } from '../../services/context';
import { recomputeAll } from '../../services/recompute';
import { listAlerts, type AlertRecord } from '../../services/alerts';
import { scoreAll } from '../../services/scores';
import { loadAlertThresholds } from '../../services/alerts';
import { loadEngineSettings } from '../../services/engine-settings';
import { keptLoyalty, KEPT_SCORE_TOLERANCE_DAYS } from '../../db/repositories/snapshots';
import { evaluateAlerts, type AlertCandidate } from '../../domain/alerts/rules';
import { addDays } from '../../domain/dates';
import { spellDayCounts } from '../../domain/alerts/day-counts';
import { EXIT, number, type Output } from '../output';
import { isoDate, parse, requireString } from '../options';

interface Printed {
  id: string;
  rule: string;
  account_id: string;
  severity: string;
  status: string;
  title: string;
  detail: string;
  raised_at: string;
  refs: unknown[];
  account_name?: string;
  assignee?: string | null;
  snoozed_until?: string | null;
}

const fromRecord = (a: AlertRecord): Printed => ({
  id: a.id,
  rule: a.rule,
  account_id: a.accountId,
  account_name: a.accountName,
  severity: a.severity,
  status: a.status,
  title: a.title,
  detail: a.detail,
  raised_at: a.raisedAt,
  refs: [...a.refs],
  assignee: a.assignee,
  snoozed_until: a.snoozedUntil,
});

/**
 * Today: re-evaluates every account (scores, snapshots, alerts, stored with their history) and
 * prints the alerts whose condition holds. For a past date: evaluates the rules as of then without
 * storing anything, with the status each alert has now.
 */
export async function alertsCommand(argv: string[], io: Output): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } });
  const dbPath = requireString(values, 'db');
  const asOf = isoDate(values['as-of'], 'as-of');
  const ctx = openContext(dbPath, { singleConnection: true });
  try {
    let printed: Printed[];
    if (asOf === undefined || asOf === today(ctx)) {
      await recomputeAll(ctx);
      printed = listAlerts(ctx).map(fromRecord);
    } else {
      printed = pastAlerts(ctx, asOf);
    }
    if (values['json'] === true) {
      io.out(JSON.stringify(printed, null, 2));
      return EXIT.ok;
    }
    if (printed.length === 0) {
      io.out('No alerts.');
      return EXIT.ok;
    }
    const open = printed.filter((p) => p.status !== 'dismissed' && p.status !== 'resolved');
    io.out(`${number(open.length)} ${open.length === 1 ? 'alert needs' : 'alerts need'} attention${printed.length > open.length ? ` (${number(printed.length - open.length)} more dismissed or resolved)` : ''}:`);
    for (const p of printed) {
      io.out(`  ${p.severity.toUpperCase().padEnd(8)} ${p.status.padEnd(12)} ${p.account_name ?? p.account_id}: ${p.title}`);
    }
    return EXIT.ok;
  } finally {
    ctx.close();
  }
}

function pastAlerts(ctx: ReturnType<typeof openContext>, asOf: string): Printed[] {
  const thresholds = loadAlertThresholds(ctx.db);
  const settings = loadEngineSettings(ctx.db);
  const kept = keptLoyalty(ctx.db);
  const dropDay = addDays(asOf, -thresholds.scoreDrop.days);
  const status = new Map(listAlerts(ctx, { activeOnly: false }).map((a) => [a.id, a]));
  const out: Printed[] = [];
  for (const { account, scored } of scoreAll(ctx, asOf)) {
    const candidates: AlertCandidate[] = evaluateAlerts({
      view: scored.view,
      asOf,
      score: scored.score,
      loyaltyThirtyDaysAgo: kept(account.id, dropDay, KEPT_SCORE_TOLERANCE_DAYS),
      thresholds,
      ownVendor: settings.ownVendor,
      visitRules: settings.visits,
    });
    for (const c of candidates) {
      const stored = status.get(c.id);
      out.push({ id: c.id, rule: c.rule, account_id: c.accountId, account_name: account.name, severity: c.severity, status: stored?.status ?? 'open', title: spellDayCounts(c.title, asOf), detail: spellDayCounts(c.detail, asOf), raised_at: c.raisedAt, refs: c.refs });
    }
  }
  const rank = { critical: 0, high: 1, medium: 2, low: 3 } as Record<string, number>;
  return out.sort((a, b) => rank[a.severity]! - rank[b.severity]! || b.raised_at.localeCompare(a.raised_at) || a.id.localeCompare(b.id));
}
