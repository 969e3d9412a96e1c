import type Database from 'better-sqlite3';
import type { Migration } from './index';
import type { TrendPoint } from '../../domain/trend';
import { sparklineOf } from '../../shared/sparkline';

// The portfolio drew each account's sparkline from its stored weekly trend, a date and a figure a
// week: about 500 characters an account, five megabytes read on every listing of ten thousand.
// The figures alone are now kept beside it. Filled from the trends already kept.

export const m0008PortfolioSparklines: Migration = {
  version: 8,
  name: 'portfolio-sparklines',
  up(db: Database.Database) {
    db.exec("ALTER TABLE account_scores ADD COLUMN sparkline TEXT NOT NULL DEFAULT ''");
    const update = db.prepare('UPDATE account_scores SET sparkline = ? WHERE account_id = ?');
    for (const row of db.prepare('SELECT account_id, trend FROM account_scores').raw().all() as Array<[string, string]>) {
      update.run(sparklineOf(JSON.parse(row[1]) as TrendPoint[]), row[0]);
    }
  },
};
