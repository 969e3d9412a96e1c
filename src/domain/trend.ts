import { toMs, DAY_MS } from './dates';

// The portfolio's sparkline: one point a week over the last six months. Kept with each account's
// current score and carried forward as scores are kept, so the portfolio never reads the whole
// snapshot history to draw it.

export type TrendPoint = readonly [day: string, loyalty: number | null];

export const TREND_DAYS = 182;

const week = (day: string): number => Math.floor(toMs(day) / DAY_MS / 7);

/**
 * The points to keep: the newest of each calendar week (weeks counted from 1970-01-01), none
 * after `asOf` or more than six months before it, oldest first. A later point for the same day
 * replaces an earlier one.
 */
export function weeklyTrend(points: Iterable<TrendPoint>, asOf: string): TrendPoint[] {
  const oldest = new Date(toMs(asOf) - TREND_DAYS * DAY_MS).toISOString().slice(0, 10);
  const byWeek = new Map<number, TrendPoint>();
  for (const point of points) {
    const [day] = point;
    if (day > asOf || day < oldest) continue;
    const w = week(day);
    const kept = byWeek.get(w);
    if (!kept || kept[0] <= day) byWeek.set(w, point);
  }
  return [...byWeek.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
