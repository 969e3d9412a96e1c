import { useState } from 'react';
import { Link } from 'wouter';
import type { AccountView, RecommendationItem } from '../../../shared/account-types';
import { useApiMutation } from '../../api/queries';
import { paths } from '../../app/paths';
import { Dialog } from '../../components/Dialog';
import { formatDay, plural } from '../../components/format';
import { useFocusRecord } from '../../components/useFocusRecord';
import { EmptyState } from '../../components/States';

type Action = 'reminded' | 'accepted' | 'declined' | 'done' | 'reopened';

const ACTION_TITLE: Record<Action, string> = {
  reminded: 'Log a reminder',
  accepted: 'The customer accepted',
  declined: 'The customer declined',
  done: 'The work is done',
  reopened: 'Reopen',
};
const STATUS_LABEL: Record<string, string> = { open: 'Open', accepted: 'Accepted', declined: 'Declined', done: 'Done' };

/** Open recommendations first, to raise at the next visit; log a reminder or the customer's decision. */
export function RecommendationsTab({ view, focus }: { readonly view: AccountView; readonly focus: string | undefined }) {
  const container = useFocusRecord<HTMLDivElement>(focus);
  const [acting, setActing] = useState<{ rec: RecommendationItem; action: Action } | null>(null);
  const open = view.recommendations.filter((r) => r.status === 'open');
  const decided = view.recommendations.filter((r) => r.status !== 'open');
  if (view.recommendations.length === 0) return <EmptyState title="No recommendations">Recommendations come from work orders (a technician’s advice) or a recommendations export.</EmptyState>;
  return (
    <div className="recommendations" ref={container}>
      <section aria-labelledby="open-recs">
        <h2 id="open-recs">Raise at the next visit {open.length > 0 && <span className="muted-text">({open.length})</span>}</h2>
        {open.length === 0 ? <p className="muted-text">Nothing open: every recommendation has the customer’s decision.</p> : <RecList recs={open} view={view} focus={focus} onAct={(rec, action) => setActing({ rec, action })} />}
      </section>
      {decided.length > 0 && (
        <section aria-labelledby="decided-recs">
          <h2 id="decided-recs">Decided</h2>
          <RecList recs={decided} view={view} focus={focus} onAct={(rec, action) => setActing({ rec, action })} />
        </section>
      )}
      <LogDialog acting={acting} onClose={() => setActing(null)} asOf={view.asOf} />
    </div>
  );
}

function RecList({ recs, view, focus, onAct }: { readonly recs: RecommendationItem[]; readonly view: AccountView; readonly focus: string | undefined; readonly onAct: (rec: RecommendationItem, action: Action) => void }) {
  const accountId = view.account.id;
  return (
    <ul className="rec-list">
      {recs.map((r) => (
        <li key={r.id} className={`card rec ${r.status} ${focus === r.id ? 'focused' : ''}`} data-record={r.id} tabIndex={-1}>
          <div className="rec-head">
            <p className="rec-text">“{r.text}”</p>
            <span className={`chip ${r.status === 'open' ? 'severity-' + (r.severity ?? 'medium') : 'muted'}`}>{r.status === 'open' ? `${r.severity ?? 'unrated'} severity` : STATUS_LABEL[r.status]}</span>
          </div>
          <p className="rec-facts">
            Made {formatDay(r.madeAt)}
            {r.workOrderId && (
              <>
                {' '}
                on <Link href={paths.account(accountId, 'service', r.workOrderId)}>{r.workOrderId}</Link>
              </>
            )}
            {r.assetId && (
              <>
                {' '}
                for <Link href={paths.account(accountId, 'installed-base', r.assetId)}>{r.assetId}</Link>
              </>
            )}
            {r.status === 'open' ? (
              <>
                {' '}
                · open {plural(r.daysOpen, 'day')} · last heard of {formatDay(r.lastHeardOn)}
                {r.revisitsWithoutReminder > 0 && <span className="warn"> · {plural(r.revisitsWithoutReminder, 'visit')} since without a word of it</span>}
              </>
            ) : (
              r.decidedOn && <> · {STATUS_LABEL[r.status]?.toLowerCase()} on {formatDay(r.decidedOn)}</>
            )}
          </p>
          {r.failure && (
            <p className="rec-failure warn">
              The machine broke down on {formatDay(r.failure.on)} (<Link href={paths.account(accountId, 'service', r.failure.workOrderId)}>{r.failure.workOrderId}</Link>) while this was open.
            </p>
          )}
          {r.reminders.length > 0 && <p className="muted-text">{remindedLine(r.reminders.map((x) => x.on))}</p>}
          <div className="rec-actions">
            {r.status === 'open' ? (
              <>
                <button type="button" className="primary" onClick={() => onAct(r, 'reminded')}>
                  Log a reminder
                </button>
                <button type="button" onClick={() => onAct(r, 'accepted')}>
                  Accepted
                </button>
                <button type="button" onClick={() => onAct(r, 'declined')}>
                  Declined
                </button>
                <button type="button" onClick={() => onAct(r, 'done')}>
                  Done
                </button>
              </>
            ) : (
              <button type="button" onClick={() => onAct(r, 'reopened')}>
                Reopen
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

function LogDialog({ acting, onClose, asOf }: { readonly acting: { rec: RecommendationItem; action: Action } | null; readonly onClose: () => void; readonly asOf: string }) {
  const log = useApiMutation('recommendations/log');
  const [on, setOn] = useState(asOf);
  const [note, setNote] = useState('');
  const [last, setLast] = useState<typeof acting>(null);
  if (acting !== last) {
    // A new action: start from today and an empty note.
    setLast(acting);
    setOn(asOf);
    setNote('');
    log.reset();
  }
  return (
    <Dialog
      open={acting !== null}
      title={acting ? ACTION_TITLE[acting.action] : ''}
      submitLabel="Save"
      busy={log.isPending}
      error={log.error?.message}
      onClose={onClose}
      onSubmit={() => acting && log.mutate({ recommendationId: acting.rec.id, action: acting.action, on, note: note.trim() || null }, { onSuccess: onClose })}
    >
      {acting && <p className="dialog-subject">“{acting.rec.text}”</p>}
      <label className="field">
        On
        <input type="date" value={on} max={asOf} required onChange={(e) => setOn(e.target.value)} />
      </label>
      <label className="field">
        Note (optional)
        <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={acting?.action === 'reminded' ? 'Raised it with the facilities manager over coffee' : ''} />
      </label>
    </Dialog>
  );
}

/** "Reminded 3 times: 1 Jun, 4 Jun and 30 Oct 2026"; a long run shows its count and the latest three. */
function remindedLine(days: readonly string[]): string {
  const sorted = [...days].sort();
  if (sorted.length === 1) return `Reminded once, on ${formatDay(sorted[0])}`;
  const latest = sorted.slice(-3).map(formatDay);
  const listed = latest.length > 1 ? `${latest.slice(0, -1).join(', ')} and ${latest.at(-1)!}` : latest[0]!;
  return sorted.length > 3 ? `Reminded ${sorted.length} times, most recently ${listed}` : `Reminded ${sorted.length} times: ${listed}`;
}
