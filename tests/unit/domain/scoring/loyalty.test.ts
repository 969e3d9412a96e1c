import { describe, expect, it } from 'vitest';
import defaultTemplate from '../../../../resources/checklist/default-template.json';
import { scoreAccount, type EngineSettings } from '../../../../src/domain/scoring/loyalty';
import { DEFAULT_SCORING } from '../../../../src/domain/scoring/profile';
import { addDays } from '../../../../src/domain/dates';
import type { AccountEvidence, WorkOrderFacts } from '../../../../src/domain/evidence';
import type { ChecklistTemplate } from '../../../../src/shared/checklist-types';
import type { LoyaltyScore } from '../../../../src/shared/scoring-types';
import { account, asset, recommendation, survey, workOrder } from '../builders';

const AS_OF = '2026-06-30';
const SETTINGS: EngineSettings = { ...DEFAULT_SCORING, ownVendor: 'Acme' };
const TEMPLATE = defaultTemplate as ChecklistTemplate;

const score = (evidence: AccountEvidence, settings: EngineSettings = SETTINGS, asOf = AS_OF): LoyaltyScore => scoreAccount(evidence, asOf, settings, TEMPLATE).score;
const component = (s: LoyaltyScore, key: string) => s.components.find((c) => c.key === key)!;
const day = (back: number): string => addDays(AS_OF, -back);

/** A break-fix visit `back` days before the as-of date: good, or gone wrong as asked. */
function call(back: number, how: 'good' | 'great' | 'bad' = 'good', assetId = 'SN-1'): WorkOrderFacts {
  const opened = `${day(back)}T09:00:00`;
  const promised = `${day(back)}T13:00:00`;
  const bad = how === 'bad';
  return workOrder({
    id: `WO-${back}`,
    assetId,
    type: 'break_fix',
    openedAt: opened,
    promisedAt: promised,
    arrivedAt: bad ? `${day(back)}T16:30:00` : `${day(back)}T${how === 'great' ? '10' : '12'}:00:00`,
    completedAt: `${day(back)}T17:00:00`,
    fixedFirstTime: !bad,
  });
}

/** Calls every 30 days over the last year (oldest first), as asked. */
const year = (how: 'good' | 'bad'): WorkOrderFacts[] => Array.from({ length: 12 }, (_, i) => call(365 - i * 30, how, `SN-${i % 3}`));

