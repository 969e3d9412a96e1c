import { Link } from 'wouter';
import type { AccountView } from '../../../shared/account-types';
import type { BriefKpis } from '../../../shared/review-types';
import type { ComponentScore } from '../../../shared/scoring-types';
import { refPath, REF_NOUN } from '../../app/paths';
import { formatInteger, formatPercent, formatScore } from '../../components/format';
import { TableHead, figure } from '../../components/TableHead';

/** The five components, each with the drivers that make up its points; and the service KPIs. */
export function OverviewTab({ view }: { readonly view: AccountView }) {
  return (
    <div className="overview">
      <section aria-labelledby="components-title">
        <h2 id="components-title">What makes up the score</h2>
        <p className="muted-text">
          Each component is 100 less what it lost; its weight turns it into loyalty points. Open a driver to see the record behind it.
        </p>
        <div className="components">
          {view.score.components.map((c) => (
            <ComponentCard key={c.key} component={c} accountId={view.account.id} />
          ))}
        </div>
      </section>
      <Kpis now={view.kpis} before={view.kpisYearBefore} />
    </div>
  );
}

function ComponentCard({ component: c, accountId }: { readonly component: ComponentScore; readonly accountId: string }) {
  const losses = c.drivers.filter((d) => d.points < 0);
  const shown = losses.slice(0, 6);
  return (
    <section className="card component-card" aria-labelledby={`component-${c.key}`}>
      <header className="component-head">
        <h3 id={`component-${c.key}`}>{c.label}</h3>
        <span className="component-score">{c.score === null ? 'no data' : formatScore(c.score)}</span>
      </header>
      <div className="meter" aria-hidden="true">
        <span className="meter-fill" style={{ width: `${c.score ?? 0}%` }} />
      </div>
      <p className="muted-text component-weight">
        {c.score === null
          ? c.missing ?? 'No data for it yet'
          : `Weight ${formatPercent(c.weight)}${c.weight !== c.baseWeight ? ` (of ${formatPercent(c.baseWeight)}, shared out)` : ''}: ${formatScore(c.points)} loyalty points`}
      </p>
      {c.score !== null && (
        <ul className="drivers" aria-label={`${c.label}: drivers`}>
          {shown.length === 0 && <li className="driver positive">{c.drivers[0]?.label ?? 'Nothing lost'}</li>}
          {shown.map((d, i) => (
            <li key={i} className="driver">
              <span className="driver-points">{formatScore(d.points)}</span>
              {d.ref ? (
                <Link href={refPath(accountId, d.ref)} className="driver-label" title={`Open the ${REF_NOUN[d.ref.type] ?? 'record'} ${d.ref.id}`}>
                  {d.label}
                </Link>
              ) : (
                <span className="driver-label">{d.label}</span>
              )}
            </li>
          ))}
          {losses.length > shown.length && (
            <li className="driver muted-text">
              and {formatInteger(losses.length - shown.length)} smaller, {formatScore(losses.slice(shown.length).reduce((s, d) => s + d.points, 0))} points together
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

const KPI_ROWS: Array<{ key: keyof BriefKpis; label: string; kind: 'rate' | 'days' | 'hours' | 'count'; better: 'higher' | 'lower' }> = [
  { key: 'firstTimeFixRate', label: 'First-time fix', kind: 'rate', better: 'higher' },
  { key: 'onTimeArrivalRate', label: 'On-time arrival', kind: 'rate', better: 'higher' },
  { key: 'repeatCallRate', label: 'Repeat calls', kind: 'rate', better: 'lower' },
  { key: 'followUpRate', label: 'Bad calls followed up next business day', kind: 'rate', better: 'higher' },
  { key: 'mtbfDays', label: 'Mean time between failures', kind: 'days', better: 'higher' },
  { key: 'mttrHours', label: 'Mean time to repair', kind: 'hours', better: 'lower' },
  { key: 'visits', label: 'Visits', kind: 'count', better: 'higher' },
  { key: 'badCalls', label: 'Bad calls', kind: 'count', better: 'lower' },
  { key: 'complaints', label: 'Complaints (detractor responses)', kind: 'count', better: 'lower' },
  { key: 'commendations', label: 'Commendations', kind: 'count', better: 'higher' },
];

function kpiText(value: number | null, kind: 'rate' | 'days' | 'hours' | 'count'): string {
  if (value === null) return '—';
  if (kind === 'rate') return formatPercent(value);
  if (kind === 'days') return `${formatScore(value)} days`;
  if (kind === 'hours') return `${formatScore(value)} h`;
  return formatInteger(value);
}

function Kpis({ now, before }: { readonly now: BriefKpis; readonly before: BriefKpis }) {
  return (
    <section aria-labelledby="kpis-title" className="kpis">
      <h2 id="kpis-title">Service KPIs</h2>
      <table className="data compact">
        <TableHead columns={['Measure', figure('Last 12 months'), figure('12 months before')]} />
        <tbody>
          {KPI_ROWS.map((k) => {
            const a = now[k.key];
            const b = before[k.key];
            const trend = a === null || b === null || a === b ? '' : (a > b) === (k.better === 'higher') ? 'better' : 'worse';
            return (
              <tr key={k.key}>
                <th scope="row">{k.label}</th>
                <td className={`num ${trend}`}>
                  {kpiText(a, k.kind)}
                  {trend && <span className="visually-hidden"> ({trend} than the year before)</span>}
                  {trend && (
                    <span aria-hidden="true" className="kpi-arrow" title={`${trend} than the year before`}>
                      {a! > b! ? ' ▲' : ' ▼'}
                    </span>
                  )}
                </td>
                <td className="num muted-text">{kpiText(b, k.kind)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
