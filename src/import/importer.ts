import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { FIELDS, ID_FIELD, KIND_TABLE, type Kind } from '../shared/kinds';
import type {
  Detection,
  DuplicateRow,
  FieldReport,
  ImportProgress,
  ImportReport,
  MappingSpec,
  RejectedRow,
} from '../shared/import-types';
import { sniffFile, type Encoding } from './sniff';
import { decodeHead, EncodingRestart } from './text-stream';
import { csvRecords, detectLayout } from './csv-source';
import { sheetHeads } from './xlsx-source';
import type { ParseJob } from './parse-job';
import { convertFile } from './parse-run';
import { readHeader, type Header } from './header';
import { planColumns, MappingError, type ColumnPlan } from './recognize';
import { RowConverter, type Value } from './row-converter';
import { ImportWriter } from './writer';
import { DateOrderRestart, DateOrderState, type DateOrder } from './values/dates';
import { ImportFileError, type ImportErrorCode } from './errors';

export interface ImportFileOptions {
  readonly mapping?: MappingSpec;
  /** Import the valid rows and report the others, instead of refusing the whole file. */
  readonly skipInvalid?: boolean;
  /** How to read 03/04/2024 when nothing in the file tells. */
  readonly defaultDateOrder?: DateOrder;
  /** The vendor name of our own machines. */
  readonly ownVendor?: string;
  /** The file's name in messages and in the history (default: its base name). */
  readonly displayName?: string;
  readonly source?: 'file' | 'demo';
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly now?: () => Date;
  /** Collects the ids of the accounts the import wrote rows for (to rescore only those). */
  readonly touchedAccounts?: Set<string>;
  /** Convert and write everything, report it, then roll it all back (a preview). */
  readonly dryRun?: boolean;
  /**
   * The caller holds a write transaction spanning several files (cancelling any of them undoes
   * all): this file runs in a savepoint of it. The caller sets the connection's pragmas.
   */
  readonly withinTransaction?: boolean;
  /** How many rejected rows and duplicates the report lists (default LISTED_ROWS). */
  readonly listRows?: number;
}

/** How many rejected rows and duplicates a report lists (all are counted). */
export const LISTED_ROWS = 1000;

/** Restarts with what the file turned out to be (its encoding, its date order). */
interface Learned {
  encoding?: Encoding;
  dateOrder?: { order: DateOrder; row: number; value: string };
}

/**
 * Imports one file in one transaction. Without skipInvalid, one invalid row refuses the whole file;
 * either way a refused or cancelled import leaves the database exactly as it was.
 */
export async function importFile(db: Database.Database, path: string, options: ImportFileOptions = {}): Promise<ImportReport> {
  const learned: Learned = {};
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptImport(db, path, options, learned);
    } catch (error) {
      if (attempt >= 3) throw error;
      if (error instanceof DateOrderRestart) {
        learned.dateOrder = { order: error.order, row: error.row, value: error.value };
        continue;
      }
      if (error instanceof EncodingRestart) {
        learned.encoding = 'windows-1252';
        continue;
      }
      throw error;
    }
  }
}

interface Opened {
  readonly detection: Omit<Detection, 'dateOrder' | 'decimalMark' | 'vendor' | 'headerRows'>;
  readonly header: Header;
  readonly plan: ColumnPlan;
  readonly source: ParseJob['source'];
  readonly strictWidth: boolean;
}

