import { openDatabase, type Db } from '../db/connection';
import packageJson from '../../package.json';

/** What every service needs: the open database and a clock. Made once per process or test. */
export interface AppContext {
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
}

export interface OpenContextOptions {
  readonly now?: () => Date;
  /** Imports write on the shared connection (the command line: nothing else runs meanwhile). */
  readonly singleConnection?: boolean;
}

export function openContext(dataFile: string, options: OpenContextOptions = {}): AppContext & { close(): void } {
  const db = openDatabase(dataFile);
  return {
    db,
    dataFile,
    version: packageJson.version,
    now: options.now ?? (() => new Date()),
    openWriter: () => (options.singleConnection ? db : openDatabase(dataFile)),
    openReader: () => openDatabase(dataFile, { readonly: true, mmap: true }),
    close: () => db.close(),
  };
}
