// The scenes that make each story recognisable (DOMAIN.md, "The ideas the product is built on").
// castStory shapes the installed base before the routine visits are drawn; playStory then adds the
// story's own visits and survey responses, and clears away what would blur it.

import { nextSerial, type AccountContext } from './context';
import type { VendorDefinition } from './definition';
import type { AccountHistory, Machine, WorkOrder } from './model';
import { majorRepair, makeVisit, newRecommendation, pickRecommendation, type Fault } from './service';
import { at, dayOfMinute, workdayFrom, workdayUntil } from './time';

/** The machine a story happens to. */
export interface StoryCast {
  readonly machine: Machine;
}

export function castStory(ctx: AccountContext, machines: Machine[]): StoryCast {
  const { story } = ctx.account;
  const machine = leadMachine(ctx, machines);
  switch (story) {
    case 'ignored_recommendation':
      makeOldAndOffContract(ctx, machine);
      break;
    case 'fix_or_replace':
      makeOldAndOffContract(ctx, machine);
      overwork(ctx, machines.find((m) => m !== machine && m.servicedBy === 'us' && m.quantity === 1) ?? machine);
      break;
    case 'footprint_loss':
      loseFootprint(ctx, machines, machine);
      break;
    default:
      break;
  }
  return { machine };
}

export function playStory(ctx: AccountContext, history: AccountHistory, cast: StoryCast): void {
  switch (ctx.account.story) {
    case 'ignored_recommendation':
      return ignoredRecommendation(ctx, history, cast.machine);
    case 'reminded_recommendation':
      return remindedRecommendation(ctx, history, cast.machine);
    case 'bad_calls_in_a_row':
      return badCallsInARow(ctx, history, cast.machine);
    case 'detractor_ignored':
      return recentDetractor(ctx, history, cast.machine, false);
    case 'detractor_followed_up':
      return recentDetractor(ctx, history, cast.machine, true);
    case 'good_year_then_bad_call':
      return lastCall(ctx, history, cast.machine, 'bad');
    case 'bad_year_then_great_call':
      return lastCall(ctx, history, cast.machine, 'great');
    case 'silent':
      return fallSilent(ctx, history);
    case 'fix_or_replace':
      return repeatedBreakdowns(ctx, history, cast.machine);
    case 'healthy':
    case 'satisfied_not_loyal':
    case 'renewal_weak_service':
    case 'footprint_loss':
      // The profile tells these stories: the fleet, the everyday service, the surveys, the renewal date.
      return;
  }
}

/** The account's first machine: ours, serviced by us, there for the whole history (see installed-base.ts). */
function leadMachine(ctx: AccountContext, machines: readonly Machine[]): Machine {
  const lead = machines.find((m) => m.servicedBy === 'us' && m.installDay < ctx.world.historyStart);
  if (!lead) throw new Error(`account ${ctx.account.id} has no machine to tell its story with`);
  return lead;
}

/** Off warranty, left out of the contract: the customer pays time and materials for every visit. */
function makeOldAndOffContract(ctx: AccountContext, machine: Machine): void {
  machine.installDay = ctx.world.asOfDay - ctx.rng.int(6 * 365, 8 * 365);
  machine.warrantyEndDay = machine.installDay + machine.category.warrantyDays;
  machine.timeAndMaterials = true;
}

/** Used beyond its rated volume: an observed buying signal. */
function overwork(ctx: AccountContext, machine: Machine): void {
  machine.actual = Math.round((machine.rated * ctx.rng.real(1.3, 1.7)) / 10) * 10;
  machine.actualEarlier = Math.round((machine.rated * ctx.rng.real(1.1, 1.3)) / 10) * 10;
}

/**
 * Since the earlier installed base, some of our machines went to a competitor's service, others
 * were replaced by a vendor the account never had: together a fifth or more of what we serviced.
 */
function loseFootprint(ctx: AccountContext, machines: Machine[], keep: Machine): void {
  const { world, rng } = ctx;
  const ours = (): Machine[] => machines.filter((m) => m !== keep && m.ours && m.servicedBy === 'us');
  // No new machines of ours this year to make up for the loss.
  for (const machine of ours()) {
    if (machine.installDay >= world.earlierDay - 30) moveInstall(machine, world.earlierDay - rng.int(60, 400));
  }
  while (ours().length < 4) machines.push(copyMachine(ctx, keep, world.earlierDay - rng.int(200, 900)));
  const ourQuantity = ours().reduce((sum, m) => sum + m.quantity, keep.quantity);
  const lossDay = rng.int(world.earlierDay + 30, world.asOfDay - 60);
  const present = new Set(machines.map((m) => m.vendor));
  const absent = world.competitors.filter((v) => !present.has(v.name));
  const newcomer = rng.pick(absent.length > 0 ? absent : world.competitors);
  const candidates = rng.shuffle(ours());
  let lost = 0;
  // At least one of each kind of loss, alternating, until a fifth is gone.
  for (let i = 0; i < candidates.length && (i < 2 || lost < 0.2 * ourQuantity); i++) {
    const machine = candidates[i]!;
    lost += machine.quantity;
    if (i % 2 === 0) machine.lostToCompetitorDay = lossDay + rng.int(0, 20);
    else machines.push(replaceWith(ctx, machine, newcomer, lossDay + rng.int(0, 30)));
  }
}

