import type { Migration } from './index';

// What the user and the engine add to the imported records: recommendation reminders and decisions
// logged in the app, alerts and their history, the checklist template and its ticks, the account
// manager's pulse and notes, and the score history that gives trends.
export const m0002EngineState: Migration = {
  version: 2,
  name: 'engine-state',
  up(db) {
    db.exec(`
      -- Logged in the app; reminders from work orders live in work_orders.reminded_recommendation_ids.
      -- No foreign key: a note outlives the undo of the import that brought its recommendation.
      CREATE TABLE recommendation_events (
        event_id          INTEGER PRIMARY KEY,
        recommendation_id TEXT NOT NULL,
        account_id        TEXT NOT NULL,
        action            TEXT NOT NULL CHECK (action IN ('reminded','accepted','declined','done','reopened')),
        happened_on       TEXT NOT NULL,
        note              TEXT,
        logged_by         TEXT,
        logged_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX recommendation_events_by_recommendation ON recommendation_events(recommendation_id);
      CREATE INDEX recommendation_events_by_account ON recommendation_events(account_id);

      CREATE TABLE alerts (
        alert_id      TEXT PRIMARY KEY,
        rule          TEXT NOT NULL CHECK (rule IN ('unaddressed_recommendation','fix_or_replace','bad_call_no_follow_up',
                        'detractor_no_follow_up','footprint_loss','renewal_at_risk','silent_account','score_drop','buying_signal')),
        account_id    TEXT NOT NULL,
        subject_type  TEXT,
        subject_id    TEXT,
        severity      TEXT NOT NULL CHECK (severity IN ('low','medium','high','critical')),
        status        TEXT NOT NULL CHECK (status IN ('open','acknowledged','snoozed','resolved','dismissed')),
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        title         TEXT NOT NULL,
        detail        TEXT NOT NULL,
        refs          TEXT NOT NULL DEFAULT '[]',
        raised_at     TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        evaluated_at  TEXT NOT NULL,
        assignee      TEXT,
        snoozed_until TEXT
      ) STRICT;
      CREATE INDEX alerts_by_account ON alerts(account_id);
      CREATE INDEX alerts_by_status ON alerts(status, severity);

      CREATE TABLE alert_events (
        event_id INTEGER PRIMARY KEY,
        alert_id TEXT NOT NULL REFERENCES alerts(alert_id) ON DELETE CASCADE,
        at       TEXT NOT NULL,
        action   TEXT NOT NULL,
        actor    TEXT NOT NULL,
        severity TEXT,
        status   TEXT,
        note     TEXT
      ) STRICT;
      CREATE INDEX alert_events_by_alert ON alert_events(alert_id);

      CREATE TABLE checklist_templates (
        version    INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        template   TEXT NOT NULL,
        note       TEXT
      ) STRICT;

      CREATE TABLE checklist_ticks (
        tick_id          INTEGER PRIMARY KEY,
        account_id       TEXT NOT NULL,
        item_id          TEXT NOT NULL,
        template_version INTEGER NOT NULL REFERENCES checklist_templates(version),
        done_on          TEXT NOT NULL,
        expires_on       TEXT,
        note             TEXT,
        ticked_by        TEXT,
        ticked_at        TEXT NOT NULL,
        revoked_at       TEXT
      ) STRICT;
      CREATE INDEX checklist_ticks_by_account ON checklist_ticks(account_id, item_id);

      CREATE TABLE account_pulses (
        pulse_id   INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        rating     TEXT NOT NULL CHECK (rating IN ('good','watch','concern')),
        reason     TEXT NOT NULL,
        set_on     TEXT NOT NULL,
        expires_on TEXT NOT NULL,
        set_by     TEXT
      ) STRICT;
      CREATE INDEX account_pulses_by_account ON account_pulses(account_id, set_on);

      CREATE TABLE account_notes (
        note_id    INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        written_at TEXT NOT NULL,
        text       TEXT NOT NULL,
        author     TEXT
      ) STRICT;
      CREATE INDEX account_notes_by_account ON account_notes(account_id);

      -- One row per account and day; components without their drivers (those are recomputed on demand).
      CREATE TABLE score_snapshots (
        account_id   TEXT NOT NULL,
        as_of        TEXT NOT NULL,
        loyalty      REAL,
        band         TEXT CHECK (band IN ('loyal','satisfied','at_risk','critical')),
        satisfaction REAL,
        confidence   REAL NOT NULL,
        components   TEXT NOT NULL,
        top_driver   TEXT,
        computed_at  TEXT NOT NULL,
        PRIMARY KEY (account_id, as_of)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
