import { statSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { RecordBatch } from './records';

const BATCH_ROWS = 2000;

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  readonly name: string;
}

/** The XLSX library is loaded on the first workbook: a CSV import (or the app starting) never pays its memory. */
let library: Promise<typeof ExcelJS> | undefined;

async function openReader(path: string): Promise<AsyncIterable<SheetReader>> {
  library ??= import('exceljs').then((m) => (m as { default?: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS));
  const { stream } = await library;
  // Streaming keeps memory flat on large sheets; shared strings must be cached to resolve cells.
  return new stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  }) as unknown as AsyncIterable<SheetReader>;
}

export interface SheetHead {
  readonly name: string;
  readonly rows: string[][];
  readonly rowNumbers: number[];
}

/** The first rows of every sheet, to find the one whose header fits. */
export async function sheetHeads(path: string, maxRows = 6): Promise<SheetHead[]> {
  const heads: SheetHead[] = [];
  for await (const sheet of await openReader(path)) {
    const rows: string[][] = [];
    const rowNumbers: number[] = [];
    for await (const row of sheet) {
      if (rows.length < maxRows) {
        rows.push(cells(row));
        rowNumbers.push(row.number);
      }
      // The reader must be drained to reach the next sheet; stop converting once we have enough.
    }
    heads.push({ name: sheet.name, rows, rowNumbers });
  }
  return heads;
}

/** Every row of one sheet, in batches, with the sheet's own row numbers. */
export async function* xlsxRecords(
  path: string,
  sheetName: string,
  onBytes: (bytes: number) => void = () => {},
  signal?: AbortSignal,
): AsyncGenerator<RecordBatch> {
  const size = statSync(path).size;
  for await (const sheet of await openReader(path)) {
    if (sheet.name !== sheetName) {
      for await (const _row of sheet) void _row; // drain
      continue;
    }
    let rows: string[][] = [];
    let rowNumbers: number[] = [];
    for await (const row of sheet) {
      signal?.throwIfAborted();
      rows.push(cells(row));
      rowNumbers.push(row.number);
      if (rows.length >= BATCH_ROWS) {
        yield { rows, rowNumbers };
        rows = [];
        rowNumbers = [];
      }
    }
    if (rows.length > 0) yield { rows, rowNumbers };
    onBytes(size);
    return;
  }
}

/** A row's cells as text, the way the CSV reader gives them. */
function cells(row: ExcelJS.Row): string[] {
  const values = row.values as unknown[];
  const out: string[] = [];
  for (let i = 1; i < values.length; i++) out.push(cellText(values[i]));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    // exceljs gives the cell's wall-clock time as a UTC date.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['richText'])) return (v['richText'] as Array<{ text: string }>).map((r) => r.text).join('');
    if ('result' in v) return cellText(v['result']);
    if ('text' in v) return cellText(v['text']);
    if ('error' in v) return '';
    return ''; // a formula without a cached result
  }
  return typeof value === 'bigint' ? value.toString() : '';
}
