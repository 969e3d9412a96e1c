import type { AccountEvidence } from '../evidence';
import type {
  ChecklistEvidence,
  ChecklistItemDef,
  ChecklistItemResult,
  ChecklistResult,
  ChecklistRule,
  ChecklistStatus,
  ChecklistTemplate,
} from '../../shared/checklist-types';
import type { EvidenceRef } from '../../shared/scoring-types';
import { addDays, daysBetween, spokenDate } from '../dates';
import { assessVisits, visitsOf, whatWentWrong, visitSubject, type VisitRules, DEFAULT_VISIT_RULES } from '../visits';
import { isDetractor, loopClosed, describeScore } from '../surveys';
import { recommendationStates } from '../recommendations';

type Outcome = { status: ChecklistStatus; evidence: ChecklistEvidence };

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * The partnership checklist of one account on a date: derived items evaluated from the data with
 * their evidence, manual items from the account manager's ticks (expired once past their validity).
 * `evidence` must already be the as-of view.
 */
export function evaluateChecklist(template: ChecklistTemplate, evidence: AccountEvidence, asOf: string, visitRules: VisitRules = DEFAULT_VISIT_RULES): ChecklistResult {
  const items: ChecklistItemResult[] = [];
  const manualAssessed = evidence.checklistTicks.length > 0;
  for (const group of template.groups) {
    for (const item of group.items) {
      const outcome = item.kind === 'derived' ? derive(item, evidence, asOf, visitRules) : manual(item, evidence, asOf);
      items.push({ id: item.id, group: group.title, groupId: group.id, text: item.text, kind: item.kind, status: outcome.status, evidence: outcome.evidence, ...(item.ask ? { ask: item.ask } : {}) });
    }
  }
  return { accountId: evidence.account.id, templateVersion: template.version, asOf, items, manualAssessed };
}

function manual(item: ChecklistItemDef, evidence: AccountEvidence, asOf: string): Outcome {
  const tick = evidence.checklistTicks.filter((t) => t.itemId === item.id).at(-1);
  if (!tick) return { status: 'open', evidence: { summary: 'Not confirmed yet', refs: [] } };
  const expiresOn = tick.expiresOn ?? (item.validDays ? addDays(tick.doneOn, item.validDays) : null);
  const base = { refs: [], doneOn: tick.doneOn, expiresOn, note: tick.note, by: tick.by, madeAgainstVersion: tick.templateVersion };
  if (expiresOn !== null && expiresOn < asOf) {
    return { status: 'expired', evidence: { ...base, summary: `Confirmed on ${spokenDate(tick.doneOn)}; expired on ${spokenDate(expiresOn)}` } };
  }
  return { status: 'done', evidence: { ...base, summary: `Confirmed on ${spokenDate(tick.doneOn)}${tick.by ? ` by ${tick.by}` : ''}${tick.note ? `: ${tick.note}` : ''}` } };
}

