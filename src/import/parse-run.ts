import { csvRecords } from './csv-source';
import { xlsxRecords } from './xlsx-source';
import { convertBatch, type ConvertedBatch } from './conversion';
import { RowConverter } from './row-converter';
import type { DateOrderState } from './values/dates';
import type { ParseJob } from './parse-job';
import type { RecordBatch } from './records';

/**
 * Reads a file from its first data record and converts it, batch by batch. Throws the restarts
 * (encoding, date order) and file errors the readers and the converter throw.
 */
export async function* convertFile(job: ParseJob, dates: DateOrderState, signal?: AbortSignal): AsyncGenerator<ConvertedBatch> {
  let bytesRead = 0;
  const onBytes = (n: number): void => {
    bytesRead += n;
  };
  const converter = new RowConverter(job.plan, { dates, decimalMark: job.decimalMark, ownVendor: job.ownVendor, strictWidth: job.strictWidth }, job.headerWidth);
  const records: AsyncGenerator<RecordBatch> =
    job.source.format === 'csv'
      ? csvRecords(job.path, { encoding: job.source.encoding, bom: job.source.bom, layout: job.source.layout, fileLabel: job.fileLabel, onBytes, ...(signal ? { signal } : {}) })
      : xlsxRecords(job.path, job.source.sheet, onBytes, signal);
  const delimiter = job.source.format === 'csv' ? job.source.layout.delimiter : ',';
  let toSkip = job.skipRecords;
  for await (const batch of records) {
    let from = 0;
    if (toSkip > 0) {
      from = Math.min(toSkip, batch.rows.length);
      toSkip -= from;
    }
    const converted = convertBatch(converter, batch, from, delimiter, bytesRead);
    if (converted.rowNumbers.length > 0 || converted.skipped > 0) yield converted;
  }
}
