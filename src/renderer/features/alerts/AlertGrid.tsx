import type { KeyboardEvent, MouseEvent, RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { AlertItem } from '../../../shared/api/alerts';
import { formatDay } from '../../components/format';
import { RULE_LABEL, SEVERITY_LABEL, STATUS_LABEL } from './labels';
import { TableHead } from '../../components/TableHead';

export const ROW_HEIGHT = 52;

interface Props {
  readonly scroller: RefObject<HTMLDivElement | null>;
  readonly virtualizer: Virtualizer<HTMLDivElement, Element>;
  readonly total: number;
  readonly at: (index: number) => AlertItem | undefined;
  readonly active: number;
  readonly selection: ReadonlySet<string>;
  readonly onActivate: (index: number) => void;
  readonly onRowClick: (index: number, e: MouseEvent) => void;
  readonly onCheck: (index: number, shift: boolean) => void;
  readonly onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
}

/**
 * The inbox's rows, however many: only those in view are in the page. One row is in the tab
 * order at a time (the highlighted one); arrows move it, Space selects it.
 */
export function AlertGrid({ scroller, virtualizer, total, at, active, selection, onActivate, onRowClick, onCheck, onKeyDown }: Props) {
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="table-scroll alerts-scroll" ref={scroller}>
      <table id="alerts-grid" className="data alerts-table" role="grid" aria-label="Alerts" aria-multiselectable="true" aria-rowcount={total + 1}>
        <colgroup>
          <col style={{ width: 36 }} />
          <col style={{ width: 84 }} />
          <col />
          <col style={{ width: 120 }} />
          <col style={{ width: 116 }} />
        </colgroup>
        <TableHead columns={[{ label: 'Selected', readOutOnly: true }, 'Severity', 'Alert', 'Status', 'Raised']} rowIndex={1} />
        <tbody onKeyDown={onKeyDown}>
          {before > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={5} style={{ height: before }} />
            </tr>
          )}
          {items.map((item) => {
            const alert = at(item.index);
            const isActive = item.index === active;
            if (!alert) {
              return (
                <tr key={item.index} data-row-index={item.index} aria-rowindex={item.index + 2} tabIndex={isActive ? 0 : -1} className="alert-row placeholder">
                  <td colSpan={5} className="muted-text">
                    Loading…
                  </td>
                </tr>
              );
            }
            const selected = selection.has(alert.id);
            return (
              <tr
                // Keyed by position, so the focused row keeps its place when the alert in it leaves the list.
                key={item.index}
                data-row-index={item.index}
                data-alert-id={alert.id}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                tabIndex={isActive ? 0 : -1}
                className={`alert-row${isActive ? ' active-row' : ''}${selected ? ' selected' : ''}`}
                onFocus={() => onActivate(item.index)}
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('input, a, button')) return;
                  onRowClick(item.index, e);
                }}
              >
                <td className="select-cell">
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    checked={selected}
                    aria-label={`Select: ${alert.title}`}
                    onClick={(e) => onCheck(item.index, e.shiftKey)}
                    onChange={() => undefined}
                  />
                </td>
                <td>
                  <span className={`chip severity-${alert.severity}`}>{SEVERITY_LABEL[alert.severity]}</span>
                </td>
                <td className="alert-cell">
                  <span className="alert-row-title" title={alert.title}>
                    {alert.title}
                  </span>
                  <span className="alert-row-meta muted-text">
                    {alert.accountName} · {RULE_LABEL[alert.rule] ?? alert.rule}
                    {alert.assignee && ` · assigned to ${alert.assignee}`}
                  </span>
                </td>
                <td>
                  <span className="alert-status">{STATUS_LABEL[alert.status]}</span>
                  {alert.status === 'snoozed' && alert.snoozedUntil && <span className="alert-row-meta muted-text">until {formatDay(alert.snoozedUntil)}</span>}
                  {!alert.active && <span className="alert-row-meta muted-text">condition cleared</span>}
                </td>
                <td>{formatDay(alert.raisedAt)}</td>
              </tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={5} style={{ height: after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
