import { describe, expect, it } from 'vitest';
import { sparkline } from '../../../src/db/repositories/accounts';

describe('the portfolio sparkline read from a stored weekly trend', () => {
  it.each([
    ['[]', []],
    ['[["2026-05-28",55.2]]', [55.2]],
    ['[["2026-05-28",55.2],["2026-06-04",null],["2026-06-11",60]]', [55.2, 60]],
    ['[["2026-05-28",null]]', []],
    ['[["2026-05-28",-1.5e-7],["2026-06-04",100]]', [-1.5e-7, 100]],
  ])('%s reads as JSON.parse would, weeks without a score left out', (stored, values) => {
    expect(sparkline(stored)).toEqual(values);
    const parsed = (JSON.parse(stored) as Array<[string, number | null]>).flatMap(([, v]) => (v === null ? [] : [v]));
    expect(sparkline(stored)).toEqual(parsed);
  });

  it('has nothing to draw without a stored trend', () => {
    expect(sparkline(null)).toEqual([]);
  });
});
