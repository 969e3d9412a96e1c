import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { testApp } from '../../support/context';
import { count } from '../../support/db-state';

/**
 * Opened read-write though only read: a read-only connection to a WAL file leaves its -wal and
 * -shm behind, and a later copy of the file alone would miss them.
 */
function writable(file: string): Database.Database {
  return new Database(file, { fileMustExist: true });
}

/** What SQLite says of the file after recovery: `ok`, or the first problems it found. */
export function integrity(file: string): { integrity: string; foreignKeyProblems: number; version: number } {
  const db = writable(file);
  try {
    const integrityText = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    return { integrity: integrityText, foreignKeyProblems, version: db.pragma('user_version', { simple: true }) as number };
  } finally {
    db.close();
  }
}

/** Row counts of the tables named (absent tables count as null). */
export function counts(file: string, tables: readonly string[]): Record<string, number | null> {
  const db = writable(file);
  try {
    const present = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    return Object.fromEntries(tables.map((t) => [t, present.has(t) ? count(db, t) : null]));
  } finally {
    db.close();
  }
}

/**
 * A SHA-256 of a table's rows in key order, each row with its columns by name (a rebuilt table may
 * order them differently).
 */
export function tableHash(file: string, table: string, orderBy: string): string {
  const db = writable(file);
  try {
    const hash = createHash('sha256');
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${orderBy}`).iterate() as Iterable<Record<string, unknown>>) {
      hash.update(JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]])));
      hash.update('\n');
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** What the app shows of the portfolio, opened the way the app opens it (migrating when needed). */
export async function portfolioSeenByApp(dir: string): Promise<unknown> {
  const { ctx, api } = testApp(dir);
  try {
    const response = await api.call('accounts/list', { limit: 100_000 });
    if (!response.ok) throw new Error(`accounts/list failed: ${JSON.stringify(response.error)}`);
    return response.data;
  } finally {
    ctx.close();
  }
}

/** Copies a closed database (no WAL left) into a fresh folder as the app's file. */
export function copyDatabase(from: string, toDir: string): string {
  rmSync(toDir, { recursive: true, force: true });
  mkdirSync(toDir, { recursive: true });
  for (const suffix of ['-wal', '-shm']) if (existsSync(from + suffix)) throw new Error(`${from} still has a ${suffix} file: close it first`);
  const to = join(toDir, 'app.db');
  copyFileSync(from, to);
  return to;
}

/** A seeded generator (mulberry32): the same seed gives the same kill moments. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of this run: CRASH_SEED when given, else a fixed one; printed so a failure can be replayed. */
export function crashSeed(fallback: number): number {
  const given = Number(process.env['CRASH_SEED']);
  return Number.isInteger(given) && given > 0 ? given : fallback;
}

/**
 * `n` kill moments spread over [from, to): one in each of n equal slices, at a seeded place in it,
 * then shuffled, so every part of the run is hit whatever the seed.
 */
export function killMoments(n: number, from: number, to: number, random: () => number): number[] {
  const width = (to - from) / n;
  const moments = Array.from({ length: n }, (_, i) => Math.round(from + (i + random()) * width));
  for (let i = moments.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [moments[i], moments[j]] = [moments[j]!, moments[i]!];
  }
  return moments;
}
