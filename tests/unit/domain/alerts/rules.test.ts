import { describe, expect, it } from 'vitest';
import { asOfView, type AccountEvidence } from '../../../../src/domain/evidence';
import { clearedReason, evaluateAlerts, type AlertCandidate, type AlertInput, type AlertRule } from '../../../../src/domain/alerts/rules';
import { DEFAULT_THRESHOLDS, withThresholds, type AlertThresholds } from '../../../../src/domain/alerts/thresholds';
import { reconcileAlerts, type AlertChange, type AlertEventDraft, type StoredAlert } from '../../../../src/domain/alerts/lifecycle';
import { spelledAlert } from '../../../../src/domain/alerts/day-counts';
import {
  account,
  asset,
  component,
  footprintPoint,
  loyaltyScore,
  recommendation,
  recommendationEvent,
  survey,
  workOrder,
} from '../builders';

const AS_OF = '2026-06-01'; // a Monday

interface RunOptions {
  asOf?: string;
  loyalty?: number | null;
  monthAgo?: number | null;
  thresholds?: AlertThresholds;
  score?: AlertInput['score'];
}

function inputFor(evidence: AccountEvidence, options: RunOptions = {}): AlertInput {
  const asOf = options.asOf ?? AS_OF;
  return {
    view: asOfView(evidence, asOf),
    asOf,
    score: options.score ?? loyaltyScore({ asOf, loyalty: options.loyalty === undefined ? 80 : options.loyalty }),
    loyaltyThirtyDaysAgo: options.monthAgo ?? null,
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
    ownVendor: 'Acme',
  };
}

function alerts(evidence: AccountEvidence, rule: AlertRule, options: RunOptions = {}): AlertCandidate[] {
  return evaluateAlerts(inputFor(evidence, options)).filter((a) => a.rule === rule);
}

/** The alert as a person reads it on `asOf`: day counts spelled out. */
const read = (alert: AlertCandidate, asOf = AS_OF): AlertCandidate => spelledAlert(alert, asOf);

