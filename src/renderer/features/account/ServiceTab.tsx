import { Fragment, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { AccountView, RecommendationItem, VisitItem } from '../../../shared/account-types';
import { paths } from '../../app/paths';
import { formatDay, formatDayTime, formatPercent, plural } from '../../components/format';
import { useFocusRecord } from '../../components/useFocusRecord';
import { EmptyState } from '../../components/States';

type Entry =
  | { kind: 'visit'; at: string; visit: VisitItem }
  | { kind: 'recommendation'; at: string; rec: RecommendationItem }
  | { kind: 'logged'; at: string; rec: RecommendationItem; action: string; note: string | null; by: string | null };

const TYPE_LABEL: Record<string, string> = { break_fix: 'Break-fix', preventive: 'Preventive', install: 'Install', inspection: 'Inspection', other: 'Visit' };
const ACTION_LABEL: Record<string, string> = { reminded: 'Reminded the customer of', accepted: 'Customer accepted', declined: 'Customer declined', done: 'Done:', reopened: 'Reopened' };

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Visits, recommendations and reminders on one line of time, newest first; bad calls marked. */
export function ServiceTab({ view, focus }: { readonly view: AccountView; readonly focus: string | undefined }) {
  const [showAll, setShowAll] = useState(false);
  const entries = useMemo(() => timeline(view), [view]);
  const cutoff = `${Number(view.asOf.slice(0, 4)) - 2}${view.asOf.slice(4)}`;
  const focusIndex = focus ? entries.findIndex((e) => recordId(e) === focus) : -1;
  const shown = showAll || (focusIndex >= 0 && entries[focusIndex]!.at < cutoff) ? entries : entries.filter((e) => e.at >= cutoff);
  const container = useFocusRecord<HTMLOListElement>(focus);
  const k = view.kpis;
  const recById = new Map(view.recommendations.map((r) => [r.id, r]));

  if (entries.length === 0) return <EmptyState title="No visits yet">Import a work-order export to see the service history.</EmptyState>;

  return (
    <div className="service">
      <p className="kpi-strip" aria-label="Service over the last 12 months">
        <span>First-time fix {formatPercent(k.firstTimeFixRate)}</span>
        <span>On time {formatPercent(k.onTimeArrivalRate)}</span>
        <span>Repeat calls {formatPercent(k.repeatCallRate)}</span>
        <span>
          {plural(k.badCalls, 'bad call')}, {formatPercent(k.followUpRate)} followed up
        </span>
      </p>
      <ol className="timeline" ref={container} aria-label="Service timeline, newest first">
        {shown.map((e, i) => {
          const month = monthOf(e);
          return (
            <Fragment key={`${e.kind}-${recordId(e)}-${e.at}`}>
              {(i === 0 || monthOf(shown[i - 1]!) !== month) && (
                <li className="timeline-month" aria-hidden="true">
                  {month}
                </li>
              )}
              <TimelineEntry entry={e} accountId={view.account.id} focused={recordId(e) === focus} recById={recById} />
            </Fragment>
          );
        })}
      </ol>
      {shown.length < entries.length && (
        <button type="button" onClick={() => setShowAll(true)}>
          Show {plural(entries.length - shown.length, 'older entry', 'older entries')}
        </button>
      )}
    </div>
  );
}

const monthOf = (e: Entry): string => monthFormat.format(new Date(`${e.at.slice(0, 7)}-01T00:00:00Z`));

function recordId(e: Entry): string {
  return e.kind === 'visit' ? e.visit.id : e.rec.id;
}

function timeline(view: AccountView): Entry[] {
  const out: Entry[] = view.visits.map((visit) => ({ kind: 'visit', at: visit.openedAt, visit }));
  for (const rec of view.recommendations) {
    // A recommendation made on a visit shows on that visit.
    if (!rec.workOrderId || !view.visits.some((v) => v.id === rec.workOrderId)) out.push({ kind: 'recommendation', at: rec.madeAt, rec });
    for (const l of rec.log) out.push({ kind: 'logged', at: l.on, rec, action: l.action, note: l.note, by: l.by });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

function TimelineEntry({ entry: e, accountId, focused, recById }: { readonly entry: Entry; readonly accountId: string; readonly focused: boolean; readonly recById: ReadonlyMap<string, RecommendationItem> }) {
  const className = `timeline-entry ${e.kind} ${e.kind === 'visit' && e.visit.bad ? 'bad' : ''} ${focused ? 'focused' : ''}`;
  if (e.kind === 'visit') {
    const v = e.visit;
    const made = v.recommendationId ? recById.get(v.recommendationId) : undefined;
    return (
      <li className={className} data-record={v.id} tabIndex={-1} aria-current={focused ? 'true' : undefined}>
        <span className="when">{formatDayTime(v.openedAt)}</span>
        <div className="what">
          <p className="entry-title">
            <span className={`marker ${v.bad ? 'marker-bad' : 'marker-good'}`}>{v.bad ? 'Bad call' : 'Good call'}</span> {TYPE_LABEL[v.type] ?? v.type} visit
            {v.assetId && (
              <>
                {' '}
                on{' '}
                <Link href={paths.account(accountId, 'installed-base', v.assetId)} className="mono">
                  {v.assetId}
                </Link>
              </>
            )}
            {v.technician && <> by {v.technician}</>} <span className="muted-text mono">{v.id}</span>
          </p>
          {v.bad && (
            <p className="entry-detail">
              {capitalise(v.wentWrong)}
              {v.afterBadCall && ', right after another bad call'}.{' '}
              {v.followedUp ? <span className="ok">Followed up {formatDayTime(v.followUpAt)}.</span> : <span className="warn">Not followed up within a business day.</span>}
            </p>
          )}
          {v.remindedIds.length > 0 && (
            <p className="entry-detail">
              Reminded the customer of{' '}
              {v.remindedIds.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <Link href={paths.account(accountId, 'recommendations', id)}>“{recById.get(id)?.text ?? id}”</Link>
                </span>
              ))}
            </p>
          )}
          {made && (
            <p className="entry-detail">
              Recommended: <Link href={paths.account(accountId, 'recommendations', made.id)}>“{made.text}”</Link> {made.status === 'open' ? <span className="chip muted">open</span> : <span className="chip muted">{made.status}</span>}
            </p>
          )}
        </div>
      </li>
    );
  }
  if (e.kind === 'recommendation') {
    return (
      <li className={className} data-record={e.rec.id} tabIndex={-1}>
        <span className="when">{formatDay(e.at)}</span>
        <div className="what">
          <p className="entry-title">
            <span className="marker marker-rec">Recommendation</span> <Link href={paths.account(accountId, 'recommendations', e.rec.id)}>“{e.rec.text}”</Link>
          </p>
        </div>
      </li>
    );
  }
  return (
    <li className={className}>
      <span className="when">{formatDay(e.at)}</span>
      <div className="what">
        <p className="entry-title">
          <span className="marker marker-log">Logged</span> {ACTION_LABEL[e.action] ?? e.action} <Link href={paths.account(accountId, 'recommendations', e.rec.id)}>“{e.rec.text}”</Link>
          {e.by && <span className="muted-text"> — {e.by}</span>}
        </p>
        {e.note && <p className="entry-detail">{e.note}</p>}
      </div>
    </li>
  );
}

const capitalise = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
