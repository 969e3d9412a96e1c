import type { FieldSource } from '../shared/import-types';
import type { Kind } from '../shared/kinds';
import type { Encoding } from './sniff';
import type { CsvLayout } from './csv-source';
import type { DecimalMark } from './values/numbers';
import type { ValueTransform } from './vendors';

/** What it takes to read and convert a file's records, once its header has been recognised. */
export interface ParseJob {
  readonly path: string;
  readonly fileLabel: string;
  readonly source: { readonly format: 'csv'; readonly encoding: Encoding; readonly bom: number; readonly layout: CsvLayout } | { readonly format: 'xlsx'; readonly sheet: string };
  /** Records before the data (blank leading rows and header rows). */
  readonly skipRecords: number;
  readonly plan: { readonly kind: Kind; readonly sources: ReadonlyMap<string, FieldSource>; readonly transforms: ReadonlyMap<string, ValueTransform> };
  readonly headerWidth: number;
  readonly strictWidth: boolean;
  readonly decimalMark: DecimalMark;
  readonly ownVendor: string;
}
