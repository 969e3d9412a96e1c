import { describe, expect, it } from 'vitest';
import { briefFileName, conclusion, escapeHtml, renderBriefHtml, trendChart } from '../../../src/review/brief-html';
import type { BriefKpis, ReviewBrief } from '../../../src/shared/review-types';
import type { ComponentScore } from '../../../src/shared/scoring-types';

const EVIL = '<script>alert(1)</script> & Co';

const kpis = (overrides: Partial<BriefKpis> = {}): BriefKpis => ({
  firstTimeFixRate: 0.875,
  onTimeArrivalRate: 0.92,
  repeatCallRate: 0.05,
  mtbfDays: 210.4,
  mttrHours: 6.26,
  followUpRate: 0.5,
  visits: 40,
  breakFixCalls: 12,
  badCalls: 3,
  complaints: 2,
  commendations: 1,
  ...overrides,
});

const component = (key: ComponentScore['key'], label: string, score: number | null, points: number): ComponentScore => ({
  key,
  label,
  score,
  weight: 0.2,
  baseWeight: 0.2,
  points,
  drivers: [],
  missing: score === null ? 'No data' : null,
});

/** A brief with something in every section, text from "imported files" that needs escaping. */
function fullBrief(): ReviewBrief {
  return {
    accountId: 'C0004',
    accountName: EVIL,
    segment: 'Public Sector',
    region: 'South',
    owner: 'Elena "El" Sokolova',
    contractType: 'time_and_materials',
    renewalDate: '2027-01-31',
    company: 'Northwind & Sons',
    asOf: '2026-11-23',
    score: {
      accountId: 'C0004',
      asOf: '2026-11-23',
      loyalty: 61.3,
      band: 'satisfied',
      satisfaction: 38.04,
      confidence: 0.61,
      confidenceReasons: ['No survey in 6 months', 'The checklist <has not> been worked'],
      components: [component('service', 'Service experience', 80, 20), component('satisfaction', 'Satisfaction', null, 0)],
      profile: 'default',
    },
    pulse: { rating: 'concern', reason: 'New facilities manager talks to <Sharpline>', setOn: '2026-08-01', expiresOn: '2026-10-31', setBy: 'Elena', stale: true },
    trend: [
      { asOf: '2026-05-27', loyalty: 69.5, satisfaction: null },
      { asOf: '2026-06-26', loyalty: null, satisfaction: 45 },
      { asOf: '2026-07-26', loyalty: 66, satisfaction: 41 },
      { asOf: '2026-11-23', loyalty: 61.3, satisfaction: 38.04 },
    ],
    change30: -8.2,
    moves: [
      { key: 'service', label: 'Service experience', now: 80, before: 85.56, pointsChange: -1.26 },
      { key: 'satisfaction', label: 'Satisfaction', now: null, before: null, pointsChange: null },
    ],
    topDrivers: [{ label: 'Repeat call <within> 30 days on SN-123', points: -4.14, ref: { type: 'work_order', id: 'WO-881' }, component: 'service' }],
    kpis: kpis({ followUpRate: null, mttrHours: null }),
    kpisYearBefore: kpis({ firstTimeFixRate: null }),
    installedBase: [
      {
        site: 'Civic <Center>',
        total: 22,
        ours: 20,
        vendors: [
          { vendor: 'Northwind', quantity: 20, servicedBy: 'us', locations: ['Floor 1'] },
          { vendor: 'Sharpline & Co', quantity: 2, servicedBy: 'competitor', locations: [] },
        ],
      },
    ],
    coffeeList: [
      {
        recommendationId: 'WO-1',
        text: 'Replace the "fuser" <now>',
        assetId: 'SN-1',
        severity: 'high',
        madeOn: '2026-03-14',
        madeBy: 'Sam Ortiz',
        daysOpen: 254,
        lastHeardOn: '2026-10-01',
        revisitsWithoutReminder: 3,
        failedOn: '2026-09-30',
      },
      {
        recommendationId: 'WO-2',
        text: 'Clean the feeder',
        assetId: null,
        severity: null,
        madeOn: '2026-10-01',
        madeBy: null,
        daysOpen: 53,
        lastHeardOn: '2026-10-01',
        revisitsWithoutReminder: 0,
        failedOn: null,
      },
    ],
    checklistGaps: [
      {
        id: 'follow.recs',
        group: 'Follow through',
        groupId: 'follow',
        text: 'No recommendation unaddressed',
        kind: 'derived',
        status: 'open',
        evidence: { summary: '2 recommendations <open>', refs: [{ type: 'recommendation', id: 'WO-1' }] },
      },
      { id: 'know.plans', group: 'Know', groupId: 'know', text: 'We know their plans', kind: 'manual', status: 'open', evidence: { summary: 'Not confirmed yet', refs: [] } },
      {
        id: 'partner.review',
        group: 'Partner',
        groupId: 'partner',
        text: 'A business review held',
        kind: 'manual',
        status: 'expired',
        evidence: { summary: 'Held 3 Oct 2025 & expired', refs: [], doneOn: '2025-10-03' },
      },
    ],
    checklistDone: 3,
    checklistApplicable: 5,
    alerts: [
      { id: 'unaddressed_recommendation:C0004:WO-1', rule: 'unaddressed_recommendation', severity: 'critical', status: 'open', title: 'Fuser <failed>', detail: 'Detail', raisedAt: '2026-04-01' },
      { id: 'silent_account:C0004', rule: 'silent_account', severity: 'medium', status: 'acknowledged', title: 'No word from "them" in 90 days', detail: 'Detail', raisedAt: '2026-11-01' },
    ],
    recentComments: [{ respondedAt: '2026-11-09', score: 'NPS 2', contact: 'ben@example.com', comment: 'Late <again> & "again"' }],
    talkingPoints: [
      { text: 'Raise the fuser <now>', refs: [] },
      { text: 'Ask about Sharpline & Co', refs: [] },
    ],
  };
}

