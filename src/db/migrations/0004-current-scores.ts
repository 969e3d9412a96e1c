import type Database from 'better-sqlite3';
import type { Migration } from './index';
import { weeklyTrend, type TrendPoint } from '../../domain/trend';

// Each account's newest score in one row, with its 30-day change and its weekly trend: what the
// portfolio lists, read in one pass instead of from the whole snapshot history. Filled from the
// snapshots already kept.

export const m0004CurrentScores: Migration = {
  version: 4,
  name: 'current-scores',
  up(db: Database.Database) {
    db.exec(`
      CREATE TABLE account_scores (
        account_id   TEXT PRIMARY KEY,
        as_of        TEXT NOT NULL,
        loyalty      REAL,
        band         TEXT CHECK (band = 'loyal' OR band = 'satisfied' OR band = 'at_risk' OR band = 'critical'),
        satisfaction REAL,
        confidence   REAL NOT NULL,
        change_30    REAL,
        top_driver   TEXT,
        trend        TEXT NOT NULL DEFAULT '[]',
        computed_at  TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
    const insert = db.prepare(
      `INSERT INTO account_scores (account_id, as_of, loyalty, band, satisfaction, confidence, change_30, top_driver, trend, computed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    type Snapshot = { account_id: string; as_of: string; loyalty: number | null; band: string | null; satisfaction: number | null; confidence: number; top_driver: string | null; computed_at: string };
    const newest = db
      .prepare(
        `SELECT s.account_id, s.as_of, s.loyalty, s.band, s.satisfaction, s.confidence, s.top_driver, s.computed_at
         FROM score_snapshots s JOIN (SELECT account_id, max(as_of) AS as_of FROM score_snapshots GROUP BY account_id) m USING (account_id, as_of)`,
      )
      .all() as Snapshot[];
    // Only the last six months matter (the trend; the change needs 40 days): one seek per account.
    const recent = db.prepare("SELECT as_of, loyalty FROM score_snapshots WHERE account_id = ? AND as_of >= date(?, '-183 days') ORDER BY as_of");
    for (const current of newest) {
      const history = recent.all(current.account_id, current.as_of) as Array<{ as_of: string; loyalty: number | null }>;
      const trend = weeklyTrend(history.map((s): TrendPoint => [s.as_of, s.loyalty]), current.as_of);
      insert.run(current.account_id, current.as_of, current.loyalty, current.band, current.satisfaction, current.confidence, change30(history, current), current.top_driver, JSON.stringify(trend), current.computed_at);
    }
  },
};

/** The same rule the engine keeps it by: the newest snapshot within ten days before the day a month earlier. */
function change30(history: ReadonlyArray<{ as_of: string; loyalty: number | null }>, newest: { as_of: string; loyalty: number | null }): number | null {
  const target = new Date(Date.parse(`${newest.as_of}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  const floor = new Date(Date.parse(`${target}T00:00:00Z`) - 10 * 86_400_000).toISOString().slice(0, 10);
  const before = [...history].reverse().find((s) => s.as_of <= target && s.as_of >= floor);
  if (!before || before.loyalty === null || newest.loyalty === null) return null;
  return Math.round((newest.loyalty - before.loyalty) * 10) / 10;
}
