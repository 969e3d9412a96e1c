// Dates as the data holds them: ISO strings, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, taken as UTC.

export const DAY_MS = 86_400_000;

const digits = (s: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
};

/** Days since 1970-01-01 of a civil date (proleptic Gregorian): arithmetic, no Date object. */
export function epochDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Milliseconds since the epoch of YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (the shapes the data holds). */
export function toMs(iso: string): number {
  const day = epochDay(digits(iso, 0, 4), digits(iso, 5, 2), digits(iso, 8, 2)) * DAY_MS;
  if (iso.length < 16) return day;
  const seconds = iso.length >= 19 ? digits(iso, 17, 2) : 0;
  return day + digits(iso, 11, 2) * 3_600_000 + digits(iso, 14, 2) * 60_000 + seconds * 1000;
}

/** Whole and fractional days from a to b (b later is positive). */
export function daysBetween(a: string, b: string): number {
  return (toMs(b) - toMs(a)) / DAY_MS;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The civil date [year, month, day] of a day count since 1970-01-01: the inverse of epochDay. */
export function civilDate(z: number): [year: number, month: number, day: number] {
  const shifted = z + 719468;
  const era = Math.floor(shifted / 146097);
  const doe = shifted - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** YYYY-MM-DD of a day count since 1970-01-01, no Date object. */
function civilDay(z: number): string {
  const [y, m, d] = civilDate(z);
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(day: string, days: number): string {
  // Whole days stay in whole-day arithmetic; a fraction (rare) goes through milliseconds.
  if (Number.isInteger(days)) return civilDay(epochDay(digits(day, 0, 4), digits(day, 5, 2), digits(day, 8, 2)) + days);
  return new Date(toMs(day.slice(0, 10)) + days * DAY_MS).toISOString().slice(0, 10);
}

export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * Whether the day of `iso` is after `day` (YYYY-MM-DD): `dayOf(iso) > day` without cutting a new
 * string. A timestamp on that day compares greater than the day alone, so it is ruled out first.
 */
export function dayIsAfter(iso: string, day: string): boolean {
  return iso > day && !iso.startsWith(day);
}

/** Sunday 0 to Saturday 6 of a day count since 1970-01-01, a Thursday. */
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** The end of the next business day after `iso` (weekends skipped): the deadline for a follow-up. */
export function nextBusinessDayEnd(iso: string): string {
  let day = epochDay(digits(iso, 0, 4), digits(iso, 5, 2), digits(iso, 8, 2)) + 1;
  while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day++;
  return `${civilDay(day)}T23:59:59`;
}

/** Whether `later` is on or before `deadline` (both ISO; a date alone counts as that whole day). */
export function onOrBefore(later: string, deadline: string): boolean {
  const end = deadline.length === 10 ? `${deadline}T23:59:59` : deadline;
  const value = later.length === 10 ? `${later}T00:00:00` : later;
  return value <= end;
}

/** An exponential memory: weight 1 today, ½ after one half-life. */
export function decay(ageDays: number, halfLifeDays: number): number {
  return Math.pow(0.5, Math.max(0, ageDays) / halfLifeDays);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "14 Mar 2026": dates inside sentences a person reads. */
export function spokenDate(iso: string): string {
  return `${digits(iso, 8, 2)} ${MONTHS[digits(iso, 5, 2) - 1]} ${iso.slice(0, 4)}`;
}
