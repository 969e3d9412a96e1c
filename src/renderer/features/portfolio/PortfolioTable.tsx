import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type Row, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PortfolioRow } from '../../../shared/account-types';
import { paths } from '../../app/paths';
import { recall, remember } from '../../app/persistent-state';
import { BandChip, SatisfactionScore } from '../../components/Band';
import { Sparkline } from '../../components/Sparkline';
import { Change } from '../../components/Change';
import { formatDay, formatInteger, formatPercent, formatScore } from '../../components/format';

const ROW_HEIGHT = 36;

/** Missing values sort last either way: TanStack does that for undefined. */
const orUndefined = <T,>(v: T | null): T | undefined => (v === null ? undefined : v);

const SEVERITY_LABEL: Record<string, string> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low' };

export const COLUMNS: ColumnDef<PortfolioRow>[] = [
  { id: 'name', header: 'Account', accessorFn: (r) => r.name, sortingFn: 'text', size: 200 },
  { id: 'owner', header: 'Owner', accessorFn: (r) => orUndefined(r.owner), sortUndefined: 'last', size: 124 },
  { id: 'segment', header: 'Segment', accessorFn: (r) => orUndefined(r.segment), sortUndefined: 'last', size: 124 },
  { id: 'region', header: 'Region', accessorFn: (r) => orUndefined(r.region), sortUndefined: 'last', size: 72 },
  { id: 'loyalty', header: 'Loyalty', accessorFn: (r) => orUndefined(r.loyalty), sortUndefined: 'last', size: 124, meta: { numeric: true } },
  { id: 'trend', header: '6 months', enableSorting: false, size: 80 },
  { id: 'satisfaction', header: 'Satisfaction', accessorFn: (r) => orUndefined(r.satisfaction), sortUndefined: 'last', size: 142 },
  {
    id: 'confidence',
    header: 'Conf.',
    accessorFn: (r) => orUndefined(r.confidence),
    sortUndefined: 'last',
    size: 58,
    meta: { numeric: true, title: 'Confidence: lower where evidence is missing, old or thin' },
  },
  {
    id: 'change30',
    header: '30 days',
    accessorFn: (r) => orUndefined(r.change30),
    sortUndefined: 'last',
    size: 72,
    meta: { numeric: true, title: 'Change in loyalty over 30 days, in points' },
  },
  // Takes whatever width the others leave.
  { id: 'topDriver', header: 'Costs most', accessorFn: (r) => orUndefined(r.topDriver), sortUndefined: 'last', size: 0, meta: { title: 'The driver that takes the most points off loyalty' } },
  { id: 'openAlerts', header: 'Alerts', accessorFn: (r) => r.openAlerts, size: 58, meta: { numeric: true, title: 'Open alerts' } },
  { id: 'renewalDate', header: 'Renewal', accessorFn: (r) => orUndefined(r.renewalDate), sortUndefined: 'last', size: 104 },
];

/**
 * What each column's cell shows, from the account alone. Rows render from these rather than from
 * the table's cell objects, which it would create for every row scrolled past and keep: ten
 * thousand rows' worth of them surviving young-generation collections made scrolling stutter.
 */
const CELLS: Record<string, (r: PortfolioRow) => ReactNode> = {
  owner: (r) => r.owner,
  segment: (r) => r.segment,
  region: (r) => r.region,
  loyalty: (r) => (
    <span className="score">
      <span className={`score-value ${r.band ? `band-text-${r.band}` : ''}`}>{formatScore(r.loyalty)}</span>
      <BandChip band={r.band} />
    </span>
  ),
  trend: (r) => (
    <span className={r.band ? `band-text-${r.band}` : 'muted-text'}>
      <Sparkline values={r.trend} label={`Loyalty over six months: ${r.trend.map((v) => formatScore(v)).join(', ') || 'no history'}`} />
    </span>
  ),
  satisfaction: (r) => <SatisfactionScore satisfaction={r.satisfaction} />,
  confidence: (r) => <span className={r.confidence !== null && r.confidence < 0.5 ? 'low-confidence' : undefined}>{formatPercent(r.confidence)}</span>,
  change30: (r) => <Change value={r.change30} />,
  topDriver: (r) => (
    <span className="ellipsis" title={r.topDriver ?? undefined}>
      {r.topDriver ?? '—'}
    </span>
  ),
  openAlerts: (r) =>
    r.openAlerts === 0 ? (
      <span className="muted-text">0</span>
    ) : (
      <span className={`alert-count severity-${r.worstAlert ?? 'low'}`} title={`${r.openAlerts} open, the worst ${SEVERITY_LABEL[r.worstAlert ?? 'low']}`}>
        {formatInteger(r.openAlerts)}
      </span>
    ),
  renewalDate: (r) => formatDay(r.renewalDate),
};

/**
 * One row's link is in the tab order at a time (the active one); arrows move it. A plain anchor to
 * the hash route: the router follows the hash, and a screenful of rows mounts without a router
 * subscription each while scrolling.
 */
