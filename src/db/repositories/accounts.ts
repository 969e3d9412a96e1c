import type { Db } from '../connection';
import type { AccountSummary, PortfolioRow } from '../../shared/account-types';
import type { Band } from '../../shared/scoring-types';
import type { Severity } from '../../shared/kinds';
import type { PortfolioSort } from '../../shared/api';

/** One portfolio row as the query returns it, by position: no object per row from the driver. */
type Row = [
  accountId: string,
  name: string,
  segment: string | null,
  region: string | null,
  owner: string | null,
  contractType: string | null,
  renewalDate: string | null,
  annualValue: number | null,
  placeholder: number,
  asOf: string | null,
  loyalty: number | null,
  band: Band | null,
  satisfaction: number | null,
  confidence: number | null,
  change30: number | null,
  topDriver: string | null,
  sparkline: string | null,
  waiting: number | null,
  worst: number | null,
];

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
  alerts: 'coalesce(t.waiting, 0) %DIR%, coalesce(t.worst, -1) %DIR%',
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
      `SELECT a.account_id, a.name, a.segment, a.region, a.owner, a.contract_type, a.contract_renewal_date, a.annual_value, a.placeholder,
              s.as_of, s.loyalty, s.band, s.satisfaction, s.confidence, s.change_30, s.top_driver, s.sparkline,
              t.waiting AS open_alerts, t.worst AS worst_alert
       FROM accounts a
       LEFT JOIN account_scores s ON s.account_id = a.account_id
       LEFT JOIN alert_tallies t ON t.account_id = a.account_id
       ${where}
       ORDER BY ${order}, a.name COLLATE NOCASE, a.account_id
       LIMIT @limit OFFSET @offset`,
    )
    .raw()
    .all(params) as Row[];
  return { total, accounts: rows.map(toPortfolioRow) };
}

function toPortfolioRow(r: Row): PortfolioRow {
  return {
    accountId: r[0],
    name: r[1],
    segment: r[2],
    region: r[3],
    owner: r[4],
    contractType: r[5],
    renewalDate: r[6],
    annualValue: r[7],
    placeholder: r[8] === 1,
    asOf: r[9],
    loyalty: r[10],
    band: r[11],
    satisfaction: r[12],
    confidence: r[13],
    change30: r[14],
    topDriver: r[15],
    sparkline: r[16] ?? '',
    openAlerts: r[17] ?? 0,
    worstAlert: r[18] === null ? null : SEVERITY_BY_RANK[r[18]]!,
  };
}

interface AccountRow {
  account_id: string;
  name: string;
  segment: string | null;
  region: string | null;
  owner: string | null;
  contract_type: string | null;
  contract_renewal_date: string | null;
  annual_value: number | null;
  placeholder: number;
}

export function accountSummary(db: Db, accountId: string): AccountSummary | null {
  const r = db
    .prepare('SELECT account_id, name, segment, region, owner, contract_type, contract_renewal_date, annual_value, placeholder FROM accounts WHERE account_id = ?')
    .get(accountId) as AccountRow | undefined;
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
