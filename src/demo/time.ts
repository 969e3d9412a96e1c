// Calendar arithmetic on whole days and minutes since 1970-01-01 (UTC, no time zones), so every
// date in the demo is an offset from the as-of date and shifting it shifts everything alike.

import { civilDate, epochDay } from '../domain/dates';

export const MINUTES_PER_DAY = 1440;
const WORKDAY_START = 8 * 60;
const WORKDAY_END = 18 * 60;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function parseDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`"${date}" is not a YYYY-MM-DD date`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = epochDay(year, month, day);
  if (formatDay(days) !== date) throw new Error(`"${date}" is not a calendar date`);
  return days;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

// A portfolio has a few thousand distinct days and 1,440 times of day, written tens of thousands of times.
const dayTexts = new Map<number, string>();
const timeTexts: string[] = Array.from({ length: MINUTES_PER_DAY }, (_, m) => `T${pad(Math.floor(m / 60))}:${pad(m % 60)}:00`);

export function formatDay(days: number): string {
  let text = dayTexts.get(days);
  if (text === undefined) {
    const [year, month, day] = civilDate(days);
    text = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    dayTexts.set(days, text);
  }
  return text;
}

export function formatMinute(minute: number): string {
  const days = Math.floor(minute / MINUTES_PER_DAY);
  return formatDay(days) + timeTexts[minute - days * MINUTES_PER_DAY]!;
}

export const dayOfMinute = (minute: number): number => Math.floor(minute / MINUTES_PER_DAY);

export const at = (day: number, minuteOfDay: number): number => day * MINUTES_PER_DAY + minuteOfDay;

/** 1970-01-01 was a Thursday; Saturday and Sunday are the weekend. */
export function isWorkday(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** The day itself when it is a workday, otherwise the next one. */
export function workdayFrom(day: number): number {
  let d = day;
  while (!isWorkday(d)) d++;
  return d;
}

/** The day itself when it is a workday, otherwise the one before. */
export function workdayUntil(day: number): number {
  let d = day;
  while (!isWorkday(d)) d--;
  return d;
}

/** Saturday moves back to Friday, Sunday on to Monday. */
export function nearestWorkday(day: number): number {
  if (isWorkday(day)) return day;
  return isWorkday(day - 1) ? day - 1 : workdayFrom(day);
}

/** Workdays later (a positive count) or earlier (a negative one). */
export function addWorkdays(day: number, count: number): number {
  const step = count < 0 ? -1 : 1;
  let d = day;
  for (let left = Math.abs(count); left > 0; ) {
    d += step;
    if (isWorkday(d)) left--;
  }
  return d;
}

/** Moves forward by minutes of business hours (08:00–18:00 on workdays), as a response time runs. */
export function addBusinessMinutes(minute: number, amount: number): number {
  let day = dayOfMinute(minute);
  let inDay = minute - day * MINUTES_PER_DAY;
  if (!isWorkday(day) || inDay >= WORKDAY_END) {
    day = workdayFrom(day + (isWorkday(day) ? 1 : 0));
    inDay = WORKDAY_START;
  } else if (inDay < WORKDAY_START) {
    inDay = WORKDAY_START;
  }
  let left = amount;
  while (inDay + left > WORKDAY_END) {
    left -= WORKDAY_END - inDay;
    day = workdayFrom(day + 1);
    inDay = WORKDAY_START;
  }
  return at(day, inDay + left);
}
