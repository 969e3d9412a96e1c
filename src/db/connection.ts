import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { LATEST_VERSION, migrate, NewerDatabaseError, schemaVersion } from './migrations/index';

export type Db = Database.Database;

/** Marks a file as ours ('AHC1'), so a stranger's SQLite file is never migrated by mistake. */
export const APPLICATION_ID = 0x41484331;

export class DatabaseOpenError extends Error {
  constructor(
    message: string,
    readonly code: 'not_ours' | 'newer_version' | 'unreadable',
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * Which compiled better-sqlite3 to load. Under plain Node (tests, command line, browser mode) the
 * build that `npm install` made; under Electron the one the start/package scripts built against
 * Electron's headers and placed beside it in `build-electron/`. Packaged apps have it unpacked from
 * the asar archive.
 */
export function nativeBinding(): string | undefined {
  if (!process.versions['electron']) return undefined;
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('better-sqlite3/package.json'));
  const candidate = join(packageDir, 'build-electron', 'better_sqlite3.node').replace(
    `app.asar${sep}`,
    `app.asar.unpacked${sep}`,
  );
  return existsSync(candidate) ? candidate : undefined;
}

export interface OpenOptions {
  /** Open an existing database without creating or migrating it. */
  readonly readonly?: boolean;
  /**
   * Read through a memory map: a full scan in account order jumps all over the file, and each page
   * read from the map costs no system call. For reading connections only.
   */
  readonly mmap?: boolean;
  /** Called before a migration changes the schema of an existing file (to keep a copy first). */
  readonly beforeMigrate?: (db: Db) => void;
}

/**
 * Opens (creating when absent) the database file and brings its schema up to date.
 * WAL lets the interface read while an import writes on its own connection; synchronous=FULL makes
 * a committed import survive a power cut, at the cost of one extra fsync per transaction.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (!options.readonly && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const binding = nativeBinding();
  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      ...(binding ? { nativeBinding: binding } : {}),
    });
  } catch (error) {
    throw new DatabaseOpenError(`Cannot open ${file}: ${(error as Error).message}`, 'unreadable');
  }
  try {
    configure(db, options.readonly ?? false);
    if (options.mmap) db.pragma('mmap_size = 4294967296');
    if (!options.readonly && options.beforeMigrate && schemaVersion(db) > 0 && schemaVersion(db) < LATEST_VERSION) options.beforeMigrate(db);
    if (!options.readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseOpenError) throw error;
    if (error instanceof NewerDatabaseError) throw new DatabaseOpenError(error.message, 'newer_version');
    const message = (error as Error).message;
    if (/file is not a database|malformed/i.test(message)) {
      throw new DatabaseOpenError(`${file} is not a readable database: ${message}`, 'not_ours');
    }
    throw error;
  }
}

function configure(db: Db, readonly: boolean): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tableCount = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
  if (appId !== APPLICATION_ID && (appId !== 0 || tableCount > 0)) {
    throw new DatabaseOpenError(
      `${db.name} is not an Account Health Console database (it holds other tables); it was left untouched.`,
      'not_ours',
    );
  }
  // Checked before any pragma that writes to the file: a newer app's database is never modified.
  const version = schemaVersion(db);
  if (version > LATEST_VERSION) throw new NewerDatabaseError(version);
  if (!readonly) {
    // Larger pages for a new file: bulk imports write a third fewer pages. Only settable while empty.
    if (appId === 0 && tableCount === 0) db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    // FULL, not NORMAL: in WAL mode NORMAL survives an app crash but may lose the last commit to a power cut.
    db.pragma('synchronous = FULL');
    if (appId === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
}
