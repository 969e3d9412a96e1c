// Survey responses: transactional ones after some visits, scored by how the visit went and the
// account's mood, twice-yearly relationship ones, and the ones a story needs.

import type { AccountContext } from './context';
import type { AccountHistory, CallQuality, StorySurvey, SurveyResponse, WorkOrder } from './model';
import type { Random } from './random';
import { addBusinessMinutes, at, dayOfMinute, MINUTES_PER_DAY } from './time';

const RELATIONSHIP_EVERY_DAYS = 182;
const COMMENT_SHARE = 0.35;

export function buildSurveys(ctx: AccountContext, history: AccountHistory): SurveyResponse[] {
  const rng = ctx.rng.fork('surveys');
  const mood = ctx.profile.mood + rng.normal(0, 0.5);
  const until = Math.min(history.routineSurveysUntil ?? Infinity, history.quietFrom ?? Infinity, ctx.world.asOfDay + 1);
  // Nothing after the as-of date, and a silent account hears nothing from us either.
  const lastMinute = at(history.quietFrom ?? ctx.world.asOfDay + 1, 0) - 1;
  const out: SurveyResponse[] = [];
  for (const visit of history.workOrders) {
    const answer = afterVisit(ctx, rng, visit, mood, until, lastMinute);
    if (answer) out.push(answer);
  }
  if (rng.chance(0.7)) {
    for (let day = ctx.world.historyStart + rng.int(20, 120); day < until; day += RELATIONSHIP_EVERY_DAYS + rng.int(-20, 20)) {
      const responded = at(day, rng.int(8 * 60, 21 * 60));
      out.push(response(ctx, rng, { responded, nps: npsFor(ctx, rng, mood, 'good'), workOrder: null, transactional: false, lastMinute }));
    }
  }
  for (const story of history.storySurveys) out.push(storyResponse(ctx, rng, story, lastMinute));
  return out;
}

function afterVisit(ctx: AccountContext, rng: Random, visit: WorkOrder, mood: number, until: number, lastMinute: number): SurveyResponse | null {
  if (visit.status === 'cancelled' || visit.type === 'inspection' || visit.type === 'other') return null;
  if (!rng.chance(ctx.profile.surveyResponseRate)) return null;
  const done = visit.completed ?? visit.arrived ?? visit.opened;
  const responded = Math.max(done + 60, at(dayOfMinute(done) + rng.int(0, 4), rng.int(7 * 60, 21 * 60)));
  if (dayOfMinute(responded) >= until) return null;
  // Now and then a response is only a comment, without a score.
  if (rng.chance(0.01)) return response(ctx, rng, { responded, nps: null, workOrder: visit, transactional: true, comment: 'neutral', lastMinute });
  return response(ctx, rng, { responded, nps: npsFor(ctx, rng, mood, visit.quality), workOrder: visit, transactional: true, lastMinute });
}

/** Bad calls cost points; a satisfied-but-not-loyal account stays delighted whatever happens. */
function npsFor(ctx: AccountContext, rng: Random, mood: number, quality: CallQuality): number {
  if (ctx.account.story === 'satisfied_not_loyal') return rng.int(9, 10);
  const effect = quality === 'bad' ? -3.5 : quality === 'great' ? 0.8 : 0;
  return clamp(Math.round(rng.normal(mood + effect, 1.1)), 0, 10);
}

function storyResponse(ctx: AccountContext, rng: Random, story: StorySurvey, lastMinute: number): SurveyResponse {
  const done = story.workOrder ? (story.workOrder.completed ?? story.workOrder.arrived ?? story.workOrder.opened) : 0;
  const responded = Math.min(at(ctx.world.asOfDay, 20 * 60), Math.max(done + 120, at(story.day, rng.int(8 * 60, 19 * 60))));
  return response(ctx, rng, {
    responded,
    nps: story.nps,
    workOrder: story.workOrder,
    transactional: true,
    comment: story.comment,
    followUp: story.followUp,
    lastMinute,
  });
}

interface ResponseSpec {
  readonly responded: number;
  readonly nps: number | null;
  readonly workOrder: WorkOrder | null;
  /** Transactional surveys ask CSAT (and sometimes effort) besides NPS. */
  readonly transactional: boolean;
  /** Always write a comment of this kind. */
  readonly comment?: StorySurvey['comment'];
  readonly followUp?: StorySurvey['followUp'];
  /** No follow-up after this minute. */
  readonly lastMinute: number;
}

function response(ctx: AccountContext, rng: Random, spec: ResponseSpec): SurveyResponse {
  const { nps } = spec;
  const csat = nps !== null && spec.transactional && rng.chance(0.8) ? clamp(Math.round(1 + nps * 0.4 + rng.normal(0, 0.35)), 1, 5) : null;
  const ces = nps !== null && spec.transactional && rng.chance(0.4) ? clamp(Math.round(1 + nps * 0.6 + rng.normal(0, 0.5)), 1, 7) : null;
  const kind = spec.comment ?? (rng.chance(COMMENT_SHARE) && nps !== null ? commentKind(nps) : null);
  const detractor = (nps !== null && nps <= 6) || (csat !== null && csat <= 2);
  return {
    id: '',
    account: ctx.account,
    responded: spec.responded,
    nps,
    csat,
    ces,
    contact: rng.pick(ctx.account.contacts),
    workOrder: spec.workOrder,
    comment: kind ? rng.pick(ctx.world.definition.surveyComments[kind]) : '',
    followUp: detractor ? followUpFor(ctx, rng, spec, spec.followUp ?? 'usual') : null,
  };
}

function commentKind(nps: number): 'good' | 'neutral' | 'bad' {
  return nps >= 9 ? 'good' : nps >= 7 ? 'neutral' : 'bad';
}

/** Someone calls a detractor back within two days, later, or never, as the account's habit or the story says. */
function followUpFor(ctx: AccountContext, rng: Random, spec: ResponseSpec, policy: StorySurvey['followUp']): number | null {
  if (policy === 'none') return null;
  const { responded } = spec;
  const quick = policy === 'within_two_days' || rng.chance(0.85);
  if (policy === 'usual' && !rng.chance(ctx.profile.detractorFollowUpRate)) return null;
  let followUp = quick ? addBusinessMinutes(responded, rng.int(30, 900)) : addBusinessMinutes(responded, rng.int(1800, 4000));
  if (quick && followUp - responded >= 2 * MINUTES_PER_DAY) followUp = responded + rng.int(45, 600);
  return followUp <= spec.lastMinute ? followUp : null;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
