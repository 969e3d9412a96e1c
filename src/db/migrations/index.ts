import type Database from 'better-sqlite3';
import { m0001Initial } from './0001-initial';
import { m0002EngineState } from './0002-engine-state';
import { m0003FasterChecks } from './0003-faster-checks';
import { m0004CurrentScores } from './0004-current-scores';
import { m0005AlertTallies } from './0005-alert-tallies';
import { m0006WorkOrdersForScoring } from './0006-work-orders-for-scoring';
import { m0007EvidenceIndexes } from './0007-evidence-indexes';
import { m0008PortfolioSparklines } from './0008-portfolio-sparklines';
import { m0009WaitingAlertCounts } from './0009-waiting-alert-counts';
import { m0010SnapshotsByDay } from './0010-snapshots-by-day';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
  /**
   * Rebuilds tables others refer to: foreign keys are switched off around it (they cannot be inside
   * a transaction) and checked before it commits.
   */
  readonly rebuildsTables?: boolean;
}

/** Applied in order, each in its own transaction. A shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [m0001Initial, m0002EngineState, m0003FasterChecks, m0004CurrentScores, m0005AlertTallies, m0006WorkOrdersForScoring, m0007EvidenceIndexes, m0008PortfolioSparklines, m0009WaitingAlertCounts, m0010SnapshotsByDay];

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
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        migration.up(db);
        if (migration.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`Migration ${migration.version} would break ${broken.length} references; nothing was changed.`);
        }
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (migration.rebuildsTables) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
    applied.push(migration.version);
  }
  return applied;
}
