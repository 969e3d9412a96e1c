import type Database from 'better-sqlite3';
import { FIELDS, ID_FIELD, KIND_TABLE, type Kind } from '../shared/kinds';
import type { Value } from './row-converter';

export type WriteOutcome =
  | { type: 'inserted' }
  | { type: 'updated' }
  | { type: 'unchanged' }
  | { type: 'duplicate'; sameAs: number }
  | { type: 'conflict'; sameAs: number };

// One object per outcome, not one per row: a million-row import allocates enough already.
const INSERTED: WriteOutcome = Object.freeze({ type: 'inserted' });
const UPDATED: WriteOutcome = Object.freeze({ type: 'updated' });
const UNCHANGED: WriteOutcome = Object.freeze({ type: 'unchanged' });

/** Columns each table holds beyond the kind's canonical fields, with the value an import writes. */
const EXTRA_COLUMNS: Partial<Record<Kind, ReadonlyArray<[string, Value]>>> = {
  accounts: [['placeholder', 0]],
  recommendations: [['origin', 'file']],
};

const PLACEHOLDER_CACHE_LIMIT = 200_000;

interface TableStatements {
  readonly insert: Database.Statement;
  readonly select: Database.Statement;
  readonly update: Database.Statement;
  readonly columns: readonly string[];
  readonly idIndex: number;
  /** Where the row's account is among the columns; -1 where it has none. */
  readonly accountIndex: number;
}

/**
 * Writes one import's rows: inserts new ids, updates changed ones (keeping the row as it was, for
 * undo), leaves identical ones alone. A second row with an id this import already wrote is a
 * duplicate when identical and a conflict when not; the database remembers, so memory stays flat.
 */
export class ImportWriter {
  private readonly main: TableStatements;
  private readonly extras: readonly Value[];
  private readonly saveBefore: Database.Statement;
  private readonly markSeen: Database.Statement;
  private readonly seenRow: Database.Statement;
  private readonly createPlaceholder: Database.Statement;
  private readonly knownAccounts = new Set<string>();
  private readonly recommendations: TableStatements | null;
  private readonly deleteRecommendation: Database.Statement | null;
  private readonly fullRecommendation: Database.Statement | null;
  readonly touchedAccounts = new Set<string>();
  placeholdersCreated = 0;

