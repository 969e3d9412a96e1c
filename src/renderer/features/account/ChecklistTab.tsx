import { useState } from 'react';
import { Link } from 'wouter';
import type { AccountView } from '../../../shared/account-types';
import type { ChecklistItemResult } from '../../../shared/checklist-types';
import { useApiMutation } from '../../api/queries';
import { refPath, REF_NOUN } from '../../app/paths';
import { Dialog } from '../../components/Dialog';
import { formatDay } from '../../components/format';
import { useFocusRecord } from '../../components/useFocusRecord';

const STATUS: Record<string, { label: string; mark: string }> = {
  done: { label: 'Done', mark: '✓' },
  open: { label: 'To do', mark: '○' },
  expired: { label: 'Expired: confirm again', mark: '!' },
  not_applicable: { label: 'Does not apply', mark: '–' },
};

/** The partnership checklist: derived items show their evidence, manual ones are ticked with a note and expire. */
export function ChecklistTab({ view, focus }: { readonly view: AccountView; readonly focus: string | undefined }) {
  const container = useFocusRecord<HTMLDivElement>(focus);
  const [ticking, setTicking] = useState<ChecklistItemResult | null>(null);
  const untick = useApiMutation('checklist/untick');
  const items = view.checklist.items;
  const groups = [...new Map(items.map((i) => [i.groupId, i.group])).entries()];
  const done = items.filter((i) => i.status === 'done').length;
  const applicable = items.filter((i) => i.status !== 'not_applicable').length;
  const expired = items.filter((i) => i.status === 'expired').length;
  return (
    <div className="checklist" ref={container}>
      <p className="answer">
        {done} of {applicable} done{expired > 0 && `; ${expired} expired and need confirming again`}.{' '}
        <span className="muted-text">Template version {view.checklist.templateVersion}.</span>
      </p>
      {groups.map(([groupId, title]) => (
        <section key={groupId} aria-labelledby={`group-${groupId}`} className="checklist-group">
          <h2 id={`group-${groupId}`}>{title}</h2>
          <ul>
            {items
              .filter((i) => i.groupId === groupId)
              .map((item) => (
                <li key={item.id} className={`check-item status-${item.status} ${focus === item.id ? 'focused' : ''}`} data-record={item.id} tabIndex={-1}>
                  <span className="check-mark" aria-hidden="true">
                    {STATUS[item.status]!.mark}
                  </span>
                  <div className="check-body">
                    <p className="check-text">
                      {item.text} <span className={`chip status-chip-${item.status}`}>{STATUS[item.status]!.label}</span>
                      {item.kind === 'derived' && <span className="chip muted">from the data</span>}
                    </p>
                    {item.evidence && (
                      <p className="muted-text">
                        {item.evidence.summary}
                        {item.evidence.refs.slice(0, 4).map((ref) => (
                          <span key={`${ref.type}:${ref.id}`}>
                            {' '}
                            <Link href={refPath(view.account.id, ref)} title={`Open the ${REF_NOUN[ref.type] ?? 'record'}`}>
                              {ref.id}
                            </Link>
                          </span>
                        ))}
                        {item.kind === 'manual' && item.evidence.doneOn && (
                          <>
                            {' '}
                            — ticked {formatDay(item.evidence.doneOn)}
                            {item.evidence.by && ` by ${item.evidence.by}`}
                            {item.evidence.expiresOn && `, ${item.status === 'expired' ? 'expired' : 'valid until'} ${formatDay(item.evidence.expiresOn)}`}
                            {item.evidence.note && `: “${item.evidence.note}”`}
                          </>
                        )}
                      </p>
                    )}
                    {item.ask && item.status !== 'done' && <p className="ask">Ask: {item.ask}</p>}
                  </div>
                  {item.kind === 'manual' && (
                    <div className="check-actions">
                      <button type="button" onClick={() => setTicking(item)} className={item.status === 'done' ? undefined : 'primary'}>
                        {item.status === 'done' ? 'Confirm again' : item.status === 'expired' ? 'Confirm' : 'Tick'}
                      </button>
                      {(item.status === 'done' || item.status === 'expired') && (
                        <button type="button" className="link-button" disabled={untick.isPending} onClick={() => untick.mutate({ accountId: view.account.id, itemId: item.id })}>
                          Untick
                        </button>
                      )}
                    </div>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
      <TickDialog item={ticking} accountId={view.account.id} asOf={view.asOf} onClose={() => setTicking(null)} />
    </div>
  );
}

function TickDialog({ item, accountId, asOf, onClose }: { readonly item: ChecklistItemResult | null; readonly accountId: string; readonly asOf: string; readonly onClose: () => void }) {
  const tick = useApiMutation('checklist/tick');
  const [doneOn, setDoneOn] = useState(asOf);
  const [note, setNote] = useState('');
  const [last, setLast] = useState<ChecklistItemResult | null>(null);
  if (item !== last) {
    setLast(item);
    setDoneOn(asOf);
    setNote('');
    tick.reset();
  }
  return (
    <Dialog
      open={item !== null}
      title="Tick a checklist item"
      submitLabel="Tick"
      busy={tick.isPending}
      error={tick.error?.message}
      onClose={onClose}
      onSubmit={() => item && tick.mutate({ accountId, itemId: item.id, doneOn, note: note.trim() || null }, { onSuccess: onClose })}
    >
      {item && <p className="dialog-subject">{item.text}</p>}
      <label className="field">
        Done on
        <input type="date" value={doneOn} max={asOf} required onChange={(e) => setDoneOn(e.target.value)} />
      </label>
      <label className="field">
        Note
        <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Who confirmed it, and how" />
      </label>
    </Dialog>
  );
}