function only(evidence: AccountEvidence, rule: AlertRule, options: RunOptions = {}): AlertCandidate {
  const found = alerts(evidence, rule, options);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('unaddressed recommendation', () => {
  const printer = asset({ id: 'SN-4471', category: 'printer' });
  const open = (overrides: Parameters<typeof recommendation>[0] = {}) =>
    recommendation({ id: 'R-1', assetId: 'SN-4471', madeAt: '2026-05-01', ...overrides });

  it('raises nothing for a recommendation open 30 days with no visit since', () => {
    expect(alerts(account({ assets: [printer], recommendations: [open()] }), 'unaddressed_recommendation', { asOf: '2026-05-31' })).toEqual([]);
  });

  it('is medium once open more than 30 days', () => {
    const alert = only(account({ assets: [printer], recommendations: [open()] }), 'unaddressed_recommendation');
    expect(alert).toMatchObject({ severity: 'medium', id: 'unaddressed_recommendation:C1:R-1', subjectType: 'recommendation', subjectId: 'R-1', raisedAt: '2026-06-01' });
    expect(read(alert).title).toBe('"Replace the fuser unit" on SN-4471 open 31 days without the customer\'s decision');
  });

  it('is medium as soon as a later visit did not remind the customer', () => {
    const evidence = account({
      assets: [printer],
      recommendations: [open({ madeAt: '2026-05-20' })],
      workOrders: [workOrder({ id: 'WO-2', openedAt: '2026-05-25T09:00:00', technician: 'Ann Bell' })],
    });
    const alert = only(evidence, 'unaddressed_recommendation');
    expect(alert.severity).toBe('medium');
    expect(alert.title).toBe('"Replace the fuser unit" on SN-4471 not mentioned at the visit of 25 May 2026 by Ann Bell');
    expect(alert.raisedAt).toBe('2026-05-25');
    expect(alert.refs).toContainEqual({ type: 'work_order', id: 'WO-2' });
  });

  it('is high after 2 revisits without a reminder', () => {
    const evidence = account({
      assets: [printer],
      recommendations: [open({ madeAt: '2026-05-10' })],
      workOrders: [workOrder({ openedAt: '2026-05-15T09:00:00' }), workOrder({ openedAt: '2026-05-28T09:00:00' })],
    });
    const alert = only(evidence, 'unaddressed_recommendation');
    expect(alert.severity).toBe('high');
    expect(alert.title).toContain('never mentioned on 2 later visits by Dana Reyes');
  });

  it('is high 90 days after the customer last heard of it, and a reminder logged in the app resets the count', () => {
    const old = open({ madeAt: '2026-02-20' });
    const alert = only(account({ assets: [printer], recommendations: [old] }), 'unaddressed_recommendation');
    expect(alert.severity).toBe('high');
    expect(read(alert).title).toBe('"Replace the fuser unit" on SN-4471: the customer last heard of it on 20 Feb 2026, 101 days ago');

    const reminded = open({ madeAt: '2026-02-20', events: [recommendationEvent('reminded', '2026-04-01')] });
    expect(only(account({ assets: [printer], recommendations: [reminded] }), 'unaddressed_recommendation').severity).toBe('medium');
  });

  it('is critical when the machine broke down after the recommendation while it was open', () => {
    const evidence = account({
      assets: [printer],
      recommendations: [open({ madeAt: '2026-05-20' })],
      workOrders: [workOrder({ id: 'WO-9', type: 'break_fix', assetId: 'SN-4471', openedAt: '2026-05-27T08:00:00' })],
    });
    const alert = only(evidence, 'unaddressed_recommendation');
    expect(alert.severity).toBe('critical');
    expect(alert.title).toBe('"Replace the fuser unit" on SN-4471 was still open when the printer failed on 27 May 2026');
    expect(alert.detail).toContain('broke down on 27 May 2026 (work order WO-9)');
  });

  it('calms to medium when the last visit reminded the customer', () => {
    const evidence = account({
      assets: [printer],
      recommendations: [open({ madeAt: '2026-04-01' })],
      workOrders: [
        workOrder({ openedAt: '2026-04-10T09:00:00' }),
        workOrder({ openedAt: '2026-05-01T09:00:00' }),
        workOrder({ openedAt: '2026-05-20T09:00:00', remindedIds: ['R-1'] }),
      ],
    });
    const alert = only(evidence, 'unaddressed_recommendation');
    expect(alert.severity).toBe('medium');
    expect(read(alert).title).toBe('"Replace the fuser unit" on SN-4471 open 61 days without the customer\'s decision');
  });

  it('raises nothing once the customer decided, even after a failure, and says why it cleared', () => {
    const decided = open({ madeAt: '2026-03-01', events: [recommendationEvent('accepted', '2026-05-02')] });
    const evidence = account({
      assets: [printer],
      recommendations: [decided, open({ id: 'R-2', madeAt: '2026-03-01', status: 'declined', decidedAt: '2026-03-05' })],
      workOrders: [workOrder({ type: 'break_fix', assetId: 'SN-4471', openedAt: '2026-04-20T09:00:00' })],
    });
    expect(alerts(evidence, 'unaddressed_recommendation')).toEqual([]);
    expect(clearedReason(inputFor(evidence), { rule: 'unaddressed_recommendation', subjectId: 'R-1' })).toBe('The customer decided: accepted on 2 May 2026');
  });

  it('follows the thresholds a user set', () => {
    const thresholds = withThresholds({ unaddressedRecommendation: { openDays: 60 } });
    expect(alerts(account({ assets: [printer], recommendations: [open()] }), 'unaddressed_recommendation', { thresholds })).toEqual([]);
  });
});

describe('the technician who never reminded (the seed story)', () => {
  // A technician flags a failing fuser; the customer signs the work order and forgets. The same
  // technician comes back three times and never mentions it. Then the printer fails.
  const story = account({
    account: { id: 'C7', name: 'Cedar Ridge Clinic' },
    assets: [asset({ id: 'SN-4471', category: 'printer', vendor: 'Acme', model: 'C5535' })],
    workOrders: [
      workOrder({ id: 'WO-100', assetId: 'SN-4471', openedAt: '2026-06-01T09:00:00', technician: 'Dan Ortiz', customerSigned: true }),
      workOrder({ id: 'WO-101', assetId: 'SN-4471', type: 'inspection', openedAt: '2026-07-06T09:00:00', technician: 'Dan Ortiz' }),
      workOrder({ id: 'WO-102', assetId: 'SN-4471', type: 'inspection', openedAt: '2026-08-10T09:00:00', technician: 'Dan Ortiz' }),
      workOrder({ id: 'WO-103', assetId: 'SN-4471', type: 'inspection', openedAt: '2026-09-14T09:00:00', technician: 'Dan Ortiz' }),
      workOrder({ id: 'WO-104', assetId: 'SN-4471', type: 'break_fix', openedAt: '2026-10-14T07:40:00', technician: 'Lee Chan', fixedFirstTime: false, followUpAt: '2026-10-15T10:00:00' }),
    ],
    recommendations: [
      recommendation({ id: 'WO-100', workOrderId: 'WO-100', origin: 'work_order', assetId: 'SN-4471', madeAt: '2026-06-01T09:00:00', text: 'Replace the fuser unit' }),
    ],
  });
  const runOn = (asOf: string) => alerts(story, 'unaddressed_recommendation', { asOf });

  it('climbs from nothing to medium, high and critical as the visits pass without a reminder', () => {
    expect(runOn('2026-06-20')).toEqual([]);
    expect(runOn('2026-07-10').map((a) => a.severity)).toEqual(['medium']);
    expect(runOn('2026-08-15').map((a) => a.severity)).toEqual(['high']);
    expect(runOn('2026-09-20').map((a) => a.severity)).toEqual(['high']);
    expect(runOn('2026-10-15').map((a) => a.severity)).toEqual(['critical']);
  });

  it('ends in a critical alert that says the technician never reminded the customer before the failure', () => {
    const [alert] = runOn('2026-10-15');
    expect(alert!.title).toBe('"Replace the fuser unit" on SN-4471 never mentioned on 3 later visits by Dan Ortiz, who made it — the printer failed on 14 Oct 2026');
    expect(alert!.detail).toContain('Dan Ortiz recommended "Replace the fuser unit" for SN-4471 (Acme C5535, printer, Head office) on 1 Jun 2026 (work order WO-100, signed by the customer).');
    expect(alert!.detail).toContain('3 visits before the failure did not mention it: 6 Jul 2026 (Dan Ortiz), 10 Aug 2026 (Dan Ortiz), 14 Sep 2026 (Dan Ortiz).');
    expect(alert!.refs).toEqual([
      { type: 'recommendation', id: 'WO-100' },
      { type: 'asset', id: 'SN-4471' },
      { type: 'work_order', id: 'WO-100' },
      { type: 'work_order', id: 'WO-101' },
      { type: 'work_order', id: 'WO-102' },
      { type: 'work_order', id: 'WO-103' },
      { type: 'work_order', id: 'WO-104' },
    ]);
  });

  it('keeps one alert through the story, its history recording each escalation', () => {
    let stored: StoredAlert[] = [];
    const history: AlertEventDraft[] = [];
    for (const asOf of ['2026-07-10', '2026-08-15', '2026-09-20', '2026-10-15', '2026-10-15']) {
      const changes = reconcileAlerts(stored, runOn(asOf), asOf);
      stored = applyChanges(stored, changes);
      history.push(...changes.flatMap((c) => c.events));
    }
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: 'unaddressed_recommendation:C7:WO-100', severity: 'critical', status: 'open', raisedAt: '2026-07-02' });
    expect(history.map((e) => `${e.action} ${e.severity}`)).toEqual(['raised medium', 'escalated high', 'escalated critical']);
  });
});

