import type { MappingSpec } from '../shared/import-types';
import type { Inspection } from '../shared/api/imports';
import { FIELDS } from '../shared/kinds';
import { sniffFile, type Encoding } from '../import/sniff';
import { decodeHead, EncodingRestart } from '../import/text-stream';
import { csvRecords, detectLayout, type CsvLayout } from '../import/csv-source';
import { sheetHeads } from '../import/xlsx-source';
import { readHeader, type Header } from '../import/header';
import { draftPlan, MappingError, planColumns, type ColumnPlan } from '../import/recognize';
import { convertFile } from '../import/parse-run';
import type { ParseJob } from '../import/parse-job';
import { DateOrderRestart, DateOrderState, type DateOrder } from '../import/values/dates';
import { ImportFileError } from '../import/errors';

/** Rows read to show samples and to see how the file writes its dates; the preview reads them all. */
const HEAD_RECORDS = 40;
const DATE_SAMPLE_ROWS = 5000;
const SAMPLES = 3;

export interface InspectOptions {
  readonly stagedId: string;
  readonly name: string;
  readonly mapping: MappingSpec;
  readonly defaultDateOrder: DateOrder;
  readonly ownVendor: string;
}

type Problem = NonNullable<Inspection['problem']>;

interface Head {
  readonly header: Header;
  readonly data: string[][];
  readonly source: ParseJob['source'];
}

/**
 * What a file is before anything is written: its format, encoding, delimiter, header rows, source
 * system, kind, and where each column goes under the mapping given; and, if it cannot be imported
 * as mapped, why.
 */
export async function inspectFile(path: string, options: InspectOptions): Promise<Inspection> {
  const file = options.name;
  const spec = options.mapping;
  const sniffed = sniffFile(path);
  const base: Inspection = {
    stagedId: options.stagedId,
    file,
    size: sniffed.size,
    format: null,
    encoding: null,
    bom: false,
    delimiter: null,
    decimalMark: null,
    headerRows: [],
    tool: null,
    vendor: null,
    sheet: null,
    sheets: [],
    kind: spec.kind ?? null,
    kindChosen: Boolean(spec.kind),
    dateOrder: null,
    columns: [],
    fields: [],
    missing: [],
    problem: null,
  };
  const problem = (message: string, code: string, place: { row?: number; column?: string; value?: string } = {}): Problem => ({
    message: new ImportFileError(file, message, place).message,
    code,
    row: place.row ?? null,
    column: place.column ?? null,
    value: place.value ?? null,
  });
  if (sniffed.format === 'empty') return { ...base, problem: problem('the file is empty', 'empty') };
  if (sniffed.format === 'unsupported') return { ...base, problem: problem(`this is ${sniffed.what}, not a CSV or XLSX file`, 'not_text') };

  let head: Head | null;
  let inspection: Inspection;
  try {
    if (sniffed.format === 'csv') {
      let encoding: Encoding = sniffed.encoding;
      let bom = sniffed.bom;
      const layout = detectLayout(decodeHead(sniffed.head, encoding, bom));
      try {
        head = await csvHead(path, file, encoding, bom, layout);
      } catch (error) {
        if (!(error instanceof EncodingRestart)) throw error;
        encoding = 'windows-1252';
        bom = 0;
        head = await csvHead(path, file, encoding, bom, layout);
      }
      inspection = { ...base, format: 'csv', encoding, bom: bom > 0, delimiter: layout.delimiter, decimalMark: layout.delimiter === ';' ? ',' : '.' };
    } else {
      const heads = await sheetHeads(path, HEAD_RECORDS);
      const sheets = heads.map((h) => h.name);
      inspection = { ...base, format: 'xlsx', sheets, decimalMark: '.' };
      if (spec.sheet && !sheets.includes(spec.sheet)) {
        return { ...inspection, problem: problem(`the workbook has no sheet "${spec.sheet}" (it has: ${sheets.join(', ')})`, 'bad_mapping') };
      }
      head = xlsxHead(heads, spec);
      inspection.sheet = head ? (head.source as { sheet: string }).sheet : null;
    }
  } catch (error) {
    if (error instanceof ImportFileError) return { ...base, problem: problem(error.reason, error.code, error.place) };
    if (sniffed.format === 'xlsx') return { ...base, format: 'xlsx', problem: problem(`the spreadsheet cannot be read: ${(error as Error).message}`, 'invalid_file') };
    throw error;
  }
  if (!head) return { ...inspection, problem: problem('the file has no rows, not even a header', 'empty') };

  const { header, data } = head;
  inspection.headerRows = [...header.headerRowNumbers];
  inspection.tool = header.tool;

  let draft: ReturnType<typeof draftPlan>;
  try {
    draft = draftPlan(header, spec);
  } catch (error) {
    if (error instanceof MappingError) draft = draftPlan(header, { ...spec, columns: {} });
    else throw error;
  }
  try {
    planColumns(header, spec);
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    inspection.problem = problem(error.message, error.code === 'refused' ? 'unknown_kind' : error.code);
  }

  const plan = draft?.plan ?? null;
  const byColumn = new Map<number, string>();
  if (plan) {
    for (const [field, source] of plan.sources) if (source.type === 'column' && !byColumn.has(source.column)) byColumn.set(source.column, field);
    inspection.kind = plan.kind;
    inspection.vendor = plan.vendor ? `${plan.vendor.profile.label} ${plan.vendor.object.label}` : null;
    inspection.fields = FIELDS[plan.kind].map((def) => ({ field: def.name, label: def.label, required: Boolean(def.required), source: plan.sources.get(def.name) ?? { type: 'none' } }));
    inspection.missing = draft!.missing;
  }
  inspection.columns = header.names.map((name, index) => ({
    index,
    header: name,
    label: header.labels[index] ?? name,
    field: byColumn.get(index) ?? null,
    samples: samplesOf(data, index),
  }));

  if (plan) {
    try {
      inspection.dateOrder = await sampleDateOrder(path, file, head, plan, spec, options);
    } catch (error) {
      if (error instanceof ImportFileError && !inspection.problem) inspection.problem = problem(error.reason, error.code, error.place);
      else if (!(error instanceof ImportFileError)) throw error;
    }
  }
  return inspection;
}