async function attemptImport(db: Database.Database, path: string, options: ImportFileOptions, learned: Learned): Promise<ImportReport> {
  const file = options.displayName ?? basename(path);
  const spec = options.mapping ?? {};
  const started = (options.now ?? (() => new Date()))();
  const clock = performance.now();
  const sniffed = sniffFile(path);
  const totalBytes = sniffed.size;
  const fail = (reason: string, code: ImportErrorCode, place = {}): ImportFileError => new ImportFileError(file, reason, place, code);
  if (sniffed.format === 'empty') throw fail('the file is empty', 'empty');
  if (sniffed.format === 'unsupported') throw fail(`this is ${sniffed.what}, not a CSV or XLSX file`, 'not_text');

  const opened: Opened = sniffed.format === 'xlsx' ? await openXlsx(path, file, spec) : await openCsv(path, file, spec, learned, sniffed);

  const { plan, header } = opened;
  const dates = new DateOrderState(spec.dateOrder ?? learned.dateOrder?.order ?? options.defaultDateOrder ?? 'mdy', Boolean(spec.dateOrder));
  if (learned.dateOrder && !spec.dateOrder) dates.decidedBy = { row: learned.dateOrder.row, value: learned.dateOrder.value };
  const decimalMark = opened.detection.delimiter === ';' ? ',' : '.';
  const ownVendor = options.ownVendor ?? 'Our company';
  const badConstant = new RowConverter(plan, { dates, decimalMark, ownVendor, strictWidth: opened.strictWidth }, header.names.length).checkConstants()[0];
  if (badConstant) {
    throw fail(`the value set for ${badConstant.column} cannot be used: ${badConstant.reason}`, 'bad_mapping', { value: badConstant.value });
  }

  const rejected: RejectedRow[] = [];
  let rejectedCount = 0;
  const duplicates: DuplicateRow[] = [];
  let duplicateCount = 0;
  let rows = 0;
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  let skipped = 0;
  let writing = true;
  const job: ParseJob = {
    path,
    fileLabel: file,
    source: opened.source,
    skipRecords: header.rowsUsed,
    plan: { kind: plan.kind, sources: plan.sources, transforms: plan.transforms },
    headerWidth: header.names.length,
    strictWidth: opened.strictWidth,
    decimalMark,
    ownVendor,
  };
  const listed = options.listRows ?? LISTED_ROWS;
  const reject = (problems: readonly RejectedRow[]): void => {
    rejectedCount++;
    writing = writing && Boolean(options.skipInvalid);
    for (const p of problems) if (rejected.length < listed) rejected.push(p);
  };

  // The writer creates every account a row names before the row, so the foreign-key check is
  // redundant here; it costs a lookup a row. Only settable outside a transaction.
  const nested = options.withinTransaction === true;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  if (!nested) db.pragma('foreign_keys = OFF');
  // A smaller page cache for the import: it writes pages once and rarely reads them back, and
  // memory must stay flat however large the file.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  if (!nested) db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  db.exec(nested ? 'SAVEPOINT import_file' : 'BEGIN IMMEDIATE');
  let open = true;
  try {
    const importId = (
      db
        .prepare(
          `INSERT INTO imports (kind, file_name, file_size, source, started_at, finished_at, status, rows, inserted, updated, unchanged, duplicates, rejected, report)
           VALUES (?, ?, ?, ?, ?, ?, 'applied', 0, 0, 0, 0, 0, 0, '{}') RETURNING import_id`,
        )
        .get(plan.kind, file, totalBytes, options.source ?? 'file', started.toISOString(), started.toISOString()) as { import_id: number }
    ).import_id;
    const rebuild = dropIndexesForBulkLoad(db, KIND_TABLE[plan.kind], totalBytes);
    const writer = new ImportWriter(db, plan.kind, importId, options.touchedAccounts);
    const idIndex = FIELDS[plan.kind].findIndex((f) => f.name === ID_FIELD[plan.kind]);
    let maxAsOf: string | null = null;
    const asOfIndex = plan.kind === 'assets' ? FIELDS.assets.findIndex((f) => f.name === 'as_of') : -1;

    const write = (values: Value[], row: number): void => {
      const outcome = writer.write(values, row);
      switch (outcome.type) {
        case 'inserted':
          inserted++;
          break;
        case 'updated':
          updated++;
          break;
        case 'unchanged':
          unchanged++;
          break;
        case 'duplicate':
          duplicateCount++;
          if (duplicates.length < listed) duplicates.push({ row, sameAs: outcome.sameAs });
          break;
        case 'conflict': {
          const id = String(values[idIndex]);
          reject([{ row, column: headerOf(plan, ID_FIELD[plan.kind]), value: id, reason: `the id ${id} is also in row ${outcome.sameAs}, with different values` }]);
          break;
        }
      }
      if (asOfIndex >= 0) {
        const asOf = values[asOfIndex] as string | null;
        if (asOf && (maxAsOf === null || asOf > maxAsOf)) maxAsOf = asOf;
      }
    };

    let bytesRead = 0;
    for await (const batch of convertFile(job, dates, options.signal)) {
      if (options.signal?.aborted) throw cancelled(file);
      skipped += batch.skipped;
      bytesRead = batch.bytesRead;
      let problem = 0;
      for (let i = 0; i < batch.values.length; i++) {
        rows++;
        const values = batch.values[i];
        if (values) {
          if (writing) write(values, batch.rowNumbers[i]!);
        } else {
          reject(batch.problems[problem++]!.problems);
        }
      }
      options.onProgress?.({ file, rows, bytesRead, totalBytes, elapsedMs: performance.now() - clock });
    }
    if (options.signal?.aborted) throw cancelled(file);

    if (rejectedCount > 0 && !options.skipInvalid) {
      const first = rejected[0]!;
      const more = rejectedCount > 1 ? ` (and ${rejectedCount - 1} more ${rejectedCount === 2 ? 'row' : 'rows'}; nothing was imported)` : ' (nothing was imported)';
      const error = new ImportFileError(file, first.reason + more, { row: first.row, column: first.column, value: first.value }, rejected.some((r) => r.reason.includes('also in row')) ? 'conflicting_duplicate' : 'invalid_rows');
      error.rejected = rejected;
      error.rejectedCount = rejectedCount;
      throw error;
    }

    if (!options.dryRun) rebuild?.recreate();
    writer.recordFootprints(maxAsOf ?? started.toISOString().slice(0, 10));
    writer.finish();
    const detection: Detection = {
      ...opened.detection,
      headerRows: [...header.headerRowNumbers],
      vendor: plan.vendor ? `${plan.vendor.profile.label} ${plan.vendor.object.label}` : null,
      dateOrder: dates.describe(),
      decimalMark,
    };
    const report: ImportReport = {
      file,
      kind: plan.kind,
      importId,
      rows,
      inserted,
      updated,
      unchanged,
      duplicates,
      duplicateCount,
      rejected,
      rejectedCount,
      skipped,
      placeholdersCreated: writer.placeholdersCreated,
      detection,
      fields: fieldReports(plan),
      ignoredColumns: [...plan.ignoredColumns],
      warnings: warnings(plan, dates, writer.placeholdersCreated, rows, skipped, !options.dryRun),
      elapsedMs: Math.round(performance.now() - clock),
      applied: !options.dryRun,
    };
    if (options.dryRun) return { ...report, importId: null };
    db.prepare(
      `UPDATE imports SET finished_at = ?, rows = ?, inserted = ?, updated = ?, unchanged = ?, duplicates = ?, rejected = ?, report = ?
       WHERE import_id = ?`,
    ).run(new Date(started.getTime() + report.elapsedMs).toISOString(), rows, inserted, updated, unchanged, duplicateCount, rejectedCount, JSON.stringify(storedReport(report)), importId);
    if (options.signal?.aborted) throw cancelled(file);
    db.exec(nested ? 'RELEASE import_file' : 'COMMIT');
    open = false;
    return report;
  } catch (error) {
    if (options.signal?.aborted && !(error instanceof ImportFileError)) throw cancelled(file);
    throw error;
  } finally {
    if (nested) {
      if (open) db.exec('ROLLBACK TO import_file; RELEASE import_file');
    } else {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
      db.pragma(`cache_size = ${cacheSize}`);
    }
  }
}

