import { describe, expect, it } from 'vitest';
import { forWriting, packResults, resultBatches, unpackResults, type AccountResult } from '../../../src/services/recompute-core';
import { topDriver } from '../../../src/db/repositories/snapshots';
import type { ComponentScore, Driver, LoyaltyScore } from '../../../src/shared/scoring-types';

const driver = (label: string, points: number): Driver => ({ label, points, ref: null });
const component = (key: ComponentScore['key'], drivers: Driver[]): ComponentScore => ({ key, label: key, score: 80, weight: 0.25, baseWeight: 0.25, points: 20, drivers, missing: null });
const score = (asOf: string, components: ComponentScore[]): LoyaltyScore => ({ accountId: 'C1', asOf, loyalty: 70, band: 'satisfied', satisfaction: 75, confidence: 0.9, confidenceReasons: [], components, profile: 'default' });

describe('a scoring result as the scoring threads send it to the writer', () => {
  const full: AccountResult = {
    score: score('2026-11-23', [
      component('service', [driver('Late on SN-1', -2), driver('Fixed first time', 1), driver('Second late visit on SN-1', -3.5), driver('Late again', -3.5)]),
      component('satisfaction', [driver('Promoter', 2)]),
      component('footprint', [driver('Competitor machines on the 3rd floor', -3.4)]),
    ]),
    loyaltyMonthAgo: 72,
    history: [score('2026-11-16', [component('service', [driver('Late on SN-1', -2), driver('Slow repair', -1)])])],
    alertChanges: [],
  };
  const slim = forWriting(full);

  it('keeps each component its figures and its most costly driver only', () => {
    expect(slim.score.components.map((c) => c.drivers.map((d) => d.label))).toEqual([['Second late visit on SN-1'], [], ['Competitor machines on the 3rd floor']]);
    expect(slim.score.components.map(({ key, score: s, weight, points }) => ({ key, s, weight, points }))).toEqual(full.score.components.map(({ key, score: s, weight, points }) => ({ key, s, weight, points })));
    expect(slim.history[0]!.components[0]!.drivers).toEqual([driver('Late on SN-1', -2)]);
    expect(slim).toMatchObject({ loyaltyMonthAgo: 72, alertChanges: [] });
  });

  it('names the same top driver as the full result, first of equals included', () => {
    expect(topDriver(slim.score)).toBe(topDriver(full.score));
    expect(topDriver(slim.score)).toBe('Second late visit on SN-1');
    expect(topDriver(slim.history[0]!)).toBe(topDriver(full.history[0]!));
  });

  it('crosses from a scoring thread as bytes and reads back the same, text beyond ASCII and nulls included', () => {
    const accented: AccountResult = { ...slim, score: { ...slim.score, accountId: 'C-Zürich', satisfaction: null, components: [component('service', [driver('Second late visit — 3rd floor, ≥ 2 h', -4)])] } };
    const batch = packResults([slim, accented]);
    expect(batch).toBeInstanceOf(Uint8Array);
    expect(unpackResults(batch)).toEqual([slim, accented]);
  });

  it('is gathered, slimmed, into batches of 250 accounts, the last one partial', () => {
    const batches: Uint8Array[] = [];
    const gather = resultBatches((batch) => batches.push(batch));
    for (let i = 0; i < 251; i++) gather.add(full);
    expect(batches).toHaveLength(1);
    gather.flush();
    gather.flush();
    expect(batches.map((b) => unpackResults(b).length)).toEqual([250, 1]);
    expect(unpackResults(batches[1]!)).toEqual([slim]);
  });
});
