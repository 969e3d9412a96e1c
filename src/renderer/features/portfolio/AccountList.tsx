import { useDeferredValue, useState } from 'react';
import { useQuery } from '../../api/use-query';
import { useAppState } from '../../components/AppState';
import type { AccountRow } from '../../../shared/api';

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function formatDate(iso: string | null): string {
  if (!iso) return '—';
  return dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00`));
}

/** Every account of the open database, by name. */
export function AccountList() {
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [query] = useQuery('accounts/list', deferred ? { search: deferred } : {});
  useAppState(query.status === 'loading' ? 'loading' : query.status);

  return (
    <main className="portfolio" aria-labelledby="portfolio-title">
      <header className="view-header">
        <h1 id="portfolio-title">Portfolio</h1>
        <p className="summary" aria-live="polite">
          {query.status === 'ready' ? `${numberFormat.format(query.data.total)} accounts` : '\u00a0'}
        </p>
        <label className="search">
          <span className="visually-hidden">Find an account</span>
          <input type="search" placeholder="Find an account" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
      </header>
      {query.status === 'error' && (
        <p role="alert" className="error">
          {query.message}
        </p>
      )}
      {query.status === 'ready' && <AccountTable accounts={query.data.accounts} />}
    </main>
  );
}

function AccountTable({ accounts }: { readonly accounts: readonly AccountRow[] }) {
  if (accounts.length === 0) return <p className="empty">No account matches.</p>;
  return (
    <div className="table-wrap">
      <table className="data" aria-label="Accounts">
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Owner</th>
            <th scope="col">Segment</th>
            <th scope="col">Region</th>
            <th scope="col" className="num">Work orders</th>
            <th scope="col">Last visit</th>
            <th scope="col" className="num">Open recommendations</th>
            <th scope="col">Renewal</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.accountId}>
              <th scope="row">
                {a.name}
                {a.placeholder && <span className="chip muted" title="Known only from other files; import an accounts file to complete it"> incomplete</span>}
              </th>
              <td>{a.owner ?? '—'}</td>
              <td>{a.segment ?? '—'}</td>
              <td>{a.region ?? '—'}</td>
              <td className="num">{numberFormat.format(a.workOrders)}</td>
              <td>{formatDate(a.lastVisit)}</td>
              <td className="num">{numberFormat.format(a.openRecommendations)}</td>
              <td>{formatDate(a.renewalDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
