import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RejectedRow } from '../../../shared/import-types';
import { formatInteger } from '../../components/format';
import { TableHead, figure } from '../../components/TableHead';

const ROW_HEIGHT = 32;

/** Every rejected row with its row number, column, value and reason; virtualized, since there may be thousands. */
export function RejectedTable({ file, rows, total }: { readonly file: string; readonly rows: readonly RejectedRow[]; readonly total: number }) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read afresh each render; the compiler leaves this component alone
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="rejected">
      <h4>
        {total === 1 ? 'One row is rejected' : `${formatInteger(total)} rows are rejected`}
        {rows.length < total && <span className="muted-text"> (the first {formatInteger(rows.length)} problems listed)</span>}
      </h4>
      <div className="rejected-scroll" ref={scroller} tabIndex={0} role="region" aria-label={`Rejected rows of ${file}`} style={{ maxHeight: Math.min(rows.length, 10) * ROW_HEIGHT + 36 }}>
        <table className="data compact rejected-table" aria-label={`Rejected rows of ${file}`} aria-rowcount={rows.length + 1}>
          <TableHead columns={[figure('Row'), 'Column', 'Value', 'Why']} rowIndex={1} />
          <tbody>
            {top > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={4} style={{ height: top }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <tr key={item.key} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                  <td className="num">{row.row}</td>
                  <td>{row.column || '—'}</td>
                  <td className="mono value-cell" title={row.value}>
                    {row.value === '' ? <span className="muted-text">(empty)</span> : row.value}
                  </td>
                  <td>{row.reason}</td>
                </tr>
              );
            })}
            {bottom > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={4} style={{ height: bottom }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
