import type Database from 'better-sqlite3';
import type { Migration } from './index';

// What waits on the user per account — how many alerts are open or acknowledged, and the worst of
// them (0 low … 3 critical) — kept by triggers as alerts change, so listing 10,000 accounts reads
// one row each instead of aggregating every alert on each call.

const WAITING = "active = 1 AND (status = 'open' OR status = 'acknowledged')";
const RANK = "CASE severity WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END";

const retally = (account: string): string => `
  DELETE FROM alert_tallies WHERE account_id = ${account};
  INSERT INTO alert_tallies (account_id, waiting, worst)
    SELECT account_id, count(*), max(${RANK}) FROM alerts WHERE account_id = ${account} AND ${WAITING} GROUP BY account_id;`;

export const m0005AlertTallies: Migration = {
  version: 5,
  name: 'alert-tallies',
  up(db: Database.Database) {
    db.exec(`
      CREATE TABLE alert_tallies (
        account_id TEXT PRIMARY KEY,
        waiting    INTEGER NOT NULL CHECK (waiting > 0),
        worst      INTEGER NOT NULL CHECK (worst BETWEEN 0 AND 3)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER alert_tallies_on_insert AFTER INSERT ON alerts BEGIN ${retally('NEW.account_id')} END;
      CREATE TRIGGER alert_tallies_on_delete AFTER DELETE ON alerts BEGIN ${retally('OLD.account_id')} END;
      -- Rescoring touches many alerts without changing whether they wait, or how badly: those skip the tally.
      CREATE TRIGGER alert_tallies_on_update AFTER UPDATE OF account_id, active, status, severity ON alerts
        WHEN OLD.account_id IS NOT NEW.account_id OR OLD.active IS NOT NEW.active OR OLD.status IS NOT NEW.status OR OLD.severity IS NOT NEW.severity
      BEGIN ${retally('NEW.account_id')} ${retally('OLD.account_id')} END;

      INSERT INTO alert_tallies (account_id, waiting, worst)
        SELECT account_id, count(*), max(${RANK}) FROM alerts WHERE ${WAITING} GROUP BY account_id;
    `);
  },
};
