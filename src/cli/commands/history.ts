import { openContext } from '../../services/context';
import { listImports } from '../../db/repositories/imports';
import { undoImport, UndoError } from '../../import/undo';
import { recomputeUndone } from '../../services/recompute';
import { EXIT, number, UsageError, type Output } from '../output';
import { parse, requireString } from '../options';

export function importsCommand(argv: string[], io: Output): number {
  const { values } = parse(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
  const ctx = openContext(requireString(values, 'db'), { singleConnection: true });
  try {
    const history = listImports(ctx.db);
    if (values['json'] === true) {
      io.out(
        JSON.stringify(
          history.map((h) => ({
            import_id: h.importId,
            kind: h.kind,
            file: h.fileName,
            source: h.source,
            started_at: h.startedAt,
            finished_at: h.finishedAt,
            status: h.status,
            undone_at: h.undoneAt,
            rows: h.rows,
            inserted: h.inserted,
            updated: h.updated,
            unchanged: h.unchanged,
            duplicates: h.duplicates,
            rejected: h.rejected,
          })),
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    if (history.length === 0) {
      io.out('No imports yet.');
      return EXIT.ok;
    }
    const rows = history.map((h) => [
      `#${h.importId}`,
      h.startedAt.slice(0, 16).replace('T', ' '),
      h.kind,
      h.fileName,
      number(h.rows),
      number(h.inserted),
      number(h.updated),
      h.status === 'undone' ? `undone ${h.undoneAt?.slice(0, 10) ?? ''}` : 'applied',
    ]);
    io.out(table([['import', 'when (UTC)', 'kind', 'file', 'rows', 'new', 'changed', 'status'], ...rows]));
    return EXIT.ok;
  } finally {
    ctx.close();
  }
}

export async function undoCommand(argv: string[], io: Output): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, import: { type: 'string' } });
  const dbPath = requireString(values, 'db');
  const raw = requireString(values, 'import');
  const importId = Number(raw.replace(/^#/, ''));
  if (!Number.isInteger(importId) || importId <= 0) throw new UsageError('--import expects the number of an import (see the imports command)');
  const ctx = openContext(dbPath, { singleConnection: true });
  try {
    const result = undoImport(ctx.db, importId, ctx.now());
    await recomputeUndone(ctx, result);
    const kept = result.keptAsPlaceholders ? `; ${number(result.keptAsPlaceholders)} accounts other imports still use were kept with their ids as names` : '';
    io.out(`Undid import #${importId}: ${number(result.removed)} rows removed, ${number(result.restored)} rows restored${kept}.`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UndoError) {
      io.err(`error: ${error.message}`);
      return error.code === 'not_found' ? EXIT.badInput : EXIT.failed;
    }
    throw error;
  } finally {
    ctx.close();
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const numeric = new Set([4, 5, 6]);
  return rows.map((r) => r.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}
