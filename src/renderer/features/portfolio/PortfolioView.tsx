import { useCallback, useDeferredValue, useMemo, useRef } from 'react';
import { Link } from 'wouter';
import type { PortfolioSort } from './sorting';
import type { PortfolioRow } from '../../../shared/account-types';
import type { Band } from '../../../shared/scoring-types';
import { toCsv } from '../../../shared/csv';
import { useApiQuery } from '../../api/queries';
import { useAppState, viewState } from '../../components/AppState';
import { ErrorState, EmptyState } from '../../components/States';
import { formatInteger, plural } from '../../components/format';
import { usePersistentState } from '../../app/persistent-state';
import { paths } from '../../app/paths';
import { applyFilter, choices, isFiltered, NO_FILTER, summarise, type PortfolioFilter, type RenewalWindow } from './filters';
import { PortfolioTable } from './PortfolioTable';
import { BandDistribution, Movers, SatisfactionLoyaltyMap } from './PortfolioCharts';

const RENEWAL_LABEL: Record<RenewalWindow, string> = {
  any: 'Any renewal date',
  '30': 'Renews within 30 days',
  '90': 'Renews within 90 days',
  '180': 'Renews within 6 months',
  '365': 'Renews within a year',
  past: 'Renewal date passed',
};

/** The home view: the whole portfolio, its conclusion first, then the charts and the table that prove it. */
export function PortfolioView() {
  const list = useApiQuery('accounts/list', {});
  const info = useApiQuery('app/info', {});
  useAppState(viewState(list));
  const [filter, setFilter] = usePersistentState<PortfolioFilter>('portfolio.filter', NO_FILTER);
  const [sorting, setSorting] = usePersistentState<PortfolioSort[]>('portfolio.sorting', [{ id: 'loyalty', desc: false }]);
  const search = useDeferredValue(filter.search);
  const asOf = info.data?.asOf ?? new Date().toISOString().slice(0, 10);

  const all = list.data?.accounts;
  const rows = useMemo(() => (all ? applyFilter(all, { ...filter, search }, asOf) : []), [all, filter, search, asOf]);
  const summary = useMemo(() => (all ? summarise(all, asOf) : null), [all, asOf]);
  const options = useMemo(() => (all ? { owner: choices(all, 'owner'), region: choices(all, 'region'), segment: choices(all, 'segment') } : null), [all]);
  const order = useRef<readonly PortfolioRow[]>([]);
  const onVisibleOrder = useCallback((shown: readonly PortfolioRow[]) => (order.current = shown), []);

  if (list.isError) return <ErrorState title="The portfolio cannot be shown" message={list.error.message} onRetry={() => void list.refetch()} />;
  if (!all || !summary || !options) {
    return (
      <main className="portfolio" aria-busy="true">
        <p className="loading" role="status">
          Loading the portfolio…
        </p>
      </main>
    );
  }

  const update = (change: Partial<PortfolioFilter>): void => setFilter((f) => ({ ...f, ...change }));
  const toggleBand = (band: Band): void => update({ bands: filter.bands.includes(band) ? filter.bands.filter((b) => b !== band) : [...filter.bands, band] });

  return (
    <main className="portfolio" aria-labelledby="portfolio-title" data-view="portfolio">
      <header className="view-header">
        <div>
          <h1 id="portfolio-title">Portfolio</h1>
          <p className="answer" aria-live="polite">
            <Conclusion summary={summary} />
          </p>
        </div>
      </header>

      <div className="charts-row">
        <BandDistribution rows={all} selected={filter.bands} onSelect={toggleBand} />
        <SatisfactionLoyaltyMap rows={all} active={filter.satisfiedNotLoyal} onQuadrant={() => update({ satisfiedNotLoyal: !filter.satisfiedNotLoyal })} />
        <Movers rows={all} />
      </div>

      <div className="filters" role="search" aria-label="Filter the accounts">
        <label className="search">
          <span className="visually-hidden">Find by name</span>
          <input type="search" placeholder="Find by name or number" value={filter.search} onChange={(e) => update({ search: e.target.value })} />
        </label>
        <Select label="Owner" value={filter.owner} all="All owners" values={options.owner} onChange={(owner) => update({ owner })} />
        <Select label="Region" value={filter.region} all="All regions" values={options.region} onChange={(region) => update({ region })} />
        <Select label="Segment" value={filter.segment} all="All segments" values={options.segment} onChange={(segment) => update({ segment })} />
        <label>
          <span className="visually-hidden">Renewal</span>
          <select value={filter.renewal} onChange={(e) => update({ renewal: e.target.value as RenewalWindow })}>
            {Object.entries(RENEWAL_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {filter.satisfiedNotLoyal && (
          <button type="button" className="chip-button" onClick={() => update({ satisfiedNotLoyal: false })} aria-label="Stop showing only satisfied but not loyal accounts">
            Satisfied but not loyal ✕
          </button>
        )}
        {filter.bands.length > 0 && (
          <button type="button" className="chip-button" onClick={() => update({ bands: [] })} aria-label="Show every band">
            {filter.bands.length === 1 ? '1 band' : `${filter.bands.length} bands`} ✕
          </button>
        )}
        <span className="filter-count" aria-live="polite">
          {isFiltered(filter) ? `${formatInteger(rows.length)} of ${formatInteger(all.length)} accounts` : plural(all.length, 'account')}
        </span>
        {isFiltered(filter) && (
          <button type="button" className="link-button" onClick={() => setFilter(NO_FILTER)}>
            Clear filters
          </button>
        )}
        <button type="button" onClick={() => exportCsv(order.current, asOf)} disabled={rows.length === 0} title="Save the accounts shown, in this order, as a CSV file">
          Export CSV
        </button>
      </div>

      {all.length === 0 ? (
        <EmptyState title="No accounts yet">
          <Link href={paths.import}>Import your data</Link>
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No account matches these filters">
          <button type="button" className="link-button" onClick={() => setFilter(NO_FILTER)}>
            Clear filters
          </button>
        </EmptyState>
      ) : (
        <PortfolioTable rows={rows} sorting={sorting} onSortingChange={setSorting} onVisibleOrder={onVisibleOrder} />
      )}
    </main>
  );
}

function Conclusion({ summary: s }: { readonly summary: ReturnType<typeof summarise> }) {
  if (s.accounts === 0) return <>No accounts yet.</>;
  const parts: string[] = [];
  parts.push(`${plural(s.atRisk, 'account')} of ${formatInteger(s.accounts)} ${s.atRisk === 1 ? 'is' : 'are'} at risk or critical`);
  if (s.slipped > 0) {
    parts.push(`${formatInteger(s.slipped)} slipped 5 points or more in 30 days${s.slippedRenewingSoon > 0 ? `, ${formatInteger(s.slippedRenewingSoon)} of them renewing within 90 days` : ''}`);
  }
  if (s.satisfiedNotLoyal > 0) parts.push(`${formatInteger(s.satisfiedNotLoyal)} say they are satisfied but are not loyal`);
  return <>{parts.join('; ')}.</>;
}

function Select({ label, value, all, values, onChange }: { readonly label: string; readonly value: string; readonly all: string; readonly values: readonly string[]; readonly onChange: (v: string) => void }) {
  return (
    <label>
      <span className="visually-hidden">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

const CSV_HEADER = ['Account number', 'Account', 'Owner', 'Segment', 'Region', 'Loyalty', 'Band', 'Satisfaction', 'Confidence', 'Change in 30 days', 'Costs most', 'Open alerts', 'Renewal date', 'Scored on'];

/** The rows shown, in the order shown; text from the data cannot run as a spreadsheet formula. */
function exportCsv(rows: readonly PortfolioRow[], asOf: string): void {
  const csv = toCsv(
    [
      CSV_HEADER,
      ...rows.map((r) => [r.accountId, r.name, r.owner, r.segment, r.region, r.loyalty, r.band, r.satisfaction, r.confidence === null ? null : Math.round(r.confidence * 100) / 100, r.change30, r.topDriver, r.openAlerts, r.renewalDate, r.asOf]),
    ],
    { neutraliseFormulas: true },
  );
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `portfolio-${asOf}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
