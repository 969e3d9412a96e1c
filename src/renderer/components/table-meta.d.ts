import '@tanstack/react-table';

// What our column definitions say about themselves: right-aligned numbers and a header's tooltip.
declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    readonly numeric?: boolean;
    readonly title?: string;
  }
}
