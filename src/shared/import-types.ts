import type { Kind } from './kinds';

export type DateOrderChoice = 'dmy' | 'mdy';

/** How a file's columns become canonical fields; saved as a named profile. */
export interface MappingSpec {
  kind?: Kind;
  /** field → the file's column header (null: do not read this field from the file). */
  columns?: Record<string, string | null>;
  /** field → one value for every row. */
  constants?: Record<string, string>;
  dateOrder?: DateOrderChoice;
  sheet?: string;
}

export type FieldSource =
  | { type: 'column'; header: string; column: number; how: 'canonical' | 'recognised' | 'vendor' | 'question' | 'mapped' }
  | { type: 'constant'; value: string }
  | { type: 'generated' }
  | { type: 'derived'; from: string }
  | { type: 'default'; value: string | number }
  | { type: 'none' };

export interface FieldReport {
  field: string;
  label: string;
  required: boolean;
  source: FieldSource;
}

export interface RejectedRow {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface DuplicateRow {
  row: number;
  sameAs: number;
}

export interface Detection {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headerRows: number[];
  tool: string | null;
  vendor: string | null;
  sheet: string | null;
  sheets: string[];
  dateOrder: string;
  decimalMark: '.' | ',';
}

export interface ImportReport {
  file: string;
  kind: Kind;
  importId: number | null;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  duplicates: DuplicateRow[];
  duplicateCount: number;
  rejected: RejectedRow[];
  rejectedCount: number;
  /** Rows with no value at all, and survey responses with neither score nor comment. */
  skipped: number;
  placeholdersCreated: number;
  detection: Detection;
  fields: FieldReport[];
  ignoredColumns: string[];
  warnings: string[];
  elapsedMs: number;
  applied: boolean;
}

export interface ImportProgress {
  file: string;
  rows: number;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
}

/** One line of the import history. */
export interface ImportRecord {
  importId: number;
  kind: Kind;
  fileName: string;
  fileSize: number;
  source: 'file' | 'demo';
  startedAt: string;
  finishedAt: string;
  status: 'applied' | 'undone';
  undoneAt: string | null;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  rejected: number;
}
