import type { Db } from '../connection';
import type { Band, LoyaltyScore } from '../../shared/scoring-types';

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

/** Each account's newest snapshot on or before `asOf`, within `maxAgeDays` of it. */
export function snapshotsOn(db: Db, day: string, maxAgeDays: number): Map<string, SnapshotRow> {
  const rows = db
    .prepare(
      `SELECT account_id, as_of, loyalty, band, satisfaction, confidence, top_driver FROM (
         SELECT *, row_number() OVER (PARTITION BY account_id ORDER BY as_of DESC) AS rn
         FROM score_snapshots WHERE as_of <= @day AND as_of >= date(@day, @window)
       ) WHERE rn = 1`,
    )
    .all({ day, window: `-${maxAgeDays} days` }) as Array<{ account_id: string; as_of: string; loyalty: number | null; band: Band | null; satisfaction: number | null; confidence: number; top_driver: string | null }>;
  return new Map(rows.map((r) => [r.account_id, { accountId: r.account_id, asOf: r.as_of, loyalty: r.loyalty, band: r.band, satisfaction: r.satisfaction, confidence: r.confidence, topDriver: r.top_driver }]));
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
export function snapshotDays(db: Db, from: string, to: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [account, day] of db.prepare('SELECT account_id, as_of FROM score_snapshots WHERE as_of BETWEEN ? AND ?').raw().iterate(from, to) as Iterable<[string, string]>) {
    const set = out.get(account);
    if (set) set.add(day);
    else out.set(account, new Set([day]));
  }
  return out;
}
