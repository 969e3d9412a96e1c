import type { Db } from '../connection';
import type { ImportRecord } from '../../shared/import-types';
import type { Kind } from '../../shared/kinds';

interface Row {
  import_id: number;
  kind: Kind;
  file_name: string;
  file_size: number;
  source: 'file' | 'demo';
  started_at: string;
  finished_at: string;
  status: 'applied' | 'undone';
  undone_at: string | null;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  rejected: number;
}

/** The import history, newest first. */
export function listImports(db: Db): ImportRecord[] {
  const rows = db
    .prepare(
      `SELECT import_id, kind, file_name, file_size, source, started_at, finished_at, status, undone_at,
              rows, inserted, updated, unchanged, duplicates, rejected
       FROM imports ORDER BY import_id DESC`,
    )
    .all() as Row[];
  return rows.map((r) => ({
    importId: r.import_id,
    kind: r.kind,
    fileName: r.file_name,
    fileSize: r.file_size,
    source: r.source,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    undoneAt: r.undone_at,
    rows: r.rows,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    duplicates: r.duplicates,
    rejected: r.rejected,
  }));
}
