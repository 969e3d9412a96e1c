import { describe, expect, it } from 'vitest';
import { assessVisits, breakdowns, whatWentWrong } from '../../../src/domain/visits';
import { recommendationState, recommendationStates } from '../../../src/domain/recommendations';
import { asOfView } from '../../../src/domain/evidence';
import { accountKpis, assetKpis } from '../../../src/domain/kpis';
import { account, asset, recommendation, survey, workOrder } from './builders';

const breakFix = (id: string, opened: string, overrides: Parameters<typeof workOrder>[0] = {}) =>
  workOrder({ id, type: 'break_fix', assetId: 'SN-1', openedAt: `${opened}T09:00:00`, promisedAt: `${opened}T13:00:00`, arrivedAt: `${opened}T12:00:00`, completedAt: `${opened}T15:00:00`, ...overrides });

describe('assessVisits', () => {
  it('tells bad calls, their follow-up within one business day, streaks and repeat calls', () => {
    const friday = breakFix('WO-1', '2026-05-29', { arrivedAt: '2026-05-29T15:30:00', followUpAt: '2026-06-01T16:00:00' });
    const repeat = breakFix('WO-2', '2026-06-10');
    const [first, second] = assessVisits([friday, repeat], '2026-06-30');
    expect(first).toMatchObject({ late: true, bad: true, followedUp: true });
    expect(whatWentWrong(first!)).toBe('2½ hours late');
    expect(second).toMatchObject({ repeatOf: friday, finishes: null, bad: true, afterBadCall: first });
  });

  it('reads a return to finish an unfixed repair as the same failure, not a repeat call', () => {
    const unfixed = breakFix('WO-1', '2026-06-01', { fixedFirstTime: false, partsMissing: true });
    const finish = breakFix('WO-2', '2026-06-04');
    const [, second] = assessVisits([unfixed, finish], '2026-06-30');
    expect(second).toMatchObject({ repeatOf: null, finishes: unfixed, bad: false });
    expect(breakdowns([unfixed, finish], '2026-06-30').map((w) => w.id)).toEqual(['WO-1']);
  });

  it('answers for the list, date and rules asked about, whatever was asked before', () => {
    const late = [breakFix('WO-1', '2026-06-01', { arrivedAt: '2026-06-01T13:10:00' })];
    const onTime = [breakFix('WO-2', '2026-06-01')];
    const strict = { repeatWindowDays: 30, streakWindowDays: 60, graceMinutes: 0 };
    const first = assessVisits(late, '2026-06-30');
    expect(assessVisits(late, '2026-06-30')).toBe(first);
    expect(assessVisits(onTime, '2026-06-30')[0]).toMatchObject({ bad: false });
    expect(assessVisits(late, '2026-06-30')[0]).toMatchObject({ late: false, bad: false });
    expect(assessVisits(late, '2026-06-30', strict)[0]).toMatchObject({ late: true, minutesLate: 10, bad: true });
    expect(assessVisits(late, '2026-07-30')[0]!.ageDays).toBeCloseTo(58.625);
    expect(assessVisits(late, '2026-06-30')[0]).toMatchObject({ late: false, ageDays: 28.625 });
  });
});

