import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../../src/import/values/numbers';
import { parseBoolean } from '../../../../src/import/values/booleans';
import { isEmptyValue } from '../../../../src/import/values/empty';
import { enumReader } from '../../../../src/import/values/enums';
import { WORK_ORDER_STATUSES, WORK_ORDER_TYPES } from '../../../../src/shared/kinds';

describe('parseNumber', () => {
  it.each([
    ['42', 42],
    ['-3.5', -3.5],
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ["1'234.5", 1234.5],
    ['12,5', 12.5],
    ['1,234', 1234],
    ['1.234.567', 1234567],
    ['$1,200', 1200],
    ['€ 99,90', 99.9],
    ['85%', 85],
    ['(12.50)', -12.5],
    ['1e3', 1000],
    ['.5', 0.5],
  ])('reads %s', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it('reads 1,234 as a decimal where the file writes decimals with a comma', () => {
    expect(parseNumber('1,234', ',')).toBe(1.234);
    expect(parseNumber('1.234', ',')).toBe(1234);
  });

  it('refuses what is not a number, and numbers out of range', () => {
    expect(parseNumber('twelve')).toEqual({ invalid: '"twelve" is not a number' });
    expect(parseNumber('1.2.3,4,5')).toEqual({ invalid: expect.stringContaining('not a number') });
    expect(parseNumber('1e400')).toEqual({ invalid: expect.stringContaining('out of range') });
    expect(parseNumber('Infinity')).toEqual({ invalid: expect.stringContaining('not a number') });
  });
});

describe('parseBoolean', () => {
  it.each(['1', 'true', 'TRUE', 'yes', 'Y', 'ja', 'oui', 'x'])('%s is true', (text) => expect(parseBoolean(text)).toBe(true));
  it.each(['0', 'false', 'no', 'N', 'nein', 'non'])('%s is false', (text) => expect(parseBoolean(text)).toBe(false));
  it('refuses anything else', () => expect(parseBoolean('maybe')).toEqual({ invalid: expect.stringContaining('not yes or no') }));
});

describe('isEmptyValue', () => {
  it.each(['', ' ', 'NA', 'n/a', 'N/A', '-', 'null', 'NULL', '#N/A', '000000000000000AAA'])('%j is empty', (text) => expect(isEmptyValue(text)).toBe(true));
  it.each(['none', '0', 'no', 'A', '000000000000000AAB'])('%j is a value', (text) => expect(isEmptyValue(text)).toBe(false));
});

describe('enumReader', () => {
  it('reads the words field-service tools use', () => {
    const type = enumReader('type', WORK_ORDER_TYPES);
    expect(type('Break/Fix')).toBe('break_fix');
    expect(type('PM')).toBe('preventive');
    expect(type('Preventative Maintenance')).toBe('preventive');
    const status = enumReader('status', WORK_ORDER_STATUSES);
    expect(status('Closed')).toBe('completed');
    expect(status('Canceled')).toBe('cancelled');
    expect(status('Cannot Complete')).toBe('incomplete');
    expect(status('690970004')).toBe('completed');
    expect(status('Exploded')).toEqual({ invalid: '"Exploded" is not one of: completed, incomplete, cancelled' });
  });
});
