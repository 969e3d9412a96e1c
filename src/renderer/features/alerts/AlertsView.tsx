import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AlertAction, AlertItem } from '../../../shared/api/alerts';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { usePersistentState } from '../../app/persistent-state';
import { useAppState, viewState } from '../../components/AppState';
import { EmptyState, ErrorState } from '../../components/States';
import { formatInteger, plural } from '../../components/format';
import { ActionDialog, type DialogKind } from './ActionDialog';
import { AlertDetail } from './AlertDetail';
import { AlertFilters } from './AlertFilters';
import { AlertGrid, ROW_HEIGHT } from './AlertGrid';
import { ACTION_FROM, ACTIONS, DEFAULT_FILTER, DONE_WORD, isDefaultFilter, SEVERITIES, SEVERITY_LABEL, toInboxFilter, type ActionKind, type AlertsFilter, type Severity } from './labels';
import { useAlertPages } from './useAlertPages';
import './alerts.css';

/** The most ids one call may carry (the contract's limit); more go in several calls. */
const BATCH = 10_000;

const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/**
 * The alerts inbox: what waits on the user, most severe first. Filter by rule, severity, status,
 * owner and account; act on one alert or many, with the mouse or the keyboard; read why each
 * matters, the evidence behind it and what was done about it.
 */
