import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection';

/** A fresh folder per test, removed afterwards: tests never share data. */
export function useTempDir(): { dir: () => string; file: (name: string, content: string | Buffer) => string; db: () => Db } {
  let current: string | null = null;
  const opened: Db[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
    if (current) rmSync(current, { recursive: true, force: true });
    current = null;
  });
  const dir = (): string => (current ??= mkdtempSync(join(tmpdir(), 'ahc-test-')));
  return {
    dir,
    file: (name, content) => {
      const path = join(dir(), name);
      writeFileSync(path, content);
      return path;
    },
    db: () => {
      const db = openDatabase(join(dir(), 'test.db'));
      opened.push(db);
      return db;
    },
  };
}

/** A CSV from rows of cells, quoted where needed. */
export function csv(rows: ReadonlyArray<ReadonlyArray<string | number>>, delimiter = ',', newline = '\n'): string {
  return rows
    .map((row) =>
      row
        .map((cell) => {
          const s = String(cell);
          return /["\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
        })
        .join(delimiter),
    )
    .join(newline) + newline;
}

export const SHARED_DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
