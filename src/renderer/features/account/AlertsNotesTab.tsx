import { useState } from 'react';
import { Link } from 'wouter';
import type { AccountView } from '../../../shared/account-types';
import { useApiMutation } from '../../api/queries';
import { paths, refPath } from '../../app/paths';
import { recall, remember } from '../../app/persistent-state';
import { DEFAULT_FILTER, type AlertsFilter } from '../alerts/labels';
import { formatDay, formatDayTime } from '../../components/format';

const RULE_LABEL: Record<string, string> = {
  unaddressed_recommendation: 'Recommendation nobody followed up',
  fix_or_replace: 'Fix or replace',
  bad_call_no_follow_up: 'Bad call, no follow-up',
  detractor_no_follow_up: 'Detractor, no follow-up',
  footprint_loss: 'Losing footprint',
  renewal_at_risk: 'Renewal at risk',
  silent_account: 'Silent account',
  score_drop: 'Score dropped',
  buying_signal: 'Buying signal',
};

/** The account's alerts, what to do about them, and the account manager's notes. */
export function AlertsNotesTab({ view }: { readonly view: AccountView }) {
  const add = useApiMutation('notes/add');
  const [text, setText] = useState('');
  return (
    <div className="alerts-notes">
      <section aria-labelledby="account-alerts">
        <h2 id="account-alerts">Alerts</h2>
        {view.alerts.length === 0 ? (
          <p className="muted-text">No alert wants attention.</p>
        ) : (
          <ul className="alert-list">
            {view.alerts.map((a) => (
              <li key={a.id} className={`card alert severity-border-${a.severity}`}>
                <p className="alert-title">
                  <span className={`chip severity-${a.severity}`}>{a.severity}</span> <strong>{a.title}</strong>
                  {a.status !== 'open' && <span className="chip muted">{a.status === 'snoozed' && a.snoozedUntil ? `snoozed until ${formatDay(a.snoozedUntil)}` : a.status}</span>}
                </p>
                <p>{a.detail}</p>
                <p className="muted-text">
                  {RULE_LABEL[a.rule] ?? a.rule} · raised {formatDay(a.raisedAt)}
                  {a.assignee && ` · assigned to ${a.assignee}`}
                  {a.refs.slice(0, 3).map((r) => (
                    <span key={`${r.type}:${r.id}`}>
                      {' · '}
                      <Link href={refPath(view.account.id, r)}>{r.id}</Link>
                    </span>
                  ))}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Link
          href={paths.alerts}
          onClick={() => remember<AlertsFilter>('alerts.filter', { ...recall<AlertsFilter>('alerts.filter', DEFAULT_FILTER), accountId: view.account.id, accountName: view.account.name })}
        >
          This account's alerts in the inbox
        </Link>
      </section>
      <section aria-labelledby="account-notes">
        <h2 id="account-notes">Notes</h2>
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) add.mutate({ accountId: view.account.id, text: text.trim() }, { onSuccess: () => setText('') });
          }}
        >
          <label className="field">
            <span className="visually-hidden">A note on this account</span>
            <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder="Met the new facilities manager; she wants a quarterly review" />
          </label>
          {add.error && (
            <p role="alert" className="error">
              {add.error.message}
            </p>
          )}
          <button type="submit" className="primary" disabled={!text.trim() || add.isPending}>
            Add note
          </button>
        </form>
        {view.notes.length === 0 ? (
          <p className="muted-text">No notes yet. A note counts as contact for the silent-account alert.</p>
        ) : (
          <ul className="notes">
            {view.notes.map((n) => (
              <li key={n.noteId}>
                <p className="muted-text">
                  {formatDayTime(n.writtenAt.slice(0, 16))}
                  {n.author && ` — ${n.author}`}
                </p>
                <p className="note-text">{n.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
