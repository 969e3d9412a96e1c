// What happens to recommendations after they are made: later visits remind the customer (or do
// not), the customer decides (or does not), and account reviews add recommendations of their own.

import type { RecommendationStatus } from '../shared/kinds';
import type { AccountContext } from './context';
import type { AccountHistory, Recommendation } from './model';
import type { Random } from './random';
import { dayOfMinute, workdayFrom } from './time';

const DECISIONS: ReadonlyArray<{ status: RecommendationStatus; weight: number }> = [
  { status: 'accepted', weight: 30 },
  { status: 'done', weight: 45 },
  { status: 'declined', weight: 25 },
];

/** Expects the account's visits in the order they were opened. */
export function settleRecommendations(ctx: AccountContext, history: AccountHistory): void {
  const rng = ctx.rng.fork('recommendations');
  const lastDay = lastContactDay(ctx, history);
  for (const visit of history.workOrders) {
    const recommendation = visit.recommendation;
    if (!recommendation) continue;
    if (recommendation.reminders === 'usual') decide(ctx, rng, recommendation, lastDay);
    remindAtLaterVisits(ctx, rng, history, recommendation);
    // Some open ones are in the recommendations file too, acknowledged or not, still undecided.
    if (!recommendation.decision && rng.chance(0.25)) recommendation.decision = { status: 'open', day: null, acknowledged: rng.chance(0.7) };
  }
  history.reviewRecommendations.push(...reviewRecommendations(ctx, rng, lastDay));
}

function lastContactDay(ctx: AccountContext, history: AccountHistory): number {
  return history.quietFrom !== null ? history.quietFrom - 1 : ctx.world.asOfDay;
}

/** The older a recommendation, the likelier the customer has decided: few stay open for months. */
function decisionChance(decisionRate: number, age: number): number {
  if (age <= 30) return decisionRate * 0.4;
  if (age <= 120) return decisionRate;
  return 1 - (1 - decisionRate) * 0.25;
}

function decide(ctx: AccountContext, rng: Random, recommendation: Recommendation, lastDay: number): void {
  const age = ctx.world.asOfDay - recommendation.madeDay;
  if (!rng.chance(decisionChance(ctx.profile.decisionRate, age))) return;
  const day = recommendation.madeDay + rng.int(2, 60);
  if (day > lastDay) return;
  recommendation.decision = { status: rng.weighted(DECISIONS, (d) => d.weight).status, day, acknowledged: true };
}

/** Each later visit while the recommendation is open may raise it again, as the story's policy says. */
function remindAtLaterVisits(ctx: AccountContext, rng: Random, history: AccountHistory, recommendation: Recommendation): void {
  if (recommendation.reminders === 'never') return;
  const made = recommendation.workOrder?.completed ?? recommendation.workOrder?.opened ?? 0;
  const decidedDay = recommendation.decision?.day ?? null;
  const site = recommendation.machine?.site;
  for (const visit of history.workOrders) {
    // The technician at the site is the one who can raise it again.
    if (visit.opened <= made || visit.status === 'cancelled' || visit.machine.site !== site) continue;
    if (decidedDay !== null && dayOfMinute(visit.opened) >= decidedDay) break;
    if (recommendation.reminders === 'always' || rng.chance(ctx.profile.remindRate)) visit.reminded.push(recommendation);
  }
}

/** Made at an account review rather than on a visit: no work order, sometimes no particular machine. */
function reviewRecommendations(ctx: AccountContext, rng: Random, lastDay: number): Recommendation[] {
  const { world } = ctx;
  const choices = world.definition.recommendations.filter((r) => r.origin === 'review');
  if (choices.length === 0 || !rng.chance(0.35)) return [];
  return Array.from({ length: rng.int(1, 2) }, () => {
    const madeDay = workdayFrom(rng.int(world.historyStart + 30, lastDay - 10));
    const decided = madeDay + rng.int(5, 90);
    const status: RecommendationStatus = decided <= lastDay && rng.chance(world.asOfDay - madeDay > 120 ? 0.92 : 0.65) ? rng.weighted(DECISIONS, (d) => d.weight).status : 'open';
    return {
      id: '',
      account: ctx.account,
      definition: rng.pick(choices),
      machine: null,
      workOrder: null,
      madeDay,
      reminders: 'usual' as const,
      decision: { status, day: status === 'open' ? null : decided, acknowledged: status !== 'open' || rng.chance(0.5) },
    };
  });
}
