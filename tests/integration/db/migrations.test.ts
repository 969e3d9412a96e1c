import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../../src/db/migrations/index';
import { listPortfolio } from '../../../src/db/repositories/accounts';
import { APPLICATION_ID, openDatabase, DatabaseOpenError } from '../../../src/db/connection';
import { evidenceSql } from '../../../src/db/repositories/evidence';
import { waitingAlertCounts } from '../../../src/db/repositories/alerts';
import { accountHistory, keptLoyalty, keptLoyaltyInBulk, snapshotDays, snapshotWriter } from '../../../src/db/repositories/snapshots';
import type { LoyaltyScore } from '../../../src/shared/scoring-types';
import { useTempDir } from '../../support/temp';

const t = useTempDir();

function databaseAt(version: number): Database.Database {
  const db = new Database(join(t.dir(), `v${version}.db`));
  db.pragma('foreign_keys = ON');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(db, version);
  return db;
}

describe('migrations', () => {
  it('are numbered 1, 2, … in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('0001 creates STRICT tables for imported records and their history', () => {
    const db = databaseAt(1);
    expect(schemaVersion(db)).toBe(1);
    const strict = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string; strict: number }>;
    expect(strict.map((s) => s.name).sort()).toEqual(['accounts', 'assets', 'footprint_history', 'import_changes', 'import_seen', 'imports', 'mapping_profiles', 'recommendations', 'settings', 'survey_responses', 'work_orders']);
    expect(strict.every((s) => s.strict === 1)).toBe(true);
    db.close();
  });

  it('0002 upgrades a version-1 database holding data, keeping it', () => {
    const db = databaseAt(1);
    db.prepare("INSERT INTO accounts (account_id, name) VALUES ('C1', 'One')").run();
    db.prepare("INSERT INTO work_orders (work_order_id, account_id, opened_at) VALUES ('WO-1', 'C1', '2024-01-01')").run();
    expect(migrate(db, 2)).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT count(*) FROM work_orders').pluck().get()).toBe(1);
    db.prepare("INSERT INTO alerts (alert_id, rule, account_id, severity, status, title, detail, raised_at, updated_at, evaluated_at) VALUES ('a', 'silent_account', 'C1', 'low', 'open', 't', 'd', '2024-01-01', '2024-01-01', '2024-01-01')").run();
    db.prepare("INSERT INTO alert_events (alert_id, at, action, actor) VALUES ('a', '2024-01-01', 'raised', 'system')").run();
    expect(() => db.prepare("INSERT INTO alerts (alert_id, rule, account_id, severity, status, title, detail, raised_at, updated_at, evaluated_at) VALUES ('b', 'nonsense', 'C1', 'low', 'open', 't', 'd', '2024-01-01', '2024-01-01', '2024-01-01')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('opening a file creates it at the latest version, in WAL mode with foreign keys', () => {
    const db = openDatabase(join(t.dir(), 'new.db'));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses a database from a newer version of the app without touching it', () => {
    const path = join(t.dir(), 'newer.db');
    const db = openDatabase(path);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(path)).toThrow(/written by a newer version/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses an SQLite file that is not ours', () => {
    const path = join(t.dir(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE songs (title TEXT)');
    other.close();
    expect(() => openDatabase(path)).toThrow(/not an Account Health Console database/);
  });
});

describe('0003 faster checks', () => {
  it('upgrades a version-2 database holding data, keeping every row, index, reference and rule', () => {
    const db = databaseAt(2);
    db.prepare("INSERT INTO accounts (account_id, name, contract_type) VALUES ('C1', 'One', 'warranty')").run();
    db.prepare("INSERT INTO assets (asset_id, account_id, vendor, serviced_by) VALUES ('A1', 'C1', 'Acme', 'us')").run();
    db.prepare("INSERT INTO work_orders (work_order_id, account_id, opened_at, type, status) VALUES ('WO-1', 'C1', '2024-01-01', 'break_fix', 'completed')").run();
    db.prepare("INSERT INTO recommendations (recommendation_id, account_id, made_at, text, status) VALUES ('R1', 'C1', '2024-01-01', 'Replace', 'open')").run();
    const indexesBefore = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all();
    expect(migrate(db, 3)).toEqual([3]);
    expect(db.prepare('SELECT type, status FROM work_orders').get()).toEqual({ type: 'break_fix', status: 'completed' });
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all()).toEqual(indexesBefore);
    const sql = db.prepare("SELECT group_concat(sql, ';') FROM sqlite_schema WHERE type = 'table' AND name IN ('accounts', 'assets', 'work_orders', 'recommendations')").pluck().get() as string;
    expect(sql).toContain("CHECK (type = 'break_fix' OR type = 'preventive'");
    expect(sql).not.toMatch(/CHECK \(\w+ IN/);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'work_orders'").pluck().get()).toBe(1);
    // The same rules hold: bad values are refused, NULL allowed where it was, references enforced.
    expect(() => db.prepare("INSERT INTO work_orders (work_order_id, account_id, opened_at, type) VALUES ('WO-2', 'C1', '2024-01-01', 'teleport')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO work_orders (work_order_id, account_id, opened_at, fixed_first_time) VALUES ('WO-3', 'C1', '2024-01-01', 2)").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO work_orders (work_order_id, account_id, opened_at, status) VALUES ('WO-4', 'C1', '2024-01-01', NULL)").run();
    expect(() => db.prepare("INSERT INTO work_orders (work_order_id, account_id, opened_at) VALUES ('WO-5', 'nobody', '2024-01-01')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("DELETE FROM accounts WHERE account_id = 'C1'").run()).toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});

describe('0004 current scores', () => {
  it("fills each account's current score, 30-day change and weekly trend from the snapshots already kept", () => {
    const db = databaseAt(3);
    db.prepare("INSERT INTO accounts (account_id, name) VALUES ('C1', 'One'), ('C2', 'Two'), ('C3', 'Three')").run();
    const snapshot = db.prepare("INSERT INTO score_snapshots (account_id, as_of, loyalty, band, satisfaction, confidence, components, top_driver, computed_at) VALUES (?, ?, ?, ?, 70, 0.8, '[]', ?, '2026-11-23T09:00:00Z')");
    // C1: kept daily for the last few days and monthly before; C2: one score only; C3: none.
    for (const [day, loyalty] of [['2026-05-01', 90], ['2026-09-20', 80], ['2026-10-24', 78], ['2026-11-20', 70], ['2026-11-21', 66], ['2026-11-23', 64.5]] as const) {
      snapshot.run('C1', day, loyalty, 'satisfied', 'Late arrivals');
    }
    snapshot.run('C2', '2026-11-23', null, null, null);
    expect(migrate(db, 4)).toEqual([4]);
    const rows = db.prepare('SELECT account_id, as_of, loyalty, change_30, top_driver, trend FROM account_scores ORDER BY account_id').all();
    expect(rows).toEqual([
      // 30 days before 23 Nov is 24 Oct, kept that day: the change is exact. 1 May is more than six
      // months back. Weeks start on Thursdays (1 Jan 1970 was one), so 20, 21 and 23 Nov fall in
      // one week and the newest stands for it.
      { account_id: 'C1', as_of: '2026-11-23', loyalty: 64.5, change_30: -13.5, top_driver: 'Late arrivals', trend: JSON.stringify([['2026-09-20', 80], ['2026-10-24', 78], ['2026-11-23', 64.5]]) },
      { account_id: 'C2', as_of: '2026-11-23', loyalty: null, change_30: null, top_driver: null, trend: JSON.stringify([['2026-11-23', null]]) },
    ]);
    db.close();
  });
});


describe('0005 alert tallies', () => {
  const tally = (db: ReturnType<typeof databaseAt>): unknown[] => db.prepare('SELECT account_id, waiting, worst FROM alert_tallies ORDER BY account_id').raw().all();
  const insert = (db: ReturnType<typeof databaseAt>, id: string, account: string, severity: string, status = 'open', active = 1): void => {
    db.prepare(
      "INSERT INTO alerts (alert_id, rule, account_id, severity, status, active, title, detail, raised_at, updated_at, evaluated_at) VALUES (?, 'silent_account', ?, ?, ?, ?, 't', 'd', '2026-11-01', '2026-11-01', '2026-11-01')",
    ).run(id, account, severity, status, active);
  };

  it('counts what already waits on the user per account, and keeps counting as alerts change', () => {
    const db = databaseAt(4);
    db.prepare("INSERT INTO accounts (account_id, name) VALUES ('C1', 'One'), ('C2', 'Two'), ('C3', 'Three')").run();
    insert(db, 'a1', 'C1', 'high');
    insert(db, 'a2', 'C1', 'low', 'acknowledged');
    insert(db, 'a3', 'C1', 'critical', 'snoozed');
    insert(db, 'a4', 'C2', 'medium', 'open', 0);
    insert(db, 'a5', 'C2', 'critical', 'dismissed');
    expect(migrate(db, 5)).toEqual([5]);
    // Snoozed, dismissed and cleared alerts do not wait on anyone.
    expect(tally(db)).toEqual([['C1', 2, 2]]);

    insert(db, 'a6', 'C3', 'medium');
    db.prepare("UPDATE alerts SET status = 'open' WHERE alert_id = 'a3'").run();
    expect(tally(db)).toEqual([['C1', 3, 3], ['C3', 1, 1]]);
    db.prepare("UPDATE alerts SET status = 'resolved' WHERE account_id = 'C1'").run();
    db.prepare("UPDATE alerts SET severity = 'critical', detail = 'worse' WHERE alert_id = 'a6'").run();
    db.prepare("UPDATE alerts SET active = 1 WHERE alert_id = 'a4'").run();
    expect(tally(db)).toEqual([['C2', 1, 1], ['C3', 1, 3]]);
    db.prepare("DELETE FROM alerts WHERE alert_id = 'a6'").run();
    expect(tally(db)).toEqual([['C2', 1, 1]]);
    // The tally is always what counting every alert again gives.
    expect(tally(db)).toEqual(
      db
        .prepare(
          "SELECT account_id, count(*), max(CASE severity WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END) FROM alerts WHERE active = 1 AND (status = 'open' OR status = 'acknowledged') GROUP BY account_id ORDER BY account_id",
        )
        .raw()
        .all(),
    );
    db.close();
  });
});

/** How SQLite reads one kind of evidence for scoring, in a scope: one line per step of its plan. */
function scoringPlan(db: Database.Database, source: Parameters<typeof evidenceSql>[0], scope: Parameters<typeof evidenceSql>[1]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${evidenceSql(source, scope)}`).all({ account: 'C1', from: 'C1', to: 'C2' }) as Array<{ detail: string }>).map((r) => r.detail);
}

describe('0006 work orders for scoring', () => {
  it('lets scoring read every account\'s work orders from one index, in order, without touching the table', () => {
    const db = databaseAt(5);
    db.prepare("INSERT INTO accounts (account_id, name) VALUES ('C1', 'One'), ('C2', 'Two')").run();
    db.prepare("INSERT INTO work_orders (work_order_id, account_id, opened_at, labor_hours) VALUES ('W2', 'C1', '2026-02-01', 2), ('W1', 'C1', '2026-02-01', 1), ('W3', 'C2', '2026-01-01', 1)").run();
    expect(migrate(db, 6)).toEqual([6]);
    for (const scope of ['all', 'range', 'from', 'one'] as const) {
      expect(scoringPlan(db, 'workOrders', scope), scope).toEqual([expect.stringMatching(/USING COVERING INDEX work_orders_for_scoring/)]);
    }
    // A range stops at its upper bound rather than filtering every row after it.
    expect(scoringPlan(db, 'workOrders', 'range')).toEqual([expect.stringContaining('(account_id>? AND account_id<?)')]);
    const read = db.prepare(evidenceSql('workOrders', 'all')).raw().all() as unknown[][];
    expect(read.map((r) => r[1])).toEqual(['W1', 'W2', 'W3']);
    db.close();
  });
});

describe('0007 evidence indexes', () => {
  it('lets scoring read surveys, the installed base and recommendations from one index each, in order, without a sort or the table', () => {
    const db = databaseAt(6);
    db.prepare("INSERT INTO accounts (account_id, name) VALUES ('C1', 'One'), ('C2', 'Two')").run();
    db.prepare("INSERT INTO survey_responses (response_id, account_id, responded_at, nps) VALUES ('S2', 'C1', '2026-02-01', 9), ('S1', 'C1', '2026-02-01', 3), ('S3', 'C2', '2026-01-01', 7), ('S0', 'C1', '2026-03-01', 8)").run();
    db.prepare("INSERT INTO assets (asset_id, account_id, vendor) VALUES ('A2', 'C1', 'Acme'), ('A3', 'C2', 'Rival'), ('A1', 'C1', 'Acme')").run();
    db.prepare(
      "INSERT INTO recommendations (recommendation_id, account_id, made_at, text) VALUES ('R2', 'C1', '2026-02-01', 'Replace'), ('R1', 'C1', '2026-02-01', 'Upgrade'), ('R3', 'C2', '2026-01-01', 'Train'), ('R0', 'C1', '2026-01-15', 'Repair')",
    ).run();
    expect(migrate(db, 7)).toEqual([7]);
    const expected = {
      surveys: { index: 'survey_responses_for_scoring', order: ['S1', 'S2', 'S0', 'S3'] },
      assets: { index: 'assets_for_scoring', order: ['A1', 'A2', 'A3'] },
      recommendations: { index: 'recommendations_for_scoring', order: ['R0', 'R1', 'R2', 'R3'] },
    } as const;
    for (const [source, { index, order }] of Object.entries(expected) as Array<[keyof typeof expected, (typeof expected)[keyof typeof expected]]>) {
      for (const scope of ['all', 'range', 'from', 'one'] as const) {
        expect(scoringPlan(db, source, scope), `${source} ${scope}`).toEqual([expect.stringMatching(new RegExp(`USING COVERING INDEX ${index}\\b`))]);
      }
      const read = db.prepare(evidenceSql(source, 'all')).raw().all() as unknown[][];
      expect(read.map((r) => r[1]), source).toEqual(order);
    }
    const left = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('survey_responses_by_account', 'assets_by_account', 'recommendations_by_account')").all();
    expect(left).toEqual([]);
    db.close();
  });
});

describe('0008 portfolio sparklines', () => {
  it("keeps each account's sparkline figures beside its weekly trend, filled from the trends already kept", () => {
    const db = databaseAt(7);
    db.prepare("INSERT INTO accounts (account_id, name) VALUES ('C1', 'One'), ('C2', 'Two'), ('C3', 'Three')").run();
    const current = db.prepare("INSERT INTO account_scores (account_id, as_of, loyalty, confidence, trend, computed_at) VALUES (?, '2026-11-23', ?, 0.8, ?, '2026-11-23T09:00:00Z')");
    current.run('C1', 64.5, JSON.stringify([['2026-09-20', 80], ['2026-10-01', null], ['2026-10-24', 78.25], ['2026-11-23', 64.5]]));
    current.run('C2', null, JSON.stringify([['2026-11-23', null]]));
    current.run('C3', 50, '[]');
    expect(migrate(db, 8)).toEqual([8]);
    expect(db.prepare('SELECT account_id, sparkline FROM account_scores ORDER BY account_id').raw().all()).toEqual([
      ['C1', '80,78.25,64.5'],
      ['C2', ''],
      ['C3', ''],
    ]);
    // The portfolio reads the figures from it.
    expect(listPortfolio(db).accounts.map((a) => [a.accountId, a.sparkline])).toEqual([
      ['C1', '80,78.25,64.5'],
      ['C3', ''],
      ['C2', ''],
    ]);
    db.close();
  });
});

describe('0009 waiting alert counts', () => {
  it('counts the alerts waiting on someone, per severity, from the status index alone', () => {
    const db = databaseAt(8);
    db.prepare("INSERT INTO accounts (account_id, name) VALUES ('C1', 'One'), ('C2', 'Two')").run();
    const alert = db.prepare(
      "INSERT INTO alerts (alert_id, rule, account_id, severity, status, active, title, detail, raised_at, updated_at, evaluated_at) VALUES (?, 'silent_account', ?, ?, ?, ?, 't', 'd', '2026-11-01', '2026-11-01', '2026-11-01')",
    );
    alert.run('a1', 'C1', 'critical', 'open', 1);
    alert.run('a2', 'C1', 'critical', 'acknowledged', 1);
    alert.run('a3', 'C2', 'high', 'open', 1);
    alert.run('a4', 'C2', 'high', 'open', 0); // its condition no longer holds
    alert.run('a5', 'C2', 'low', 'snoozed', 1);
    alert.run('a6', 'C1', 'medium', 'resolved', 0);
    const before = waitingAlertCounts(db);
    expect(migrate(db, 9)).toEqual([9]);
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT severity, count(*) FROM alerts WHERE active = 1 AND status IN ('open', 'acknowledged') GROUP BY severity").all() as Array<{ detail: string }>).map((r) => r.detail);
    expect(plan).toContainEqual(expect.stringMatching(/USING COVERING INDEX alerts_by_status\b/));
    expect(waitingAlertCounts(db)).toEqual({ critical: 2, high: 1, medium: 0, low: 0 });
    expect(waitingAlertCounts(db)).toEqual(before);
    db.close();
  });
});

describe('0010 snapshots by day', () => {
  it("keeps every snapshot, in day order, and still finds one account's history and kept scores", () => {
    const db = databaseAt(9);
    db.prepare("INSERT INTO accounts (account_id, name) VALUES ('C1', 'One'), ('C2', 'Two'), ('C3', 'Three')").run();
    const snapshot = db.prepare("INSERT INTO score_snapshots (account_id, as_of, loyalty, band, satisfaction, confidence, components, top_driver, computed_at) VALUES (?, ?, ?, 'satisfied', 70, 0.8, '[]', ?, '2026-11-23T09:00:00Z')");
    for (const [account, day, loyalty] of [
      ['C1', '2026-10-20', 80],
      ['C1', '2026-11-22', 71],
      ['C1', '2026-11-23', 70],
      ['C2', '2026-10-24', null],
      ['C2', '2026-11-23', 55],
      ['C3', '2026-10-20', 60],
    ] as const) {
      snapshot.run(account, day, loyalty, `driver ${account}`);
    }
    const all = 'SELECT account_id, as_of, loyalty, band, satisfaction, confidence, components, top_driver, computed_at FROM score_snapshots';
    const before = db.prepare(`${all} ORDER BY account_id, as_of`).all();
    expect(migrate(db)).toEqual([10]);
    expect(db.prepare(`${all} ORDER BY account_id, as_of`).all()).toEqual(before);
    // Stored in day order: a day's rows sit together, so a recompute's new day is written at the end.
    expect((db.prepare(all).raw().all() as string[][]).map((r) => `${r[1]} ${r[0]}`)).toEqual([
      '2026-10-20 C1',
      '2026-10-20 C3',
      '2026-10-24 C2',
      '2026-11-22 C1',
      '2026-11-23 C1',
      '2026-11-23 C2',
    ]);
    expect(accountHistory(db, 'C1', '2026-10-01', '2026-11-22').map((h) => [h.asOf, h.loyalty, h.topDriver])).toEqual([
      ['2026-10-20', 80, 'driver C1'],
      ['2026-11-22', 71, 'driver C1'],
    ]);
    expect(accountHistory(db, 'C2', '2026-10-24', '2026-11-23').map((h) => h.asOf)).toEqual(['2026-10-24', '2026-11-23']);
    expect(accountHistory(db, 'C3', '2026-11-01', '2026-12-31')).toEqual([]);
    // The newest kept score on or before the day, at most 10 days older; a kept null is a kept score.
    const kept = keptLoyalty(db);
    expect(kept('C1', '2026-10-24', 10)).toBe(80);
    expect(kept('C1', '2026-11-05', 10)).toBeNull();
    expect(kept('C2', '2026-10-30', 10)).toBeNull();
    expect(kept('C3', '2026-10-24', 10)).toBe(60);
    expect(kept('C3', '2026-10-24', 3)).toBeNull();
    // Read a day at a time for a whole portfolio or a range of it: the same answers.
    const asked = [
      ['C1', '2026-10-24', 10],
      ['C1', '2026-11-05', 10],
      ['C1', '2026-11-23', 0],
      ['C2', '2026-10-30', 10],
      ['C2', '2026-11-23', 30],
      ['C3', '2026-10-24', 10],
      ['C3', '2026-10-24', 3],
      ['C4', '2026-11-23', 30],
    ] as const;
    const answers = [80, null, 70, null, 55, 60, null, null];
    expect(asked.map(([account, day, age]) => kept(account, day, age))).toEqual(answers);
    const bulk = keptLoyaltyInBulk(db);
    expect(asked.map(([account, day, age]) => bulk(account, day, age))).toEqual(answers);
    // A range reads only its own accounts.
    const range = keptLoyaltyInBulk(db, { from: 'C2', to: 'C3' });
    expect(range('C2', '2026-11-23', 30)).toBe(55);
    expect(range('C1', '2026-10-24', 10)).toBeNull();
    const tail = keptLoyaltyInBulk(db, { from: 'C3', to: null });
    expect(tail('C3', '2026-10-24', 10)).toBe(60);
    expect(tail('C2', '2026-11-23', 30)).toBeNull();
    expect([...snapshotDays(db, '2026-10-20', '2026-11-22', new Set(['C1', 'C2']))]).toEqual([
      ['C1', new Set(['2026-10-20', '2026-11-22'])],
      ['C2', new Set(['2026-10-24'])],
    ]);
    expect(snapshotDays(db, '2026-10-20', '2026-11-22')).toEqual(snapshotDays(db, '2026-10-20', '2026-11-22', new Set(['C1', 'C2', 'C3'])));
    // A later run the same day replaces the day's snapshot.
    const write = snapshotWriter(db);
    write({ accountId: 'C1', asOf: '2026-11-23', loyalty: 68, band: 'satisfied', satisfaction: 70, confidence: 0.8, components: [] } as unknown as LoyaltyScore, '2026-11-23T12:00:00Z');
    expect(accountHistory(db, 'C1', '2026-11-23', '2026-11-23').map((h) => h.loyalty)).toEqual([68]);
    db.close();
  });
});
