import type { Migration } from './index';

// The imported records and the import history that makes every import undoable.
// created_by: the import that inserted the row; import_id: the import that last wrote it;
// source_row: the row of that import's file (evidence points back to it).
export const m0001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE imports (
        import_id   INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('accounts','assets','service','recommendations','surveys')),
        file_name   TEXT NOT NULL,
        file_size   INTEGER NOT NULL,
        source      TEXT NOT NULL DEFAULT 'file' CHECK (source IN ('file','demo')),
        started_at  TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('applied','undone')),
        undone_at   TEXT,
        rows        INTEGER NOT NULL,
        inserted    INTEGER NOT NULL,
        updated     INTEGER NOT NULL,
        unchanged   INTEGER NOT NULL,
        duplicates  INTEGER NOT NULL,
        rejected    INTEGER NOT NULL,
        report      TEXT NOT NULL
      ) STRICT;

      -- The row as it was before an import changed it (inserted rows need no copy: created_by says so).
      CREATE TABLE import_changes (
        import_id INTEGER NOT NULL REFERENCES imports(import_id),
        entity    TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        before    TEXT NOT NULL,
        PRIMARY KEY (import_id, entity, entity_id)
      ) STRICT, WITHOUT ROWID;

      -- Rows the running import found unchanged, so a second copy of one in the same file is recognised.
      -- Emptied inside every import's transaction.
      CREATE TABLE import_seen (
        entity     TEXT NOT NULL,
        entity_id  TEXT NOT NULL,
        source_row INTEGER NOT NULL,
        PRIMARY KEY (entity, entity_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE accounts (
        account_id            TEXT PRIMARY KEY,
        name                  TEXT NOT NULL,
        segment               TEXT,
        region                TEXT,
        owner                 TEXT,
        contract_type         TEXT CHECK (contract_type IN ('full_service','warranty','time_and_materials','none')),
        contract_renewal_date TEXT,
        annual_value          REAL,
        placeholder           INTEGER NOT NULL DEFAULT 0 CHECK (placeholder IN (0,1)),
        created_by            INTEGER,
        import_id             INTEGER,
        source_row            INTEGER
      ) STRICT;

      CREATE TABLE assets (
        asset_id              TEXT PRIMARY KEY,
        account_id            TEXT NOT NULL REFERENCES accounts(account_id),
        site                  TEXT,
        location              TEXT,
        vendor                TEXT NOT NULL,
        model                 TEXT,
        category              TEXT,
        quantity              INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 0),
        serviced_by           TEXT CHECK (serviced_by IN ('us','competitor','third_party','self')),
        coverage              TEXT CHECK (coverage IN ('contract','warranty','time_and_materials','none')),
        warranty_end          TEXT,
        install_date          TEXT,
        rated_monthly_volume  REAL,
        actual_monthly_volume REAL,
        as_of                 TEXT,
        created_by            INTEGER,
        import_id             INTEGER,
        source_row            INTEGER
      ) STRICT;
      CREATE INDEX assets_by_account ON assets(account_id);

      CREATE TABLE work_orders (
        work_order_id               TEXT PRIMARY KEY,
        account_id                  TEXT NOT NULL REFERENCES accounts(account_id),
        asset_id                    TEXT,
        site                        TEXT,
        type                        TEXT NOT NULL DEFAULT 'other' CHECK (type IN ('break_fix','preventive','install','inspection','other')),
        opened_at                   TEXT NOT NULL,
        promised_at                 TEXT,
        arrived_at                  TEXT,
        completed_at                TEXT,
        status                      TEXT CHECK (status IN ('completed','incomplete','cancelled')),
        fixed_first_time            INTEGER CHECK (fixed_first_time IN (0,1)),
        parts_missing               INTEGER CHECK (parts_missing IN (0,1)),
        technician                  TEXT,
        labor_hours                 REAL,
        billed_amount               REAL,
        follow_up_at                TEXT,
        customer_signed             INTEGER CHECK (customer_signed IN (0,1)),
        recommendation              TEXT,
        recommendation_severity     TEXT CHECK (recommendation_severity IN ('low','medium','high','critical')),
        reminded_recommendation_ids TEXT,
        notes                       TEXT,
        created_by                  INTEGER,
        import_id                   INTEGER,
        source_row                  INTEGER
      ) STRICT;
      CREATE INDEX work_orders_by_account ON work_orders(account_id, opened_at);

      CREATE TABLE recommendations (
        recommendation_id     TEXT PRIMARY KEY,
        account_id            TEXT NOT NULL REFERENCES accounts(account_id),
        asset_id              TEXT,
        work_order_id         TEXT,
        made_at               TEXT NOT NULL,
        text                  TEXT NOT NULL,
        category              TEXT CHECK (category IN ('replace','upgrade','repair','training','contract')),
        severity              TEXT CHECK (severity IN ('low','medium','high','critical')),
        customer_acknowledged INTEGER CHECK (customer_acknowledged IN (0,1)),
        status                TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','accepted','declined','done')),
        decided_at            TEXT,
        origin                TEXT NOT NULL DEFAULT 'file' CHECK (origin IN ('file','work_order')),
        created_by            INTEGER,
        import_id             INTEGER,
        source_row            INTEGER
      ) STRICT;
      CREATE INDEX recommendations_by_account ON recommendations(account_id);

      CREATE TABLE survey_responses (
        response_id   TEXT PRIMARY KEY,
        account_id    TEXT NOT NULL REFERENCES accounts(account_id),
        responded_at  TEXT NOT NULL,
        nps           INTEGER CHECK (nps BETWEEN 0 AND 10),
        csat          REAL CHECK (csat BETWEEN 1 AND 5),
        ces           REAL CHECK (ces BETWEEN 1 AND 7),
        contact       TEXT,
        work_order_id TEXT,
        comment       TEXT,
        follow_up_at  TEXT,
        created_by    INTEGER,
        import_id     INTEGER,
        source_row    INTEGER
      ) STRICT;
      CREATE INDEX survey_responses_by_account ON survey_responses(account_id, responded_at);

      -- The installed base as each assets import left it, per account: "share lost since the previous footprint".
      CREATE TABLE footprint_history (
        account_id     TEXT NOT NULL,
        import_id      INTEGER NOT NULL,
        recorded_on    TEXT NOT NULL,
        our_quantity   INTEGER NOT NULL,
        total_quantity INTEGER NOT NULL,
        vendors        TEXT NOT NULL,
        PRIMARY KEY (account_id, import_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE mapping_profiles (
        name       TEXT PRIMARY KEY,
        kind       TEXT CHECK (kind IN ('accounts','assets','service','recommendations','surveys')),
        mapping    TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