/** A brief with nothing in it: a new account with no evidence yet. */
function emptyBrief(): ReviewBrief {
  const nothing: BriefKpis = {
    firstTimeFixRate: null,
    onTimeArrivalRate: null,
    repeatCallRate: null,
    mtbfDays: null,
    mttrHours: null,
    followUpRate: null,
    visits: 0,
    breakFixCalls: 0,
    badCalls: 0,
    complaints: 0,
    commendations: 0,
  };
  return {
    ...fullBrief(),
    accountName: 'New Account',
    segment: null,
    region: null,
    owner: null,
    contractType: null,
    renewalDate: null,
    score: { accountId: 'C9', asOf: '2026-11-23', loyalty: null, band: null, satisfaction: null, confidence: 0, confidenceReasons: [], components: [], profile: 'default' },
    pulse: null,
    trend: [],
    change30: null,
    moves: [],
    topDrivers: [],
    kpis: nothing,
    kpisYearBefore: nothing,
    installedBase: [],
    coffeeList: [],
    checklistGaps: [],
    checklistDone: 0,
    checklistApplicable: 0,
    alerts: [],
    recentComments: [],
    talkingPoints: [],
  };
}

/** The document's text as a reader sees it, tags removed and entities read back. */
const visibleText = (html: string): string =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ');

