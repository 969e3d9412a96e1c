/** A column of a data table's header: its label, right-aligned over figures, or read out only. */
export type HeadColumn = string | { readonly label: string; readonly numeric?: boolean; readonly readOutOnly?: boolean };

/**
 * The header row of a `table.data`: each column a `th` with its scope, figures right-aligned.
 * `rowIndex` for grids whose rows say their place (`aria-rowindex`).
 */
export function TableHead({ columns, rowIndex }: { readonly columns: readonly HeadColumn[]; readonly rowIndex?: number }) {
  return (
    <thead>
      <tr aria-rowindex={rowIndex}>
        {columns.map((column) => {
          const { label, numeric = false, readOutOnly = false } = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={label} scope="col" className={numeric ? 'num' : undefined}>
              {readOutOnly ? <span className="visually-hidden">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** A figure column's header. */
export const figure = (label: string): HeadColumn => ({ label, numeric: true });
