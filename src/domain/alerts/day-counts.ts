import { daysBetween } from '../dates';

// An alert's text that counted days ("last reminded on 18 Apr 2025, 585 days ago") would be stale
// the next morning, and every daily recompute would rewrite it for nothing else. The rules write a
// mark in its place, which stays the same while the condition does, and the count is spelled out
// when the alert is read, for the day it is read as of.

const OPEN = '⟦';
const MARK = /⟦days (since|until) (\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)⟧/g;

/** "N days" from `iso` (a day or a time) to the day the text is read as of, counting whole days. */
export const daysSince = (iso: string): string => `${OPEN}days since ${iso}⟧`;

/** "N days" from the day the text is read as of to the day `day`. */
export const daysUntil = (day: string): string => `${OPEN}days until ${day}⟧`;

/** The text with each day count spelled out as of `asOf` (YYYY-MM-DD). */
export function spellDayCounts(text: string, asOf: string): string {
  if (!text.includes(OPEN)) return text;
  return text.replace(MARK, (_, direction: string, iso: string) => {
    // A text read as of a day before its mark's day (a past view of a current alert) says 0, not less.
    const n = Math.max(0, direction === 'since' ? Math.floor(daysBetween(iso, asOf)) : Math.round(daysBetween(asOf, iso)));
    return `${n} ${n === 1 ? 'day' : 'days'}`;
  });
}

/** An alert as a person reads it on `asOf`: its title and detail with their day counts spelled out. */
export function spelledAlert<T extends { readonly title: string; readonly detail: string }>(alert: T, asOf: string): T {
  const title = spellDayCounts(alert.title, asOf);
  const detail = spellDayCounts(alert.detail, asOf);
  return title === alert.title && detail === alert.detail ? alert : { ...alert, title, detail };
}
