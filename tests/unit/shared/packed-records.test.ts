import { describe, expect, it } from 'vitest';
import { packRecords, unpackRecords } from '../../../src/shared/packed-records';

/** What the page receives: packed, through JSON, and unpacked. */
const roundTrip = (value: unknown): unknown => unpackRecords(JSON.parse(JSON.stringify(packRecords(value))) as unknown);

interface Packed {
  $fields: string[];
  $values: unknown[][];
}

const account = (i: number) => ({ accountId: `C${i}`, name: `Account ${i} — Müller & Söhne`, loyalty: i % 3 === 0 ? null : 50 + i / 10, placeholder: i % 2 === 0, sparkline: '52.7,52' });

describe('lists of records sent with their field names once', () => {
  it('gives back exactly what was sent, in fewer bytes', () => {
    const answer = { ok: true, data: { total: 500, accounts: Array.from({ length: 500 }, (_, i) => account(i)) } };
    expect(roundTrip(answer)).toEqual(answer);
    const packed = JSON.stringify(packRecords(answer));
    expect(packed.length).toBeLessThan(JSON.stringify(answer).length * 0.7);
    expect((JSON.parse(packed) as { data: { accounts: Packed } }).data.accounts.$fields).toEqual(['accountId', 'name', 'loyalty', 'placeholder', 'sparkline']);
  });

  it('packs lists inside records inside lists', () => {
    const answer = { ok: true, data: Array.from({ length: 10 }, (_, i) => ({ id: i, visits: Array.from({ length: 9 }, (__, j) => ({ day: `2026-11-${10 + j}`, late: j % 2 === 0 })), refs: [{ type: 'work_order', id: 'WO-1' }] })) };
    const packed = JSON.parse(JSON.stringify(packRecords(answer))) as { data: Packed };
    expect((packed.data.$values[0]![1] as Packed).$fields).toEqual(['day', 'late']);
    expect(roundTrip(answer)).toEqual(answer);
  });

  it('leaves as they are short lists, and lists whose records differ in their fields, their order or hold undefined', () => {
    const short = Array.from({ length: 7 }, (_, i) => account(i));
    const mixed = [...Array.from({ length: 9 }, (_, i) => account(i)), { accountId: 'C99', name: 'Other' }];
    const reordered = [...Array.from({ length: 9 }, (_, i) => account(i)), { name: 'Other', accountId: 'C99', loyalty: 1, placeholder: true, sparkline: '' }];
    const withUndefined = Array.from({ length: 9 }, (_, i) => ({ ...account(i), owner: i === 4 ? undefined : 'Dana' }));
    const numbers = Array.from({ length: 20 }, (_, i) => i);
    const lists = Array.from({ length: 9 }, (_, i) => [i, `${i}`]);
    for (const value of [short, mixed, reordered, numbers, lists]) {
      expect(packRecords(value)).toEqual(value);
      expect(roundTrip(value)).toEqual(value);
    }
    // JSON drops an undefined field; sent as it is, the record arrives without it, as before.
    expect(packRecords(withUndefined)).toEqual(withUndefined);
    expect(roundTrip(withUndefined)).toEqual(JSON.parse(JSON.stringify(withUndefined)));
  });

  it('sends values that are not plain records (dates, nulls, text) as JSON would', () => {
    const day = new Date('2026-11-24T10:00:00Z');
    const value = { at: day, none: null, text: 'x', list: Array.from({ length: 8 }, () => day) };
    expect(roundTrip(value)).toEqual(JSON.parse(JSON.stringify(value)));
  });
});