describe('recommendationState', () => {
  const made = workOrder({ id: 'WO-10', assetId: 'SN-1', openedAt: '2026-01-10T09:00:00' });
  const rec = recommendation({ id: 'WO-10', workOrderId: 'WO-10', assetId: 'SN-1', madeAt: '2026-01-10', severity: 'high' });

  it('counts the visits since the customer last heard of it that did not remind them, and a later failure', () => {
    const visits = [made, workOrder({ openedAt: '2026-02-10T09:00:00' }), workOrder({ openedAt: '2026-03-10T09:00:00', remindedIds: ['WO-10'] }), workOrder({ openedAt: '2026-04-10T09:00:00' }), breakFix('WO-99', '2026-05-10')];
    const state = recommendationState(rec, visits);
    expect(state).toMatchObject({ status: 'open', lastHeardOn: '2026-03-10', failure: { id: 'WO-99' } });
    expect(state.revisitsWithoutReminder).toHaveLength(2);
  });

  it('takes the newest decision, from a file or logged in the app', () => {
    const decided = { ...rec, events: [{ action: 'accepted' as const, on: '2026-02-01', note: null, by: 'Dana' }] };
    expect(recommendationState(decided, [made])).toMatchObject({ status: 'accepted', decidedOn: '2026-02-01', revisitsWithoutReminder: [] });
    const reopened = { ...rec, events: [...decided.events, { action: 'reopened' as const, on: '2026-03-01', note: null, by: 'Dana' }] };
    expect(recommendationState(reopened, [made]).status).toBe('open');
  });

  it('does not call a failure preventable after low-severity advice', () => {
    expect(recommendationState({ ...rec, severity: 'low' }, [made, breakFix('WO-99', '2026-05-10')]).failure).toBeNull();
  });

  it('finds the same later visits whether the visits come oldest first or not', () => {
    // A visit counts as later only after the moment it was made (the visit that made it never), and
    // as a visit that kept quiet only from the next day on.
    const sameDayBefore = workOrder({ id: 'WO-11', openedAt: '2026-01-10T08:00:00', remindedIds: ['R-2'] });
    const sameDayAfter = workOrder({ id: 'WO-12', openedAt: '2026-01-10T16:00:00', remindedIds: ['WO-10'] });
    const later = [workOrder({ id: 'WO-13', openedAt: '2026-02-10T09:00:00' }), workOrder({ id: 'WO-14', openedAt: '2026-03-10T09:00:00', remindedIds: ['R-2'] }), breakFix('WO-98', '2026-04-10')];
    const visits = [sameDayBefore, made, sameDayAfter, ...later];
    const recs = [rec, recommendation({ id: 'R-2', madeAt: '2026-01-10T12:00:00', assetId: 'SN-1', severity: 'high' }), recommendation({ id: 'R-3', madeAt: '2026-05-01', assetId: 'SN-1' })];
    const sorted = recommendationStates(recs, visits);
    const shuffled = recommendationStates([...recs], [later[2]!, sameDayAfter, made, later[0]!, sameDayBefore, later[1]!]);
    const ids = (states: typeof sorted) => states.map((s) => ({ reminders: s.reminders.map((r) => r.workOrderId), revisits: s.revisitsWithoutReminder.map((v) => v.id).sort(), failure: s.failure?.id ?? null, heard: s.lastHeardOn }));
    expect(ids(sorted)).toEqual([
      { reminders: ['WO-12'], revisits: ['WO-13', 'WO-14', 'WO-98'], failure: 'WO-98', heard: '2026-01-10' },
      { reminders: ['WO-14'], revisits: ['WO-98'], failure: 'WO-98', heard: '2026-03-10' },
      { reminders: [], revisits: [], failure: null, heard: '2026-05-01' },
    ]);
    expect(ids(shuffled)).toEqual(ids(sorted));
  });
});