function moveInstall(machine: Machine, installDay: number): void {
  machine.installDay = installDay;
  machine.warrantyEndDay = installDay + machine.category.warrantyDays;
}

/** Takes the machine away on `day` and puts the newcomer's in its place. */
function replaceWith(ctx: AccountContext, machine: Machine, newcomer: VendorDefinition, day: number): Machine {
  const { world, rng } = ctx;
  machine.goneDay = day;
  const sameKind = newcomer.models.filter((m) => m.category === machine.category.name);
  const model = rng.pick(sameKind.length > 0 ? sameKind : newcomer.models);
  const category = world.categories.get(model.category) ?? machine.category;
  return {
    ...machine,
    id: nextSerial(world, newcomer, rng),
    vendor: newcomer.name,
    model: model.model,
    category,
    ours: false,
    servicedBy: 'competitor',
    installDay: day,
    warrantyEndDay: day + category.warrantyDays,
    rated: model.rated_monthly_volume,
    actual: Math.round((model.rated_monthly_volume * rng.real(0.3, 0.8)) / 10) * 10,
    actualEarlier: 0,
    timeAndMaterials: false,
    goneDay: null,
    lostToCompetitorDay: null,
  };
}

/** Another machine of ours like `like`, installed on another day. */
function copyMachine(ctx: AccountContext, like: Machine, installDay: number): Machine {
  return {
    ...like,
    id: nextSerial(ctx.world, ctx.world.ourVendor, ctx.rng),
    installDay,
    warrantyEndDay: installDay + like.category.warrantyDays,
  };
}

/** Drops the routine visits a scene replaces. */
function dropVisits(history: AccountHistory, unwanted: (visit: WorkOrder) => boolean): void {
  history.workOrders = history.workOrders.filter((visit) => !unwanted(visit));
}

const visitDay = (visit: WorkOrder): number => dayOfMinute(visit.opened);

/** Days spread evenly between two days, on workdays. */
function spread(from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => workdayFrom(from + Math.round(((i + 1) * (to - from)) / (count + 1))));
}

/**
 * The technician flags a failing part, the customer signs, the technician comes back two or three
 * times and never mentions it, and then the machine fails (DOMAIN.md idea 3).
 */
function ignoredRecommendation(ctx: AccountContext, history: AccountHistory, machine: Machine): void {
  const { rng, world, account } = ctx;
  const madeDay = workdayFrom(world.asOfDay - rng.int(150, 230));
  const failDay = workdayUntil(world.asOfDay - rng.int(15, 45));
  dropVisits(history, (v) => v.machine === machine && visitDay(v) >= madeDay - 25);
  const warning = pickRecommendation(ctx, machine, (r) => r.severity === 'high' || r.severity === 'critical');
  const [flagged] = makeVisit(ctx, { machine, type: 'preventive', day: madeDay, quality: 'good', technician: account.technician, signed: true });
  if (!flagged || !warning) throw new Error(`account ${account.id}: no visit or recommendation for the ignored warning`);
  flagged.recommendation = newRecommendation(ctx, warning, flagged, 'never');
  const revisits = spread(madeDay + 10, failDay - 10, rng.int(2, 3)).flatMap((day) =>
    makeVisit(ctx, { machine, type: 'preventive', day, quality: 'good', technician: account.technician }),
  );
  const failure = majorRepair(ctx, machine, failDay, account.technician);
  history.workOrders.push(flagged, ...revisits, failure);
  history.storySurveys.push({ day: dayOfMinute(failure.completed ?? failure.opened) + rng.int(1, 3), nps: rng.int(0, 3), workOrder: failure, comment: 'failure', followUp: 'usual' });
}

