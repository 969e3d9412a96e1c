import { describe, expect, it } from 'vitest';
import { readSparkline, sparklineOf } from '../../../src/shared/sparkline';

type TrendPoint = readonly [day: string, loyalty: number | null];

describe("the portfolio's sparkline kept beside the weekly trend", () => {
  it.each<[TrendPoint[], string]>([
    [[], ''],
    [[['2026-05-28', 55.2]], '55.2'],
    [[['2026-05-28', 55.2], ['2026-06-04', null], ['2026-06-11', 60]], '55.2,60'],
    [[['2026-05-28', null]], ''],
    [[['2026-05-28', -1.5e-7], ['2026-06-04', 100], ['2026-06-11', 0]], '-1.5e-7,100,0'],
  ])('%j keeps the figures of the weeks with a score, and reads back as those figures', (trend, text) => {
    expect(sparklineOf(trend)).toBe(text);
    expect(readSparkline(text)).toEqual(trend.flatMap(([, v]) => (v === null ? [] : [v])));
  });

  it('reads back every figure exactly, as the JSON trend would have given it', () => {
    const trend: TrendPoint[] = Array.from({ length: 26 }, (_, i) => [`2026-06-${String(i + 1).padStart(2, '0')}`, i % 5 === 0 ? null : Math.round(((i * 37.3) % 100) * 10) / 10 + 1 / 3]);
    const fromJson = (JSON.parse(JSON.stringify(trend)) as TrendPoint[]).flatMap(([, v]) => (v === null ? [] : [v]));
    expect(readSparkline(sparklineOf(trend))).toEqual(fromJson);
  });

  it('has nothing to draw without a stored sparkline', () => {
    expect(readSparkline(null)).toEqual([]);
    expect(readSparkline('')).toEqual([]);
  });
});
