import { describe, expect, it } from 'vitest';
import { addDays, dayIsAfter, dayOf, daysBetween, nextBusinessDayEnd, toMs } from '../../../src/domain/dates';

// Every day from the end of 1999 to 2031: leap years, the turn of centuries' rule (2000), weekends.
const days: string[] = [];
for (let ms = Date.UTC(1999, 11, 1); ms <= Date.UTC(2031, 0, 31); ms += 86_400_000) days.push(new Date(ms).toISOString().slice(0, 10));

describe('day arithmetic without Date objects', () => {
  it('agrees with Date on every day for milliseconds, adding days and days between', () => {
    for (const day of days) {
      expect(toMs(day)).toBe(Date.parse(`${day}T00:00:00Z`));
      expect(toMs(`${day}T13:45:10`)).toBe(Date.parse(`${day}T13:45:10Z`));
      expect(addDays(day, 1)).toBe(new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10));
      expect(addDays(day, -400)).toBe(new Date(Date.parse(day) - 400 * 86_400_000).toISOString().slice(0, 10));
    }
    expect(daysBetween('2024-02-28', '2024-03-01T12:00:00')).toBe(2.5);
  });

  it('gives the end of the next business day, skipping the weekend, as a Date-based reckoning does', () => {
    const reference = (iso: string): string => {
      const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
      do d.setUTCDate(d.getUTCDate() + 1);
      while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
      return `${d.toISOString().slice(0, 10)}T23:59:59`;
    };
    for (const day of days) {
      expect(nextBusinessDayEnd(day)).toBe(reference(day));
      expect(nextBusinessDayEnd(`${day}T18:30:00`)).toBe(reference(day));
    }
    // Friday 2026-11-20 → Monday; Saturday → Monday; Sunday → Monday; Monday → Tuesday.
    expect(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'].map(nextBusinessDayEnd)).toEqual([
      '2026-11-23T23:59:59',
      '2026-11-23T23:59:59',
      '2026-11-23T23:59:59',
      '2026-11-24T23:59:59',
    ]);
  });

  it('tells whether a date or timestamp falls on a later day exactly as comparing its day does', () => {
    const values = ['2026-11-22', '2026-11-22T23:59:59', '2026-11-23', '2026-11-23T00:00', '2026-11-23T10:00:00', '2026-11-24', '2026-11-24T00:00:01', '2025-12-31T23:00', '2027-01-01'];
    for (const value of values) {
      for (const day of ['2026-11-22', '2026-11-23', '2026-11-24']) expect(dayIsAfter(value, day)).toBe(dayOf(value) > day);
    }
  });
});
