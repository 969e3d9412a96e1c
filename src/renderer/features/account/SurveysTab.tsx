import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from 'wouter';
import type { AccountView } from '../../../shared/account-types';
import { paths } from '../../app/paths';
import { formatDay, formatDayTime, formatShortDay, plural } from '../../components/format';
import { useFocusRecord } from '../../components/useFocusRecord';
import { EmptyState } from '../../components/States';
import { TableHead } from '../../components/TableHead';

const KIND_LABEL = { promoter: 'Promoter', passive: 'Passive', detractor: 'Detractor' } as const;

/** What the customer's people said, over time: scores, comments, and whether a detractor was called back. */
export function SurveysTab({ view, focus }: { readonly view: AccountView; readonly focus: string | undefined }) {
  const container = useFocusRecord<HTMLDivElement>(focus);
  if (view.surveys.length === 0) return <EmptyState title="No surveys yet">Import a survey export (NPS or CSAT) to see what the customer says.</EmptyState>;
  const nps = view.surveys.filter((s) => s.nps !== null).map((s) => ({ t: Date.parse(`${s.respondedAt.slice(0, 10)}T00:00:00Z`), nps: s.nps! }));
  const detractors = view.surveys.filter((s) => s.kind === 'detractor');
  const unanswered = detractors.filter((s) => !s.followedUp).length;
  return (
    <div className="surveys" ref={container}>
      <p className="answer">
        {plural(view.surveys.length, 'response')}; {plural(detractors.length, 'detractor')}
        {detractors.length > 0 && `, ${unanswered === 0 ? 'every one called back in time' : `${unanswered} not called back within two days`}`}.
      </p>
      {nps.length > 1 && (
        <figure className="card" aria-labelledby="nps-title">
          <figcaption id="nps-title" className="card-title">
            NPS responses over time
          </figcaption>
          <div className="chart" role="img" aria-label={`${nps.length} NPS responses from ${formatDay(view.surveys.at(-1)!.respondedAt)} to ${formatDay(view.surveys[0]!.respondedAt)}`}>
            <ResponsiveContainer width="100%" height={140}>
              <ScatterChart margin={{ top: 8, right: 12, bottom: 0, left: -20 }}>
                <CartesianGrid stroke="var(--border)" />
                <XAxis type="number" dataKey="t" domain={['dataMin', 'dataMax']} tickFormatter={(t: number) => formatShortDay(new Date(t).toISOString())} tick={{ fill: 'var(--text-2)', fontSize: 11 }} />
                <YAxis type="number" dataKey="nps" domain={[0, 10]} ticks={[0, 6, 8, 10]} tick={{ fill: 'var(--text-2)', fontSize: 11 }} />
                <ReferenceLine y={6.5} stroke="var(--band-critical)" strokeDasharray="3 3" />
                <ReferenceLine y={8.5} stroke="var(--band-loyal)" strokeDasharray="3 3" />
                <Tooltip labelFormatter={() => ''} formatter={(v, name) => (name === 't' ? [formatDay(new Date(Number(v)).toISOString()), 'Date'] : [String(v), 'NPS'])} contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }} />
                <Scatter data={nps} fill="var(--accent)" isAnimationActive={false} />
              </ScatterChart>
            </ResponsiveContainer>
          </div>
        </figure>
      )}
      <table className="data compact">
        <TableHead columns={['Date', 'Score', 'Who', 'Comment', 'Follow-up']} />
        <tbody>
          {view.surveys.map((s) => (
            <tr key={s.id} data-record={s.id} tabIndex={-1} className={focus === s.id ? 'focused' : undefined}>
              <td>{formatDay(s.respondedAt)}</td>
              <td>
                {s.scoreText} {s.kind && <span className={`chip kind-${s.kind}`}>{KIND_LABEL[s.kind]}</span>}
              </td>
              <td className="ellipsis-cell">{s.contact ?? '—'}</td>
              <td>{s.comment ?? <span className="muted-text">—</span>}</td>
              <td>
                {s.followUpAt ? (
                  <span className={s.kind === 'detractor' && !s.followedUp ? 'warn' : undefined}>{formatDayTime(s.followUpAt)}</span>
                ) : s.kind === 'detractor' ? (
                  <span className="warn">Not called back</span>
                ) : (
                  '—'
                )}
                {s.workOrderId && (
                  <>
                    {' '}
                    <Link href={paths.account(view.account.id, 'service', s.workOrderId)} className="muted-text">
                      after {s.workOrderId}
                    </Link>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
