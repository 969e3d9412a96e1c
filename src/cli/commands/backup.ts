import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openContext } from '../../services/context';
import { backupDatabase } from '../../services/backup';
import { checkDatabase } from '../../db/quick-check';
import { EXIT, type Output } from '../output';
import { parse, requireString } from '../options';

export function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A consistent copy of the database, into FILE or the backups folder beside it (keeping the newest few there). */
export async function backupCommand(argv: string[], io: Output): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, out: { type: 'string' } });
  const dbPath = requireString(values, 'db');
  const out = typeof values['out'] === 'string' && values['out'] !== '' ? resolve(values['out']) : undefined;
  if (!existsSync(dbPath)) {
    io.err(`error: there is no database at ${dbPath}`);
    return EXIT.badInput;
  }
  if (out && resolve(out) === resolve(dbPath)) {
    io.err('error: --out names the database itself; give another file');
    return EXIT.badInput;
  }
  const ctx = openContext(dbPath, { singleConnection: true });
  try {
    const problems = checkDatabase(ctx.db);
    if (problems.length > 0) {
      io.err(`error: ${dbPath} is damaged (${problems.slice(0, 3).join('; ')}); a copy of it would be too. Restore a backup instead.`);
      return EXIT.badInput;
    }
    const made = await backupDatabase(ctx.db, ctx.dataFile, 'manual', out ? { out } : {});
    io.out(`Backed up ${dbPath} to ${made.path} (${sizeOf(made.bytes)}).`);
    return EXIT.ok;
  } finally {
    ctx.close();
  }
}
