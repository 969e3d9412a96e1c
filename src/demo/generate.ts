// The built-in demo portfolio: a definition (resources/demo/portfolio.json) and an as-of date in,
// the files an account manager would import out, in import order. Pure and deterministic: the same
// definition and date give the same bytes, and every date is an offset from the as-of date.

import type { Kind } from '../shared/kinds';
import { buildAccounts } from './accounts';
import { isPresent, makeWorld, type AccountContext, type World } from './context';
import { checkDefinition, type DemoDefinition } from './definition';
import { buildInstalledBase } from './installed-base';
import type { Account, AccountHistory, Recommendation, SurveyResponse, WorkOrder } from './model';
import { PROFILES } from './profiles';
import { Random } from './random';
import { settleRecommendations } from './recommendations';
import { accountRecord, assetRecord, header, recommendationRecord, rowOf, surveyRecord, workOrderRecord } from './rows';
import { routineVisits } from './service';
import { castStory, playStory } from './stories';
import { buildSurveys } from './surveys';
import { formatDay } from './time';

export type { DemoDefinition };

export interface DemoFile {
  name: string;
  kind: Kind;
  /** rows[0] is the header: the canonical field names of the kind. */
  rows: string[][];
}

export function generateDemo(definition: DemoDefinition, asOf: string): DemoFile[] {
  checkDefinition(definition);
  const world = makeWorld(definition, asOf);
  const root = new Random(definition.seed);
  const accounts = buildAccounts(world, root.fork('accounts'));
  const histories = accounts.map((account) => buildHistory(world, account, root.fork('account', account.index)));
  const ordered = assignIds(histories);
  return [
    accountsFile(world, histories),
    assetsFile(world, histories, world.earlierDay),
    assetsFile(world, histories, world.asOfDay),
    workOrdersFile(ordered.visits),
    recommendationsFile(histories, ordered.visits),
    surveysFile(ordered.responses),
  ];
}

function buildHistory(world: World, account: Account, rng: Random): AccountHistory {
  const ctx: AccountContext = { world, account, profile: PROFILES[account.story], rng, visitCount: 0 };
  const machines = buildInstalledBase(ctx);
  const cast = castStory(ctx, machines);
  const history: AccountHistory = {
    account,
    machines,
    workOrders: routineVisits(ctx, machines),
    reviewRecommendations: [],
    surveys: [],
    storySurveys: [],
    quietFrom: null,
    routineSurveysUntil: null,
  };
  playStory(ctx, history, cast);
  history.workOrders.sort((a, b) => a.opened - b.opened || a.seq - b.seq);
  settleRecommendations(ctx, history);
  history.surveys = buildSurveys(ctx, history);
  return history;
}

interface Ordered {
  readonly visits: readonly WorkOrder[];
  readonly responses: readonly SurveyResponse[];
}

/** Ids follow time across the portfolio, as a real system's counters would; the files list rows in that order. */
function assignIds(histories: readonly AccountHistory[]): Ordered {
  const visits = histories.flatMap((h) => h.workOrders).sort((a, b) => a.opened - b.opened || a.account.index - b.account.index || a.seq - b.seq);
  visits.forEach((visit, i) => {
    visit.id = `WO-${String(100_001 + i).padStart(7, '0')}`;
    if (visit.recommendation) visit.recommendation.id = visit.id;
  });
  const reviews = histories.flatMap((h) => h.reviewRecommendations).sort((a, b) => a.madeDay - b.madeDay);
  reviews.forEach((recommendation, i) => (recommendation.id = `REC-${String(i + 1).padStart(5, '0')}`));
  // Stable sort: responses given in the same minute keep the order of their accounts.
  const responses = histories.flatMap((h) => h.surveys).sort((a, b) => a.responded - b.responded);
  responses.forEach((response, i) => (response.id = `R-${String(i + 1).padStart(6, '0')}`));
  return { visits, responses };
}

function accountsFile(world: World, histories: readonly AccountHistory[]): DemoFile {
  const columns = header('accounts');
  return { name: 'accounts.csv', kind: 'accounts', rows: [columns, ...histories.map((h) => rowOf(columns, accountRecord(h.account, h, world)))] };
}

function assetsFile(world: World, histories: readonly AccountHistory[], asOf: number): DemoFile {
  const columns = header('assets');
  const earlier = asOf !== world.asOfDay;
  const rows = histories.flatMap((h) =>
    h.machines.filter((m) => isPresent(m, asOf)).map((m) => rowOf(columns, assetRecord(m, h.account, asOf, earlier))),
  );
  return { name: `installed-base-${formatDay(asOf)}.csv`, kind: 'assets', rows: [columns, ...rows] };
}

function workOrdersFile(visits: readonly WorkOrder[]): DemoFile {
  const columns = header('service');
  return { name: 'work-orders.csv', kind: 'service', rows: [columns, ...visits.map((v) => rowOf(columns, workOrderRecord(v)))] };
}

/** Decisions on work-order recommendations, and the recommendations made at account reviews. */
function recommendationsFile(histories: readonly AccountHistory[], visits: readonly WorkOrder[]): DemoFile {
  const columns = header('recommendations');
  const fromVisits = visits.flatMap((v) => (v.recommendation?.decision ? [v.recommendation] : []));
  const all: Recommendation[] = [...fromVisits, ...histories.flatMap((h) => h.reviewRecommendations)];
  // Stable sort: on the same day, work-order recommendations first, in id order.
  all.sort((a, b) => a.madeDay - b.madeDay);
  return { name: 'recommendations.csv', kind: 'recommendations', rows: [columns, ...all.map((r) => rowOf(columns, recommendationRecord(r)))] };
}

function surveysFile(responses: readonly SurveyResponse[]): DemoFile {
  const columns = header('surveys');
  return { name: 'surveys.csv', kind: 'surveys', rows: [columns, ...responses.map((r) => rowOf(columns, surveyRecord(r)))] };
}
