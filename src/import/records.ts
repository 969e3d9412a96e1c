/** Records as they come off a file, numbered as a spreadsheet shows its rows. */
export interface RecordBatch {
  readonly rows: string[][];
  readonly rowNumbers: number[];
  /** Rows whose quoting is broken (a stray quote inside a quoted value). */
  readonly malformedRows?: ReadonlySet<number>;
}
