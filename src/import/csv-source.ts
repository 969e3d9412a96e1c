import Papa from 'papaparse';
import { decodedChunks } from './text-stream';
import type { Encoding } from './sniff';
import { ImportFileError } from './errors';
import type { RecordBatch } from './records';

export type Newline = '\n' | '\r\n' | '\r';

export interface CsvLayout {
  readonly delimiter: string;
  readonly newline: Newline;
  /** Excel's "sep=;" first line, which names the delimiter and is not data. */
  readonly sepLine: boolean;
}

/** The longest record the reader holds while looking for its end; beyond it the file is refused. */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

const DELIMITERS = [',', ';', '\t', '|'];

/** Delimiter and line ending, read from the start of the file. */
export function detectLayout(head: string, delimiter?: string): CsvLayout {
  const sep = /^sep=(.)\r?\n/i.exec(head);
  const body = sep ? head.slice(sep[0].length) : head;
  const newline = guessNewline(body);
  if (delimiter) return { delimiter, newline, sepLine: Boolean(sep) };
  if (sep) return { delimiter: sep[1]!, newline, sepLine: true };
  return { delimiter: guessDelimiter(body.slice(0, 256 * 1024), newline), newline, sepLine: false };
}

/**
 * The delimiter that splits the first rows into the same number of columns, most columns winning
 * ties. A quoted value holding another candidate does not count: the rows are parsed, not split.
 */
export function guessDelimiter(sample: string, newline: Newline): string {
  let best = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, newline, preview: 30 }).data.filter((r) => !(r.length === 1 && r[0] === ''));
    // The sample may end mid-row.
    if (rows.length > 2) rows.pop();
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const consistent = rows.filter((r) => r.length === width).length / rows.length;
    const score = consistent * 1000 + width;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function guessNewline(text: string): Newline {
  const sample = text.slice(0, 1024 * 1024).replace(/"[^"]*"/g, '');
  const n = sample.indexOf('\n');
  const r = sample.indexOf('\r');
  if (r === -1) return '\n';
  if (n !== -1 && n < r) return '\n';
  return sample[r + 1] === '\n' ? '\r\n' : '\r';
}

export interface CsvSourceOptions {
  readonly encoding: Encoding;
  readonly bom: number;
  readonly layout: CsvLayout;
  readonly fileLabel: string;
  readonly onBytes?: (bytes: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Every record of the file, in batches, numbered as a spreadsheet numbers rows (a record spanning
 * lines inside quotes is one row). papaparse's own parser runs on decoded text, because fed raw
 * bytes it garbles characters split across chunks.
 */
export async function* csvRecords(path: string, options: CsvSourceOptions): AsyncGenerator<RecordBatch> {
  const { layout } = options;
  const parser = new Papa.Parser({ delimiter: layout.delimiter, newline: layout.newline, quoteChar: '"' });
  let pending = '';
  let nextRow = 1;
  let skipSepLine = layout.sepLine;
  const stripCr = layout.newline === '\n';

  const emit = (text: string, last: boolean): RecordBatch => {
    const result = parser.parse(text, 0, !last) as {
      data: string[][];
      errors: Array<{ code: string; row: number }>;
      meta: { cursor: number };
    };
    pending = last ? '' : text.slice(result.meta.cursor);
    const rows = result.data;
    let first = nextRow;
    for (const error of result.errors) {
      if (error.code === 'MissingQuotes') {
        throw new ImportFileError(
          options.fileLabel,
          'a quoted value starts in this row and is never closed (unterminated quote)',
          { row: first + error.row },
          'unterminated_quote',
        );
      }
    }
    const malformed = new Set<number>();
    for (const error of result.errors) if (error.code === 'InvalidQuotes') malformed.add(first + error.row);
    if (stripCr) {
      for (const row of rows) {
        const lastCell = row[row.length - 1];
        if (lastCell !== undefined && lastCell.endsWith('\r')) row[row.length - 1] = lastCell.slice(0, -1);
      }
    }
    if (skipSepLine && rows.length > 0) {
      skipSepLine = false;
      rows.shift();
      first++;
    }
    const rowNumbers = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) rowNumbers[i] = first + i;
    nextRow = first + rows.length;
    return { rows, rowNumbers, malformedRows: malformed };
  };

  for await (const chunk of decodedChunks(path, options.encoding, options.bom, options.onBytes, options.signal)) {
    const text = pending + chunk;
    const batch = emit(text, false);
    if (batch.rows.length > 0) yield batch;
    if (pending.length > MAX_RECORD_CHARS) {
      // A record that runs over many lines can only be inside quotes.
      const quoted = /[\r\n]/.test(pending);
      throw new ImportFileError(
        options.fileLabel,
        quoted
          ? `a quoted value starts in this row and does not end within ${MAX_RECORD_CHARS / 1024 / 1024} MB (unterminated quote?)`
          : `this row is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB, more than any real export holds`,
        { row: nextRow },
        quoted ? 'unterminated_quote' : 'line_too_long',
      );
    }
  }
  const tail = emit(pending, true);
  if (tail.rows.length > 0) yield tail;
}
