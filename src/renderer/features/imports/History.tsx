import { useState } from 'react';
import type { ImportRecord } from '../../../shared/import-types';
import { KIND_LABEL } from '../../../shared/kinds';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { ErrorState, Loading } from '../../components/States';
import { formatDayTime, formatInteger, plural } from '../../components/format';
import { TableHead, figure } from '../../components/TableHead';

const NOUN: Record<ImportRecord['kind'], [string, string]> = {
  accounts: ['account', 'accounts'],
  assets: ['machine', 'machines'],
  service: ['work order', 'work orders'],
  recommendations: ['recommendation', 'recommendations'],
  surveys: ['survey response', 'survey responses'],
};

/** Every import, newest first; each can be taken back out whole. */
export function History() {
  const list = useApiQuery('imports/list', {});
  const [undoing, setUndoing] = useState<ImportRecord | null>(null);
  return (
    <section className="import-history" aria-labelledby="history-title">
      <h2 id="history-title">Import history</h2>
      {list.isPending ? (
        <Loading what="the import history" />
      ) : list.isError ? (
        <ErrorState message={list.error.message} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p className="muted-text">Nothing imported yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data" aria-label="Import history">
            <TableHead columns={[figure('#'), 'File', 'Kind', figure('Rows'), figure('Added'), figure('Updated'), figure('Rejected'), 'When', 'Status', { label: 'Actions', readOutOnly: true }]} />
            <tbody>
              {list.data.map((r) => (
                <tr key={r.importId}>
                  <td className="num">{r.importId}</td>
                  <th scope="row" className="history-file">
                    {r.fileName}
                    {r.source === 'demo' && <span className="chip muted">demo</span>}
                  </th>
                  <td>{KIND_LABEL[r.kind]}</td>
                  <td className="num">{formatInteger(r.rows)}</td>
                  <td className="num">{formatInteger(r.inserted)}</td>
                  <td className="num">{formatInteger(r.updated)}</td>
                  <td className="num">{formatInteger(r.rejected)}</td>
                  <td>{formatDayTime(r.startedAt.slice(0, 16))}</td>
                  <td>{r.status === 'applied' ? 'Applied' : <span className="muted-text">Undone {r.undoneAt ? formatDayTime(r.undoneAt.slice(0, 16)) : ''}</span>}</td>
                  <td>
                    {r.status === 'applied' && (
                      <button type="button" onClick={() => setUndoing(r)} aria-label={`Undo import ${r.importId}, ${r.fileName}`}>
                        Undo
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {undoing && <UndoDialog record={undoing} onClose={() => setUndoing(null)} />}
    </section>
  );
}

function UndoDialog({ record, onClose }: { readonly record: ImportRecord; readonly onClose: () => void }) {
  const undo = useApiMutation('imports/undo');
  const [one, many] = NOUN[record.kind];
  return (
    <Dialog
      open
      title={`Undo import #${record.importId}?`}
      submitLabel={undo.isPending ? 'Undoing…' : 'Undo the import'}
      busy={undo.isPending}
      error={undo.error?.message ?? null}
      onClose={onClose}
      onSubmit={() => undo.mutate({ importId: record.importId }, { onSuccess: onClose })}
    >
      <p className="dialog-subject">{record.fileName}</p>
      <p>
        This removes the {plural(record.inserted, one, many)} it added
        {record.updated > 0 ? ` and puts back the earlier values of the ${plural(record.updated, one, many)} it changed` : ''}. Scores and alerts are worked out again. Other imports are not touched.
      </p>
    </Dialog>
  );
}
