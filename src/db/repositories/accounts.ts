import type { Db } from '../connection';
import type { AccountRow } from '../../shared/api';

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
  work_orders: number;
  last_visit: string | null;
  open_recommendations: number;
  surveys: number;
  assets: number;
}

export interface AccountQuery {
  readonly search?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export function countAccounts(db: Db): number {
  return db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
}

/** Accounts by name, with what the data holds about each. */
export function listAccountRows(db: Db, query: AccountQuery = {}): { total: number; accounts: AccountRow[] } {
  const search = query.search?.trim() ? `%${query.search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const where = search ? "WHERE a.name LIKE @search ESCAPE '\\' OR a.account_id LIKE @search ESCAPE '\\'" : '';
  const total = db.prepare(`SELECT count(*) FROM accounts a ${where}`).pluck().get(search ? { search } : {}) as number;
  const rows = db
    .prepare(
      `WITH wo AS (SELECT account_id, count(*) AS n, max(opened_at) AS last FROM work_orders GROUP BY account_id),
            rec AS (SELECT account_id, count(*) AS n FROM recommendations WHERE status = 'open' GROUP BY account_id),
            sv AS (SELECT account_id, count(*) AS n FROM survey_responses GROUP BY account_id),
            ast AS (SELECT account_id, sum(quantity) AS n FROM assets GROUP BY account_id)
       SELECT a.account_id, a.name, a.segment, a.region, a.owner, a.contract_type, a.contract_renewal_date, a.annual_value,
              a.placeholder, coalesce(wo.n, 0) AS work_orders, wo.last AS last_visit, coalesce(rec.n, 0) AS open_recommendations,
              coalesce(sv.n, 0) AS surveys, coalesce(ast.n, 0) AS assets
       FROM accounts a
       LEFT JOIN wo ON wo.account_id = a.account_id
       LEFT JOIN rec ON rec.account_id = a.account_id
       LEFT JOIN sv ON sv.account_id = a.account_id
       LEFT JOIN ast ON ast.account_id = a.account_id
       ${where}
       ORDER BY a.name COLLATE NOCASE, a.account_id
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...(search ? { search } : {}), limit: query.limit ?? 100_000, offset: query.offset ?? 0 }) as Row[];
  return {
    total,
    accounts: rows.map((r) => ({
      accountId: r.account_id,
      name: r.name,
      segment: r.segment,
      region: r.region,
      owner: r.owner,
      contractType: r.contract_type,
      renewalDate: r.contract_renewal_date,
      annualValue: r.annual_value,
      placeholder: r.placeholder === 1,
      workOrders: r.work_orders,
      lastVisit: r.last_visit,
      openRecommendations: r.open_recommendations,
      surveys: r.surveys,
      assets: r.assets,
    })),
  };
}
