import type { PortfolioRow } from '../../../shared/account-types';

/** The portfolio's order: one column, either way. */
export interface PortfolioSort {
  readonly id: string;
  readonly desc: boolean;
}

/** What a column sorts by: text in natural order ("Site 9" before "Site 10"), or a number. Missing values are null. */
export type SortValue = (row: PortfolioRow) => string | number | null;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The rows in the column's order; missing values last either way, ties in the order given. The
 * keys are read once per row rather than once per comparison: ten thousand rows sort in a few
 * milliseconds.
 */
export function sortRows(rows: readonly PortfolioRow[], value: SortValue, desc: boolean): PortfolioRow[] {
  const keyed = rows.map((row, index) => ({ row, index, key: value(row) }));
  const sign = desc ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
    const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
    return order === 0 ? a.index - b.index : sign * order;
  });
  return keyed.map((k) => k.row);
}

/** The next order when a column's header is pressed: the other way round if it is the sort column, else its natural first way. */
export function nextSort(current: PortfolioSort | undefined, id: string, descFirst: boolean): PortfolioSort {
  return current?.id === id ? { id, desc: !current.desc } : { id, desc: descFirst };
}
