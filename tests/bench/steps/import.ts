// One file through the real importer (decode, parse, map, validate, upsert, index, history) into
// an existing or new database: rows per second and this process's peak memory.
//   node import.mjs --db FILE.db --kind service --file service.csv [--own-vendor NAME]
import { openDatabase } from '../../../src/db/connection';
import { importFile } from '../../../src/import/importer';
import type { Kind } from '../../../src/shared/kinds';
import { emit, options, peakRssMb, required, round } from './common';

const opts = options();
const db = openDatabase(required(opts, 'db'));
const started = performance.now();
const report = await importFile(db, required(opts, 'file'), {
  mapping: { kind: required(opts, 'kind') as Kind },
  ownVendor: opts.get('own-vendor') ?? 'Northwind',
});
const seconds = (performance.now() - started) / 1000;
db.close();
emit({
  kind: report.kind,
  rows: report.rows,
  inserted: report.inserted,
  updated: report.updated,
  rejected: report.rejectedCount,
  seconds: round(seconds, 2),
  rows_per_s: Math.round(report.rows / seconds),
  peak_rss_mb: peakRssMb(),
});