function applyChanges(stored: readonly StoredAlert[], changes: readonly AlertChange[]): StoredAlert[] {
  const next = new Map(stored.map((s) => [s.id, s]));
  for (const change of changes) {
    if (change.kind === 'insert') next.set(change.alert.id, { ...change.alert });
    else next.set(change.id, { ...next.get(change.id)!, ...change.set });
  }
  return [...next.values()];
}

describe('fix or replace', () => {
  const breakFix = (day: string, overrides: Parameters<typeof workOrder>[0] = {}) =>
    workOrder({ type: 'break_fix', assetId: 'SN-1', openedAt: `${day}T09:00:00`, followUpAt: `${day}T15:00:00`, ...overrides });

  it('raises a medium alert for 3 break-fix calls on one machine within 180 days', () => {
    const evidence = account({ assets: [asset({ id: 'SN-1' })], workOrders: [breakFix('2026-01-10'), breakFix('2026-03-02'), breakFix('2026-05-18')] });
    const alert = only(evidence, 'fix_or_replace');
    expect(alert).toMatchObject({ id: 'fix_or_replace:C1:SN-1', severity: 'medium', subjectType: 'asset', subjectId: 'SN-1', raisedAt: '2026-05-18' });
    expect(alert.title).toBe('SN-1 broke down 3 times in 180 days: time to talk about replacing it');
  });

  it('raises nothing for 2 calls, or 3 spread over more than 180 days', () => {
    expect(alerts(account({ workOrders: [breakFix('2026-03-02'), breakFix('2026-05-18')] }), 'fix_or_replace')).toEqual([]);
    expect(alerts(account({ workOrders: [breakFix('2025-11-20'), breakFix('2026-03-02'), breakFix('2026-05-18')] }), 'fix_or_replace')).toEqual([]);
  });

  it('raises when 12 months of repairs cost more than half the machine is worth', () => {
    const desktop = asset({ id: 'SN-1', category: 'Desktop Printer' });
    const costly = account({ assets: [desktop], workOrders: [breakFix('2026-02-01', { billedAmount: 250 })] });
    expect(only(costly, 'fix_or_replace').title).toBe('SN-1 cost 250 in repairs in 12 months, 63% of its replacement value: time to talk about replacing it');
    const cheap = account({ assets: [desktop], workOrders: [breakFix('2026-02-01', { billedAmount: 150 })] });
    expect(alerts(cheap, 'fix_or_replace')).toEqual([]);
  });

  it('values a machine of unknown category at the default, and follows a changed category value', () => {
    const mystery = asset({ id: 'SN-1', category: null });
    expect(alerts(account({ assets: [mystery], workOrders: [breakFix('2026-02-01', { billedAmount: 2900 })] }), 'fix_or_replace')).toEqual([]);
    expect(alerts(account({ assets: [mystery], workOrders: [breakFix('2026-02-01', { billedAmount: 3100 })] }), 'fix_or_replace')).toHaveLength(1);
    const thresholds = withThresholds({ fixOrReplace: { replacementValueByCategory: { 'multifunction printer': 1000 } } });
    expect(alerts(account({ assets: [asset({ id: 'SN-1' })], workOrders: [breakFix('2026-02-01', { billedAmount: 600 })] }), 'fix_or_replace', { thresholds })).toHaveLength(1);
  });

  it('raises for a machine used beyond its rated volume', () => {
    const overUsed = asset({ id: 'SN-1', ratedMonthlyVolume: 8000, actualMonthlyVolume: 12000, asOf: '2026-04-01' });
    const alert = only(account({ assets: [overUsed] }), 'fix_or_replace');
    expect(alert.title).toBe('SN-1 runs at 150% of its rated volume: time to talk about replacing it');
    expect(alert.raisedAt).toBe('2026-04-01');
    expect(alerts(account({ assets: [asset({ ratedMonthlyVolume: 8000, actualMonthlyVolume: 8000 })] }), 'fix_or_replace')).toEqual([]);
  });
});