/** The page cache of an import's connection, in KiB (negative: SQLite's unit for a size in KiB). */
const IMPORT_CACHE_KIB = -32768;

interface BulkIndexes {
  recreate(): void;
}

/** Bytes a row of an export takes, roughly: to tell a bulk load from a top-up before reading it. */
const BYTES_PER_ROW = 150;

/**
 * For a load that is large next to what the table holds, the secondary indexes are dropped inside
 * the import's transaction and built again before it commits: building an index once over the
 * rows is far cheaper than keeping it sorted through a million random inserts. A rolled-back
 * import gets its indexes back with everything else.
 */
function dropIndexesForBulkLoad(db: Database.Database, table: string, fileBytes: number): BulkIndexes | null {
  const expected = fileBytes / BYTES_PER_ROW;
  if (expected < 20_000) return null;
  const existing = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  if (expected < existing / 2) return null;
  const indexes = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as Array<{ name: string; sql: string }>;
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  return { recreate: () => indexes.forEach((index) => db.exec(index.sql)) };
}

function cancelled(file: string): ImportFileError {
  return new ImportFileError(file, 'the import was cancelled; nothing was changed', {}, 'cancelled');
}

function headerOf(plan: ColumnPlan, field: string): string {
  const source = plan.sources.get(field);
  return source?.type === 'column' ? source.header : field;
}

async function openCsv(path: string, file: string, spec: MappingSpec, learned: Learned, sniffed: { encoding: Encoding; bom: number; head: Buffer }): Promise<Opened> {
  const encoding = learned.encoding ?? sniffed.encoding;
  const bom = learned.encoding ? 0 : sniffed.bom;
  const layout = detectLayout(decodeHead(sniffed.head, encoding, bom));
  // The first records, enough to see every header row a survey tool writes; the rows are read
  // again from the start by the conversion.
  const records = csvRecords(path, { encoding, bom, layout, fileLabel: file });
  const first: string[][] = [];
  const firstRows: number[] = [];
  try {
    while (first.length < 4) {
      const next = await records.next();
      if (next.done) break;
      // One by one: a batch can hold more records than a spread has room for on the stack.
      for (const row of next.value.rows) first.push(row);
      for (const row of next.value.rowNumbers) firstRows.push(row);
    }
  } finally {
    await records.return(undefined);
  }
  const header = readHeader(first, firstRows);
  if (!header) throw new ImportFileError(file, 'the file has no rows, not even a header', {}, 'empty');
  return {
    detection: { format: 'csv', encoding, delimiter: layout.delimiter, tool: header.tool, sheet: null, sheets: [] },
    header,
    plan: planOrFail(file, header, spec),
    source: { format: 'csv', encoding, bom, layout },
    strictWidth: true,
  };
}