async function csvHead(path: string, file: string, encoding: Encoding, bom: number, layout: CsvLayout): Promise<Head | null> {
  const records = csvRecords(path, { encoding, bom, layout, fileLabel: file });
  const rows: string[][] = [];
  const numbers: number[] = [];
  try {
    while (rows.length < HEAD_RECORDS) {
      const next = await records.next();
      if (next.done) break;
      rows.push(...next.value.rows);
      numbers.push(...next.value.rowNumbers);
    }
  } finally {
    await records.return(undefined);
  }
  const header = readHeader(rows, numbers);
  return header ? { header, data: rows.slice(header.rowsUsed), source: { format: 'csv', encoding, bom, layout } } : null;
}

/** The sheet the mapping names, else the first whose header recognition accepts, else the first with a header. */
function xlsxHead(heads: Awaited<ReturnType<typeof sheetHeads>>, spec: MappingSpec): Head | null {
  const candidates = spec.sheet ? heads.filter((h) => h.name === spec.sheet) : heads;
  let fallback: Head | null = null;
  for (const sheet of candidates) {
    const header = readHeader(sheet.rows, sheet.rowNumbers);
    if (!header) continue;
    const head: Head = { header, data: sheet.rows.slice(header.rowsUsed), source: { format: 'xlsx', sheet: sheet.name } };
    fallback ??= head;
    try {
      planColumns(header, spec);
      return head;
    } catch {
      // Try the next sheet.
    }
  }
  return fallback;
}

function samplesOf(data: readonly string[][], column: number): string[] {
  const out: string[] = [];
  for (const row of data) {
    const value = (row[column] ?? '').trim();
    if (value !== '' && !out.includes(value)) out.push(value.length > 60 ? `${value.slice(0, 60)}…` : value);
    if (out.length >= SAMPLES) break;
  }
  return out;
}

/** Reads the first rows as the import would, to see whether a date tells day from month. */
async function sampleDateOrder(path: string, file: string, head: Head, plan: ColumnPlan, spec: MappingSpec, options: InspectOptions): Promise<Inspection['dateOrder']> {
  const dates = new DateOrderState(spec.dateOrder ?? options.defaultDateOrder, Boolean(spec.dateOrder));
  const decimalMark = head.source.format === 'csv' && head.source.layout.delimiter === ';' ? ',' : '.';
  const job: ParseJob = {
    path,
    fileLabel: file,
    source: head.source,
    skipRecords: head.header.rowsUsed,
    plan: { kind: plan.kind, sources: plan.sources, transforms: plan.transforms },
    headerWidth: head.header.names.length,
    strictWidth: head.source.format === 'csv',
    decimalMark,
    ownVendor: options.ownVendor,
  };
  let rows = 0;
  try {
    for await (const batch of convertFile(job, dates)) {
      rows += batch.rowNumbers.length;
      if (rows >= DATE_SAMPLE_ROWS) break;
    }
  } catch (error) {
    if (!(error instanceof DateOrderRestart)) throw error;
    dates.order = error.order;
    dates.decidedBy = { row: error.row, value: error.value };
  }
  return { order: dates.order, reason: dates.describe() };
}
