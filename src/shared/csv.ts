/** Writes rows as CSV (RFC 4180: quoted where needed, CRLF between rows). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>, options: { neutraliseFormulas?: boolean } = {}): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, options.neutraliseFormulas ?? false)).join(',')).join('\r\n') + '\r\n';
}

function csvCell(cell: string | number | null | undefined, neutralise: boolean): string {
  if (cell === null || cell === undefined) return '';
  let s = String(cell);
  // A spreadsheet runs a cell that starts with = + - @ (or a tab/CR before one) as a formula.
  if (neutralise && typeof cell === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
