import type Database from 'better-sqlite3';
import type { Migration } from './index';

// Every recompute adds one snapshot per account for its day. Kept in account order, those rows
// landed one on each account's page: a day's 10,000 small rows dirtied the whole table, and the
// commit wrote and synced all of it (62 MB with a dozen days kept, more as the history grows).
// Kept in day order, a day's rows are written together at the end. One account's history is read a
// day at a time through the key (snapshots.ts), so no index by account has to be kept up to date.

export const m0010SnapshotsByDay: Migration = {
  version: 10,
  name: 'snapshots-by-day',
  up(db: Database.Database) {
    db.exec(`
      CREATE TABLE score_snapshots_by_day (
        account_id   TEXT NOT NULL,
        as_of        TEXT NOT NULL,
        loyalty      REAL,
        band         TEXT CHECK (band IN ('loyal','satisfied','at_risk','critical')),
        satisfaction REAL,
        confidence   REAL NOT NULL,
        components   TEXT NOT NULL,
        top_driver   TEXT,
        computed_at  TEXT NOT NULL,
        PRIMARY KEY (as_of, account_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO score_snapshots_by_day (account_id, as_of, loyalty, band, satisfaction, confidence, components, top_driver, computed_at)
        SELECT account_id, as_of, loyalty, band, satisfaction, confidence, components, top_driver, computed_at FROM score_snapshots ORDER BY as_of, account_id;
      DROP TABLE score_snapshots;
      ALTER TABLE score_snapshots_by_day RENAME TO score_snapshots;
    `);
  },
};
