import { existsSync } from 'node:fs';
import { DatabaseOpenError, openDatabase, type Db } from '../db/connection';
import packageJson from '../../package.json';
import { backupBeforeMigration } from './backup';

/** What every service needs: the open database and a clock. Made once per process or test. */
export interface AppContext {
  /** The current connection: read it at each use, since a restore replaces it. */
  readonly db: Db;
  readonly dataFile: string;
  readonly version: string;
  readonly now: () => Date;
  /**
   * A connection for an import to write on. Imports run their own transaction over many async
   * steps; on the shared connection other calls would see it half-done.
   */
  readonly openWriter: () => Db;
  /** A read-only connection for a long streaming read while the main connection writes (WAL keeps its view consistent). */
  readonly openReader: () => Db;
  /**
   * Closes the connection, lets `replace` put another file in its place, and opens the data file
   * again; every later `ctx.db` is the new connection. When opening fails, the old file is gone:
   * `replace` must only swap in a file it has verified.
   */
  readonly reopen: (replace: () => void) => void;
  /** Why the data file could not be opened (damaged), when the context holds an empty stand-in instead. */
  readonly openProblem: () => string | null;
}

/** The day the clock says it is (UTC), YYYY-MM-DD: what the app computes as of unless told a day. */
export function today(ctx: Pick<AppContext, 'now'>): string {
  return ctx.now().toISOString().slice(0, 10);
}

export interface OpenContextOptions {
  readonly now?: () => Date;
  /** Imports write on the shared connection (the command line: nothing else runs meanwhile). */
  readonly singleConnection?: boolean;
  /**
   * A damaged data file: 'fail' throws (the command line), 'recover' opens an empty stand-in and
   * reports the problem so the window can offer a backup. Default: 'fail' with a single connection.
   */
  readonly damaged?: 'fail' | 'recover';
}

export function openContext(dataFile: string, options: OpenContextOptions = {}): AppContext & { close(): void } {
  // A schema change to a database holding data is preceded by a copy of it.
  const open = (): Db => openDatabase(dataFile, { beforeMigrate: (db) => backupBeforeMigration(db, dataFile) });
  let problem: string | null = null;
  let db: Db;
  try {
    db = open();
  } catch (error) {
    const recover = (options.damaged ?? (options.singleConnection ? 'fail' : 'recover')) === 'recover';
    if (!recover || !isDamage(error, dataFile)) throw error;
    problem = (error as Error).message;
    db = openDatabase(':memory:');
  }
  return {
    get db() {
      return db;
    },
    dataFile,
    version: packageJson.version,
    now: options.now ?? (() => new Date()),
    openWriter: () => (options.singleConnection ? db : openDatabase(dataFile)),
    openReader: () => openDatabase(dataFile, { readonly: true, mmap: true }),
    reopen: (replace) => {
      db.close();
      try {
        replace();
      } finally {
        try {
          db = open();
          problem = null;
        } catch (error) {
          // Never left without a connection: the window reports the problem and offers a backup.
          problem = (error as Error).message;
          db = openDatabase(':memory:');
        }
      }
    },
    openProblem: () => problem,
    close: () => db.close(),
  };
}

/** A file of ours that SQLite reads as damaged (not a stranger's file, not a newer version). */
function isDamage(error: unknown, dataFile: string): boolean {
  return error instanceof DatabaseOpenError && error.code === 'not_ours' && /malformed|not a database/i.test(error.message) && existsSync(dataFile);
}
