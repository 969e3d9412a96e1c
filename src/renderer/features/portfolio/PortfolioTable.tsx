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
/** More than a screen and its overscan can hold, so the rows in the page never share a key. */
const ROW_SLOTS = 128;

/** Missing values sort last either way: TanStack does that for undefined. */
const orUndefined = <T,>(v: T | null): T | undefined => (v === null ? undefined : v);

const SEVERITY_LABEL: Record<string, string> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low' };

export const COLUMNS: ColumnDef<PortfolioRow>[] = [
  { id: 'name', header: 'Account', accessorFn: (r) => r.name, sortingFn: 'text', size: 200 },
  { id: 'owner', header: 'Owner', accessorFn: (r) => orUndefined(r.owner), sortUndefined: 'last', size: 124 },
  { id: 'segment', header: 'Segment', accessorFn: (r) => orUndefined(r.segment), sortUndefined: 'last', size: 124 },
  { id: 'region', header: 'Region', accessorFn: (r) => orUndefined(r.region), sortUndefined: 'last', size: 72 },
  { id: 'loyalty', header: 'Loyalty', accessorFn: (r) => orUndefined(r.loyalty), sortUndefined: 'last', size: 128, meta: { numeric: true } },
  { id: 'trend', header: '6 months', enableSorting: false, size: 80 },
  { id: 'satisfaction', header: 'Satisfaction', accessorFn: (r) => orUndefined(r.satisfaction), sortUndefined: 'last', size: 164 },
  {
    id: 'confidence',
    header: 'Conf.',
    accessorFn: (r) => orUndefined(r.confidence),
    sortUndefined: 'last',
    size: 60,
    meta: { numeric: true, title: 'Confidence: lower where evidence is missing, old or thin' },
  },
  {
    id: 'change30',
    header: '30 days',
    accessorFn: (r) => orUndefined(r.change30),
    sortUndefined: 'last',
    size: 80,
    meta: { numeric: true, title: 'Change in loyalty over 30 days, in points' },
  },
  // Takes whatever width the others leave; its sentence wraps onto a second line.
  { id: 'topDriver', header: 'Costs most', accessorFn: (r) => orUndefined(r.topDriver), sortUndefined: 'last', size: 0, meta: { title: 'The driver that takes the most points off loyalty' } },
  { id: 'openAlerts', header: 'Alerts', accessorFn: (r) => r.openAlerts, size: 68, meta: { numeric: true, title: 'Open alerts' } },
  { id: 'renewalDate', header: 'Renewal', accessorFn: (r) => orUndefined(r.renewalDate), sortUndefined: 'last', size: 108 },
];

/** The columns' widths, shared by the header and every row; the free-text column takes what is left. */
const TEMPLATE = COLUMNS.map((c) => (c.size ? `${c.size}px` : 'minmax(0, 1fr)')).join(' ');

/**
 * What each column's cell shows, from the account alone. Rows render from these rather than from
 * the table's cell objects, which it would create for every row scrolled past and keep: ten
 * thousand rows' worth of them surviving young-generation collections made scrolling stutter.
 */
const CELLS: Record<string, (r: PortfolioRow) => ReactNode> = {
  owner: (r) => <Clipped text={r.owner} />,
  segment: (r) => <Clipped text={r.segment} />,
  region: (r) => <Clipped text={r.region} />,
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
    <span className="driver-text" title={r.topDriver ?? undefined}>
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
  renewalDate: (r) => <Clipped text={formatDay(r.renewalDate)} />,
};

/** Text cut with an ellipsis where the column is too narrow for it, whole in its tooltip. */
function Clipped({ text }: { readonly text: string | null }) {
  return (
    <span className="ellipsis" title={text ?? undefined}>
      {text}
    </span>
  );
}

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

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
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

  return (
    <div
      className="table-scroll"
      ref={scroller}
      data-scroll="portfolio"
      onScroll={(e) => remember('portfolio.scroll', e.currentTarget.scrollTop)}
    >
      <div role="table" className="portfolio-grid" aria-label="Accounts" aria-rowcount={shown.length + 1} style={{ gridTemplateColumns: TEMPLATE }}>
        <div role="rowgroup" className="grid-head">
          {table.getHeaderGroups().map((group) => (
            <div role="row" key={group.id} aria-rowindex={1} className="grid-row">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const meta = header.column.columnDef.meta;
                return (
                  <div role="columnheader" key={header.id} className={meta?.numeric ? 'num' : undefined} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined} title={meta?.title}>
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
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {items.map((item) => {
            const row = shown[item.index]!;
            // Keyed by place, not by account: scrolling hands a row's elements to the account that
            // takes its place, instead of building new ones for every screenful.
            return <TableRow key={item.index % ROW_SLOTS} row={row} index={item.index} top={item.start} active={item.index === active} onActivate={setActiveId} />;
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * Rows that stay in view while scrolling are not rendered again. Each row is placed on its own and
 * contained, so a screenful of new rows is laid out without laying out the rest of the table.
 */
const TableRow = memo(function TableRow({ row, index, top, active, onActivate }: { readonly row: Row<PortfolioRow>; readonly index: number; readonly top: number; readonly active: boolean; readonly onActivate: (id: string) => void }) {
  const element = useRef<HTMLDivElement>(null);
  // Focus belongs to the account, not to the elements now showing another one: let it go, as it
  // would if the row had left the page, so Enter never opens an account nobody chose.
  useLayoutEffect(() => {
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && element.current?.contains(focused)) focused.blur();
  }, [row.id]);
  return (
    <div
      ref={element}
      role="row"
      data-row-index={index}
      data-account-id={row.original.accountId}
      aria-rowindex={index + 2}
      className={active ? 'grid-row active-row' : 'grid-row'}
      style={{ transform: `translateY(${top}px)` }}
      onFocus={() => onActivate(row.id)}
    >
      {COLUMNS.map((column) =>
        column.id === 'name' ? (
          <div role="rowheader" key="name" className="name-cell">
            {/* With no row chosen yet, the first is the one Tab lands on. */}
            <AccountLink row={row.original} focusable={active} />
          </div>
        ) : (
          <div role="cell" key={column.id} className={column.meta?.numeric ? 'num' : undefined}>
            {CELLS[column.id!]!(row.original)}
          </div>
        ),
      )}
    </div>
  );
});