  constructor(
    private readonly db: Database.Database,
    readonly kind: Kind,
    private readonly importId: number,
    private readonly accountsWritten: Set<string> | undefined = undefined,
  ) {
    this.extras = (EXTRA_COLUMNS[kind] ?? []).map(([, value]) => value);
    this.main = statements(db, KIND_TABLE[kind], ID_FIELD[kind], [
      ...FIELDS[kind].map((f) => f.name),
      ...(EXTRA_COLUMNS[kind] ?? []).map(([name]) => name),
    ]);
    this.saveBefore = db.prepare('INSERT OR IGNORE INTO import_changes (import_id, entity, entity_id, before) VALUES (?, ?, ?, ?)');
    db.prepare('DELETE FROM import_seen').run();
    this.markSeen = db.prepare('INSERT INTO import_seen (entity, entity_id, source_row) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    this.seenRow = db.prepare('SELECT source_row FROM import_seen WHERE entity = ? AND entity_id = ?').pluck();
    this.createPlaceholder = db.prepare(
      'INSERT INTO accounts (account_id, name, placeholder, created_by, import_id) VALUES (?, ?, 1, ?, ?) ON CONFLICT (account_id) DO NOTHING',
    );
    if (kind === 'service') {
      this.recommendations = statements(db, 'recommendations', 'recommendation_id', WORK_ORDER_RECOMMENDATION_COLUMNS);
      this.deleteRecommendation = db.prepare("DELETE FROM recommendations WHERE recommendation_id = ? AND origin = 'work_order'");
      this.fullRecommendation = db.prepare('SELECT * FROM recommendations WHERE recommendation_id = ?');
    } else {
      this.recommendations = null;
      this.deleteRecommendation = null;
      this.fullRecommendation = null;
    }
  }

  write(values: Value[], row: number): WriteOutcome {
    if (this.kind !== 'accounts') this.ensureAccount(values[ACCOUNT_INDEX[this.kind]] as string);
    else this.knownAccounts.add(values[ACCOUNT_INDEX.accounts] as string);
    const outcome = this.upsert(this.main, KIND_TABLE[this.kind], this.extras.length ? [...values, ...this.extras] : values, row);
    if (outcome.type === 'inserted' || outcome.type === 'updated') {
      if (this.kind === 'service') this.writeWorkOrderRecommendation(values, row, outcome === INSERTED);
      this.accountsWritten?.add(values[ACCOUNT_INDEX[this.kind]] as string);
    }
    if (this.kind === 'assets' && outcome.type !== 'duplicate' && outcome.type !== 'conflict') {
      this.touchedAccounts.add(values[ACCOUNT_INDEX.assets] as string);
    }
    return outcome;
  }

  private upsert(s: TableStatements, entity: string, values: readonly Value[], row: number): WriteOutcome {
    if (s.insert.run(...values, this.importId, this.importId, row).changes === 1) return INSERTED;
    const id = values[s.idIndex];
    const existing = s.select.get(id) as Value[];
    const n = s.columns.length;
    const writtenBy = existing[n + 1];
    const sourceRow = existing[n + 2] as number;
    let same = true;
    for (let i = 0; i < n; i++) {
      if (existing[i] !== values[i]) {
        same = false;
        break;
      }
    }
    if (writtenBy === this.importId) return same ? { type: 'duplicate', sameAs: sourceRow } : { type: 'conflict', sameAs: sourceRow };
    if (same) {
      if (this.markSeen.run(entity, id, row).changes === 1) return UNCHANGED;
      return { type: 'duplicate', sameAs: this.seenRow.get(entity, id) as number };
    }
    const seenAt = this.seenRow.get(entity, id) as number | undefined;
    if (seenAt !== undefined) return { type: 'conflict', sameAs: seenAt };
    this.saveBefore.run(this.importId, entity, id, JSON.stringify(rowObject(s.columns, existing)));
    // A row moved to another account changes the account it leaves as well.
    const left = s.accountIndex >= 0 ? existing[s.accountIndex] : undefined;
    if (typeof left === 'string' && left !== values[s.accountIndex]) {
      this.accountsWritten?.add(left);
      if (this.kind === 'assets') this.touchedAccounts.add(left);
    }
    s.update.run(...values.filter((_, i) => i !== s.idIndex), this.importId, row, id);
    return UPDATED;
  }

  private ensureAccount(accountId: string): void {
    if (this.knownAccounts.has(accountId)) return;
    if (this.createPlaceholder.run(accountId, accountId, this.importId, this.importId).changes === 1) this.placeholdersCreated++;
    if (this.knownAccounts.size >= PLACEHOLDER_CACHE_LIMIT) this.knownAccounts.clear();
    this.knownAccounts.add(accountId);
  }

  /** A recommendation written on a work order is tracked as a recommendation with the work order's id. */
  private writeWorkOrderRecommendation(values: Value[], row: number, newWorkOrder: boolean): void {
    const s = this.recommendations!;
    const text = values[WO.recommendation] as string | null;
    const id = values[WO.work_order_id] as string;
    // A work order new to the database never made a recommendation before: nothing to take back.
    if (text === null && newWorkOrder) return;
    if (text === null) {
      // The work order no longer carries a recommendation: the one it made goes, kept whole for undo.
      const existing = this.fullRecommendation!.get(id) as Record<string, Value> | undefined;
      if (existing && existing['origin'] === 'work_order') {
        this.saveBefore.run(this.importId, 'recommendations', id, JSON.stringify(existing));
        this.deleteRecommendation!.run(id);
      }
      return;
    }
    const madeOn = String(values[WO.completed_at] ?? values[WO.arrived_at] ?? values[WO.opened_at]).slice(0, 10);
    const derived: Value[] = [
      id,
      values[WO.account_id]!,
      values[WO.asset_id] ?? null,
      id,
      madeOn,
      text,
      values[WO.recommendation_severity] ?? null,
      'work_order',
    ];
    const existing = s.select.get(id) as Value[] | undefined;
    // A recommendations file has the last word on its own records.
    if (existing && existing[s.columns.length - 1] !== 'work_order') return;
    this.upsert(s, 'recommendations', derived, row);
  }

  /** Empties the scratch list of unchanged rows; called before the transaction commits. */
  finish(): void {
    this.db.prepare('DELETE FROM import_seen').run();
  }

  /** The installed base as this import left it, per account it touched ("share lost since the previous footprint"). */
  recordFootprints(recordedOn: string): void {
    if (this.kind !== 'assets' || this.touchedAccounts.size === 0) return;
    // An installed-base file is a snapshot: a machine missing from a site's newest snapshot is gone.
    const summary = this.db.prepare(`
      WITH latest AS (SELECT coalesce(site, '') AS site, max(coalesce(as_of, '')) AS as_of FROM assets WHERE account_id = @account GROUP BY 1),
           current AS (SELECT a.* FROM assets a JOIN latest l ON coalesce(a.site, '') = l.site AND coalesce(a.as_of, '') = l.as_of
                       WHERE a.account_id = @account)
      SELECT coalesce(sum(CASE WHEN serviced_by = 'us' THEN quantity ELSE 0 END), 0) AS ours,
             coalesce(sum(quantity), 0) AS total,
             (SELECT json_group_array(vendor) FROM (SELECT DISTINCT vendor FROM current ORDER BY vendor)) AS vendors
      FROM current`);
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO footprint_history (account_id, import_id, recorded_on, our_quantity, total_quantity, vendors) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const accountId of this.touchedAccounts) {
      const s = summary.get({ account: accountId }) as { ours: number; total: number; vendors: string };
      insert.run(accountId, this.importId, recordedOn, s.ours, s.total, s.vendors);
    }
  }
}

