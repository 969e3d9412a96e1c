import type { Db } from './connection';

/** SQLite's own check of a database (thorough: the integrity check): [] when sound, else what it found (at most 20 lines). */
export function checkDatabase(db: Db, thorough = false): string[] {
  try {
    const rows = db.pragma(`${thorough ? 'integrity_check' : 'quick_check'}(20)`, { simple: false }) as Array<Record<string, string>>;
    return rows.map((r) => Object.values(r)[0] ?? '').filter((line) => line !== 'ok');
  } catch (error) {
    return [(error as Error).message];
  }
}