const RULES: Record<ChecklistRule, (item: ChecklistItemDef, evidence: AccountEvidence, asOf: string, visitRules: VisitRules) => Outcome> = {
  recent_survey(item, evidence, asOf) {
    const days = item.params?.['days'] ?? 183;
    const latest = evidence.surveys.at(-1);
    if (latest && daysBetween(latest.respondedAt, asOf) <= days) {
      return { status: 'done', evidence: { summary: `Last response on ${spokenDate(latest.respondedAt)}: ${describeScore(latest)}`, refs: [{ type: 'survey', id: latest.id }] } };
    }
    return {
      status: 'open',
      evidence: {
        summary: latest ? `No response since ${spokenDate(latest.respondedAt)}` : 'No survey response on record',
        refs: latest ? [{ type: 'survey', id: latest.id }] : [],
      },
    };
  },

  detractors_followed_up(item, evidence, asOf) {
    const days = item.params?.['days'] ?? 365;
    const within = item.params?.['withinDays'] ?? 2;
    const detractors = evidence.surveys.filter((s) => isDetractor(s) && daysBetween(s.respondedAt, asOf) <= days);
    if (detractors.length === 0) return { status: 'not_applicable', evidence: { summary: `No detractor in the last ${days} days`, refs: [] } };
    const missed = detractors.filter((s) => !loopClosed(s, within));
    if (missed.length === 0) return { status: 'done', evidence: { summary: `${plural(detractors.length, 'detractor')}, every one called back within ${within} days`, refs: detractors.map(surveyRef) } };
    return {
      status: 'open',
      evidence: {
        summary: `${plural(missed.length, 'detractor')} not called back within ${within} days (latest: ${describeScore(missed.at(-1)!)} on ${spokenDate(missed.at(-1)!.respondedAt)})`,
        refs: missed.map(surveyRef),
      },
    };
  },

  bad_calls_followed_up(item, evidence, asOf, visitRules) {
    const days = item.params?.['days'] ?? 90;
    const bad = assessVisits(evidence.workOrders, asOf, visitRules).filter((a) => a.bad && a.ageDays <= days);
    if (bad.length === 0) return { status: 'not_applicable', evidence: { summary: `No bad call in the last ${days} days`, refs: [] } };
    const missed = bad.filter((a) => !a.followedUp);
    if (missed.length === 0) return { status: 'done', evidence: { summary: `${plural(bad.length, 'bad call')}, each followed up within one business day`, refs: bad.map((a) => workOrderRef(a.visit.id)) } };
    const last = missed.at(-1)!;
    return {
      status: 'open',
      evidence: {
        summary: `${plural(missed.length, 'bad call')} of ${bad.length} not followed up within one business day (latest: ${whatWentWrong(last)} on ${visitSubject(last.visit)}, ${spokenDate(last.visit.openedAt)})`,
        refs: missed.map((a) => workOrderRef(a.visit.id)),
      },
    };
  },

  no_unaddressed_recommendations(item, evidence, asOf) {
    const days = item.params?.['days'] ?? 30;
    const states = recommendationStates(evidence.recommendations, visitsOf(evidence.workOrders));
    const open = states.filter((s) => s.status === 'open');
    const stale = open.filter((s) => daysBetween(s.recommendation.madeAt, asOf) > days);
    if (stale.length === 0) {
      return { status: 'done', evidence: { summary: open.length ? `${plural(open.length, 'open recommendation')}, none older than ${days} days` : 'No open recommendation', refs: open.map((s) => recommendationRef(s.recommendation.id)) } };
    }
    const oldest = stale[0]!;
    return {
      status: 'open',
      evidence: {
        summary: `${plural(stale.length, 'recommendation')} open for more than ${days} days without the customer's decision (oldest: "${oldest.recommendation.text}", ${spokenDate(oldest.recommendation.madeAt)})`,
        refs: stale.map((s) => recommendationRef(s.recommendation.id)),
      },
    };
  },

  installed_base_recent(item, evidence, asOf) {
    const days = item.params?.['days'] ?? 365;
    if (evidence.assets.length === 0) return { status: 'open', evidence: { summary: 'No installed base on record', refs: [] } };
    const sites = new Map<string, string>();
    for (const a of evidence.assets) {
      const site = a.site ?? 'the account';
      const known = a.asOf ?? evidence.footprint.at(-1)?.recordedOn ?? null;
      if (known && (sites.get(site) ?? '') < known) sites.set(site, known);
      else if (!sites.has(site)) sites.set(site, known ?? '');
    }
    const old = [...sites].filter(([, known]) => known === '' || daysBetween(known, asOf) > days);
    if (old.length === 0) return { status: 'done', evidence: { summary: `${plural(sites.size, 'site')}, each counted in the last ${days} days`, refs: [] } };
    return {
      status: 'open',
      evidence: {
        summary: `Not counted in the last ${days} days: ${old.map(([site, known]) => (known ? `${site} (${spokenDate(known)})` : site)).join(', ')}`,
        refs: old.map(([site]) => ({ type: 'site' as const, id: site })),
      },
    };
  },
};

function derive(item: ChecklistItemDef, evidence: AccountEvidence, asOf: string, visitRules: VisitRules): Outcome {
  if (!item.rule || !RULES[item.rule]) return { status: 'not_applicable', evidence: { summary: `Unknown rule ${item.rule ?? ''}`, refs: [] } };
  return RULES[item.rule](item, evidence, asOf, visitRules);
}

const surveyRef = (s: { id: string }): EvidenceRef => ({ type: 'survey', id: s.id });
const workOrderRef = (id: string): EvidenceRef => ({ type: 'work_order', id });
const recommendationRef = (id: string): EvidenceRef => ({ type: 'recommendation', id });

