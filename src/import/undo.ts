import type Database from 'better-sqlite3';

export class UndoError extends Error {
  constructor(
    message: string,
    readonly code: 'not_found' | 'already_undone' | 'conflict',
    readonly laterImports: readonly number[] = [],
  ) {
    super(message);
    this.name = 'UndoError';
  }
}

export interface UndoResult {
  readonly importId: number;
  readonly removed: number;
  readonly restored: number;
  /** Accounts this import created that other imports still refer to: kept, with their ids as names. */
  readonly keptAsPlaceholders: number;
  /** The accounts still in the data whose rows the undo changed: the ones to rescore. */
  readonly accountsChanged: ReadonlySet<string>;
  /** How many accounts the undo removed from the data. */
  readonly accountsRemoved: number;
}

/** Child tables first, so no row is left pointing at a deleted account. */
const DATA_TABLES: ReadonlyArray<[table: string, id: string]> = [
  ['survey_responses', 'response_id'],
  ['recommendations', 'recommendation_id'],
  ['work_orders', 'work_order_id'],
  ['assets', 'asset_id'],
];

const REFERENCED = DATA_TABLES.map(([table]) => `EXISTS (SELECT 1 FROM ${table} r WHERE r.account_id = accounts.account_id)`).join(' OR ');

/**
 * Takes one import back out, whole: the rows it added go, the rows it changed return to what they
 * were. Refused, with the imports to undo first, when a later import changed rows this one wrote.
 */
export function undoImport(db: Database.Database, importId: number, now: Date = new Date()): UndoResult {
  return db.transaction((): UndoResult => {
    const record = db.prepare('SELECT status FROM imports WHERE import_id = ?').get(importId) as { status: string } | undefined;
    if (!record) throw new UndoError(`There is no import #${importId}.`, 'not_found');
    if (record.status === 'undone') throw new UndoError(`Import #${importId} was already undone.`, 'already_undone');

    // A later import that kept a copy of a row this one wrote has built on it (placeholder accounts
    // excepted: an accounts file completing them does not depend on how they were first created).
    const later = db
      .prepare(
        `SELECT DISTINCT c.import_id AS id FROM import_changes c JOIN imports i ON i.import_id = c.import_id
         WHERE c.import_id > ? AND i.status = 'applied' AND json_extract(c.before, '$.import_id') = ?
           AND NOT (c.entity = 'accounts' AND json_extract(c.before, '$.placeholder') = 1)
         ORDER BY c.import_id`,
      )
      .all(importId, importId) as Array<{ id: number }>;
    if (later.length > 0) {
      const ids = later.map((r) => r.id);
      throw new UndoError(
        `Import #${importId} cannot be undone alone: ${ids.length === 1 ? 'import' : 'imports'} ${ids.map((id) => `#${id}`).join(', ')} changed rows it wrote. Undo ${ids.length === 1 ? 'that one' : 'those'} first.`,
        'conflict',
        ids,
      );
    }

    // Each statement names the accounts of the rows it changes, for the rescoring that follows.
    const changed = new Set<string>();
    const removedAccounts = new Set<string>();
    const accountsOf = (sql: string, ...params: unknown[]): string[] => db.prepare(`${sql} RETURNING account_id`).pluck().all(...params) as string[];
    let removed = 0;
    for (const [table] of DATA_TABLES) {
      const rows = accountsOf(`DELETE FROM ${table} WHERE created_by = ? AND import_id = ?`, importId, importId);
      removed += rows.length;
      for (const id of rows) changed.add(id);
    }
    const placeholders = accountsOf(
      `UPDATE accounts SET name = account_id, segment = NULL, region = NULL, owner = NULL, contract_type = NULL,
         contract_renewal_date = NULL, annual_value = NULL, placeholder = 1, source_row = NULL
       WHERE created_by = ? AND import_id = ? AND placeholder = 0 AND (${REFERENCED})`,
      importId,
      importId,
    );
    for (const id of placeholders) changed.add(id);
    const keptAsPlaceholders = placeholders.length;
    for (const id of accountsOf(`DELETE FROM accounts WHERE created_by = ? AND import_id = ? AND NOT (${REFERENCED})`, importId, importId)) {
      removed++;
      removedAccounts.add(id);
    }

    const changes = db.prepare('SELECT entity, entity_id, before FROM import_changes WHERE import_id = ?').all(importId) as Array<{
      entity: string;
      entity_id: string;
      before: string;
    }>;
    // Accounts first on the way back, so restored rows find their account.
    changes.sort((a, b) => Number(b.entity === 'accounts') - Number(a.entity === 'accounts'));
    for (const change of changes) {
      const before = JSON.parse(change.before) as Record<string, unknown>;
      const was = restore(db, change.entity, before);
      // A row the import moved to another account changes both.
      if (was !== null) changed.add(was);
      if (typeof before['account_id'] === 'string') changed.add(before['account_id']);
    }

    for (const id of accountsOf('DELETE FROM footprint_history WHERE import_id = ?', importId)) changed.add(id);
    db.prepare('DELETE FROM import_changes WHERE import_id = ?').run(importId);
    // Placeholders whose only reason to exist was an import now undone.
    for (const id of accountsOf(
      `DELETE FROM accounts WHERE placeholder = 1
         AND (created_by IS NULL OR created_by = ? OR created_by IN (SELECT import_id FROM imports WHERE status = 'undone'))
         AND NOT (${REFERENCED})`,
      importId,
    )) {
      removed++;
      removedAccounts.add(id);
    }
    db.prepare("UPDATE imports SET status = 'undone', undone_at = ? WHERE import_id = ?").run(now.toISOString(), importId);
    for (const id of removedAccounts) changed.delete(id);
    return { importId, removed, restored: changes.length, keptAsPlaceholders, accountsChanged: changed, accountsRemoved: removedAccounts.size };
  })();
}

const ID_COLUMN: Record<string, string> = {
  accounts: 'account_id',
  assets: 'asset_id',
  work_orders: 'work_order_id',
  recommendations: 'recommendation_id',
  survey_responses: 'response_id',
};

/** Puts a row back as it was; gives the account it belonged to until then, or null where it was gone. */
function restore(db: Database.Database, table: string, before: Record<string, unknown>): string | null {
  const idColumn = ID_COLUMN[table];
  if (!idColumn) throw new Error(`Unknown table in the import history: ${table}`);
  const columns = Object.keys(before).filter((c) => /^[a-z_]+$/.test(c));
  const values = columns.map((c) => before[c] ?? null);
  const was = db.prepare(`SELECT account_id FROM ${table} WHERE ${idColumn} = ?`).pluck().get(before[idColumn]) as string | undefined;
  if (was !== undefined) {
    const assignments = columns.filter((c) => c !== idColumn).map((c) => `${c} = ?`).join(', ');
    db.prepare(`UPDATE ${table} SET ${assignments} WHERE ${idColumn} = ?`).run(
      ...columns.filter((c) => c !== idColumn).map((c) => before[c] ?? null),
      before[idColumn],
    );
  } else {
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...values);
  }
  return was ?? null;
}
