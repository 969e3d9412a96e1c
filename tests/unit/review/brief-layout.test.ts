import { describe, expect, it } from 'vitest';
import { briefLayout, renderBriefBody, shownTalkingPoints } from '../../../src/review/brief-html';
import type { CoffeeItem, ReviewBrief } from '../../../src/shared/review-types';

const coffee = (id: string): CoffeeItem => ({ recommendationId: id, text: `Fix ${id}`, assetId: null, severity: null, madeOn: '2026-01-01', madeBy: null, daysOpen: 300, lastHeardOn: '2026-01-01', revisitsWithoutReminder: 2, failedOn: null });
const point = (text: string, rec?: string) => ({ text, refs: rec ? [{ type: 'recommendation' as const, id: rec }] : [] });

describe('talking points beside the cup-of-coffee list', () => {
  it('keeps the most urgent recommendation in full and points to the list for the others', () => {
    const brief = { coffeeList: [coffee('R1'), coffee('R2'), coffee('R3')], talkingPoints: [point('Raise R1', 'R1'), point('Raise R2', 'R2'), point('Raise R3', 'R3'), point('Ask about the plans')] };
    expect(shownTalkingPoints(brief)).toEqual(['Raise R1', 'Raise the other 2 open recommendations in the list below and ask for a decision on each.', 'Ask about the plans']);
  });

  it('leaves the points alone when only one would be folded, or the recommendation is not in the list', () => {
    expect(shownTalkingPoints({ coffeeList: [coffee('R1'), coffee('R2')], talkingPoints: [point('Raise R1', 'R1'), point('Raise R2', 'R2')] })).toEqual(['Raise R1', 'Raise R2']);
    expect(shownTalkingPoints({ coffeeList: [coffee('R1')], talkingPoints: [point('Raise R1', 'R1'), point('Raise R8', 'R8'), point('Raise R9', 'R9')] })).toEqual(['Raise R1', 'Raise R8', 'Raise R9']);
  });
});

function brief(overrides: Partial<ReviewBrief>): ReviewBrief {
  const kpis = { firstTimeFixRate: 0.9, onTimeArrivalRate: 0.9, repeatCallRate: 0, mtbfDays: 100, mttrHours: 3, followUpRate: 1, visits: 10, breakFixCalls: 2, badCalls: 0, complaints: 0, commendations: 0 };
  return {
    accountId: 'C1', accountName: 'Harbor', segment: null, region: null, owner: null, contractType: null, renewalDate: null, company: 'Us', asOf: '2026-11-23',
    score: { accountId: 'C1', asOf: '2026-11-23', loyalty: 60, band: 'satisfied', satisfaction: 60, confidence: 0.9, confidenceReasons: [], components: [], profile: 'default' },
    pulse: null, trend: [{ asOf: '2026-11-23', loyalty: 60, satisfaction: 60 }], change30: null, moves: [], topDrivers: [], kpis, kpisYearBefore: kpis,
    installedBase: [], coffeeList: [], checklistGaps: [], checklistDone: 0, checklistApplicable: 0, alerts: [], recentComments: [], talkingPoints: [],
    ...overrides,
  };
}

describe('page layout', () => {
  it('sets an ordinary brief at full size, the evidence on a page of its own', () => {
    expect(briefLayout(brief({}))).toEqual({ compact: false, evidenceNewPage: true, drivers: 6, comments: 5 });
    expect(renderBriefBody(brief({}))).toMatch(/^<article class="brief" aria-label="Account review brief: Harbor">/);
  });

  it('sets a busy account compact, with fewer drivers and comments, so it stays on two pages', () => {
    const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
    const busy = brief({
      talkingPoints: many(10, (i) => point(`Talking point ${i} `.repeat(12))),
      coffeeList: many(5, (i) => coffee(`R${i}`)),
      alerts: many(9, (i) => ({ id: `a${i}`, rule: 'silent_account', severity: 'medium', status: 'open', title: `Alert ${i} `.repeat(10), detail: '', raisedAt: '2026-11-01' })),
      recentComments: many(5, (i) => ({ respondedAt: '2026-11-01', score: 'NPS 3', contact: null, comment: `Comment ${i} `.repeat(10) })),
      topDrivers: many(6, (i) => ({ label: `Driver ${i}`, points: -i, ref: null, component: 'service' as const })),
      installedBase: many(4, (i) => ({ site: `Site ${i}`, total: 10, ours: 5, vendors: many(3, (j) => ({ vendor: `V${j}`, quantity: 3, servicedBy: 'us', locations: [] })) })),
    });
    const layout = briefLayout(busy);
    expect(layout.compact).toBe(true);
    const html = renderBriefBody(busy);
    expect(html).toMatch(/^<article class="brief compact"/);
    expect(html.match(/<li><q>/g)).toHaveLength(layout.comments);
    expect(html.match(/Driver \d/g)).toHaveLength(layout.drivers);
  });

  it('puts each confidence reason on a line of its own', () => {
    const html = renderBriefBody(brief({ score: { ...brief({}).score, confidence: 0.5, confidenceReasons: ['No visit since May', 'No survey since June'] } }));
    expect(html).toContain('<span class="reason">No visit since May</span><span class="sep"> · </span><span class="reason">No survey since June</span>');
  });
});
