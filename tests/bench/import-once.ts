// Imports one file into a fresh database and prints rows per second and peak memory, as JSON.
// Run in its own process so peak memory is this import's alone:
//   npx tsx tests/bench/import-once.ts FILE [DB]
import { rmSync } from 'node:fs';
import { openDatabase } from '../../src/db/connection';
import { importFile } from '../../src/import/importer';

const [file, dbPath = `${file}.bench.db`] = process.argv.slice(2);
if (!file) throw new Error('usage: import-once.ts FILE [DB]');
for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
const db = openDatabase(dbPath);
const started = performance.now();
const report = await importFile(db, file, { mapping: { kind: 'service' } });
const seconds = (performance.now() - started) / 1000;
db.close();
process.stdout.write(
  JSON.stringify({
    rows: report.rows,
    inserted: report.inserted,
    seconds: Number(seconds.toFixed(2)),
    rows_per_s: Math.round(report.rows / seconds),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