describe('bad call without follow-up', () => {
  const late = (overrides: Parameters<typeof workOrder>[0] = {}) =>
    workOrder({ id: 'WO-5', assetId: 'SN-1', type: 'break_fix', openedAt: '2026-05-20T08:00:00', promisedAt: '2026-05-20T09:00:00', arrivedAt: '2026-05-20T11:00:00', completedAt: '2026-05-20T12:00:00', technician: 'Ann Bell', ...overrides });

  it('raises a medium alert for a late call nobody followed up within one business day', () => {
    const alert = only(account({ workOrders: [late()] }), 'bad_call_no_follow_up');
    expect(alert).toMatchObject({ id: 'bad_call_no_follow_up:C1:WO-5', severity: 'medium', subjectType: 'work_order', subjectId: 'WO-5', raisedAt: '2026-05-22' });
    expect(alert.title).toBe('Nobody called back after the bad call on SN-1 on 20 May 2026 (2 hours late)');
    expect(alert.detail).toContain('The visit by Ann Bell to SN-1 on 20 May 2026 (work order WO-5) was 2 hours late.');
  });

  it('raises nothing for a call followed up, a good call, or one older than the follow-up window', () => {
    expect(alerts(account({ workOrders: [late({ followUpAt: '2026-05-21T10:00:00' })] }), 'bad_call_no_follow_up')).toEqual([]);
    expect(alerts(account({ workOrders: [late({ arrivedAt: '2026-05-20T09:05:00' })] }), 'bad_call_no_follow_up')).toEqual([]);
    expect(alerts(account({ workOrders: [late()] }), 'bad_call_no_follow_up', { asOf: '2026-08-20' })).toEqual([]);
  });

  it('ends once someone calls back, even late, and says when', () => {
    const calledLate = account({ workOrders: [late({ followUpAt: '2026-05-26T10:00:00' })] });
    expect(alerts(calledLate, 'bad_call_no_follow_up')).toEqual([]);
    expect(clearedReason(inputFor(calledLate), { rule: 'bad_call_no_follow_up', subjectId: 'WO-5' })).toBe('Followed up on 26 May 2026');
  });

  it('waits until the next business day has passed (a Friday call is due by Monday)', () => {
    const friday = late({ openedAt: '2026-05-29T08:00:00', promisedAt: '2026-05-29T09:00:00', arrivedAt: '2026-05-29T11:00:00', completedAt: '2026-05-29T12:00:00' });
    expect(alerts(account({ workOrders: [friday] }), 'bad_call_no_follow_up', { asOf: '2026-06-01' })).toEqual([]);
    expect(alerts(account({ workOrders: [friday] }), 'bad_call_no_follow_up', { asOf: '2026-06-02' })).toHaveLength(1);
  });

  it('is high for the second bad call within 60 days', () => {
    const first = workOrder({ id: 'WO-4', assetId: 'SN-2', openedAt: '2026-05-01T09:00:00', fixedFirstTime: false });
    const found = alerts(account({ workOrders: [first, late()] }), 'bad_call_no_follow_up', { thresholds: withThresholds({ badCall: { lookbackDays: 90 } }) });
    expect(found.map((a) => `${a.subjectId} ${a.severity}`)).toEqual(['WO-4 medium', 'WO-5 high']);
    expect(found[1]!.title).toBe('Second bad call in 19 days and nobody called back: SN-1 on 20 May 2026 (2 hours late)');
    expect(found[1]!.refs).toContainEqual({ type: 'work_order', id: 'WO-4' });
  });

  it('stays medium when the previous bad call was more than 60 days before', () => {
    const first = workOrder({ id: 'WO-4', openedAt: '2026-03-10T09:00:00', fixedFirstTime: false });
    const found = alerts(account({ workOrders: [first, late()] }), 'bad_call_no_follow_up', { thresholds: withThresholds({ badCall: { lookbackDays: 90 } }) });
    expect(found.map((a) => `${a.subjectId} ${a.severity}`)).toEqual(['WO-4 medium', 'WO-5 medium']);
  });

  it('leaves calls older than the follow-up window alone, but still counts them toward a second bad call', () => {
    const first = workOrder({ id: 'WO-4', assetId: 'SN-2', openedAt: '2026-05-01T09:00:00', fixedFirstTime: false });
    const found = alerts(account({ workOrders: [first, late()] }), 'bad_call_no_follow_up');
    expect(found.map((a) => `${a.subjectId} ${a.severity}`)).toEqual(['WO-5 high']);
  });
});