/** The contrast: an open recommendation that every later visit raised again. */
function remindedRecommendation(ctx: AccountContext, history: AccountHistory, machine: Machine): void {
  const { rng, world, account } = ctx;
  const madeDay = workdayFrom(world.asOfDay - rng.int(70, 160));
  const advice = pickRecommendation(ctx, machine, (r) => r.severity === 'medium' || r.severity === 'high');
  const [flagged] = makeVisit(ctx, { machine, type: 'preventive', day: madeDay, quality: 'good', technician: account.technician, signed: true });
  if (!flagged || !advice) throw new Error(`account ${account.id}: no visit or recommendation to remind of`);
  flagged.recommendation = newRecommendation(ctx, advice, flagged, 'always');
  const revisits = spread(madeDay + 10, world.asOfDay - 5, rng.int(2, 3)).flatMap((day) =>
    makeVisit(ctx, { machine, type: 'inspection', day, quality: 'good', technician: account.technician }),
  );
  history.workOrders.push(flagged, ...revisits);
}

/** Two or three bad calls in the last two months, one after the other, and nobody followed up. */
function badCallsInARow(ctx: AccountContext, history: AccountHistory, machine: Machine): void {
  const { rng, world } = ctx;
  const count = rng.int(2, 3);
  const faults = rng.shuffle<readonly Fault[]>([['not_fixed'], ['late', 'parts_missing'], ['late']]);
  let day = workdayFrom(world.asOfDay - rng.int(48, 57));
  for (let i = 0; i < count; i++) {
    history.workOrders.push(...makeVisit(ctx, { machine, type: 'break_fix', day, faults: faults[i]!, followUp: 'none', returnVisit: false }));
    day = workdayFrom(day + rng.int(8, 18));
  }
}

/** A recent detractor after a bad visit: called back within two days, or not at all. */
function recentDetractor(ctx: AccountContext, history: AccountHistory, machine: Machine, calledBack: boolean): void {
  const { rng, world } = ctx;
  const surveyDay = world.asOfDay - rng.int(5, 30);
  const [visit] = makeVisit(ctx, { machine, type: 'break_fix', day: workdayUntil(surveyDay - rng.int(1, 4)), quality: 'bad', returnVisit: false });
  if (visit) history.workOrders.push(visit);
  history.storySurveys.push({
    day: surveyDay,
    nps: rng.int(1, 5),
    workOrder: visit ?? null,
    comment: 'bad',
    followUp: calledBack ? 'within_two_days' : 'none',
  });
}

/** "Only as good as the last service call": a recent call unlike the year before it, and the survey that followed. */
function lastCall(ctx: AccountContext, history: AccountHistory, machine: Machine, quality: 'bad' | 'great'): void {
  const { rng, world } = ctx;
  const day = workdayUntil(world.asOfDay - rng.int(6, 20));
  // Booked visits are opened weeks ahead: what counts is when they happen.
  dropVisits(history, (v) => dayOfMinute(Math.max(v.opened, v.arrived ?? v.promised ?? v.opened, v.followUp ?? v.opened)) >= day - 3);
  const [visit] = makeVisit(ctx, {
    machine,
    type: 'break_fix',
    day,
    quality,
    ...(quality === 'bad' ? { faults: ['late', 'parts_missing'] as const } : {}),
    returnVisit: false,
  });
  if (!visit) return;
  history.workOrders.push(visit);
  history.routineSurveysUntil = day;
  const doneDay = dayOfMinute(visit.completed ?? visit.opened);
  history.storySurveys.push({
    day: Math.min(world.asOfDay, doneDay + rng.int(1, 3)),
    nps: quality === 'bad' ? rng.int(2, 5) : rng.int(9, 10),
    workOrder: visit,
    comment: quality === 'bad' ? 'bad' : 'good',
    followUp: 'usual',
  });
}

/** No visit, no survey, no follow-up for half a year or more. */
function fallSilent(ctx: AccountContext, history: AccountHistory): void {
  const quietFrom = ctx.world.asOfDay - ctx.rng.int(185, 320);
  const end = at(quietFrom, 0);
  dropVisits(history, (v) => Math.max(v.opened, v.completed ?? 0, v.arrived ?? 0) >= end);
  for (const visit of history.workOrders) if (visit.followUp !== null && visit.followUp >= end) visit.followUp = null;
  history.quietFrom = quietFrom;
}

/** Three or four breakdowns of one old machine within six months: fix, or replace? */
function repeatedBreakdowns(ctx: AccountContext, history: AccountHistory, machine: Machine): void {
  const { rng, world } = ctx;
  const notes = world.definition.workOrderNotes;
  const days = spread(world.asOfDay - rng.int(160, 175), world.asOfDay - 4, rng.int(3, 4));
  days.forEach((day, i) => {
    const last = i === days.length - 1;
    const note = `${rng.pick(notes.repeat_failure)}${last ? ` ${rng.pick(notes.buying_signal)}` : ''}`;
    history.workOrders.push(...makeVisit(ctx, { machine, type: 'break_fix', day, quality: 'good', notes: note }));
  });
}
