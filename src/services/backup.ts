import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { APPLICATION_ID, nativeBinding, type Db } from '../db/connection';
import { LATEST_VERSION } from '../db/migrations/index';
import { checkDatabase } from '../db/quick-check';
import { readSetting } from '../db/repositories/settings';
import { BACKUP_REASONS, type BackupReason } from '../shared/api/settings';
import type { AppContext } from './context';

// Copies of the database beside it, in a `backups` folder: made on request, before every import
// into a database holding data, before a schema change and before a restore. Only the newest few
// are kept. A restore checks the copy first and swaps the file in whole, or not at all.

export interface BackupInfo {
  /** The file's name in the backups folder: what the API names a backup by. */
  readonly name: string;
  readonly path: string;
  /** When it was made (UTC, ISO). */
  readonly createdAt: string;
  readonly reason: BackupReason;
  readonly bytes: number;
}

export class BackupError extends Error {
  constructor(
    message: string,
    readonly code: 'not_found' | 'invalid_backup',
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export const DEFAULT_KEEP = 10;

export function backupFolder(dataFile: string): string {
  return join(dirname(dataFile), 'backups');
}

const stem = (dataFile: string): string => basename(dataFile, extname(dataFile));

/** 2026-11-23T09-00-00-123Z: sorts as it reads, and every file system accepts it. */
const stamp = (at: Date): string => at.toISOString().replace(/[:.]/g, '-');

function backupName(dataFile: string, reason: BackupReason, at: Date): string {
  return `${stem(dataFile)}-${stamp(at)}-${reason}.db`;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function parseName(dataFile: string, name: string): { createdAt: string; reason: BackupReason } | null {
  const match = new RegExp(`^${escapeRegExp(stem(dataFile))}-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z-(${BACKUP_REASONS.join('|')})\\.db$`).exec(name);
  if (!match) return null;
  const [, day, h, m, s, ms, reason] = match;
  return { createdAt: `${day}T${h}:${m}:${s}.${ms}Z`, reason: reason as BackupReason };
}

/** The backups of this database, newest first. */
export function listBackups(dataFile: string): BackupInfo[] {
  const folder = backupFolder(dataFile);
  if (!existsSync(folder)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(folder)) {
    const parsed = parseName(dataFile, name);
    if (!parsed) continue;
    const path = join(folder, name);
    out.push({ name, path, ...parsed, bytes: statSync(path).size });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.name.localeCompare(a.name)));
}

/** A free name for a new backup: the wall clock (not the app's as-of day), a millisecond later if taken. */
function newBackupPath(dataFile: string, reason: BackupReason): string {
  const folder = backupFolder(dataFile);
  mkdirSync(folder, { recursive: true });
  let at = Date.now();
  while (existsSync(join(folder, backupName(dataFile, reason, new Date(at))))) at++;
  return join(folder, backupName(dataFile, reason, new Date(at)));
}

/** Removes all but the newest `keep` backups. */
export function pruneBackups(dataFile: string, keep: number): string[] {
  const removed: string[] = [];
  for (const old of listBackups(dataFile).slice(Math.max(1, keep))) {
    rmSync(old.path, { force: true });
    removed.push(old.name);
  }
  return removed;
}

function info(dataFile: string, path: string): BackupInfo {
  const name = basename(path);
  const parsed = parseName(dataFile, name) ?? { createdAt: statSync(path).mtime.toISOString(), reason: 'manual' as const };
  return { name, path, ...parsed, bytes: statSync(path).size };
}

/** A plain connection to a backup file: none of the data file's set-up, no migration. */
function openFile(file: string, readonly: boolean): Db {
  const binding = nativeBinding();
  return new Database(file, { readonly, fileMustExist: true, ...(binding ? { nativeBinding: binding } : {}) });
}

/** A backup is one self-contained file: no write-ahead log beside it once it is opened. */
function settle(file: string): void {
  const db = openFile(file, false);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the open database with SQLite's online backup (other work goes on meanwhile) into `out`,
 * or a new file in the backups folder. The copy appears under its name only once it is complete.
 */
export async function backupDatabase(db: Db, dataFile: string, reason: BackupReason, options: { out?: string; keep?: number } = {}): Promise<BackupInfo> {
  const target = options.out ?? newBackupPath(dataFile, reason);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    settle(partial);
    syncFile(partial);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  if (!options.out) pruneBackups(dataFile, options.keep ?? keepSetting(db));
  return info(dataFile, target);
}

export function createBackup(ctx: Pick<AppContext, 'db' | 'dataFile'>, reason: BackupReason = 'manual'): Promise<BackupInfo> {
  return backupDatabase(ctx.db, ctx.dataFile, reason);
}

function keepSetting(db: Db): number {
  try {
    const keep = readSetting(db, 'backups.keep');
    return typeof keep === 'number' && Number.isInteger(keep) && keep >= 1 ? keep : DEFAULT_KEEP;
  } catch {
    return DEFAULT_KEEP;
  }
}

/** Whether the database holds any data worth a copy (an empty or brand-new file does not). */
export function holdsData(db: Db): boolean {
  try {
    return (db.prepare('SELECT EXISTS (SELECT 1 FROM accounts)').pluck().get() as number) === 1;
  } catch {
    return false;
  }
}

/** Before an import: once, and only when there is something to lose. */
export async function backupBeforeImport(ctx: Pick<AppContext, 'db' | 'dataFile'>): Promise<BackupInfo | null> {
  if (ctx.dataFile === ':memory:' || !holdsData(ctx.db)) return null;
  return backupDatabase(ctx.db, ctx.dataFile, 'before-import');
}

/**
 * Before a migration changes a database holding data. Synchronous (opening a database is), so
 * VACUUM INTO makes the copy: consistent, and compact.
 */
export function backupBeforeMigration(db: Db, dataFile: string): void {
  if (dataFile === ':memory:' || !holdsData(db)) return;
  const target = newBackupPath(dataFile, 'before-migration');
  const partial = `${target}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    syncFile(partial);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  pruneBackups(dataFile, keepSetting(db));
}

export interface VerifiedBackup {
  readonly schemaVersion: number;
  readonly accounts: number;
}

/** Checks a file is a sound database of ours that this version can open; says why not otherwise. */
export function verifyBackup(file: string): VerifiedBackup {
  if (!existsSync(file)) throw new BackupError(`There is no backup at ${file}.`, 'not_found');
  const refuse = (why: string): never => {
    throw new BackupError(`${basename(file)} cannot be restored: ${why}. Nothing was changed.`, 'invalid_backup');
  };
  let db: Db;
  try {
    db = openFile(file, true);
  } catch (error) {
    return refuse(`it cannot be opened (${(error as Error).message})`);
  }
  try {
    let appId: number;
    let version: number;
    try {
      appId = db.pragma('application_id', { simple: true }) as number;
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      return refuse(`it is not a readable database (${(error as Error).message})`);
    }
    if (appId !== APPLICATION_ID || version < 1) refuse('it is not an Account Health Console database');
    if (version > LATEST_VERSION) refuse(`it was written by a newer version of the app (schema ${version}; this version knows ${LATEST_VERSION})`);
    const problems = checkDatabase(db, true);
    if (problems.length > 0) refuse(`it is damaged (${problems.slice(0, 3).join('; ')})`);
    const accounts = db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
    return { schemaVersion: version, accounts };
  } finally {
    db.close();
  }
}

export interface RestoreOutcome {
  readonly restored: BackupInfo;
  /** The copy of the data that was replaced, when it was sound enough to copy. */
  readonly safetyBackup: BackupInfo | null;
  readonly accounts: number;
}

/**
 * Puts a backup in place of the database: the backup is copied beside the data file and checked
 * there, the current data is itself backed up (when sound), then the connection closes, the file is
 * replaced in one rename (its write-ahead log removed first, so it cannot be replayed onto the
 * restored file) and the database opens again. A backup that fails the check changes nothing.
 */
export async function restoreBackup(ctx: Pick<AppContext, 'db' | 'dataFile' | 'reopen' | 'openProblem'>, from: string): Promise<RestoreOutcome> {
  const source = from;
  if (!existsSync(source)) throw new BackupError(`There is no backup at ${source}.`, 'not_found');
  const restored = info(ctx.dataFile, source);
  const temp = join(dirname(ctx.dataFile), `.${basename(ctx.dataFile)}.restoring`);
  rmSync(temp, { force: true });
  try {
    copyFileSync(source, temp);
    try {
      settle(temp);
    } catch (error) {
      throw new BackupError(`${restored.name} cannot be restored: it is not a readable database (${(error as Error).message}). Nothing was changed.`, 'invalid_backup');
    }
    const verified = verifyBackup(temp);
    syncFile(temp);
    const sound = ctx.openProblem() === null && checkDatabase(ctx.db).length === 0;
    const safetyBackup = sound && holdsData(ctx.db) ? await backupDatabase(ctx.db, ctx.dataFile, 'before-restore') : null;
    ctx.reopen(() => {
      for (const side of ['-wal', '-shm', '-journal']) rmSync(`${ctx.dataFile}${side}`, { force: true });
      renameSync(temp, ctx.dataFile);
    });
    const problem = ctx.openProblem();
    if (problem) throw new Error(`The backup was put in place but cannot be opened: ${problem}`);
    return { restored, safetyBackup, accounts: verified.accounts };
  } catch (error) {
    if (error instanceof BackupError && error.code === 'invalid_backup') {
      throw new BackupError(error.message.replace(basename(temp), restored.name), 'invalid_backup');
    }
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Restores the newest backup that passes the check (after the data was found damaged). */
export async function restoreNewestGood(ctx: Pick<AppContext, 'db' | 'dataFile' | 'reopen' | 'openProblem'>): Promise<RestoreOutcome> {
  const refused: string[] = [];
  for (const backup of listBackups(ctx.dataFile)) {
    try {
      verifyBackup(backup.path);
    } catch (error) {
      refused.push((error as Error).message);
      continue;
    }
    return restoreBackup(ctx, backup.path);
  }
  throw new BackupError(refused.length === 0 ? 'There is no backup to restore.' : `No backup passes the check: ${refused.join(' ')}`, 'not_found');
}
