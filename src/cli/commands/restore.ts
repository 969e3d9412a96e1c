import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openContext } from '../../services/context';
import { backupFolder, BackupError, restoreBackup } from '../../services/backup';
import { EXIT, number, type Output } from '../output';
import { parse, requireString } from '../options';

/**
 * Puts a backup in place of the database, after checking it; the data it replaces is backed up
 * first. A backup that fails the check leaves the database exactly as it was (exit 2).
 */
export async function restoreCommand(argv: string[], io: Output): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, from: { type: 'string' } });
  const dbPath = requireString(values, 'db');
  const from = requireString(values, 'from');
  // A file name alone may name one of the database's own backups.
  const source = existsSync(from) ? resolve(from) : join(backupFolder(resolve(dbPath)), from);
  if (!existsSync(source)) {
    io.err(`error: there is no backup at ${from}`);
    return EXIT.badInput;
  }
  if (resolve(source) === resolve(dbPath)) {
    io.err('error: --from names the database itself; give a backup file');
    return EXIT.badInput;
  }
  const ctx = openContext(dbPath, { singleConnection: true, damaged: 'recover' });
  try {
    const outcome = await restoreBackup(ctx, source);
    io.out(`Restored ${dbPath} from ${source}: ${number(outcome.accounts)} accounts.`);
    if (outcome.safetyBackup) io.err(`The data it replaced was backed up to ${outcome.safetyBackup.path}.`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof BackupError) {
      io.err(`error: ${error.message}`);
      return EXIT.badInput;
    }
    throw error;
  } finally {
    ctx.close();
  }
}
