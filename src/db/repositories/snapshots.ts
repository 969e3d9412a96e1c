import type { Db } from '../connection';
import type { Band, LoyaltyScore } from '../../shared/scoring-types';
import { weeklyTrend, type TrendPoint } from '../../domain/trend';
import { sparklineOf } from '../../shared/sparkline';
import { addDays } from '../../domain/dates';
import { accountsIn, type AccountRange } from './evidence';

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

// Snapshots are kept in day order, so that a day's rows are written together (migration 0010).
// One account's are found a day at a time: the days are stepped through the key, one seek each, and
// each day's row with one more. A portfolio has hundreds of days and thousands of accounts.

/** The days that have snapshots, from `from` to `to` (YYYY-MM-DD, both included), oldest first. */
export function snapshotDaysBetween(db: Db, from: string, to: string): string[] {
  return db
    .prepare(
      `WITH RECURSIVE day(d) AS (
         SELECT min(as_of) FROM score_snapshots WHERE as_of >= @from
         UNION ALL SELECT (SELECT min(as_of) FROM score_snapshots WHERE as_of > day.d) FROM day WHERE day.d < @to
       )
       SELECT d FROM day WHERE d <= @to`,
    )
    .pluck()
    .all({ from, to }) as string[];
}

export function snapshotWriter(db: Db): (score: LoyaltyScore, computedAt: string) => void {
  const upsert = db.prepare(
    `INSERT INTO score_snapshots (account_id, as_of, loyalty, band, satisfaction, confidence, components, top_driver, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (as_of, account_id) DO UPDATE SET loyalty = excluded.loyalty, band = excluded.band, satisfaction = excluded.satisfaction,
       confidence = excluded.confidence, components = excluded.components, top_driver = excluded.top_driver, computed_at = excluded.computed_at`,
  );
  return (score, computedAt) => {
    const components = JSON.stringify(score.components.map((c) => ({ key: c.key, score: c.score, weight: c.weight, points: c.points })));
    upsert.run(score.accountId, score.asOf, score.loyalty, score.band, score.satisfaction, score.confidence, components, topDriver(score), computedAt);
  };
}

/** An account's score history, oldest first. */
export function accountHistory(db: Db, accountId: string, from: string, to: string): SnapshotRow[] {
  const select = db.prepare('SELECT loyalty, band, satisfaction, confidence, top_driver FROM score_snapshots WHERE as_of = ? AND account_id = ?');
  const out: SnapshotRow[] = [];
  for (const asOf of snapshotDaysBetween(db, from, to)) {
    const r = select.get(asOf, accountId) as { loyalty: number | null; band: Band | null; satisfaction: number | null; confidence: number; top_driver: string | null } | undefined;
    if (r) out.push({ accountId, asOf, loyalty: r.loyalty, band: r.band, satisfaction: r.satisfaction, confidence: r.confidence, topDriver: r.top_driver });
  }
  return out;
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
    // A few accounts: one seek per account and day, not a read of every account's rows in the range.
    const select = db.prepare('SELECT 1 FROM score_snapshots WHERE as_of = ? AND account_id = ?').pluck();
    const days = snapshotDaysBetween(db, from, to);
    for (const account of accountIds) for (const day of days) if (select.get(day, account) !== undefined) add(account, day);
    return out;
  }
  for (const [account, day] of db.prepare('SELECT account_id, as_of FROM score_snapshots WHERE as_of BETWEEN ? AND ?').raw().iterate(from, to) as Iterable<[string, string]>) add(account, day);
  return out;
}

/** An account's kept loyalty on a day: the newest snapshot on or before it, at most `maxAgeDays` older. */
export type KeptLoyalty = (accountId: string, day: string, maxAgeDays: number) => number | null;

/** How far back a kept score may be and still stand for "then" (a month ago, for a drop or a change). */
export const KEPT_SCORE_TOLERANCE_DAYS = 10;

/**
 * A seek per day tried, newest first; usually the first has it. Which days have snapshots is looked
 * up once and kept: make one per run (a run writes only accounts it has already asked about).
 */
export function keptLoyalty(db: Db): KeptLoyalty {
  const select = db.prepare('SELECT loyalty FROM score_snapshots WHERE as_of = ? AND account_id = ?').pluck();
  return keptFrom(db, (day) => (accountId) => select.get(day, accountId) as number | null | undefined);
}

/**
 * The same for a whole portfolio (or a range of it) asked about account by account: each day tried
 * is read once, its rows in one pass through the key, instead of a seek per account.
 */
export function keptLoyaltyInBulk(db: Db, range?: AccountRange): KeptLoyalty {
  const within = range && accountsIn(range);
  const select = db.prepare(`SELECT account_id, loyalty FROM score_snapshots WHERE as_of = @day${within ? ` AND ${within.where}` : ''}`).raw();
  return keptFrom(db, (day) => {
    const rows = new Map(select.all({ day, ...within?.params }) as Array<[string, number | null]>);
    return (accountId) => rows.get(accountId);
  });
}

type DayLookup = (accountId: string) => number | null | undefined;

/**
 * A kept loyalty looked up through the days that have snapshots, newest first. `on(day)` makes the
 * lookup of an account's row that day: made once per day, when first needed (most accounts are
 * found on the newest day tried).
 */
function keptFrom(db: Db, on: (day: string) => DayLookup): KeptLoyalty {
  const lookups = new Map<string, DayLookup>();
  const daysBack = new Map<string, string[]>();
  return (accountId, day, maxAgeDays) => {
    const key = `${day} ${maxAgeDays}`;
    let days = daysBack.get(key);
    if (!days) {
      days = snapshotDaysBetween(db, addDays(day, -maxAgeDays), day).reverse();
      daysBack.set(key, days);
    }
    for (const d of days) {
      let lookup = lookups.get(d);
      if (!lookup) {
        lookup = on(d);
        lookups.set(d, lookup);
      }
      const found = lookup(accountId);
      if (found !== undefined) return found;
    }
    return null;
  };
}

/** Forgets the snapshots and current scores of accounts no longer in the data (after an undo). */
export function forgetRemovedScores(db: Db): void {
  // Every account ever scored has a current row: the few gone are found there, not in the history.
  const gone = db.prepare('SELECT account_id FROM account_scores WHERE account_id NOT IN (SELECT account_id FROM accounts)').pluck().all() as string[];
  if (gone.length === 0) return;
  const remove = db.prepare('DELETE FROM score_snapshots WHERE as_of = ? AND account_id = ?');
  for (const day of snapshotDaysBetween(db, '0000-01-01', '9999-12-31')) for (const account of gone) remove.run(day, account);
  db.prepare('DELETE FROM account_scores WHERE account_id NOT IN (SELECT account_id FROM accounts)').run();
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
