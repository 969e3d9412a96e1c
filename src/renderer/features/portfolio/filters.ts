import type { PortfolioRow } from '../../../shared/account-types';
import type { Band } from '../../../shared/scoring-types';

// What narrows the portfolio down, and the order it is shown in. Pure, so the table, the CSV
// export and the summary all read the same rows.

export const RENEWAL_WINDOWS = ['any', '30', '90', '180', '365', 'past'] as const;
export type RenewalWindow = (typeof RENEWAL_WINDOWS)[number];

export interface PortfolioFilter {
  readonly search: string;
  readonly bands: readonly (Band | 'none')[];
  readonly owner: string;
  readonly region: string;
  readonly segment: string;
  readonly renewal: RenewalWindow;
  /** Satisfied (or better) in surveys, yet at risk or critical in loyalty. */
  readonly satisfiedNotLoyal: boolean;
}

export const NO_FILTER: PortfolioFilter = { search: '', bands: [], owner: '', region: '', segment: '', renewal: 'any', satisfiedNotLoyal: false };

export const SORT_KEYS = ['name', 'owner', 'segment', 'region', 'loyalty', 'satisfaction', 'confidence', 'change30', 'topDriver', 'openAlerts', 'renewalDate'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  readonly key: SortKey;
  readonly descending: boolean;
}

/** The threshold both scales share between "satisfied" and "at risk"/"lukewarm". */
export const SATISFIED_FROM = 60;

export function isSatisfiedNotLoyal(row: PortfolioRow): boolean {
  return row.satisfaction !== null && row.satisfaction >= SATISFIED_FROM && row.loyalty !== null && row.loyalty < SATISFIED_FROM;
}

function daysUntil(day: string, asOf: string): number {
  return Math.round((Date.parse(`${day.slice(0, 10)}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
}

export function renewsWithin(row: PortfolioRow, window: RenewalWindow, asOf: string): boolean {
  if (window === 'any') return true;
  if (!row.renewalDate) return false;
  const days = daysUntil(row.renewalDate, asOf);
  return window === 'past' ? days < 0 : days >= 0 && days <= Number(window);
}

export function applyFilter(rows: readonly PortfolioRow[], f: PortfolioFilter, asOf: string): PortfolioRow[] {
  const search = f.search.trim().toLocaleLowerCase();
  const bands = new Set(f.bands);
  return rows.filter(
    (r) =>
      (!search || r.name.toLocaleLowerCase().includes(search) || r.accountId.toLocaleLowerCase().includes(search)) &&
      (bands.size === 0 || bands.has(r.band ?? 'none')) &&
      (!f.owner || r.owner === f.owner) &&
      (!f.region || r.region === f.region) &&
      (!f.segment || r.segment === f.segment) &&
      renewsWithin(r, f.renewal, asOf) &&
      (!f.satisfiedNotLoyal || isSatisfiedNotLoyal(r)),
  );
}

export function isFiltered(f: PortfolioFilter): boolean {
  return f.search.trim() !== '' || f.bands.length > 0 || f.owner !== '' || f.region !== '' || f.segment !== '' || f.renewal !== 'any' || f.satisfiedNotLoyal;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorts a copy; rows without a value go last whichever the direction, then by name. */
export function sortRows(rows: readonly PortfolioRow[], sort: Sort): PortfolioRow[] {
  const dir = sort.descending ? -1 : 1;
  const value = (r: PortfolioRow): string | number | null => (sort.key === 'openAlerts' ? r.openAlerts : r[sort.key]);
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      if (c !== 0) return c * dir;
    }
    return collator.compare(a.name, b.name) || collator.compare(a.accountId, b.accountId);
  });
}

/** The distinct values of a column, for its filter's choices. */
export function choices(rows: readonly PortfolioRow[], key: 'owner' | 'region' | 'segment'): string[] {
  const set = new Set<string>();
  for (const r of rows) {
    const v = r[key];
    if (v) set.add(v);
  }
  return [...set].sort(collator.compare);
}

export interface PortfolioSummary {
  readonly accounts: number;
  readonly scored: number;
  readonly atRisk: number;
  readonly slipped: number;
  readonly slippedRenewingSoon: number;
  readonly satisfiedNotLoyal: number;
  readonly openAlerts: number;
}

/** A slip worth a line in the summary: five points or more in 30 days. */
export const SLIP_POINTS = 5;

export function summarise(rows: readonly PortfolioRow[], asOf: string): PortfolioSummary {
  let scored = 0;
  let atRisk = 0;
  let slipped = 0;
  let slippedRenewingSoon = 0;
  let satisfiedNotLoyal = 0;
  let openAlerts = 0;
  for (const r of rows) {
    if (r.loyalty !== null) scored++;
    if (r.band === 'at_risk' || r.band === 'critical') atRisk++;
    if (r.change30 !== null && r.change30 <= -SLIP_POINTS) {
      slipped++;
      if (renewsWithin(r, '90', asOf)) slippedRenewingSoon++;
    }
    if (isSatisfiedNotLoyal(r)) satisfiedNotLoyal++;
    openAlerts += r.openAlerts;
  }
  return { accounts: rows.length, scored, atRisk, slipped, slippedRenewingSoon, satisfiedNotLoyal, openAlerts };
}

/** The accounts that moved most in 30 days, each way. */
export function movers(rows: readonly PortfolioRow[], count = 5): { fallers: PortfolioRow[]; risers: PortfolioRow[] } {
  const moved = rows.filter((r) => r.change30 !== null && Math.abs(r.change30) >= 0.5);
  return {
    fallers: moved.filter((r) => r.change30! < 0).sort((a, b) => a.change30! - b.change30!).slice(0, count),
    risers: moved.filter((r) => r.change30! > 0).sort((a, b) => b.change30! - a.change30!).slice(0, count),
  };
}
