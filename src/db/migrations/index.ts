import type Database from 'better-sqlite3';
import { m0001Initial } from './0001-initial';
import { m0002EngineState } from './0002-engine-state';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

/** Applied in order, each in its own transaction. A shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [m0001Initial, m0002EngineState];

export const LATEST_VERSION = MIGRATIONS.length;

export class NewerDatabaseError extends Error {
  readonly code = 'newer_version' as const;
  constructor(readonly found: number) {
    super(
      `This database was written by a newer version of Account Health Console (schema ${found}; this version knows ${LATEST_VERSION}). ` +
        'It was left untouched: update the app to open it.',
    );
    this.name = 'NewerDatabaseError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the schema to `target` (default: the latest). Returns the versions applied. */
export function migrate(db: Database.Database, target: number = LATEST_VERSION): number[] {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new NewerDatabaseError(current);
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
