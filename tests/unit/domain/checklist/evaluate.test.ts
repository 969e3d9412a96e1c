import { describe, expect, it } from 'vitest';
import defaultTemplate from '../../../../resources/checklist/default-template.json';
import { evaluateChecklist } from '../../../../src/domain/checklist/evaluate';
import type { ChecklistTemplate } from '../../../../src/shared/checklist-types';
import type { ChecklistTickFacts } from '../../../../src/domain/evidence';
import { account, asset, recommendation, survey, workOrder } from '../builders';

const TEMPLATE = defaultTemplate as ChecklistTemplate;
const AS_OF = '2026-06-30';
const itemOf = (result: ReturnType<typeof evaluateChecklist>, id: string) => result.items.find((i) => i.id === id)!;
const tick = (itemId: string, doneOn: string, overrides: Partial<ChecklistTickFacts> = {}): ChecklistTickFacts => ({ itemId, templateVersion: 1, doneOn, expiresOn: null, note: null, by: 'Dana', ...overrides });

describe('the default checklist template', () => {
  it('holds the groups and items of DOMAIN.md, derived and manual', () => {
    expect(TEMPLATE.groups.map((g) => g.title)).toEqual(['Know the customer', 'Listen', 'Follow through', 'Manage expectations', 'Partner']);
    const derived = TEMPLATE.groups.flatMap((g) => g.items).filter((i) => i.kind === 'derived').map((i) => i.id);
    expect(derived).toEqual(['listen.recent_survey', 'listen.detractors_followed_up', 'follow.bad_calls_followed_up', 'follow.no_unaddressed_recommendations', 'partner.installed_base_known']);
  });
});

describe('evaluateChecklist', () => {
  it('evaluates derived items from the data, with the evidence', () => {
    const evidence = account({
      surveys: [survey({ id: 'S-9', respondedAt: '2026-05-02T10:00:00', nps: 3 })],
      workOrders: [workOrder({ id: 'WO-7', openedAt: '2026-06-10T09:00:00', promisedAt: '2026-06-10T11:00:00', arrivedAt: '2026-06-10T15:00:00', assetId: 'SN-1' })],
      recommendations: [recommendation({ id: 'R-1', madeAt: '2026-04-01', text: 'Replace the fuser' })],
      assets: [asset({ site: 'HQ', asOf: '2024-01-15' })],
    });
    const result = evaluateChecklist(TEMPLATE, evidence, AS_OF);
    expect(itemOf(result, 'listen.recent_survey')).toMatchObject({ status: 'done', evidence: { refs: [{ type: 'survey', id: 'S-9' }] } });
    expect(itemOf(result, 'listen.detractors_followed_up')).toMatchObject({ status: 'open', evidence: { summary: '1 detractor not called back within 2 days (latest: NPS 3 on 2 May 2026)' } });
    expect(itemOf(result, 'follow.bad_calls_followed_up')).toMatchObject({ status: 'open', evidence: { refs: [{ type: 'work_order', id: 'WO-7' }] } });
    expect(itemOf(result, 'follow.no_unaddressed_recommendations')).toMatchObject({ status: 'open', evidence: { refs: [{ type: 'recommendation', id: 'R-1' }] } });
    expect(itemOf(result, 'partner.installed_base_known')).toMatchObject({ status: 'open', evidence: { summary: 'Not counted in the last 365 days: HQ (15 Jan 2024)' } });
  });

  it('says not applicable where there is nothing to follow up', () => {
    const result = evaluateChecklist(TEMPLATE, account({ surveys: [survey({ respondedAt: '2026-06-01' })] }), AS_OF);
    expect(itemOf(result, 'listen.detractors_followed_up').status).toBe('not_applicable');
    expect(itemOf(result, 'follow.bad_calls_followed_up').status).toBe('not_applicable');
    expect(itemOf(result, 'follow.no_unaddressed_recommendations').status).toBe('done');
  });

  it('takes manual items from ticks, which expire after their validity', () => {
    const evidence = account({
      checklistTicks: [
        tick('know.downtime_cost', '2026-03-01', { note: 'About 4,000 an hour of stopped dispatch' }),
        tick('partner.advice_shared', '2026-01-10'),
        tick('partner.business_review', '2026-05-01', { expiresOn: '2026-06-01' }),
      ],
    });
    const result = evaluateChecklist(TEMPLATE, evidence, AS_OF);
    expect(result.manualAssessed).toBe(true);
    expect(itemOf(result, 'know.downtime_cost')).toMatchObject({ status: 'done', evidence: { doneOn: '2026-03-01', expiresOn: '2027-03-01', note: 'About 4,000 an hour of stopped dispatch', madeAgainstVersion: 1 } });
    // Validity of 92 days: ticked in January, expired by the end of June.
    expect(itemOf(result, 'partner.advice_shared')).toMatchObject({ status: 'expired', evidence: { summary: 'Confirmed on 10 Jan 2026; expired on 12 Apr 2026' } });
    expect(itemOf(result, 'partner.business_review').status).toBe('expired');
    expect(itemOf(result, 'know.plans').status).toBe('open');
  });

  it('reads an edited template: reworded, regrouped, new items, other validity', () => {
    const edited: ChecklistTemplate = {
      version: 2,
      groups: [{ id: 'g', title: 'Our way', items: [{ id: 'know.downtime_cost', text: 'Downtime cost per hour on file', kind: 'manual', validDays: 30 }] }],
    };
    const result = evaluateChecklist(edited, account({ checklistTicks: [tick('know.downtime_cost', '2026-05-01')] }), AS_OF);
    expect(result).toMatchObject({ templateVersion: 2, items: [{ group: 'Our way', text: 'Downtime cost per hour on file', status: 'expired' }] });
  });
});