const WORK_ORDER_RECOMMENDATION_COLUMNS = ['recommendation_id', 'account_id', 'asset_id', 'work_order_id', 'made_at', 'text', 'severity', 'origin'];

const indexOf = (kind: Kind, name: string): number => FIELDS[kind].findIndex((f) => f.name === name);

const ACCOUNT_INDEX: Record<Kind, number> = {
  accounts: 0,
  assets: indexOf('assets', 'account_id'),
  service: indexOf('service', 'account_id'),
  recommendations: indexOf('recommendations', 'account_id'),
  surveys: indexOf('surveys', 'account_id'),
};

const WO = Object.fromEntries(FIELDS.service.map((f, i) => [f.name, i])) as Record<string, number> & {
  recommendation: number;
  work_order_id: number;
  completed_at: number;
  arrived_at: number;
  opened_at: number;
  account_id: number;
  asset_id: number;
  recommendation_severity: number;
};

function statements(db: Database.Database, table: string, idColumn: string, columns: readonly string[]): TableStatements {
  const idIndex = columns.indexOf(idColumn);
  if (idIndex < 0) throw new Error(`${table}: no ${idColumn} among the columns`);
  const list = columns.join(', ');
  const marks = columns.map(() => '?').join(', ');
  const assignments = columns.filter((c) => c !== idColumn).map((c) => `${c} = ?`).join(', ');
  return {
    columns,
    idIndex,
    accountIndex: columns.indexOf('account_id'),
    insert: db.prepare(
      `INSERT INTO ${table} (${list}, created_by, import_id, source_row) VALUES (${marks}, ?, ?, ?) ON CONFLICT (${idColumn}) DO NOTHING`,
    ),
    select: db.prepare(`SELECT ${list}, created_by, import_id, source_row FROM ${table} WHERE ${idColumn} = ?`).raw(),
    update: db.prepare(`UPDATE ${table} SET ${assignments}, import_id = ?, source_row = ? WHERE ${idColumn} = ?`),
  };
}

function rowObject(columns: readonly string[], values: readonly Value[]): Record<string, Value> {
  const out: Record<string, Value> = {};
  columns.forEach((c, i) => (out[c] = values[i] ?? null));
  out['created_by'] = values[columns.length] ?? null;
  out['import_id'] = values[columns.length + 1] ?? null;
  out['source_row'] = values[columns.length + 2] ?? null;
  return out;
}