describe('detractor without follow-up', () => {
  const detractor = (overrides: Parameters<typeof survey>[0] = {}) =>
    survey({ id: 'S-1', respondedAt: '2026-05-20', nps: 4, contact: 'Maria Lopez', comment: 'The engineer never came back.', ...overrides });

  it('raises a high alert once 2 days passed without a call back', () => {
    expect(alerts(account({ surveys: [detractor()] }), 'detractor_no_follow_up', { asOf: '2026-05-22' })).toEqual([]);
    const alert = only(account({ surveys: [detractor()] }), 'detractor_no_follow_up', { asOf: '2026-05-23' });
    expect(alert).toMatchObject({ id: 'detractor_no_follow_up:C1:S-1', severity: 'high', subjectType: 'survey', raisedAt: '2026-05-23' });
    expect(alert.title).toBe('Maria Lopez gave NPS 4 on 20 May 2026 and nobody has called back');
    expect(read(alert, '2026-05-23').detail).toContain('Maria Lopez answered NPS 4 on 20 May 2026: "The engineer never came back." No call back is on record after 3 days');
  });

  it('counts CSAT 2 as a detractor', () => {
    expect(alerts(account({ surveys: [detractor({ nps: null, csat: 2 })] }), 'detractor_no_follow_up')).toHaveLength(1);
  });

  it('raises nothing for a promoter or a detractor called back', () => {
    expect(alerts(account({ surveys: [detractor({ nps: 9 })] }), 'detractor_no_follow_up')).toEqual([]);
    const calledBack = detractor({ followUpAt: '2026-05-21T10:00:00' });
    expect(alerts(account({ surveys: [calledBack] }), 'detractor_no_follow_up')).toEqual([]);
    expect(clearedReason(inputFor(account({ surveys: [calledBack] })), { rule: 'detractor_no_follow_up', subjectId: 'S-1' })).toBe('Called back on 21 May 2026');
  });
});

