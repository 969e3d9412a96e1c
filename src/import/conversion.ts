import type { RejectedRow } from '../shared/import-types';
import type { RecordBatch } from './records';
import type { RowConverter, Value } from './row-converter';

/**
 * Records turned into canonical values, ready to write: what the parsing side (a worker thread for
 * large files) hands the writing side. Parallel arrays, not an object per row.
 */
export interface ConvertedBatch {
  /** The row number of each record kept (accepted or rejected). */
  readonly rowNumbers: number[];
  /** The values of each accepted record; null for a rejected one. */
  readonly values: Array<Value[] | null>;
  /** Why each rejected record was rejected, by its index in this batch. */
  readonly problems: Array<{ index: number; problems: RejectedRow[] }>;
  /** Blank records, and survey responses with neither score nor comment. */
  readonly skipped: number;
  readonly bytesRead: number;
}

/** Converts one batch of records, from `from` on (earlier ones were header rows). */
export function convertBatch(converter: RowConverter, batch: RecordBatch, from: number, delimiter: string, bytesRead: number): ConvertedBatch {
  const rowNumbers: number[] = [];
  const values: Array<Value[] | null> = [];
  const problems: ConvertedBatch['problems'] = [];
  let skipped = 0;
  const malformed = batch.malformedRows;
  for (let i = from; i < batch.rows.length; i++) {
    const row = batch.rowNumbers[i]!;
    const cells = batch.rows[i]!;
    if (malformed !== undefined && malformed.size > 0 && malformed.has(row)) {
      // The stray quote is left in the value it broke: that is the column to name.
      const column = Math.max(0, cells.findIndex((cell) => cell.includes('"')));
      problems.push({ index: values.length, problems: [{ row, column: converter.columnLabel(column), value: cells.join(delimiter), reason: 'a quote inside a quoted value is not doubled ("")' }] });
      rowNumbers.push(row);
      values.push(null);
      continue;
    }
    const converted = converter.convert(cells, row);
    if (converted.ok === 'skip') {
      skipped++;
      continue;
    }
    rowNumbers.push(row);
    if (converted.ok === true) {
      values.push(converted.values);
    } else {
      problems.push({ index: values.length, problems: converted.problems });
      values.push(null);
    }
  }
  return { rowNumbers, values, problems, skipped, bytesRead };
}
