import { describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../../src/shared/account-types';
import { nextSort, sortRows } from '../../../src/renderer/features/portfolio/sorting';

const row = (accountId: string, name: string, loyalty: number | null, owner: string | null = null): PortfolioRow => ({ accountId, name, loyalty, owner }) as PortfolioRow;
const ids = (rows: readonly PortfolioRow[]): string[] => rows.map((r) => r.accountId);

describe('portfolio sorting', () => {
  const rows = [row('a', 'Site 10', 55), row('b', 'site 9', null), row('c', 'Alpha', 72.5), row('d', 'Beta', 55), row('e', 'Gamma', 12)];

  it('orders figures either way, with accounts lacking one last both times and ties kept in the order given', () => {
    expect(ids(sortRows(rows, (r) => r.loyalty, false))).toEqual(['e', 'a', 'd', 'c', 'b']);
    expect(ids(sortRows(rows, (r) => r.loyalty, true))).toEqual(['c', 'a', 'd', 'e', 'b']);
  });

  it('orders text naturally and without regard to case', () => {
    expect(ids(sortRows(rows, (r) => r.name, false))).toEqual(['c', 'd', 'e', 'b', 'a']);
    expect(ids(sortRows(rows, (r) => r.name, true))).toEqual(['a', 'b', 'e', 'd', 'c']);
  });

  it('puts accounts without the value last when sorting text', () => {
    const owned = [row('x', 'X', 1, null), row('y', 'Y', 1, 'Zoe'), row('z', 'Z', 1, 'Adam')];
    expect(ids(sortRows(owned, (r) => r.owner, false))).toEqual(['z', 'y', 'x']);
    expect(ids(sortRows(owned, (r) => r.owner, true))).toEqual(['y', 'z', 'x']);
  });

  it('leaves the rows given untouched', () => {
    const before = ids(rows);
    sortRows(rows, (r) => r.loyalty, true);
    expect(ids(rows)).toEqual(before);
  });

  it('turns the sort column round, and starts another column its natural way', () => {
    expect(nextSort({ id: 'loyalty', desc: false }, 'loyalty', true)).toEqual({ id: 'loyalty', desc: true });
    expect(nextSort({ id: 'loyalty', desc: true }, 'loyalty', true)).toEqual({ id: 'loyalty', desc: false });
    expect(nextSort({ id: 'loyalty', desc: false }, 'openAlerts', true)).toEqual({ id: 'openAlerts', desc: true });
    expect(nextSort({ id: 'loyalty', desc: true }, 'name', false)).toEqual({ id: 'name', desc: false });
    expect(nextSort(undefined, 'name', false)).toEqual({ id: 'name', desc: false });
  });
});
