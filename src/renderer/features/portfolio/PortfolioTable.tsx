import { cloneElement, memo, useEffect, useId, useLayoutEffect, useMemo, useReducer, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactElement } from 'react';
import { useLocation } from 'wouter';
import { observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import type { PortfolioRow } from '../../../shared/account-types';
import { readSparkline } from '../../../shared/sparkline';
import { paths } from '../../app/paths';
import { recall, remember } from '../../app/persistent-state';
import { BandChip, SatisfactionFigures } from '../../components/Band';
import { Sparkline } from '../../components/Sparkline';
import { Change } from '../../components/Change';
import { formatDay, formatInteger, formatPercent, formatScore } from '../../components/format';
import { nextSort, sortRows, type PortfolioSort, type SortValue } from './sorting';
import { SETTLE_MS, SweepWatch } from './skimming';

const ROW_HEIGHT = 36;

const SEVERITY_LABEL: Record<string, string> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low' };

interface Column {
  readonly id: string;
  readonly header: string;
  /** Width in pixels; none for the column that takes what the others leave. */
  readonly size?: number;
  /** How narrow it may get in a narrow window, in pixels; else it keeps its size. */
  readonly least?: number;
  /** What it sorts by; not sortable without. */
  readonly sortBy?: SortValue;
  /** Right-aligned figures. */
  readonly numeric?: boolean;
  /** Highest first on the first press of the header (figures); else A to Z, earliest first. */
  readonly highestFirst?: boolean;
  /** The header's tooltip. */
  readonly title?: string;
}

const COLUMNS: readonly Column[] = [
  { id: 'name', header: 'Account', sortBy: (r) => r.name, size: 200, least: 160 },
  { id: 'owner', header: 'Owner', sortBy: (r) => r.owner, size: 124, least: 96 },
  { id: 'segment', header: 'Segment', sortBy: (r) => r.segment, size: 124, least: 96 },
  { id: 'region', header: 'Region', sortBy: (r) => r.region, size: 72 },
  { id: 'loyalty', header: 'Loyalty', sortBy: (r) => r.loyalty, size: 128, numeric: true, highestFirst: true },
  { id: 'trend', header: '6 months', size: 84 },
  { id: 'satisfaction', header: 'Satisfaction', sortBy: (r) => r.satisfaction, size: 164, highestFirst: true },
  { id: 'confidence', header: 'Conf.', sortBy: (r) => r.confidence, size: 60, numeric: true, highestFirst: true, title: 'Confidence: lower where evidence is missing, old or thin' },
  { id: 'change30', header: '30 days', sortBy: (r) => r.change30, size: 80, numeric: true, highestFirst: true, title: 'Change in loyalty over 30 days, in points' },
  // Takes whatever width the others leave; its sentence wraps onto a second line.
  { id: 'topDriver', header: 'Costs most', sortBy: (r) => r.topDriver, title: 'The driver that takes the most points off loyalty' },
  { id: 'openAlerts', header: 'Alerts', sortBy: (r) => r.openAlerts, size: 68, numeric: true, highestFirst: true, title: 'Open alerts' },
  { id: 'renewalDate', header: 'Renewal', sortBy: (r) => r.renewalDate, size: 108 },
];

/** The free-text column's narrowest: its header and a few words. */
const LEAST_FREE_WIDTH = 100;

/**
 * Each column's width, shared by the header and every row. Depending only on the window's width,
 * never on what the rows hold, every row lays out alike. The free-text column takes what is left;
 * the columns that may narrow give way first when the window is short of room. A row of boxes of
 * set widths (not a grid, which measures its items before placing them) keeps each screenful of new
 * rows cheap to lay out while scrolling.
 */
const COLUMN_STYLE: Record<string, CSSProperties> = Object.fromEntries(
  COLUMNS.map((c) => [
    c.id,
    c.size === undefined ? { flex: '1 1 0', minWidth: LEAST_FREE_WIDTH } : c.least ? { flex: `0 1 ${c.size}px`, minWidth: c.least } : { flex: `0 0 ${c.size}px` },
  ]),
);
const LEAST_WIDTH = COLUMNS.reduce((sum, c) => sum + (c.least ?? c.size ?? LEAST_FREE_WIDTH), 0);

/**
 * Each column's cell for an account, built from the account alone: nothing is kept per row between
 * renders. A cell holds its text itself where it can, without a wrapper: every screenful scrolled in
 * builds, lays out and paints each element of its rows once more.
 */
const CELLS: Record<string, (r: PortfolioRow) => ReactElement> = {
  owner: (r) => textCell('owner', r.owner),
  segment: (r) => textCell('segment', r.segment),
  region: (r) => textCell('region', r.region),
  loyalty: (r) => (
    <div role="cell" key="loyalty" className="num score-cell" style={COLUMN_STYLE['loyalty']}>
      <span className={`score-value ${r.band ? `band-text-${r.band}` : ''}`}>{formatScore(r.loyalty)}</span>
      <BandChip band={r.band} />
    </div>
  ),
  trend: (r) => {
    // Read back for the rows on screen only: the list carries each account's figures as text.
    const values = readSparkline(r.sparkline);
    return (
      <div role="cell" key="trend" className={r.band ? `band-text-${r.band}` : 'muted-text'} style={COLUMN_STYLE['trend']}>
        <Sparkline values={values} label={`Loyalty over six months: ${values.map((v) => formatScore(v)).join(', ') || 'no history'}`} />
      </div>
    );
  },
  satisfaction: (r) => (
    <div role="cell" key="satisfaction" className="score-cell" style={COLUMN_STYLE['satisfaction']}>
      <SatisfactionFigures satisfaction={r.satisfaction} />
    </div>
  ),
  confidence: (r) => (
    <div role="cell" key="confidence" className={r.confidence !== null && r.confidence < 0.5 ? 'num text-cell low-confidence' : 'num text-cell'} style={COLUMN_STYLE['confidence']}>
      {formatPercent(r.confidence)}
    </div>
  ),
  change30: (r) => (
    <div role="cell" key="change30" className="num" style={COLUMN_STYLE['change30']}>
      <Change value={r.change30} />
    </div>
  ),
  topDriver: (r) => (
    <div role="cell" key="topDriver" style={COLUMN_STYLE['topDriver']}>
      <span className="ellipsis-2 driver-text" title={r.topDriver ?? undefined}>
        {r.topDriver ?? '—'}
      </span>
    </div>
  ),
  openAlerts: (r) =>
    r.openAlerts === 0 ? (
      <div role="cell" key="openAlerts" className="num text-cell muted-text" style={COLUMN_STYLE['openAlerts']}>
        0
      </div>
    ) : (
      <div role="cell" key="openAlerts" className="num" style={COLUMN_STYLE['openAlerts']}>
        <span className={`alert-count severity-${r.worstAlert ?? 'low'}`} title={`${r.openAlerts} open, the worst ${SEVERITY_LABEL[r.worstAlert ?? 'low']}`}>
          {formatInteger(r.openAlerts)}
        </span>
      </div>
    ),
  renewalDate: (r) => textCell('renewalDate', formatDay(r.renewalDate)),
};

/** A cell of text, cut with an ellipsis where the column is too narrow, whole in its tooltip. */
function textCell(id: string, text: string | null): ReactElement {
  return (
    <div role="cell" key={id} className="text-cell" style={COLUMN_STYLE[id]} title={text ?? undefined}>
      {text}
    </div>
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
  readonly sorting: readonly PortfolioSort[];
  readonly onSortingChange: (sorting: PortfolioSort[]) => void;
  /** Receives the rows in the order shown (for the CSV export). */
  readonly onVisibleOrder?: (rows: readonly PortfolioRow[]) => void;
}

/**
 * Every account, however many: only the rows in view are in the page. Arrows move between rows,
 * Enter opens one; sort by any column with its header. The scroll position comes back with the
 * back key.
 */
export function PortfolioTable({ rows, sorting, onSortingChange, onVisibleOrder }: Props) {
  const [activeId, setActiveId] = useState<string | undefined>(() => recall<string | undefined>('portfolio.active', undefined));
  const sort = sorting[0];
  const sortColumn = COLUMNS.find((c) => c.id === sort?.id && c.sortBy);
  const shown = useMemo(() => (sortColumn?.sortBy ? sortRows(rows, sortColumn.sortBy, sort!.desc) : [...rows]), [rows, sortColumn, sort]);
  useEffect(() => {
    onVisibleOrder?.(shown);
  }, [shown, onVisibleOrder]);

  const scroller = useRef<HTMLDivElement>(null);
  const [startOffset] = useState(() => recall<number>('portfolio.scroll', 0));
  const [sweep] = useState(() => new SweepWatch(startOffset));
  const [, sweepChanged] = useReducer((n: number) => n + 1, 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read afresh each render; the compiler leaves this component alone
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialOffset: startOffset,
    // The sweep is told of each move before the rows render for it, and of the table at rest (the
    // same offset again once nothing has moved for SETTLE_MS), which renders whole rows.
    isScrollingResetDelay: SETTLE_MS,
    observeElementOffset: (instance, moved) =>
      observeElementOffset(instance, (offset, isScrolling) => {
        const was = sweep.skimming;
        sweep.moved(offset, instance.scrollRect?.height ?? 0, performance.now());
        // The virtualizer renders only when its own state changes, and it passes over a scroll
        // event at the offset it already holds: its rest, on a busy page, can read a new position
        // before that position's event arrives. The sweep's own change renders too.
        if (sweep.skimming !== was) sweepChanged();
        moved(offset, isScrolling);
      }),
  });
  const skimming = sweep.skimming;
  const found = activeId === undefined ? -1 : shown.findIndex((r) => r.accountId === activeId);
  const active = found < 0 ? 0 : found;
  const [, navigate] = useLocation();

  // Back from an account: the table scrolls to where it was.
  useLayoutEffect(() => {
    if (scroller.current && startOffset > 0) scroller.current.scrollTop = startOffset;
  }, [startOffset]);

  const focusRow = (index: number): void => {
    const clamped = Math.max(0, Math.min(index, shown.length - 1));
    const id = shown[clamped]?.accountId;
    setActiveId(id);
    remember('portfolio.active', id);
    sweep.steppedByKey(performance.now());
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
      navigate(paths.account(shown[active].accountId));
    }
  };

  const items = virtualizer.getVirtualItems();
  // Each slot's row is named, so the rowgroup can list them in the order shown.
  const slotPrefix = useId();
  const slotId = (slot: number): string => `${slotPrefix}-${slot}`;

  return (
    <div
      className="table-scroll"
      ref={scroller}
      data-scroll="portfolio"
      onScroll={(e) => remember('portfolio.scroll', e.currentTarget.scrollTop)}
    >
      <div role="table" className="portfolio-grid" aria-label="Accounts" data-skimming={skimming || undefined} aria-rowcount={shown.length + 1} style={{ minWidth: LEAST_WIDTH }}>
        <div role="rowgroup" className="grid-head">
          <div role="row" aria-rowindex={1} className="grid-row">
            {COLUMNS.map((column) => {
              const sorted = sort?.id === column.id ? (sort.desc ? 'descending' : 'ascending') : undefined;
              return (
                <div role="columnheader" key={column.id} className={column.numeric ? 'num' : undefined} style={COLUMN_STYLE[column.id]} aria-sort={sorted} title={column.title}>
                  {column.sortBy ? (
                    <button type="button" className="sort-button" onClick={() => onSortingChange([nextSort(sort, column.id, column.highestFirst ?? false)])}>
                      {column.header}
                      <span className="sort-mark" aria-hidden="true">
                        {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div
          role="rowgroup"
          className="grid-body"
          style={{ height: virtualizer.getTotalSize() }}
          aria-owns={items.map((item) => slotId(slotOf(item.index, items.length))).join(' ')}
          onKeyDown={onKeyDown}
        >
          {inSlots(items).map((item, slot) => (
            <TableRow key={slot} id={slotId(slot)} row={shown[item.index]!} index={item.index} top={item.start} active={item.index === active} skimming={skimming} onActivate={setActiveId} />
          ))}
        </div>
      </div>
    </div>
  );
}

/**
 * The rendered rows by slot. Consecutive rows take every slot once, so a row that scrolls out hands
 * its slot (its elements, unchanged in number and kind) to the row that scrolls in: a screenful of
 * new accounts updates text and attributes instead of building and discarding elements (two-fifths
 * of what the page allocated while scrolling). The slots keep their place in the page, since moving
 * an element rebuilds it; the rowgroup's aria-owns gives the rows' order on screen.
 */
function inSlots<T extends { readonly index: number }>(items: readonly T[]): T[] {
  const slots = new Array<T>(items.length);
  for (const item of items) slots[slotOf(item.index, items.length)] = item;
  return slots;
}

const slotOf = (index: number, slots: number): number => index % slots;

/**
 * The cells a row keeps showing while the table is swept (SweepWatch), beside the name: what someone
 * sweeping reads. Marked for the style sheet, which hides the rest.
 */
const SHOWN_WHILE_SKIMMING: ReadonlySet<string> = new Set(['loyalty']);

/**
 * A cell rendered again only when the account it shows changes, and not while frozen: while the
 * table is swept through, it keeps what it showed, hidden, and its elements are left alone.
 */
const Cell = memo(
  function Cell({ column, row }: { readonly column: string; readonly row: PortfolioRow; readonly frozen: boolean }) {
    return CELLS[column]!(row);
  },
  (before, now) => now.frozen || (before.row === now.row && before.column === now.column),
);

/**
 * Rows that stay in view while scrolling are not rendered again. Each row is placed on its own and
 * contained, so a screenful of new rows is laid out without laying out the rest of the table.
 */
const TableRow = memo(function TableRow({
  id,
  row,
  index,
  top,
  active,
  skimming,
  onActivate,
}: {
  readonly id: string;
  readonly row: PortfolioRow;
  readonly index: number;
  readonly top: number;
  readonly active: boolean;
  /** Swept past: the name and loyalty only, the other cells hidden and left as they were (see SweepWatch). */
  readonly skimming: boolean;
  readonly onActivate: (id: string) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  // Focus belongs to the account, not to the elements now showing another one: let it go, as it
  // would if the row had left the page, so Enter never opens an account nobody chose.
  useLayoutEffect(() => {
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && element.current?.contains(focused)) focused.blur();
  }, [row.accountId]);
  return (
    <div
      ref={element}
      id={id}
      role="row"
      data-row-index={index}
      data-account-id={row.accountId}
      aria-rowindex={index + 2}
      className={active ? 'grid-row active-row' : 'grid-row'}
      style={{ transform: `translateY(${top}px)` }}
      onFocus={() => onActivate(row.accountId)}
    >
      {COLUMNS.map((column) =>
        column.id === 'name' ? (
          <div role="rowheader" key="name" style={COLUMN_STYLE['name']}>
            {/* With no row chosen yet, the first is the one Tab lands on. */}
            <AccountLink row={row} focusable={active} />
          </div>
        ) : SHOWN_WHILE_SKIMMING.has(column.id) ? (
          cloneElement(CELLS[column.id]!(row) as ReactElement<{ 'data-skim-shown'?: boolean }>, { 'data-skim-shown': true })
        ) : (
          <Cell key={column.id} column={column.id} row={row} frozen={skimming} />
        ),
      )}
    </div>
  );
});
