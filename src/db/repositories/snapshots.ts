import type { Db } from '../connection';
import type { Band, LoyaltyScore } from '../../shared/scoring-types';
import { weeklyTrend, type TrendPoint } from '../../domain/trend';
import { sparklineOf } from '../../shared/sparkline';
import { addDays } from '../../domain/dates';

export interface SnapshotRow {
  accountId: string;
  asOf: string;
  loyalty: number | null;
  band: Band | null;
  satisfaction: number | null;
  confidence: number;
  topDriver: string | null;
}

/** The driver that costs the account most, in words: what the portfolio shows beside the score. */
export function topDriver(score: LoyaltyScore): string | null {
  let worst: { label: string; points: number } | null = null;
  for (const c of score.components) for (const d of c.drivers) if (d.points < 0 && (!worst || d.points < worst.points)) worst = d;
  return worst?.label ?? null;
}

export function snapshotWriter(db: Db): (score: LoyaltyScore, computedAt: string) => void {
  const upsert = db.prepare(
    `INSERT INTO score_snapshots (account_id, as_of, loyalty, band, satisfaction, confidence, components, top_driver, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, as_of) DO UPDATE SET loyalty = excluded.loyalty, band = excluded.band, satisfaction = excluded.satisfaction,
       confidence = excluded.confidence, components = excluded.components, top_driver = excluded.top_driver, computed_at = excluded.computed_at`,
  );
  return (score, computedAt) => {
    const components = JSON.stringify(score.components.map((c) => ({ key: c.key, score: c.score, weight: c.weight, points: c.points })));
    upsert.run(score.accountId, score.asOf, score.loyalty, score.band, score.satisfaction, score.confidence, components, topDriver(score), computedAt);
  };
}

/** An account's score history, oldest first. */
export function accountHistory(db: Db, accountId: string, from: string, to: string): SnapshotRow[] {
  return (
    db
      .prepare('SELECT as_of, loyalty, band, satisfaction, confidence, top_driver FROM score_snapshots WHERE account_id = ? AND as_of BETWEEN ? AND ? ORDER BY as_of')
      .all(accountId, from, to) as Array<{ as_of: string; loyalty: number | null; band: Band | null; satisfaction: number | null; confidence: number; top_driver: string | null }>
  ).map((r) => ({ accountId, asOf: r.as_of, loyalty: r.loyalty, band: r.band, satisfaction: r.satisfaction, confidence: r.confidence, topDriver: r.top_driver }));
}

/** The days each account already has a snapshot for, within a range (to fill only what is missing). */
export function snapshotDays(db: Db, from: string, to: string, accountIds?: ReadonlySet<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (account: string, day: string): void => {
    const set = out.get(account);
    if (set) set.add(day);
    else out.set(account, new Set([day]));
  };
  if (accountIds) {
    // A few accounts: one seek each on the (account_id, as_of) key, not a scan of the whole portfolio's history.
    const select = db.prepare('SELECT as_of FROM score_snapshots WHERE account_id = ? AND as_of BETWEEN ? AND ?').pluck();
    for (const account of accountIds) for (const day of select.iterate(account, from, to) as Iterable<string>) add(account, day);
    return out;
  }
  for (const [account, day] of db.prepare('SELECT account_id, as_of FROM score_snapshots WHERE as_of BETWEEN ? AND ?').raw().iterate(from, to) as Iterable<[string, string]>) add(account, day);
  return out;
}

/** An account's kept loyalty on a day: the newest snapshot on or before it, at most `maxAgeDays` older. */
export type KeptLoyalty = (accountId: string, day: string, maxAgeDays: number) => number | null;

/** How far back a kept score may be and still stand for "then" (a month ago, for a drop or a change). */
export const KEPT_SCORE_TOLERANCE_DAYS = 10;

/** One index seek per account, whatever the length of the history. */
export function keptLoyalty(db: Db): KeptLoyalty {
  const select = db.prepare('SELECT loyalty FROM score_snapshots WHERE account_id = ? AND as_of <= ? AND as_of >= ? ORDER BY as_of DESC LIMIT 1').pluck();
  return (accountId, day, maxAgeDays) => {
    const found = select.get(accountId, day, addDays(day, -maxAgeDays)) as number | null | undefined;
    return found ?? null;
  };
}

/**
 * Keeps each account's current row (the portfolio's): the newest score, its change over 30 days
 * and the weekly trend carried forward with the new points. A score for an earlier day than the
 * current one (a look back with --as-of) leaves the row as it is.
 */
export function currentScoreWriter(db: Db): (score: LoyaltyScore, history: readonly LoyaltyScore[], loyaltyMonthAgo: number | null, computedAt: string) => void {
  const select = db.prepare('SELECT as_of, trend FROM account_scores WHERE account_id = ?');
  const upsert = db.prepare(
    `INSERT INTO account_scores (account_id, as_of, loyalty, band, satisfaction, confidence, change_30, top_driver, trend, sparkline, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET as_of = excluded.as_of, loyalty = excluded.loyalty, band = excluded.band,
       satisfaction = excluded.satisfaction, confidence = excluded.confidence, change_30 = excluded.change_30,
       top_driver = excluded.top_driver, trend = excluded.trend, sparkline = excluded.sparkline, computed_at = excluded.computed_at`,
  );
  return (score, history, loyaltyMonthAgo, computedAt) => {
    const current = select.get(score.accountId) as { as_of: string; trend: string } | undefined;
    if (current && current.as_of > score.asOf) return;
    const points: TrendPoint[] = current ? (JSON.parse(current.trend) as TrendPoint[]) : [];
    for (const past of history) points.push([past.asOf, past.loyalty]);
    points.push([score.asOf, score.loyalty]);
    const change = score.loyalty !== null && loyaltyMonthAgo !== null ? Math.round((score.loyalty - loyaltyMonthAgo) * 10) / 10 : null;
    const trend = weeklyTrend(points, score.asOf);
    upsert.run(score.accountId, score.asOf, score.loyalty, score.band, score.satisfaction, score.confidence, change, topDriver(score), JSON.stringify(trend), sparklineOf(trend), computedAt);
  };
}
