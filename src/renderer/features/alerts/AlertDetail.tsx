import type { RefObject } from 'react';
import { Link } from 'wouter';
import type { AlertItem } from '../../../shared/api/alerts';
import { useApiQuery } from '../../api/queries';
import { paths } from '../../app/paths';
import { RefLink } from '../../components/RefLink';
import { formatDay, formatDayTime } from '../../components/format';
import { HISTORY_LABEL, RULE_LABEL, SEVERITY_LABEL, STATUS_LABEL } from './labels';

/** One alert in full: what happened, why it matters, the evidence behind it, and what was done about it. */
export function AlertDetail({ alert, onOnlyAccount, heading }: { readonly alert: AlertItem | undefined; readonly onOnlyAccount: (alert: AlertItem) => void; readonly heading: RefObject<HTMLHeadingElement | null> }) {
  if (!alert) {
    return (
      <aside className="alert-detail card" aria-label="Alert detail">
        <p className="muted-text">Choose an alert to see what happened, why it matters and its history.</p>
      </aside>
    );
  }
  return (
    <aside className="alert-detail card" aria-labelledby="alert-detail-title" data-alert-detail={alert.id}>
      <p className="alert-detail-chips">
        <span className={`chip severity-${alert.severity}`}>{SEVERITY_LABEL[alert.severity]}</span>
        <span className="chip muted">{STATUS_LABEL[alert.status]}</span>
        {!alert.active && <span className="chip muted">condition cleared</span>}
      </p>
      <h2 id="alert-detail-title" ref={heading} tabIndex={-1}>
        {alert.title}
      </h2>
      <dl className="alert-facts">
        <dt>Account</dt>
        <dd>
          <Link href={paths.account(alert.accountId)}>{alert.accountName}</Link>{' '}
          <button type="button" className="link-button" onClick={() => onOnlyAccount(alert)}>
            only its alerts
          </button>
        </dd>
        <dt>Rule</dt>
        <dd>{RULE_LABEL[alert.rule] ?? alert.rule}</dd>
        <dt>Owner</dt>
        <dd>{alert.owner ?? 'nobody'}</dd>
        <dt>Assigned to</dt>
        <dd>{alert.assignee ?? 'nobody'}</dd>
        {alert.snoozedUntil && (
          <>
            <dt>Snoozed until</dt>
            <dd>{formatDay(alert.snoozedUntil)}</dd>
          </>
        )}
        <dt>Raised</dt>
        <dd>{formatDay(alert.raisedAt)}</dd>
      </dl>
      <h3>Why it matters</h3>
      <p className="alert-why">{alert.detail}</p>
      {alert.refs.length > 0 && (
        <>
          <h3>Evidence</h3>
          <ul className="alert-evidence">
            {alert.refs.map((r) => (
              <li key={`${r.type}:${r.id}`}>
                <RefLink accountId={alert.accountId} evidence={r} />
              </li>
            ))}
          </ul>
        </>
      )}
      <History id={alert.id} />
    </aside>
  );
}

function History({ id }: { readonly id: string }) {
  const history = useApiQuery('alerts/history', { id });
  return (
    <section aria-labelledby="alert-history-title" className="alert-history">
      <h3 id="alert-history-title">History</h3>
      {history.isError ? (
        <p className="error">{history.error.message}</p>
      ) : !history.data ? (
        <p className="muted-text">Loading the history…</p>
      ) : (
        <ol aria-label="What happened to this alert, oldest first">
          {history.data.map((h, i) => (
            <li key={i} data-history-action={h.action}>
              <p>
                <strong>{HISTORY_LABEL[h.action] ?? h.action}</strong>
                <span className="muted-text">
                  {' '}
                  · {formatDayTime(h.at.slice(0, 16))} · {h.actor === 'system' ? 'by the rules' : h.actor}
                  {h.severity && ` · ${h.severity}`}
                </span>
              </p>
              {h.note && <p className="history-note">{h.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