describe('footprint loss', () => {
  it('raises when our share of the installed base dropped', () => {
    const evidence = account({ footprint: [footprintPoint('2026-01-10', 8, 10, ['Acme', 'Ricoh']), footprintPoint('2026-05-10', 5, 10, ['Acme', 'Ricoh'])] });
    const alert = only(evidence, 'footprint_loss');
    expect(alert).toMatchObject({ id: 'footprint_loss:C1', severity: 'medium', raisedAt: '2026-05-10' });
    expect(alert.title).toBe('Our share of the installed base fell from 80% to 50% between the counts of 10 Jan 2026 and 10 May 2026');
  });

  it('raises when a new competitor appeared, but not for our own brand', () => {
    const competitor = account({
      footprint: [footprintPoint('2026-01-10', 8, 10, ['Acme']), footprintPoint('2026-05-10', 8, 10, ['Acme', 'Xerox'])],
      assets: [asset({ id: 'X-1', vendor: 'Xerox', servicedBy: 'competitor', site: 'Warehouse', location: 'Floor 2' })],
    });
    expect(only(competitor, 'footprint_loss').title).toBe('A new competitor appeared in the installed base counted on 10 May 2026: Xerox (Warehouse, Floor 2)');
    const ours = account({ footprint: [footprintPoint('2026-01-10', 8, 10, ['Ricoh']), footprintPoint('2026-05-10', 8, 10, ['Ricoh', 'ACME'])] });
    expect(alerts(ours, 'footprint_loss')).toEqual([]);
  });

  it('raises for 3 or more vendors when we service less than half', () => {
    const base = (ourQuantity: number) =>
      account({
        assets: [
          asset({ vendor: 'Acme', quantity: ourQuantity }),
          asset({ vendor: 'Ricoh', servicedBy: 'competitor', quantity: 2 }),
          asset({ vendor: 'Xerox', servicedBy: 'third_party', quantity: 1 }),
        ],
      });
    expect(only(base(2), 'footprint_loss').title).toBe('3 vendors in the installed base (Acme, Ricoh, Xerox) and we service only 40% of it: when they consolidate, someone has to go');
    expect(alerts(base(4), 'footprint_loss')).toEqual([]);
  });

  it('raises nothing for a steady footprint', () => {
    const evidence = account({ footprint: [footprintPoint('2026-01-10', 8, 10, ['Acme', 'Ricoh']), footprintPoint('2026-05-10', 8, 10, ['Acme', 'Ricoh'])] });
    expect(alerts(evidence, 'footprint_loss')).toEqual([]);
  });
});

describe('renewal at risk', () => {
  const renewing = (renewalDate: string) => account({ account: { renewalDate, annualValue: 48000, name: 'Harbor Logistics' } });

  it('raises a high alert for a renewal within 90 days while loyalty is below 60', () => {
    const score = loyaltyScore({
      loyalty: 52,
      components: [component({ key: 'service', drivers: [{ label: 'Late arrival on SN-1', points: -6.2, ref: { type: 'work_order', id: 'WO-5' } }] })],
    });
    const alert = only(renewing('2026-07-15'), 'renewal_at_risk', { score });
    expect(alert).toMatchObject({ id: 'renewal_at_risk:C1:2026-07-15', severity: 'high', raisedAt: '2026-04-16' });
    expect(read(alert).title).toBe('The contract renews on 15 Jul 2026, in 44 days, and loyalty is 52 (At risk)');
    expect(alert.detail).toContain('worth 48,000 a year');
    expect(alert.detail).toContain('Late arrival on SN-1 (-6.2 points)');
    expect(alert.refs).toContainEqual({ type: 'work_order', id: 'WO-5' });
  });

  it('raises nothing when loyalty is 60 or more, the renewal is further off, or it has passed', () => {
    expect(alerts(renewing('2026-07-15'), 'renewal_at_risk', { loyalty: 60 })).toEqual([]);
    expect(alerts(renewing('2026-10-01'), 'renewal_at_risk', { loyalty: 40 })).toEqual([]);
    expect(alerts(renewing('2026-05-15'), 'renewal_at_risk', { loyalty: 40 })).toEqual([]);
    expect(alerts(renewing('2026-07-15'), 'renewal_at_risk', { loyalty: null })).toEqual([]);
  });
});