export function AlertsView() {
  const [filter, setFilter] = usePersistentState<AlertsFilter>('alerts.filter', DEFAULT_FILTER);
  const inboxFilter = useMemo(() => toInboxFilter(filter), [filter]);
  const [firstInView, setFirstInView] = useState(0);
  const pages = useAlertPages(inboxFilter, firstInView);
  const counts = useApiQuery('alerts/counts', {});
  const people = useApiQuery('alerts/people', {});
  useAppState(viewState(pages.head));

  const [active, setActive] = useState(0);
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [wantAll, setWantAll] = useState(false);
  const ids = useApiQuery('alerts/ids', inboxFilter, { enabled: wantAll || selection.size > 0 });
  if (wantAll && ids.data) {
    // Ctrl+A asked for every matching alert before their ids had come.
    setWantAll(false);
    setSelection(new Set(ids.data));
  }

  const [dialog, setDialog] = useState<{ kind: DialogKind; ids: string[] } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const act = useApiMutation('alerts/act');

  const scroller = useRef<HTMLDivElement>(null);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const total = pages.total;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is rebuilt each render by design; the compiler leaves this component alone
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    onChange: (v) => setFirstInView(v.range?.startIndex ?? 0),
  });

  const current = Math.min(active, Math.max(0, total - 1));
  const activeAlert = total > 0 ? pages.at(current) : undefined;
  const today = todayUtc();

  const update = (change: Partial<AlertsFilter>): void => {
    setFilter((f) => ({ ...f, ...change }));
    setSelection(new Set());
    setAnchor(null);
    setActive(0);
    setMessage(null);
    scroller.current?.scrollTo({ top: 0 });
  };

  const focusRow = (index: number): void => {
    const clamped = Math.max(0, Math.min(index, total - 1));
    setActive(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row-index="${clamped}"]`)?.focus());
  };

  /** Ids of the rows from a to b, from the pages in hand or, failing that, the full list of ids. */
  const idsBetween = (a: number, b: number): string[] => {
    const out: string[] = [];
    for (let i = Math.min(a, b); i <= Math.max(a, b); i++) {
      const id = pages.at(i)?.id ?? ids.data?.[i];
      if (id) out.push(id);
    }
    return out;
  };

  const toggle = (index: number): void => {
    const id = pages.at(index)?.id;
    if (!id) return;
    setSelection((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    setAnchor(index);
  };

  const selectRange = (to: number, add: boolean): void => {
    const from = anchor ?? current;
    const range = idsBetween(from, to);
    setSelection((s) => new Set([...(add ? s : []), ...range]));
  };

  const selectAll = (): void => {
    if (ids.data) setSelection(new Set(ids.data));
    else setWantAll(true);
  };

  const onRowClick = (index: number, e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): void => {
    if (e.shiftKey) selectRange(index, e.ctrlKey || e.metaKey);
    else if (e.ctrlKey || e.metaKey) toggle(index);
    else setAnchor(index);
    setActive(index);
  };

  const targets = (): string[] => (selection.size > 0 ? [...selection] : activeAlert ? [activeAlert.id] : []);

  /** Leaves out the alerts in hand whose status the action does not apply to, so one does not refuse the lot. */
  const applicable = (kind: ActionKind, chosen: readonly string[]): string[] => {
    const loaded = new Map<string, AlertItem>(pages.loaded().map((item) => [item.id, item]));
    return chosen.filter((id) => {
      const item = loaded.get(id);
      return item === undefined || ACTION_FROM[kind].includes(item.status);
    });
  };

  const perform = async (action: AlertAction, chosen: readonly string[]): Promise<void> => {
    setMessage(null);
    try {
      for (let i = 0; i < chosen.length; i += BATCH) await act.mutateAsync({ ids: chosen.slice(i, i + BATCH), action });
      setDialog(null);
      setSelection(new Set());
      setAnchor(null);
      const noun = chosen.length === 1 ? 'Alert' : plural(chosen.length, 'alert');
      setMessage({ text: `${noun} ${DONE_WORD[action.kind]}${action.kind === 'assign' ? (action.to ? ` to ${action.to}` : ' to nobody') : ''}.`, error: false });
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row-index="${Math.min(current, Math.max(0, total - 2))}"]`)?.focus());
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (dialog) return; // the dialog shows it
      setMessage({ text, error: true });
    }
  };

  const start = (kind: ActionKind): void => {
    const chosen = targets();
    if (chosen.length === 0) return;
    const usable = applicable(kind, chosen);
    if (usable.length === 0) {
      setMessage({ text: chosen.length === 1 ? `This alert cannot be ${DONE_WORD[kind]} as it stands.` : `None of the ${formatInteger(chosen.length)} selected alerts can be ${DONE_WORD[kind]} as they stand.`, error: true });
      return;
    }
    if (kind === 'acknowledge' || kind === 'reopen') void perform({ kind }, usable);
    else {
      act.reset();
      setDialog({ kind, ids: usable });
    }
  };

  const onViewKey = (e: KeyboardEvent<HTMLElement>): void => {
    const target = e.target as HTMLElement;
    if (dialog || target.closest('dialog, input, textarea, select, [contenteditable="true"]')) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const action = ACTIONS.find((a) => a.key === e.key.toUpperCase());
    if (action && !e.shiftKey) {
      e.preventDefault();
      start(action.kind);
    }
  };

  const onGridKey = (e: KeyboardEvent<HTMLElement>): void => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 8) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) {
      e.preventDefault();
      const to = Math.max(0, Math.min(current + moves[e.key]!, total - 1));
      if (e.shiftKey) {
        if (anchor === null) setAnchor(current);
        setSelection((s) => new Set([...s, ...idsBetween(anchor ?? current, to)]));
      }
      focusRow(to);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusRow(e.key === 'Home' ? 0 : total - 1);
    } else if (e.key === ' ') {
      e.preventDefault();
      toggle(current);
    } else if (e.key.toLowerCase() === 'a' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      selectAll();
    } else if (e.key === 'Escape' && selection.size > 0) {
      e.preventDefault();
      setSelection(new Set());
      setAnchor(null);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      detailHeading.current?.focus();
    }
  };

  if (pages.head.isError) return <ErrorState title="The alerts cannot be shown" message={pages.head.error.message} onRetry={() => void pages.head.refetch()} />;

  const waiting = counts.data;
  const chosenNow = targets();
  const dialogSubject = dialog && dialog.ids.length === 1 ? (pages.at(current)?.id === dialog.ids[0] ? pages.at(current)!.title : null) : null;

  return (
    <main className="alerts-view" aria-labelledby="alerts-title" data-view="alerts" onKeyDown={onViewKey}>
      <header className="view-header alerts-header">
        <div>
          <h1 id="alerts-title">Alerts</h1>
          <p className="answer" aria-live="polite">
            {!waiting
              ? 'Counting the alerts…'
              : waiting.open === 0
                ? 'No open alerts — nothing waits on you.'
                : `${plural(waiting.open, 'alert')} ${waiting.open === 1 ? 'waits' : 'wait'} on you: ${SEVERITIES.filter((s) => waiting.bySeverity[s] > 0)
                    .map((s) => `${formatInteger(waiting.bySeverity[s])} ${s}`)
                    .join(', ')}.`}
          </p>
        </div>
        <SeverityCounts counts={pages.counts} selected={filter.severities} onToggle={(s) => update({ severities: filter.severities.includes(s) ? filter.severities.filter((x) => x !== s) : [...filter.severities, s] })} />
      </header>


      <AlertFilters filter={filter} owners={people.data?.owners ?? []} assignees={people.data?.assignees ?? []} total={total} loading={pages.head.isPending} onChange={update} onClear={() => update(DEFAULT_FILTER)} />

      <div className="alerts-toolbar" role="group" aria-label="Act on the alerts" aria-controls="alerts-grid">
        <span className="alerts-target" aria-live="polite">
          {selection.size > 0 ? `${plural(selection.size, 'alert')} selected` : activeAlert ? 'The highlighted alert' : 'No alert chosen'}
        </span>
        {ACTIONS.map((a) => (
          <button key={a.kind} type="button" onClick={() => start(a.kind)} disabled={act.isPending || applicable(a.kind, chosenNow).length === 0} aria-keyshortcuts={a.key} title={`${a.label.replace('…', '')} (${a.key})`}>
            {a.label} <kbd aria-hidden="true">{a.key}</kbd>
          </button>
        ))}
        {selection.size > 0 && (
          <button type="button" className="link-button" onClick={() => setSelection(new Set())} aria-keyshortcuts="Escape">
            Clear selection
          </button>
        )}
      </div>
      <div className="alerts-status-line">
        <p className={message?.error ? 'alerts-message error' : 'alerts-message ok'} role={message?.error ? 'alert' : 'status'}>
          {message?.text}
        </p>
        <p className="alerts-keys muted-text">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Space</kbd> select · <kbd>Shift</kbd>+click or <kbd>Shift ↓</kbd> range · <kbd>Ctrl A</kbd> all · <kbd>Enter</kbd> detail
        </p>
      </div>

      {pages.head.isPending ? (
        <p className="loading" role="status">
          Loading the alerts…
        </p>
      ) : total === 0 ? (
        isDefaultFilter(filter) ? (
          <EmptyState title="No open alerts — nothing waits on you">Alerts come from the rules after every import; snoozed, resolved and dismissed ones are under the status filter.</EmptyState>
        ) : (
          <EmptyState title="No alert matches these filters">
            <button type="button" className="link-button" onClick={() => update(DEFAULT_FILTER)}>
              Show the open alerts
            </button>
          </EmptyState>
        )
      ) : (
        <div className="alerts-body">
          <AlertGrid
            scroller={scroller}
            virtualizer={virtualizer}
            total={total}
            at={pages.at}
            active={current}
            selection={selection}
            onActivate={setActive}
            onRowClick={onRowClick}
            onCheck={(index, shift) => (shift ? selectRange(index, true) : toggle(index))}
            onKeyDown={onGridKey}
          />
          <AlertDetail alert={activeAlert} heading={detailHeading} onOnlyAccount={(a) => update({ accountId: a.accountId, accountName: a.accountName })} />
        </div>
      )}

      <ActionDialog
        kind={dialog?.kind ?? null}
        count={dialog?.ids.length ?? 0}
        subject={dialogSubject}
        today={today}
        people={[...new Set([...(people.data?.assignees ?? []), ...(people.data?.owners ?? [])])]}
        busy={act.isPending}
        error={act.error?.message ?? null}
        onClose={() => setDialog(null)}
        onSubmit={(action) => dialog && void perform(action, dialog.ids)}
      />
    </main>
  );
}

function SeverityCounts({ counts, selected, onToggle }: { readonly counts: Record<Severity, number> | undefined; readonly selected: readonly Severity[]; readonly onToggle: (s: Severity) => void }) {
  return (
    <div className="severity-counts" role="group" aria-label="Alerts per severity: choose to show only those">
      {SEVERITIES.map((s) => {
        const on = selected.includes(s);
        return (
          <button key={s} type="button" className={`severity-count ${on ? 'on' : ''}`} aria-pressed={on} onClick={() => onToggle(s)} data-severity={s}>
            <span className={`chip severity-${s}`}>{SEVERITY_LABEL[s]}</span>
            <span className="severity-number">{counts ? formatInteger(counts[s]) : '…'}</span>
          </button>
        );
      })}
    </div>
  );
}