describe('renderBriefHtml', () => {
  const html = renderBriefHtml(fullBrief());
  const text = visibleText(html);

  it('is one self-contained document: no scripts, no external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:|\/\/)/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    expect(html).toContain('@page { size: auto; margin: 16mm 14mm; }');
  });

  it('escapes every piece of imported text', () => {
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; Co');
    expect(text).toContain(EVIL);
    for (const raw of ['<now>', '<Center>', '<open>', '<failed>', '<again>', '<within>', '<Sharpline>', '<has not>']) expect(html).not.toContain(raw);
    expect(html).toContain('Elena &#34;El&#34; Sokolova');
    expect(html).toContain('Northwind &#38; Sons');
  });

  it('keeps the account name out of the page footer\'s CSS string unescaped', () => {
    const footer = /@bottom-left \{ content: ("(?:[^"\\]|\\.)*");/.exec(html)?.[1] ?? '';
    expect(footer).not.toMatch(/[<>]/);
    expect(footer).toContain('\\3c script\\3e alert(1)');
  });

  it('opens with the header and the answer in one line', () => {
    expect(text).toContain('Public Sector · South · Elena "El" Sokolova');
    expect(text).toContain('Prepared 23 Nov 2026 by Northwind & Sons');
    expect(text).toContain('Renews 31 Jan 2027 (in 69 days)');
    expect(text).toContain('Loyalty 61.3, Satisfied — down 8.2 in 30 days; 2 open recommendations to raise, 1 on a machine that has since failed');
  });

  it('shows both scores with their bands in words and colour, low confidence with its reasons, and a stale pulse', () => {
    expect(html).toMatch(/<span class="band band-satisfied">Satisfied<\/span>/);
    // Satisfaction has words of its own: never a loyalty band's name.
    expect(html).toMatch(/<span class="band band-critical">Unhappy<\/span>/);
    expect(text).toContain('38.0');
    expect(text).toContain('Confidence 61%');
    expect(text).toContain('No survey in 6 months · The checklist <has not> been worked');
    expect(text).toContain('Concern');
    expect(text).toContain('Stale: expired 31 Oct 2026');
  });

  it('draws the trend as inline SVG, leaving gaps where values are missing', () => {
    const svg = /<svg class="trend"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('<path class="line-loyalty" d="M');
    // Loyalty is missing at the second point: its line restarts after the gap.
    expect(/class="line-loyalty" d="([^"]+)"/.exec(svg)?.[1]?.match(/M/g)).toHaveLength(2);
    expect(svg).toContain('Loyalty <tspan class="end-value">61.3</tspan>');
    expect(svg).toContain('Satisfaction <tspan class="end-value">38.0</tspan>');
    expect(svg).toMatch(/>Jun<\/text>/);
  });

  it('draws one point and says so when there is no history', () => {
    const one = trendChart([{ asOf: '2026-11-23', loyalty: 70, satisfaction: null }]).html;
    expect(one).toContain('<circle class="dot-loyalty"');
    expect(one).not.toContain('<path');
    expect(trendChart([{ asOf: '2026-11-23', loyalty: null, satisfaction: null }]).html).toContain('No score history yet.');
  });

  it('writes numbers with one decimal at most, signed points and "—" where a KPI is missing', () => {
    expect(text).toMatch(/Service experience 80\.0 85\.6 −1\.3/);
    expect(text).toMatch(/Repeat call <within> 30 days on SN-123 Service experience −4\.1/);
    expect(text).toMatch(/First-time fix 87\.5% —/);
    expect(text).toMatch(/Mean time to repair — 6\.3 h/);
    expect(text).toMatch(/Follow-up within one business day — 50\.0%/);
    expect(text).toMatch(/Mean time between failures 210 days 210 days/);
    expect(text).not.toMatch(/\d\.\d\d/);
  });

  it('shows every section of the brief', () => {
    for (const heading of ['Talking points', 'Open recommendations to raise', 'Open alerts', 'Recent comments', 'What moved the score', 'Service', 'Installed base', 'Checklist gaps']) {
      expect(html).toContain(`<h2>${heading}`);
    }
    expect(html).toMatch(/<ol class="points"><li>Raise the fuser &#60;now&#62;<\/li><li>Ask about Sharpline &#38; Co<\/li><\/ol>/);
    expect(text).toContain('we service 20 of 22 machines (91%)');
    expect(text).toContain('Sharpline & Co a competitor 2');
    expect(text).toContain('Failed 30 Sep 2026');
    expect(text).toContain('14 Mar 2026 Sam Ortiz 254 3');
    expect(text).toContain('Technician not recorded');
    expect(text).toContain('No recommendation unaddressed Follow through Open 2 recommendations <open>');
    expect(text).toContain('A business review held Partner Expired Held 3 Oct 2025 & expired');
    expect(text).toContain('Not confirmed yet (1): We know their plans');
    expect(html).toContain('<q>Late &#60;again&#62; &#38; &#34;again&#34;</q>');
    expect(text).toContain('Late <again> & "again" ben@example.com · 9 Nov 2026 · NPS 2');
  });

  it('marks the alert about an open recommendation on its row and lists the others with severity in words', () => {
    expect(text).toContain('SN-1 · High severity · Critical alert');
    expect(text).toContain('1 alert about open recommendations is marked in the list above.');
    expect(text).toContain('Medium No word from "them" in 90 days 1 Nov 2026 Acknowledged');
    expect(html).not.toContain('Fuser &#60;failed&#62;');
  });

  it('sums up by group a checklist that has never been worked', () => {
    const brief = fullBrief();
    const manual = (id: string, group: string) => ({ id, group, groupId: group, text: `Item ${id}`, kind: 'manual' as const, status: 'open' as const, evidence: null });
    const gaps = [manual('a', 'Know the customer'), manual('b', 'Know the customer'), manual('c', 'Listen'), manual('d', 'Partner'), manual('e', 'Partner')];
    const summed = visibleText(renderBriefHtml({ ...brief, checklistGaps: gaps }));
    expect(summed).toContain('Not confirmed yet (5): Know the customer 2 · Listen 1 · Partner 2');
    const named = visibleText(renderBriefHtml({ ...brief, checklistGaps: gaps.slice(0, 2) }));
    expect(named).toContain('Not confirmed yet (2): Item a · Item b');
  });

  it('says so briefly where a section is empty', () => {
    const bare = visibleText(renderBriefHtml(emptyBrief()));
    expect(bare).toContain('No loyalty score yet: too little evidence; no open recommendations to raise');
    expect(bare).toContain('No score yet');
    expect(bare).toContain('No surveys yet');
    expect(bare).toContain('No score history yet.');
    expect(bare).toContain('No talking points');
    expect(bare).toContain('No open recommendations.');
    expect(bare).toContain('No open alerts.');
    expect(bare).toContain('No survey comments in the last 12 months.');
    expect(bare).toContain('Nothing costs loyalty points at the moment.');
    expect(bare).toContain('No score 30 days ago to compare with.');
    expect(bare).toContain('No installed base on record.');
    expect(bare).toContain('No checklist gaps.');
    expect(bare).toMatch(/First-time fix — —/);
    expect(bare).not.toContain('Confidence');
  });
});

describe('conclusion', () => {
  it('reads as a sentence for rises, no change and recommendations without failures', () => {
    const brief = fullBrief();
    expect(conclusion({ ...brief, change30: 2.04, coffeeList: brief.coffeeList.slice(1) })).toBe('Loyalty 61.3, Satisfied — up 2.0 in 30 days; 1 open recommendation to raise');
    expect(conclusion({ ...brief, change30: 0.01, coffeeList: brief.coffeeList.slice(0, 1) })).toBe(
      'Loyalty 61.3, Satisfied — unchanged in 30 days; 1 open recommendation to raise, on a machine that has since failed',
    );
    expect(conclusion({ ...brief, change30: null, coffeeList: [] })).toBe('Loyalty 61.3, Satisfied; no open recommendations to raise');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href='x'>"&"</a>`)).toBe('&#60;a href=&#39;x&#39;&#62;&#34;&#38;&#34;&#60;/a&#62;');
  });
});

describe('briefFileName', () => {
  it('names the file by account and date, safely', () => {
    expect(briefFileName(fullBrief())).toBe('review-C0004-2026-11-23');
    expect(briefFileName({ accountId: '../C 1/x', asOf: '2026-11-23' })).toBe('review-C-1-x-2026-11-23');
  });
});
