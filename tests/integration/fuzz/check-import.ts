import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/db/connection';
import { importFile } from '../../../src/import/importer';
import { ImportFileError } from '../../../src/import/errors';
import { KIND_TABLE, type Kind } from '../../../src/shared/kinds';
import type { ImportReport } from '../../../src/shared/import-types';
import { count, dumpDatabase } from '../../support/db-state';

/** Longest a small file may take, however hostile (generous: the machine may be busy). */
export const PER_FILE_MS = 10_000;

export type Outcome =
  | { outcome: 'applied'; kind: Kind; rows: number; inserted: number; rejected: number }
  | { outcome: 'refused'; code: ImportFileError['code']; row: number | null; column: string | null };

/** A database holding a little of everything, as a user's would before a bad file arrives. */
export function baseline(dir: string): Db {
  const path = join(dir, `fuzz-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
  const db = openDatabase(path);
  db.exec(`
    INSERT INTO accounts (account_id, name, contract_type) VALUES ('C1', 'Harbor Logistics', 'full_service'), ('C2', 'Lakeside Clinic', 'warranty');
    INSERT INTO assets (asset_id, account_id, vendor, serviced_by) VALUES ('SN-1', 'C1', 'Our company', 'us');
    INSERT INTO work_orders (work_order_id, account_id, opened_at, type, status) VALUES ('WO-1', 'C1', '2024-03-01', 'break_fix', 'completed');
    INSERT INTO survey_responses (response_id, account_id, responded_at, nps) VALUES ('R-1', 'C2', '2024-04-01', 9);
  `);
  return db;
}

export function dropDatabase(db: Db): void {
  const path = db.name;
  db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/**
 * Imports one file and checks what must hold whatever the file: only an ImportFileError escapes,
 * within the time bound; a refusal names the file (and the row and column when a row is at fault)
 * and leaves the database exactly as it was; a success applied every row it counts.
 * Returns what happened, or throws an Error describing what broke.
 */
export async function importAndCheck(db: Db, dir: string, name: string, bytes: Uint8Array, options: { kind?: Kind; skipInvalid: boolean }): Promise<Outcome> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const before = JSON.stringify(dumpDatabase(db));
  const countsBefore = tableCounts(db);
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the import did not finish within ${PER_FILE_MS} ms (a hang)`)), PER_FILE_MS);
  });
  let result: ImportReport | ImportFileError;
  try {
    result = await Promise.race([
      importFile(db, path, { ...(options.kind ? { mapping: { kind: options.kind } } : {}), skipInvalid: options.skipInvalid, now: () => new Date('2026-11-23T09:00:00Z') }),
      timeout,
    ]);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw new Error(`the importer threw ${describeError(error)}`, { cause: error });
    result = error;
  } finally {
    clearTimeout(timer);
  }
  const ms = performance.now() - started;
  if (ms > PER_FILE_MS) throw new Error(`the import took ${Math.round(ms)} ms (bound ${PER_FILE_MS} ms)`);
  if (db.inTransaction) throw new Error('the import left a transaction open');

  if (result instanceof ImportFileError) {
    if (JSON.stringify(dumpDatabase(db)) !== before) throw new Error(`the import was refused (${result.message}) but the database changed`);
    if (!result.message.startsWith(`${name}: `)) throw new Error(`the refusal does not name the file: ${result.message}`);
    const rowLevel = result.code === 'invalid_rows' || result.code === 'conflicting_duplicate';
    if (rowLevel || result.code === 'unterminated_quote' || result.code === 'line_too_long') {
      if (!isRow(result.place.row)) throw new Error(`the refusal (${result.code}) names no row: ${result.message}`);
    }
    if (rowLevel) {
      if (!result.place.column) throw new Error(`the refusal names no column: ${result.message}`);
      for (const r of result.rejected ?? []) if (!isRow(r.row) || !r.column || !r.reason) throw new Error(`a rejected row lacks its row, column or reason: ${JSON.stringify(r)}`);
    }
    return { outcome: 'refused', code: result.code, row: result.place.row ?? null, column: result.place.column ?? null };
  }

  const report = result;
  if (!options.skipInvalid && report.rejectedCount > 0) throw new Error('an all-or-nothing import applied a file with rejected rows');
  for (const r of report.rejected) if (!isRow(r.row) || !r.column || !r.reason) throw new Error(`a rejected row lacks its row, column or reason: ${JSON.stringify(r)}`);
  if (report.rows !== report.inserted + report.updated + report.unchanged + report.duplicateCount + report.rejectedCount) {
    throw new Error(`the report's counts do not add up: ${JSON.stringify({ rows: report.rows, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, duplicates: report.duplicateCount, rejected: report.rejectedCount })}`);
  }
  const after = tableCounts(db);
  const table = KIND_TABLE[report.kind];
  if (after[table]! - countsBefore[table]! !== report.inserted) throw new Error(`${report.inserted} rows reported new but ${table} grew by ${after[table]! - countsBefore[table]!}`);
  if (report.kind !== 'accounts' && after['accounts']! - countsBefore['accounts']! !== report.placeholdersCreated) throw new Error('placeholder accounts do not match the report');
  if (count(db, 'imports') !== (countsBefore['imports'] ?? 0) + 1) throw new Error('the import is not in the history');
  return { outcome: 'applied', kind: report.kind, rows: report.rows, inserted: report.inserted, rejected: report.rejectedCount };
}

function tableCounts(db: Db): Record<string, number> {
  return Object.fromEntries(['accounts', 'assets', 'work_orders', 'recommendations', 'survey_responses', 'imports'].map((t) => [t, count(db, t)]));
}

function isRow(row: number | undefined): boolean {
  return row !== undefined && Number.isInteger(row) && row >= 1;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack ?? ''}`;
  return String(error);
}
