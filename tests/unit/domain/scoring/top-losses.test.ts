import { describe, expect, it } from 'vitest';
import { topLosses, type PendingLoss } from '../../../../src/domain/scoring/component';

describe('topLosses', () => {
  it('names the largest losses, sums the rest, and writes a sentence only for those it names', () => {
    const written: string[] = [];
    const loss = (name: string, amount: number): PendingLoss => ({ amount, ref: null, label: () => (written.push(name), name) });
    const losses = [loss('a', 1), loss('b', 5), { label: 'c', amount: 5, ref: null }, loss('d', 0), loss('e', 3), loss('f', 2)];
    // Ties keep their order; nothing lost is no loss.
    expect(topLosses(losses, 2, (n) => `${n} others`)).toEqual([
      { label: 'b', amount: 5, ref: null },
      { label: 'c', amount: 5, ref: null },
      { label: '3 others', amount: 6, ref: null },
    ]);
    expect(written).toEqual(['b']);
  });

  it('names every loss where one more would only be summed alone', () => {
    const losses: PendingLoss[] = [
      { label: () => 'x', amount: 2, ref: null },
      { label: () => 'y', amount: 4, ref: { type: 'survey', id: 'S-1' } },
    ];
    expect(topLosses(losses, 1, (n) => `${n} others`)).toEqual([
      { label: 'y', amount: 4, ref: { type: 'survey', id: 'S-1' } },
      { label: 'x', amount: 2, ref: null },
    ]);
  });
});
