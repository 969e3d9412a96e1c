import { describe, expect, it } from 'vitest';
import { DateOrderRestart, DateOrderState, parseDate } from '../../../../src/import/values/dates';

const read = (text: string, withTime = true, state = new DateOrderState('mdy', false)) => parseDate(text, withTime, state, 2);

describe('parseDate', () => {
  it('reads ISO dates with and without time and zone', () => {
    expect(read('2024-03-05', false)).toBe('2024-03-05');
    expect(read('2024-03-05')).toBe('2024-03-05');
    expect(read('2024-03-05T14:30')).toBe('2024-03-05T14:30:00');
    expect(read('2024-03-05 14:30:15')).toBe('2024-03-05T14:30:15');
    expect(read('2015-01-03T07:00:00.000000')).toBe('2015-01-03T07:00:00');
    expect(read('2024-03-05T14:30:00Z')).toBe('2024-03-05T14:30:00');
    expect(read('2024-03-05T01:30:00+02:00')).toBe('2024-03-04T23:30:00');
    expect(read('2024-03-05T23:30:00-0500')).toBe('2024-03-06T04:30:00');
  });

  it('keeps the written date of a date-only field even when a zone would move it', () => {
    expect(read('2024-03-05T00:00:00+01:00', false)).toBe('2024-03-05');
  });

  it('reads dd.mm.yyyy as day first, always', () => {
    expect(read('05.03.2024', false)).toBe('2024-03-05');
    expect(read('5.3.24 08:15', true)).toBe('2024-03-05T08:15:00');
  });

  it('reads 12-hour times', () => {
    expect(read('3/5/2024 2:30 PM')).toBe('2024-03-05T14:30:00');
    expect(read('3/5/2024 12:05 am')).toBe('2024-03-05T00:05:00');
    expect(read('3/5/2024 12:05 p.m.')).toBe('2024-03-05T12:05:00');
    expect(read('2024-03-05 02:30 PM')).toBe('2024-03-05T14:30:00');
  });

  it('reads Excel serial numbers, with and without a time of day', () => {
    expect(read('45357', false)).toBe('2024-03-06');
    expect(read('45357.5')).toBe('2024-03-06T12:00:00');
  });

  it('reads month names', () => {
    expect(read('5 Mar 2024', false)).toBe('2024-03-05');
    expect(read('05-Mar-2024', false)).toBe('2024-03-05');
    expect(read('March 5, 2024', false)).toBe('2024-03-05');
    expect(read('Tue, Mar 5th, 2024', false)).toBe('2024-03-05');
  });

  it('refuses dates that do not exist, with the reason', () => {
    expect(read('2023-02-29', false)).toEqual({ invalid: expect.stringContaining('February has no day 29 in 2023') });
    expect(read('2024-02-29', false)).toBe('2024-02-29');
    expect(read('2024-13-01', false)).toEqual({ invalid: expect.stringContaining('month 13') });
    expect(read('3024-01-01', false)).toEqual({ invalid: expect.stringContaining('out of range') });
    expect(read('2024-03-05 25:00')).toEqual({ invalid: expect.stringContaining('impossible time') });
    expect(read('next tuesday')).toEqual({ invalid: '"next tuesday" is not a date' });
    expect(read('2024')).toEqual({ invalid: '"2024" is not a date' });
  });

  describe('day and month order, decided per file', () => {
    it('assumes the default order until a value tells, and says so', () => {
      const state = new DateOrderState('mdy', false);
      expect(read('03/04/2024', false, state)).toBe('2024-03-04');
      expect(state.describe()).toContain('assumed');
    });

    it('decides from the first value with a day above 12', () => {
      const state = new DateOrderState('mdy', false);
      expect(parseDate('25/03/2024', false, state, 7)).toBe('2024-03-25');
      expect(state.order).toBe('dmy');
      expect(state.describe()).toBe('dd/mm/yyyy (decided from row 7: "25/03/2024")');
      expect(parseDate('03/04/2024', false, state, 8)).toBe('2024-04-03');
    });

    it('asks for a restart when an earlier value was read under the wrong assumption', () => {
      const state = new DateOrderState('mdy', false);
      read('03/04/2024', false, state);
      expect(() => parseDate('25/03/2024', false, state, 9)).toThrow(DateOrderRestart);
    });

    it('refuses a value that contradicts the decided order', () => {
      const state = new DateOrderState('mdy', false);
      parseDate('12/31/2024', false, state, 2);
      expect(parseDate('31/12/2024', false, state, 3)).toEqual({ invalid: expect.stringContaining('mm/dd/yyyy') });
    });

    it('keeps an order the user chose', () => {
      const state = new DateOrderState('dmy', true);
      expect(read('03/04/2024', false, state)).toBe('2024-04-03');
      expect(state.describe()).toContain('as set in the mapping');
    });
  });
});