describe('asOfView', () => {
  const visits = [workOrder({ openedAt: '2026-03-01T09:00:00' }), workOrder({ openedAt: '2026-04-01T09:00:00', completedAt: '2026-04-03T10:00:00', followUpAt: '2026-04-05T10:00:00' })];
  const evidence = account({ workOrders: visits, surveys: [survey({ respondedAt: '2026-03-02T10:00:00' })], recommendations: [recommendation({ madeAt: '2026-03-01', events: [{ action: 'accepted', on: '2026-04-02', note: null, by: 'Dana' }] })] });

  it('hands back the very lists when the date leaves them whole', () => {
    const view = asOfView(evidence, '2026-04-05');
    expect(view.workOrders).toBe(evidence.workOrders);
    expect(view.surveys).toBe(evidence.surveys);
    expect(view.recommendations).toBe(evidence.recommendations);
    expect(view.recommendations[0]!.events).toBe(evidence.recommendations[0]!.events);
  });

  it('leaves out what came later, and what was not known yet of what had begun', () => {
    const view = asOfView(evidence, '2026-04-02');
    expect(view.workOrders).toHaveLength(2);
    expect(view.workOrders[0]).toBe(visits[0]);
    expect(view.workOrders[1]).toMatchObject({ completedAt: null, followUpAt: null, status: null });
    expect(view.recommendations[0]!.events).toHaveLength(1);
    const earlier = asOfView(evidence, '2026-03-01');
    expect(earlier.workOrders).toEqual([visits[0]]);
    expect(earlier.surveys).toEqual([]);
    expect(earlier.recommendations[0]!.events).toEqual([]);
    // The evidence itself is never changed.
    expect(evidence.workOrders[1]!.completedAt).toBe('2026-04-03T10:00:00');
  });
});

describe('KPIs', () => {
  const view = account({
    assets: [asset({ id: 'SN-1' }), asset({ id: 'SN-2' })],
    workOrders: [
      breakFix('WO-1', '2026-02-01', { billedAmount: 400 }),
      breakFix('WO-2', '2026-02-15', { fixedFirstTime: false, arrivedAt: '2026-02-15T14:00:00', billedAmount: 300 }),
      breakFix('WO-3', '2026-02-17', { billedAmount: 200 }),
      breakFix('WO-4', '2026-04-01', { assetId: 'SN-2', followUpAt: '2026-04-20T10:00:00', fixedFirstTime: false }),
      workOrder({ id: 'WO-5', assetId: 'SN-2', openedAt: '2026-05-01T09:00:00' }),
    ],
    surveys: [survey({ respondedAt: '2026-03-01', nps: 3 }), survey({ respondedAt: '2026-03-02', nps: 10, comment: 'Great engineer' })],
  });

  it('measures first-time fix, on-time arrival, repeat calls, MTBF, MTTR, follow-up, complaints and commendations', () => {
    const k = accountKpis(view, '2026-06-30');
    expect(k).toMatchObject({ visits: 5, breakFixCalls: 4, firstTimeFixRate: 0.5, onTimeArrivalRate: 0.75, repeatCallRate: 0.25, badCalls: 2, followUpRate: 0, complaints: 1, commendations: 1 });
    expect(k.mtbfDays).toBeCloseTo((2 * 365) / 4, 1);
    expect(k.mttrHours).toBe(6);
  });

  it('gives rates as null where nothing could be measured', () => {
    expect(accountKpis(account(), '2026-06-30')).toMatchObject({ firstTimeFixRate: null, onTimeArrivalRate: null, mtbfDays: null, mttrHours: null, followUpRate: null });
  });

  it('flags a machine to replace rather than fix', () => {
    const [sn1, sn2] = assetKpis(view, '2026-06-30');
    expect(sn1).toMatchObject({ assetId: 'SN-1', breakdownsIn180Days: 2, repairCost: 900, fixOrReplace: false });
    expect(sn2!.assetId).toBe('SN-2');
    const third = assetKpis(account({ ...view, workOrders: [...view.workOrders, breakFix('WO-6', '2026-06-01')] }), '2026-06-30')[0]!;
    expect(third).toMatchObject({ breakdownsIn180Days: 3, fixOrReplace: true });
  });
});

describe('dates', () => {
  it('reads the data\'s timestamps as Date does', async () => {
    const { toMs, addDays, daysBetween } = await import('../../../src/domain/dates');
    for (const iso of ['1970-01-01', '2000-02-29', '2024-02-29T23:59:59', '2026-11-23T09:05', '1900-03-01', '2199-12-31T00:00:01']) {
      expect(toMs(iso)).toBe(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}${iso.length === 16 ? ':00' : ''}Z`));
    }
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-01', '2026-01-02T12:00:00')).toBe(1.5);
  });
});
