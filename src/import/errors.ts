/** Where in a file a problem is, as a spreadsheet shows it (the file's first line is row 1). */
export interface Place {
  readonly row?: number;
  readonly column?: string;
  readonly value?: string;
}

/** A file the importer cannot use. The database is left as it was. */
export class ImportFileError extends Error {
  /** For refused rows: every row listed (capped) and how many there were. */
  rejected?: ReadonlyArray<{ row: number; column: string; value: string; reason: string }>;
  rejectedCount?: number;

  constructor(
    readonly file: string,
    readonly reason: string,
    readonly place: Place = {},
    readonly code: ImportErrorCode = 'invalid_file',
  ) {
    super(describe(file, reason, place));
    this.name = 'ImportFileError';
  }
}

export type ImportErrorCode =
  | 'invalid_file'
  | 'not_text'
  | 'empty'
  | 'missing_column'
  | 'unknown_kind'
  | 'invalid_rows'
  | 'conflicting_duplicate'
  | 'line_too_long'
  | 'unterminated_quote'
  | 'cancelled'
  | 'bad_mapping';

export function describe(file: string, reason: string, place: Place): string {
  const where: string[] = [];
  if (place.row !== undefined) where.push(`row ${place.row}`);
  if (place.column !== undefined) where.push(`column "${place.column}"`);
  const value = place.value !== undefined ? ` (value: "${clipValue(place.value)}")` : '';
  return `${file}: ${where.length ? `${where.join(', ')}: ` : ''}${reason}${value}`;
}

function clipValue(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
}
