import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING } from '../../../../src/domain/scoring/profile';
import { memoryWeight, visitMemory, type VisitMemory } from '../../../../src/domain/scoring/visit-memory';
import { serviceComponent, serviceFromMemory } from '../../../../src/domain/scoring/service';
import { addDays } from '../../../../src/domain/dates';
import { assessVisits } from '../../../../src/domain/visits';
import { account, workOrder } from '../builders';

const AS_OF = '2026-06-30';
const day = (back: number): string => addDays(AS_OF, -back);
const visit = (id: string, back: number, overrides: Parameters<typeof workOrder>[0] = {}) =>
  workOrder({ id, openedAt: `${day(back)}T09:00:00`, arrivedAt: `${day(back)}T10:00:00`, completedAt: `${day(back)}T12:00:00`, ...overrides });

describe("the memory of an account's visits", () => {
  const evidence = account({
    workOrders: [
      visit('WO-old', 500),
      visit('WO-late', 200, { type: 'break_fix', assetId: 'SN-1', promisedAt: `${day(200)}T08:00:00` }),
      // Opened and nothing yet: no memory of it.
      workOrder({ id: 'WO-empty', openedAt: `${day(150)}T09:00:00`, arrivedAt: null, completedAt: null, status: null }),
      visit('WO-good', 100, { type: 'break_fix', assetId: 'SN-2' }),
      visit('WO-cancelled', 60, { status: 'cancelled' }),
      visit('WO-last', 20),
      workOrder({ id: 'WO-pending', openedAt: `${day(2)}T09:00:00`, arrivedAt: null, completedAt: null, status: null }),
    ],
  });

  it('sums the visits that went well into one weight, keeps the bad ones and the last, and counts the last year', () => {
    const memory = visitMemory(evidence, AS_OF, DEFAULT_SCORING)!;
    const assessed = new Map(assessVisits(evidence.workOrders, AS_OF).map((a) => [a.visit.id, a]));
    expect(memory.last.visit.id).toBe('WO-last');
    expect(memory.bad.map((a) => a.visit.id)).toEqual(['WO-late']);
    const good = ['WO-old', 'WO-good'].map((id) => memoryWeight(assessed.get(id)!, false, DEFAULT_SCORING));
    expect(memory.goodWeight).toBeCloseTo(good[0]! + good[1]!, 12);
    expect(memory.inLastYear).toBe(3);
  });

  it('is null where no visit left a memory', () => {
    expect(visitMemory(account({ workOrders: [workOrder({ arrivedAt: null, status: null })] }), AS_OF, DEFAULT_SCORING)).toBeNull();
    expect(serviceComponent(account(), AS_OF, DEFAULT_SCORING).missing).toBe('No visits on record');
  });

  it('gives the service score from a summed weight as it does from every visit', () => {
    const memory = visitMemory(evidence, AS_OF, DEFAULT_SCORING)!;
    const fromVisits = serviceComponent(evidence, AS_OF, DEFAULT_SCORING);
    // The good visits summed apart, in another order, as a kept summary would give them.
    const assessed = assessVisits(evidence.workOrders, AS_OF).filter((a) => ['WO-good', 'WO-old'].includes(a.visit.id)).reverse();
    const goodWeight = assessed.reduce((sum, a) => sum + memoryWeight(a, false, DEFAULT_SCORING), 0);
    const summary: VisitMemory = { goodWeight, bad: memory.bad, last: memory.last, inLastYear: 3 };
    const fromSummary = serviceFromMemory(summary, DEFAULT_SCORING);
    expect(fromSummary.losses.map((l) => [l.label, l.ref])).toEqual(fromVisits.losses.map((l) => [l.label, l.ref]));
    expect(fromSummary.score).toBeCloseTo(fromVisits.score!, 10);
    // Two hours late, not followed up: impression 60, remembered 2.5 times as much, over a year's half-life.
    const late = memoryWeight(memory.bad[0]!, false, DEFAULT_SCORING);
    const total = memory.goodWeight + late + memoryWeight(memory.last, true, DEFAULT_SCORING);
    expect(fromVisits.score).toBeCloseTo(100 - (late / total) * 40, 10);
    expect(fromVisits.losses.map((l) => l.ref?.id)).toEqual(['WO-late']);
    expect(fromVisits.caveats).toEqual([]);
  });

  it('names a bad last visit as the most recent, and warns when visits are old or few', () => {
    const lastBad = account({ workOrders: [visit('WO-a', 400), visit('WO-b', 300, { fixedFirstTime: false, type: 'break_fix', assetId: 'SN-1' })] });
    const service = serviceComponent(lastBad, AS_OF, DEFAULT_SCORING);
    expect(service.losses.map((l) => l.label)).toEqual([expect.stringMatching(/^Most recent visit: not fixed first time on SN-1/)]);
    expect(service.caveats).toEqual([`No visit since ${Number(day(300).slice(8))} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(day(300).slice(5, 7)) - 1]} ${day(300).slice(0, 4)}`, 'Only 1 visit in the last 12 months']);
  });
});
