import type { Db } from '../connection';
import type { AccountSummary, PortfolioRow } from '../../shared/account-types';
import type { Band } from '../../shared/scoring-types';
import type { Severity } from '../../shared/kinds';
import type { PortfolioSort } from '../../shared/api';

interface Row {
  account_id: string;
  name: string;
  segment: string | null;
  region: string | null;
  owner: string | null;
  contract_type: string | null;
  contract_renewal_date: string | null;
  annual_value: number | null;
  placeholder: number;
  as_of: string | null;
  loyalty: number | null;
  band: Band | null;
  satisfaction: number | null;
  confidence: number | null;
  change_30: number | null;
  top_driver: string | null;
  trend: string | null;
  open_alerts: number | null;
  worst_alert: number | null;
}

export interface PortfolioQuery {
  readonly search?: string;
  readonly sort?: PortfolioSort;
  readonly descending?: boolean;
  readonly limit?: number;
  readonly offset?: number;
}

const SEVERITY_BY_RANK: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

// Accounts without a score sort last whichever way (NULLS LAST), then by name.
const ORDER: Record<PortfolioSort, string> = {
  name: 'a.name COLLATE NOCASE %DIR%',
  loyalty: 's.loyalty IS NULL, s.loyalty %DIR%',
  satisfaction: 's.satisfaction IS NULL, s.satisfaction %DIR%',
  change30: 's.change_30 IS NULL, s.change_30 %DIR%',
  renewal: 'a.contract_renewal_date IS NULL, a.contract_renewal_date %DIR%',
  alerts: 'coalesce(al.n, 0) %DIR%, coalesce(al.worst, -1) %DIR%',
};

export function countAccounts(db: Db): number {
  return db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
}

/** The day the data was last scored for: the newest current score. */
export function scoredAsOf(db: Db): string | null {
  return (db.prepare('SELECT max(as_of) FROM account_scores').pluck().get() as string | null) ?? null;
}

/** The portfolio: every account (or those a search finds) with its current score, movement and open alerts. */
export function listPortfolio(db: Db, query: PortfolioQuery = {}): { total: number; accounts: PortfolioRow[] } {
  const search = query.search?.trim() ? `%${query.search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const where = search ? "WHERE a.name LIKE @search ESCAPE '\\' OR a.account_id LIKE @search ESCAPE '\\'" : '';
  const order = ORDER[query.sort ?? 'name'].replaceAll('%DIR%', query.descending ? 'DESC' : 'ASC');
  const params = { ...(search ? { search } : {}), limit: query.limit ?? 100_000, offset: query.offset ?? 0 };
  const total = db.prepare(`SELECT count(*) FROM accounts a ${where}`).pluck().get(search ? { search } : {}) as number;
  const rows = db
    .prepare(
      `WITH al AS (
         SELECT account_id, count(*) AS n,
                max(CASE severity WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END) AS worst
         FROM alerts WHERE active = 1 AND (status = 'open' OR status = 'acknowledged') GROUP BY account_id)
       SELECT a.account_id, a.name, a.segment, a.region, a.owner, a.contract_type, a.contract_renewal_date, a.annual_value, a.placeholder,
              s.as_of, s.loyalty, s.band, s.satisfaction, s.confidence, s.change_30, s.top_driver, s.trend,
              al.n AS open_alerts, al.worst AS worst_alert
       FROM accounts a
       LEFT JOIN account_scores s ON s.account_id = a.account_id
       LEFT JOIN al ON al.account_id = a.account_id
       ${where}
       ORDER BY ${order}, a.name COLLATE NOCASE, a.account_id
       LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Row[];
  return { total, accounts: rows.map(toPortfolioRow) };
}

function toPortfolioRow(r: Row): PortfolioRow {
  return {
    accountId: r.account_id,
    name: r.name,
    segment: r.segment,
    region: r.region,
    owner: r.owner,
    contractType: r.contract_type,
    renewalDate: r.contract_renewal_date,
    annualValue: r.annual_value,
    placeholder: r.placeholder === 1,
    asOf: r.as_of,
    loyalty: r.loyalty,
    band: r.band,
    satisfaction: r.satisfaction,
    confidence: r.confidence,
    change30: r.change_30,
    topDriver: r.top_driver,
    trend: sparkline(r.trend),
    openAlerts: r.open_alerts ?? 0,
    worstAlert: r.worst_alert === null ? null : SEVERITY_BY_RANK[r.worst_alert]!,
  };
}

/** The stored weekly points as the values a sparkline draws (weeks without a score left out). */
function sparkline(trend: string | null): number[] {
  if (!trend || trend === '[]') return [];
  const out: number[] = [];
  for (const [, loyalty] of JSON.parse(trend) as Array<[string, number | null]>) if (loyalty !== null) out.push(loyalty);
  return out;
}

export function accountSummary(db: Db, accountId: string): AccountSummary | null {
  const r = db
    .prepare('SELECT account_id, name, segment, region, owner, contract_type, contract_renewal_date, annual_value, placeholder FROM accounts WHERE account_id = ?')
    .get(accountId) as Pick<Row, 'account_id' | 'name' | 'segment' | 'region' | 'owner' | 'contract_type' | 'contract_renewal_date' | 'annual_value' | 'placeholder'> | undefined;
  if (!r) return null;
  return {
    id: r.account_id,
    name: r.name,
    segment: r.segment,
    region: r.region,
    owner: r.owner,
    contractType: r.contract_type,
    renewalDate: r.contract_renewal_date,
    annualValue: r.annual_value,
    placeholder: r.placeholder === 1,
  };
}
