// Numbers and dates the way the user's locale writes them.

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const signedOneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export const DASH = '—';

export function formatInteger(n: number | null | undefined): string {
  return n === null || n === undefined ? DASH : integer.format(n);
}

/** Scores and counts: one decimal at most. */
export function formatScore(n: number | null | undefined): string {
  return n === null || n === undefined ? DASH : oneDecimal.format(n);
}

export function formatChange(n: number | null | undefined): string {
  return n === null || n === undefined ? DASH : signedOneDecimal.format(n);
}

export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined ? DASH : percent.format(share);
}

export function formatMoney(n: number | null | undefined): string {
  return n === null || n === undefined ? DASH : money.format(n);
}

const asDate = (iso: string): Date => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso.endsWith('Z') ? iso : `${iso}Z`);

/** Dates in the data are civil dates and local times as exported: shown as written, never shifted. */
export function formatDay(iso: string | null | undefined): string {
  return iso ? dayFormat.format(asDate(iso.slice(0, 10))) : DASH;
}

export function formatShortDay(iso: string): string {
  return shortDay.format(asDate(iso.slice(0, 10)));
}

export function formatDayTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  return iso.length <= 10 ? formatDay(iso) : dayTime.format(asDate(iso.slice(0, 19)));
}

/** Whole days from a to b (ISO dates). */
export function daysFrom(a: string, b: string): number {
  return Math.round((asDate(b.slice(0, 10)).getTime() - asDate(a.slice(0, 10)).getTime()) / 86_400_000);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
}
