import type Database from 'better-sqlite3';
import type { Migration } from './index';

// The app's alert badge counts the alerts waiting on someone, per severity, on every page. The index
// on status and severity found them, but whether each still holds (active) was read from its row:
// tens of thousands of wide rows (title, detail, references) for four numbers, about 130 ms in front
// of the portfolio's own listing. With active in the index the count never leaves it.

export const m0009WaitingAlertCounts: Migration = {
  version: 9,
  name: 'waiting-alert-counts',
  up(db: Database.Database) {
    db.exec(`
      DROP INDEX alerts_by_status;
      CREATE INDEX alerts_by_status ON alerts(status, severity, active);
    `);
  },
};
