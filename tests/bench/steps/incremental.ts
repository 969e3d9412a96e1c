// A small import as a user makes it every week: 1,000 new work orders touching 100 accounts,
// through the app's import service, which then rescores the accounts it touched; then its undo.
//   node incremental.mjs --db FILE.db --as-of DATE --accounts N --dir TMPDIR
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openContext } from '../../../src/services/context';
import { importFiles } from '../../../src/services/import-files';
import { addDays } from '../../../src/domain/dates';
import { undoImport } from '../../../src/import/undo';
import { recomputeUndone } from '../../../src/services/recompute';
import { emit, options, required, round } from './common';

const opts = options();
const asOf = required(opts, 'as-of');
const portfolio = Number(required(opts, 'accounts'));
const ctx = openContext(required(opts, 'db'), { now: () => new Date(`${asOf}T10:00:00Z`) });

const TOUCHED = 100;
const PER_ACCOUNT = 10;
const header = 'work_order_id,account_id,asset_id,type,opened_at,arrived_at,completed_at,fixed_first_time,technician,customer_signed';
const lines = [header];
for (let a = 0; a < TOUCHED; a++) {
  const account = `C${String(Math.floor((a * portfolio) / TOUCHED)).padStart(6, '0')}`;
  for (let v = 0; v < PER_ACCOUNT; v++) {
    const day = addDays(asOf, -1 - v);
    lines.push(`WO-NEW-${a}-${v},${account},SN-NEW-${a},${v % 3 === 0 ? 'break_fix' : 'preventive'},${day}T08:00:00,${day}T09:00:00,${day}T10:30:00,${v % 7 === 0 ? 0 : 1},Sam Ortiz,1`);
  }
}
const file = join(required(opts, 'dir'), 'weekly-service.csv');
writeFileSync(file, `${lines.join('\n')}\n`);

const started = performance.now();
const outcome = await importFiles(ctx, { paths: [file] });
const total = performance.now() - started;
const [imported] = outcome.files;
if (!imported || 'error' in imported) throw imported?.error ?? new Error('the weekly file was not imported');

// Then taken back, as the history's Undo does it: the rows out, the accounts they changed rescored.
const undoStarted = performance.now();
await recomputeUndone(ctx, undoImport(ctx.db, imported.report.importId!, ctx.now()));
const undo = performance.now() - undoStarted;
ctx.close();
emit({
  rows: TOUCHED * PER_ACCOUNT,
  accounts: outcome.recompute?.accounts ?? 0,
  import_and_recompute_ms: round(total, 1),
  recompute_ms: outcome.recompute?.ms ?? null,
  undo_ms: round(undo, 1),
});