async function openXlsx(path: string, file: string, spec: MappingSpec): Promise<Opened> {
  let heads;
  try {
    heads = await sheetHeads(path);
  } catch (error) {
    throw new ImportFileError(file, `the spreadsheet cannot be read: ${(error as Error).message}`, {}, 'invalid_file');
  }
  const sheets = heads.map((h) => h.name);
  const candidates = spec.sheet ? heads.filter((h) => h.name === spec.sheet) : heads;
  if (spec.sheet && candidates.length === 0) {
    throw new ImportFileError(file, `the workbook has no sheet "${spec.sheet}" (it has: ${sheets.join(', ')})`, {}, 'bad_mapping');
  }
  let firstError: unknown = null;
  for (const head of candidates) {
    const header = readHeader(head.rows, head.rowNumbers);
    if (!header) continue;
    try {
      return {
        detection: { format: 'xlsx', encoding: null, delimiter: null, tool: header.tool, sheet: head.name, sheets },
        header,
        plan: planColumns(header, spec),
        source: { format: 'xlsx', sheet: head.name },
        strictWidth: false,
      };
    } catch (error) {
      firstError ??= error;
    }
  }
  if (firstError instanceof MappingError) {
    const prefix = candidates.length > 1 ? 'no sheet fits: ' : '';
    throw new ImportFileError(file, prefix + firstError.message, {}, firstError.code === 'refused' ? 'unknown_kind' : firstError.code);
  }
  if (firstError instanceof Error) throw firstError;
  throw new ImportFileError(file, 'the workbook has no rows, not even a header', {}, 'empty');
}

function planOrFail(file: string, header: Header, spec: MappingSpec): ColumnPlan {
  try {
    return planColumns(header, spec);
  } catch (error) {
    if (error instanceof MappingError) {
      throw new ImportFileError(file, error.message, {}, error.code === 'refused' ? 'unknown_kind' : error.code);
    }
    throw error;
  }
}

function fieldReports(plan: ColumnPlan): FieldReport[] {
  return FIELDS[plan.kind].map((def) => ({
    field: def.name,
    label: def.label,
    required: Boolean(def.required),
    source: plan.sources.get(def.name) ?? { type: 'none' },
  }));
}

function warnings(plan: ColumnPlan, dates: DateOrderState, placeholders: number, rows: number, skipped: number, applied: boolean): string[] {
  const out: string[] = [];
  if (rows === 0) out.push('The file has a header but no data rows.');
  if (dates.assumedAt && !dates.decidedBy && !dates.fixed) {
    out.push(`No date in the file tells day from month (first at row ${dates.assumedAt.row}: "${dates.assumedAt.value}"); read as ${dates.order === 'dmy' ? 'dd/mm/yyyy' : 'mm/dd/yyyy'}. Choose the order in the mapping if that is wrong.`);
  }
  if (placeholders > 0) {
    // A preview only says what the import would do.
    const one = placeholders === 1;
    const made = applied ? (one ? 'was created' : 'were created') : 'will be created';
    out.push(`${placeholders} ${one ? 'account was' : 'accounts were'} not known yet and ${made} with ${one ? 'its id as its name' : 'their ids as names'}; import an accounts file to complete ${one ? 'it' : 'them'}.`);
  }
  if (skipped > 0) {
    out.push(plan.kind === 'surveys'
      ? `${skipped} ${skipped === 1 ? 'row was' : 'rows were'} skipped: blank, or a response with neither a score nor a comment.`
      : `${skipped} blank ${skipped === 1 ? 'row was' : 'rows were'} skipped.`);
  }
  const vendor = plan.sources.get('vendor');
  if (vendor?.type === 'derived') out.push('The file names no vendor: our own machines are given our company name, the others "not named".');
  const id = ID_FIELD[plan.kind];
  if (plan.sources.get(id)?.type === 'generated') out.push(`The file has no ${id} column: ids were made from each row's content, so importing it again changes nothing.`);
  return out;
}

/** What the history keeps of a report: everything but the long lists, capped. */
function storedReport(report: ImportReport): ImportReport {
  return { ...report, rejected: report.rejected.slice(0, 200), duplicates: report.duplicates.slice(0, 200) };
}

export type { Kind };