describe('silent account', () => {
  const lastVisit = workOrder({ id: 'WO-1', openedAt: '2025-11-01T09:00:00' });

  it('raises a low alert after 180 days without a survey response or contact', () => {
    const alert = only(account({ workOrders: [lastVisit], surveys: [survey({ respondedAt: '2025-09-01' })] }), 'silent_account');
    expect(alert).toMatchObject({ id: 'silent_account:C1', severity: 'low', raisedAt: '2026-04-30' });
    expect(read(alert).title).toBe('No word from Harbor Logistics in 212 days: the last contact was a visit (work order WO-1) on 1 Nov 2025');
  });

  it('counts notes, logged reminders and survey responses as contact', () => {
    expect(alerts(account({ workOrders: [lastVisit], noteDays: ['2026-03-01'] }), 'silent_account')).toEqual([]);
    const reminded = recommendation({ madeAt: '2025-10-01', events: [recommendationEvent('reminded', '2026-04-01')] });
    expect(alerts(account({ workOrders: [lastVisit], recommendations: [reminded] }), 'silent_account')).toEqual([]);
    expect(alerts(account({ workOrders: [lastVisit], surveys: [survey({ respondedAt: '2026-02-01' })] }), 'silent_account')).toEqual([]);
  });

  it('raises nothing for an account with nothing on record yet', () => {
    expect(alerts(account(), 'silent_account')).toEqual([]);
  });
});

describe('score drop', () => {
  it('raises a medium alert when loyalty fell 10 or more points in 30 days', () => {
    const alert = only(account(), 'score_drop', { loyalty: 60, monthAgo: 72 });
    expect(alert).toMatchObject({ id: 'score_drop:C1', severity: 'medium', raisedAt: AS_OF });
    expect(alert.title).toBe('Loyalty fell 12 points in 30 days, from 72 to 60');
  });

  it('raises nothing for a smaller fall, a rise, or no score a month ago', () => {
    expect(alerts(account(), 'score_drop', { loyalty: 60, monthAgo: 69.9 })).toEqual([]);
    expect(alerts(account(), 'score_drop', { loyalty: 80, monthAgo: 60 })).toEqual([]);
    expect(alerts(account(), 'score_drop', { loyalty: 60, monthAgo: null })).toEqual([]);
  });
});

describe('buying signal', () => {
  const offWarranty = (overrides: Parameters<typeof asset>[0] = {}) =>
    asset({ id: 'SN-7', warrantyEnd: '2025-12-31', coverage: 'time_and_materials', ...overrides });

  it('raises a low alert for our machine off warranty and on time and materials', () => {
    const alert = only(account({ assets: [offWarranty()] }), 'buying_signal');
    expect(alert).toMatchObject({ id: 'buying_signal:C1', severity: 'low', raisedAt: '2026-01-01' });
    expect(alert.title).toBe('Buying signal: SN-7 off warranty since 31 Dec 2025 and paying time and materials');
  });

  it('lists every machine in one alert per account, repeated breakdowns included', () => {
    const breakdowns = ['2026-02-01', '2026-03-15', '2026-05-01'].map((day) =>
      workOrder({ type: 'break_fix', assetId: 'SN-8', openedAt: `${day}T09:00:00`, followUpAt: `${day}T15:00:00` }),
    );
    const alert = only(account({ assets: [offWarranty(), asset({ id: 'SN-8' })], workOrders: breakdowns }), 'buying_signal');
    expect(alert.title).toBe('Buying signal: 2 machines to talk about replacing or covering (SN-7, SN-8)');
    expect(alert.detail).toContain('SN-8 (Acme, multifunction printer, Head office): broke down 3 times in 180 days.');
    expect(alert.refs).toEqual(expect.arrayContaining([{ type: 'asset', id: 'SN-7' }, { type: 'asset', id: 'SN-8' }]));
  });

  it('raises nothing under contract, under warranty, or for a competitor\'s machine', () => {
    expect(alerts(account({ assets: [offWarranty({ coverage: 'contract' })] }), 'buying_signal')).toEqual([]);
    expect(alerts(account({ assets: [offWarranty({ warrantyEnd: '2026-12-31' })] }), 'buying_signal')).toEqual([]);
    expect(alerts(account({ assets: [offWarranty({ vendor: 'Ricoh', servicedBy: 'competitor' })] }), 'buying_signal')).toEqual([]);
  });

  it('takes the account\'s time-and-materials contract where the machine does not say', () => {
    const evidence = account({ account: { contractType: 'time_and_materials' }, assets: [offWarranty({ coverage: null })] });
    expect(alerts(evidence, 'buying_signal')).toHaveLength(1);
  });
});