describe('the loyalty score', () => {
  it('keeps a satisfied customer whose competitors service most of the installed base at Satisfied or lower, satisfaction high', () => {
    const evidence = account({
      workOrders: year('good'),
      surveys: [survey({ respondedAt: day(20), nps: 10 }), survey({ respondedAt: day(120), nps: 9 }), survey({ respondedAt: day(250), nps: 10 })],
      assets: [
        asset({ id: 'SN-1', site: 'HQ', location: 'Floor 1', quantity: 3 }),
        asset({ id: 'RV-1', site: 'HQ', location: 'Floor 2', vendor: 'Rival', servicedBy: 'competitor', quantity: 6 }),
        asset({ id: 'RV-2', site: 'Plant 2', location: 'Floor 1', vendor: 'Rival', servicedBy: 'competitor', quantity: 5 }),
        asset({ id: 'OT-1', site: 'Plant 2', location: 'Floor 2', vendor: 'Other', servicedBy: 'third_party', quantity: 2 }),
      ],
    });
    const s = score(evidence);
    expect(s.satisfaction).toBeGreaterThanOrEqual(90);
    expect(s.loyalty).toBeLessThan(75);
    expect(['satisfied', 'at_risk', 'critical']).toContain(s.band);
    const footprint = component(s, 'footprint');
    expect(footprint.score).toBeLessThan(30);
    expect(footprint.drivers.map((d) => d.label)).toContain('6 Rival machines at HQ (Floor 2) serviced by a competitor');
    expect(footprint.drivers.some((d) => d.label.startsWith('3 vendors in the installed base'))).toBe(true);
  });

  it('after a year of good calls, one bad call lowers it more than one great call raises it after a year of bad calls', () => {
    const goodYear = account({ workOrders: year('good') });
    const badYear = account({ workOrders: year('bad') });
    const drop = score(goodYear).loyalty! - score(account({ workOrders: [...year('good'), call(1, 'bad', 'SN-4471')] })).loyalty!;
    const rise = score(account({ workOrders: [...year('bad'), call(1, 'great', 'SN-4471')] })).loyalty! - score(badYear).loyalty!;
    expect(drop).toBeGreaterThan(0);
    expect(rise).toBeGreaterThan(0);
    expect(drop).toBeGreaterThan(2 * rise);
  });

  it('lowers it more for two bad calls in a row than for the same two calls months apart', () => {
    const inARow = score(account({ workOrders: [...year('good'), call(12, 'bad', 'SN-7'), call(2, 'bad', 'SN-8')] }));
    const apart = score(account({ workOrders: [...year('good'), call(150, 'bad', 'SN-7'), call(2, 'bad', 'SN-8')] }));
    expect(inARow.loyalty!).toBeLessThan(apart.loyalty!);
    const labels = component(inARow, 'service').drivers.map((d) => d.label);
    expect(labels.some((l) => l.startsWith('Most recent visit: second late visit in 10 days on SN-8'))).toBe(true);
  });

  it('counts the last call most: a bad call weighs more as the latest visit than as the one before', () => {
    const last = score(account({ workOrders: [...year('good'), call(20, 'good', 'SN-2'), call(5, 'bad', 'SN-9')] }));
    const beforeLast = score(account({ workOrders: [...year('good'), call(20, 'bad', 'SN-9'), call(5, 'good', 'SN-2')] }));
    expect(last.loyalty!).toBeLessThan(beforeLast.loyalty!);
  });

  it('remembers bad responses longer than good ones', () => {
    const oldBad = score(account({ surveys: [survey({ respondedAt: day(200), nps: 2 }), survey({ respondedAt: day(10), nps: 9 })] }));
    const oldGood = score(account({ surveys: [survey({ respondedAt: day(200), nps: 9 }), survey({ respondedAt: day(10), nps: 2 })] }));
    // The same two answers (NPS 9 → 90, NPS 2 → 20): an old bad answer still pulls the score far
    // from the recent one, an old good answer hardly does.
    const pullOfOldBad = 90 - oldBad.satisfaction!;
    const pullOfOldGood = oldGood.satisfaction! - 20;
    expect(pullOfOldBad).toBeGreaterThan(3 * pullOfOldGood);
  });

  it('lowers it further with each later visit that did not remind the customer of an open recommendation', () => {
    const made = call(200, 'good', 'SN-4471');
    const open = recommendation({ id: 'REC-1', assetId: 'SN-4471', workOrderId: made.id, madeAt: day(200), text: 'Replace the fuser unit', severity: 'high' });
    const scores = [0, 1, 2, 3, 4].map((n) => {
      const revisits = Array.from({ length: n }, (_, i) => call(150 - i * 30, 'good', 'SN-5'));
      return score(account({ workOrders: [made, ...revisits], recommendations: [open], surveys: [survey({ respondedAt: day(30) })] })).loyalty!;
    });
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThan(scores[i - 1]!);
    // A reminder at the last visit calms it again.
    const reminded = [call(150, 'good', 'SN-5'), { ...call(120, 'good', 'SN-5'), remindedIds: ['REC-1'] }];
    expect(score(account({ workOrders: [made, ...reminded], recommendations: [open], surveys: [survey({ respondedAt: day(30) })] })).loyalty!).toBeGreaterThan(scores[2]!);
  });

  it('changes at once when the weights change, and the explanation shows the new weights', () => {
    const evidence = account({ workOrders: [...year('good'), call(3, 'bad')], surveys: [survey({ respondedAt: day(40), nps: 10 })] });
    const base = score(evidence);
    const serviceHeavy = score(evidence, { ...SETTINGS, profiles: { default: { service: 0.8, satisfaction: 0.05, footprint: 0.05, partnership: 0.05, commercial: 0.05 } } });
    expect(serviceHeavy.loyalty).not.toBe(base.loyalty);
    expect(component(serviceHeavy, 'service').baseWeight).toBe(0.8);
    expect(component(serviceHeavy, 'service').points).toBeCloseTo(component(serviceHeavy, 'service').weight * component(serviceHeavy, 'service').score!, 0);
    // Per segment: the account's segment picks its profile.
    const segmented = score(account({ ...evidence, account: { segment: 'Healthcare' } }), { ...SETTINGS, profiles: { default: SETTINGS.profiles['default']!, Healthcare: { service: 0.8, satisfaction: 0.05, footprint: 0.05, partnership: 0.05, commercial: 0.05 } } });
    expect(segmented.profile).toBe('Healthcare');
    expect(segmented.loyalty).toBe(serviceHeavy.loyalty);
  });

  it('explains itself: drivers add up to their component, components to the score', () => {
    const evidence = account({
      account: { contractType: 'time_and_materials', renewalDate: day(-40) },
      workOrders: [...year('good'), call(60, 'bad', 'SN-4471'), call(25, 'bad', 'SN-4471'), call(5)],
      surveys: [survey({ respondedAt: day(50), nps: 4, comment: 'Slow again' }), survey({ respondedAt: day(200), nps: 8 })],
      assets: [asset({ id: 'SN-4471', quantity: 2 }), asset({ id: 'RV-9', vendor: 'Rival', servicedBy: 'competitor', quantity: 1 })],
      recommendations: [recommendation({ madeAt: day(90), text: 'Add a second tray', assetId: 'SN-4471', severity: 'medium' })],
    });
    const s = score(evidence);
    const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 10) / 10;
    expect(sum(s.components.map((c) => c.points))).toBe(s.loyalty);
    for (const c of s.components) if (c.score !== null) expect(sum(c.drivers.map((d) => d.points))).toBe(c.points);
    const service = component(s, 'service');
    expect(service.drivers[0]!.label).toBe('Full marks for service: every visit on time and fixed first time');
    const repeat = service.drivers.find((d) => d.ref?.id === 'WO-25');
    expect(repeat?.label).toMatch(/^Second late visit in 35 days on SN-4471 \(/);
    expect(component(s, 'satisfaction').drivers.some((d) => d.label === `NPS 4 from Pat Lee on ${spokenDay(50)}, nobody called back` && d.ref?.type === 'survey')).toBe(true);
    expect(component(s, 'commercial').drivers.map((d) => d.label)).toContain('Pays time and materials: no service contract');
    expect(component(s, 'commercial').drivers.some((d) => d.label.startsWith('Contract renewal due in 40 days'))).toBe(true);
  });

  it('shares out a missing component\'s weight instead of inventing a value, and says so in the confidence', () => {
    const s = score(account({ workOrders: year('good') }));
    const satisfaction = component(s, 'satisfaction');
    expect(s.satisfaction).toBeNull();
    expect(satisfaction).toMatchObject({ score: null, weight: 0, points: 0, missing: 'No survey response yet' });
    const present = s.components.filter((c) => c.score !== null);
    expect(present.reduce((a, c) => a + c.weight, 0)).toBeCloseTo(1, 2);
    expect(s.confidence).toBeLessThan(0.8);
    expect(s.confidenceReasons.join(' ')).toContain('No survey response yet: satisfaction not scored, its weight shared out');
  });

  it('is the same for the same data and date, and ignores what is dated later', () => {
    const evidence = account({ workOrders: year('good'), surveys: [survey({ respondedAt: day(30), nps: 10 })] });
    expect(score(evidence)).toEqual(score(evidence));
    const withFuture = account({ workOrders: [...year('good'), call(-10, 'bad')], surveys: [survey({ respondedAt: day(30), nps: 10 }), survey({ respondedAt: day(-5), nps: 0 })] });
    expect(score(withFuture)).toEqual(score(evidence));
  });

  it('has no score without any data, and bands by the thresholds of DOMAIN.md', () => {
    expect(score(account())).toMatchObject({ loyalty: null, band: null, confidence: 0 });
    expect(score(account({ account: { contractType: 'full_service' } })).loyalty).toBeNull();
    const loyal = score(account({ workOrders: year('good'), surveys: [survey({ respondedAt: day(10), nps: 10 })], assets: [asset()], account: { contractType: 'full_service' } }));
    expect(loyal.band).toBe('loyal');
  });
});

function spokenDay(back: number): string {
  const [y, m, d] = day(back).split('-');
  return `${Number(d)} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]} ${y}`;
}