function AccountLink({ row, focusable }: { readonly row: PortfolioRow; readonly focusable: boolean }) {
  return (
    <a href={`#${paths.account(row.accountId)}`} className="row-link" tabIndex={focusable ? 0 : -1} data-account-link={row.accountId}>
      <span className="ellipsis" title={row.name}>
        {row.name}
      </span>
      {row.placeholder && (
        <span className="chip muted" title="Known only from other files: import an accounts file to complete it">
          incomplete
        </span>
      )}
    </a>
  );
}

interface Props {
  readonly rows: readonly PortfolioRow[];
  readonly sorting: SortingState;
  readonly onSortingChange: (sorting: SortingState) => void;
  /** Receives the rows in the order shown (for the CSV export). */
  readonly onVisibleOrder?: (rows: readonly PortfolioRow[]) => void;
}

/**
 * Every account, however many: only the rows in view are in the page. Arrows move between rows,
 * Enter opens one; sort by any column with its header. The scroll position comes back with the
 * back key.
 */
export function PortfolioTable({ rows, sorting, onSortingChange, onVisibleOrder }: Props) {
  const data = useMemo(() => [...rows], [rows]);
  const [activeId, setActiveId] = useState<string | undefined>(() => recall<string | undefined>('portfolio.active', undefined));
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is rebuilt each render by design; the compiler leaves this component alone
  const table = useReactTable({
    data,
    columns: COLUMNS,
    state: { sorting },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.accountId,
    enableSortingRemoval: false,
  });
  const shown = table.getRowModel().rows;
  useEffect(() => {
    onVisibleOrder?.(shown.map((r) => r.original));
  }, [shown, onVisibleOrder]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 6 });
  const found = activeId === undefined ? -1 : shown.findIndex((r) => r.id === activeId);
  const active = found < 0 ? 0 : found;
  const [, navigate] = useLocation();

  // Back from an account: the table scrolls to where it was.
  useLayoutEffect(() => {
    const top = recall<number>('portfolio.scroll', 0);
    if (scroller.current && top > 0) scroller.current.scrollTop = top;
  }, []);

  const focusRow = (index: number): void => {
    const clamped = Math.max(0, Math.min(index, shown.length - 1));
    const id = shown[clamped]?.id;
    setActiveId(id);
    remember('portfolio.active', id);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row-index="${clamped}"] .row-link`)?.focus());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>): void => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) {
      e.preventDefault();
      focusRow(active + moves[e.key]!);
    } else if (e.key === 'Home' && e.ctrlKey) {
      e.preventDefault();
      focusRow(0);
    } else if (e.key === 'End' && e.ctrlKey) {
      e.preventDefault();
      focusRow(shown.length - 1);
    } else if (e.key === 'Enter' && shown[active]) {
      e.preventDefault();
      navigate(paths.account(shown[active].original.accountId));
    }
  };

  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div
      className="table-scroll"
      ref={scroller}
      data-scroll="portfolio"
      onScroll={(e) => remember('portfolio.scroll', e.currentTarget.scrollTop)}
    >
      <table className="data portfolio-table" aria-label="Accounts" aria-rowcount={shown.length + 1}>
        <colgroup>
          {table.getVisibleLeafColumns().map((c) => (
            <col key={c.id} style={c.getSize() > 0 ? { width: c.getSize() } : undefined} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const meta = header.column.columnDef.meta;
                return (
                  <th key={header.id} scope="col" className={meta?.numeric ? 'num' : undefined} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined} title={meta?.title}>
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span className="sort-mark" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {before > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={COLUMNS.length} style={{ height: before }} />
            </tr>
          )}
          {items.map((item) => {
            const row = shown[item.index]!;
            return <TableRow key={row.id} row={row} index={item.index} active={item.index === active} onActivate={setActiveId} />;
          })}
          {after > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={COLUMNS.length} style={{ height: after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Rows that stay in view while scrolling are not rendered again. */
const TableRow = memo(function TableRow({ row, index, active, onActivate }: { readonly row: Row<PortfolioRow>; readonly index: number; readonly active: boolean; readonly onActivate: (id: string) => void }) {
  return (
    <tr
      data-row-index={index}
      data-account-id={row.original.accountId}
      aria-rowindex={index + 2}
      className={active ? 'active-row' : undefined}
      onFocus={() => onActivate(row.id)}
    >
      {COLUMNS.map((column) =>
        column.id === 'name' ? (
          <th key="name" scope="row" className="name-cell">
            {/* With no row chosen yet, the first is the one Tab lands on. */}
            <AccountLink row={row.original} focusable={active} />
          </th>
        ) : (
          <td key={column.id} className={column.meta?.numeric ? 'num' : undefined}>
            {CELLS[column.id!]!(row.original)}
          </td>
        ),
      )}
    </tr>
  );
});