describe('identity', () => {
  const busy = account({
    account: { renewalDate: '2026-07-15' },
    assets: [asset({ id: 'SN-1', warrantyEnd: '2025-06-30', coverage: 'time_and_materials', ratedMonthlyVolume: 1000, actualMonthlyVolume: 2000 })],
    recommendations: [recommendation({ id: 'R-1', assetId: 'SN-1', madeAt: '2026-03-01' })],
    workOrders: [workOrder({ id: 'WO-5', assetId: 'SN-1', openedAt: '2026-05-20T09:00:00', fixedFirstTime: false })],
    surveys: [survey({ id: 'S-1', respondedAt: '2026-05-21', nps: 3 })],
  });

  it('gives the same ids on later runs while the conditions hold, one per condition', () => {
    const first = evaluateAlerts(inputFor(busy, { asOf: '2026-06-01', loyalty: 50, monthAgo: 65 }));
    const later = evaluateAlerts(inputFor(busy, { asOf: '2026-06-10', loyalty: 50, monthAgo: 65 }));
    expect(first.map((a) => a.id).sort()).toEqual([
      'bad_call_no_follow_up:C1:WO-5',
      'buying_signal:C1',
      'detractor_no_follow_up:C1:S-1',
      'fix_or_replace:C1:SN-1',
      'renewal_at_risk:C1:2026-07-15',
      'score_drop:C1',
      'unaddressed_recommendation:C1:R-1',
    ]);
    expect(later.map((a) => a.id).sort()).toEqual(first.map((a) => a.id).sort());
    expect(new Set(first.map((a) => a.id)).size).toBe(first.length);
  });

  it('writes the same text on later days while nothing but the date moves, and reads each day\'s count', () => {
    const input = (asOf: string) => inputFor(busy, { asOf, loyalty: 50, monthAgo: 65 });
    const monday = new Map(evaluateAlerts(input('2026-06-01')).map((a) => [a.id, a]));
    const stored = applyChanges([], reconcileAlerts([], [...monday.values()], '2026-06-01'));
    // Only the score drop speaks of the day itself ("loyalty is 50 on 2 Jun 2026"); the rest count days.
    const tuesday = reconcileAlerts(stored, evaluateAlerts(input('2026-06-02')), '2026-06-02');
    expect(tuesday.map((c) => (c.kind === 'update' ? `${c.id} ${Object.keys(c.set).join(',')}` : c.kind))).toEqual(['score_drop:C1 detail']);
    const recommendation = monday.get('unaddressed_recommendation:C1:R-1')!;
    expect(read(recommendation, '2026-06-01').title).toBe('"Replace the fuser unit" on SN-1: the customer last heard of it on 1 Mar 2026, 92 days ago');
    expect(read(recommendation, '2026-06-02').title).toBe('"Replace the fuser unit" on SN-1: the customer last heard of it on 1 Mar 2026, 93 days ago');
    expect(read(monday.get('renewal_at_risk:C1:2026-07-15')!, '2026-06-02').title).toContain('in 43 days');
  });

  it('is deterministic for the same data and date', () => {
    expect(evaluateAlerts(inputFor(busy))).toEqual(evaluateAlerts(inputFor(busy)));
  });
});
