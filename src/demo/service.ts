// Work orders: the routine life of every machine we service (installs, preventive maintenance,
// breakdowns, the odd inspection) and the single visits the stories call for.

import type { WorkOrderType } from '../shared/kinds';
import { coverageOn, ourServiceDays, type AccountContext } from './context';
import type { RecommendationDefinition } from './definition';
import type { CallQuality, Machine, Recommendation, ReminderPolicy, WorkOrder } from './model';
import type { Random } from './random';
import { addBusinessMinutes, addWorkdays, at, dayOfMinute, nearestWorkday, workdayFrom } from './time';

export type Fault = 'late' | 'not_fixed' | 'parts_missing';

export interface VisitPlan {
  readonly machine: Machine;
  readonly type: WorkOrderType;
  readonly day: number;
  /** 'routine' draws faults from the account's profile; the others are what a story needs. */
  readonly quality?: 'routine' | CallQuality;
  /** Exactly these faults (a story's bad call). */
  readonly faults?: readonly Fault[];
  readonly technician?: string;
  /** 'none': nobody follows this call up, whatever the account's habit. */
  readonly followUp?: 'usual' | 'none';
  /** Whether a call that did not fix the machine brings a return visit (default: yes). */
  readonly returnVisit?: boolean;
  readonly signed?: boolean;
  readonly notes?: string;
}

const CANCELLED_SHARE = 0.012;
/** Preventive visits are booked for these times of day. */
const APPOINTMENTS = [8 * 60, 8 * 60 + 30, 9 * 60, 10 * 60, 11 * 60, 13 * 60, 14 * 60];
const INSTALL_HOURS = { min: 2, max: 6 };
const INSPECTION_HOURS = { min: 0.5, max: 1.5 };
const INSPECTIONS_PER_YEAR = 0.1;
const MIN_DAYS_BETWEEN_BREAKDOWNS = 75;
/** Booked visits are opened this many days ahead at most. */
const BOOKED_AHEAD_DAYS = 21;

/** Every routine visit to the machines we service, over the history. */
export function routineVisits(ctx: AccountContext, machines: readonly Machine[]): WorkOrder[] {
  const out: WorkOrder[] = [];
  for (const machine of machines) {
    for (const plan of routinePlans(ctx, machine)) {
      const visits = makeVisit(ctx, plan);
      const first = visits[0];
      if (first) maybeRecommend(ctx, first);
      out.push(...visits);
    }
  }
  return out;
}

function routinePlans(ctx: AccountContext, machine: Machine): VisitPlan[] {
  const { world, rng } = ctx;
  const span = ourServiceDays(world, machine);
  if (!span) return [];
  const plans: Array<{ type: WorkOrderType; day: number }> = [];
  if (machine.ours && machine.installDay >= world.historyStart) plans.push({ type: 'install', day: machine.installDay });
  const category = machine.category;
  const every = category.preventiveEveryDays;
  for (let d = span.from + rng.int(3, every); d <= span.to; d += every + rng.int(-10, 10)) plans.push({ type: 'preventive', day: d });
  const breakdowns = category.breakdownsPerYear * ageFactor(machine, world.asOfDay) * (machine.actual > machine.rated ? 1.4 : 1) * Math.sqrt(Math.min(machine.quantity, 4));
  // Breakdowns of a serviced machine rarely come in clusters: repeated ones are the stories' signal.
  for (let d = span.from + rng.gapDays(breakdowns); d <= span.to; d += rng.gapDays(breakdowns, MIN_DAYS_BETWEEN_BREAKDOWNS)) {
    plans.push({ type: 'break_fix', day: d });
  }
  for (let d = span.from + rng.gapDays(INSPECTIONS_PER_YEAR); d <= span.to; d += rng.gapDays(INSPECTIONS_PER_YEAR)) plans.push({ type: 'inspection', day: d });
  // Booked visits are opened weeks ahead: none is booked before the history starts.
  const firstBooked = world.historyStart + BOOKED_AHEAD_DAYS;
  // A breakdown over the weekend is reported on Monday; booked visits fall on the nearest workday.
  return plans
    .map((p) => ({ machine, type: p.type, day: p.type === 'break_fix' || p.type === 'install' ? workdayFrom(p.day) : nearestWorkday(p.day) }))
    .filter((p) => p.day <= span.to && (p.type === 'break_fix' || p.day >= firstBooked))
    .sort((a, b) => a.day - b.day);
}

/** Old machines break down more. */
function ageFactor(machine: Machine, day: number): number {
  const years = (day - machine.installDay) / 365;
  return years > 6 ? 1.3 : years > 4 ? 1.15 : 1;
}

/** A technician writes a recommendation on some visits, more often on old or overworked machines. */
function maybeRecommend(ctx: AccountContext, visit: WorkOrder): void {
  if (visit.status !== 'completed' || visit.type === 'install' || visit.type === 'other') return;
  const { machine } = visit;
  const old = dayOfMinute(visit.opened) - machine.installDay > 5 * 365;
  const chance = 0.03 + (old ? 0.03 : 0) + (machine.actual > machine.rated ? 0.03 : 0);
  if (!ctx.rng.chance(chance)) return;
  const definition = pickRecommendation(ctx, machine, () => true);
  if (definition) visit.recommendation = newRecommendation(ctx, definition, visit, 'usual');
}

export function pickRecommendation(
  ctx: AccountContext,
  machine: Machine,
  wanted: (r: RecommendationDefinition) => boolean,
): RecommendationDefinition | null {
  const fitting = ctx.world.definition.recommendations.filter(
    (r) => r.origin === 'visit' && (!r.appliesTo || r.appliesTo.includes(machine.category.name)) && wanted(r),
  );
  return fitting.length > 0 ? ctx.rng.pick(fitting) : null;
}

export function newRecommendation(ctx: AccountContext, definition: RecommendationDefinition, visit: WorkOrder, reminders: ReminderPolicy): Recommendation {
  return {
    id: '',
    account: ctx.account,
    definition,
    machine: visit.machine,
    workOrder: visit,
    madeDay: dayOfMinute(visit.completed ?? visit.arrived ?? visit.opened),
    reminders,
    decision: null,
  };
}

/** One visit as planned, and the return visit a call that did not fix the machine brings. Nothing after the as-of date. */
export function makeVisit(ctx: AccountContext, plan: VisitPlan): WorkOrder[] {
  const { rng } = ctx;
  const quality = plan.quality ?? 'routine';
  if (quality === 'routine' && (plan.type === 'break_fix' || plan.type === 'preventive') && rng.chance(CANCELLED_SHARE)) {
    return [cancelledVisit(ctx, plan)];
  }
  const faults = new Set(plan.faults ?? faultsFor(ctx, plan.type, quality));
  const visit = completedVisit(ctx, plan, faults, quality === 'great');
  if (!visit) return [];
  const needsReturn = faults.has('not_fixed') || faults.has('parts_missing');
  if (!needsReturn || plan.returnVisit === false) return [visit];
  const returnDay = addWorkdays(plan.day, rng.int(1, 4));
  if (returnDay > ctx.world.asOfDay - 2) return [visit];
  const back = makeVisit(ctx, {
    machine: plan.machine,
    type: plan.type === 'break_fix' ? 'break_fix' : 'other',
    day: returnDay,
    quality: 'good',
    technician: visit.technician,
    returnVisit: false,
    notes: rng.pick(ctx.world.definition.workOrderNotes.return_visit),
  });
  return [visit, ...back];
}

function faultsFor(ctx: AccountContext, type: WorkOrderType, quality: 'routine' | CallQuality): Fault[] {
  const { rng } = ctx;
  if (quality === 'good' || quality === 'great') return [];
  if (quality === 'bad') {
    const faults: Fault[] = [];
    if (rng.chance(0.6)) faults.push('late');
    if (type === 'break_fix' && rng.chance(0.5)) faults.push('not_fixed');
    if (rng.chance(0.35)) faults.push('parts_missing');
    return faults.length > 0 ? faults : ['late'];
  }
  const f = ctx.profile.badCallFactor;
  const chances: Record<Fault, number> =
    type === 'break_fix'
      ? { late: 0.05 * f, not_fixed: 0.07 * f, parts_missing: 0.04 * f }
      : type === 'install'
        ? { late: 0.02 * f, not_fixed: 0, parts_missing: 0 }
        : { late: 0.03 * f, not_fixed: 0, parts_missing: 0.01 * f };
  return (Object.keys(chances) as Fault[]).filter((fault) => rng.chance(Math.min(0.5, chances[fault])));
}

interface VisitTimes {
  opened: number;
  promised: number;
  arrived: number;
}

/** A breakdown is promised within the contract's response time; other visits are booked ahead. */
function visitTimes(ctx: AccountContext, type: WorkOrderType, day: number, late: boolean, great: boolean): VisitTimes {
  const { rng } = ctx;
  if (type === 'break_fix' || type === 'other') {
    const opened = at(day, rng.int(7 * 60 + 30, 16 * 60 + 30));
    const response = ctx.account.responseHours * 60;
    const promised = addBusinessMinutes(opened, response);
    const arrived = late
      ? addBusinessMinutes(promised, rng.int(30, 240))
      : addBusinessMinutes(opened, great ? rng.int(25, 75) : rng.int(30, Math.max(31, response - 10)));
    return { opened, promised, arrived };
  }
  const opened = at(addWorkdays(day, -rng.int(3, 14)), rng.int(8 * 60, 17 * 60));
  const promised = at(day, rng.pick(APPOINTMENTS));
  const arrived = late ? promised + rng.int(40, 180) : promised - rng.int(0, 20);
  return { opened, promised, arrived };
}

function completedVisit(ctx: AccountContext, plan: VisitPlan, faults: ReadonlySet<Fault>, great: boolean): WorkOrder | null {
  const { rng, world, account, profile } = ctx;
  const { machine, type } = plan;
  const { opened, promised, arrived } = visitTimes(ctx, type, plan.day, faults.has('late'), great);
  const hours = laborHours(rng, hoursFor(machine, type), great);
  const completed = arrived + Math.round(hours * 60) + rng.int(5, 25);
  const endOfHistory = at(world.asOfDay + 1, 0) - 1;
  if (completed > endOfHistory) return null;
  const partsMissing = faults.has('parts_missing');
  const bad = faults.size > 0;
  const followUp = bad && plan.followUp !== 'none' && rng.chance(profile.callFollowUpRate) ? followUpAfter(rng, completed) : null;
  return {
    id: '',
    account,
    machine,
    type,
    opened,
    promised,
    arrived,
    completed,
    status: partsMissing && rng.chance(0.75) ? 'incomplete' : 'completed',
    fixedFirstTime: type === 'break_fix' ? !(faults.has('not_fixed') || partsMissing) : null,
    partsMissing,
    technician: plan.technician ?? (rng.chance(0.8) ? account.technician : account.backupTechnician),
    laborHours: hours,
    billed: billFor(ctx, machine, type, plan.day, hours),
    followUp: followUp !== null && followUp <= endOfHistory ? followUp : null,
    signed: plan.signed ?? rng.chance(0.96),
    recommendation: null,
    reminded: [],
    notes: plan.notes ?? notesFor(ctx, machine, type, faults, plan.day),
    quality: bad ? 'bad' : great ? 'great' : 'good',
    seq: ctx.visitCount++,
  };
}

function cancelledVisit(ctx: AccountContext, plan: VisitPlan): WorkOrder {
  const { opened, promised } = visitTimes(ctx, plan.type, plan.day, false, false);
  return {
    id: '',
    account: ctx.account,
    machine: plan.machine,
    type: plan.type,
    opened,
    promised,
    arrived: null,
    completed: null,
    status: 'cancelled',
    fixedFirstTime: null,
    partsMissing: null,
    technician: plan.technician ?? ctx.account.technician,
    laborHours: null,
    billed: null,
    followUp: null,
    signed: null,
    recommendation: null,
    reminded: [],
    notes: ctx.rng.pick(ctx.world.definition.workOrderNotes.cancelled),
    quality: 'good',
    seq: ctx.visitCount++,
  };
}

/**
 * The failure a customer was warned about: the machine is down for days, the repair is long and,
 * off warranty and off contract, expensive.
 */
export function majorRepair(ctx: AccountContext, machine: Machine, day: number, technician: string): WorkOrder {
  const { rng, world, account } = ctx;
  const opened = at(day, rng.int(7 * 60 + 40, 9 * 60 + 30));
  const response = account.responseHours * 60;
  const hours = quarterHours(rng.real(10, 16));
  const { pricing } = world.definition;
  return {
    id: '',
    account,
    machine,
    type: 'break_fix',
    opened,
    promised: addBusinessMinutes(opened, response),
    arrived: addBusinessMinutes(opened, rng.int(45, Math.max(46, response - 15))),
    completed: at(addWorkdays(day, rng.int(2, 3)), rng.int(14 * 60, 17 * 60)),
    status: 'completed',
    fixedFirstTime: false,
    partsMissing: true,
    technician,
    laborHours: hours,
    billed: roundCents(pricing.callOutFee + hours * pricing.laborRate + rng.real(pricing.majorRepairParts.min, pricing.majorRepairParts.max)),
    followUp: null,
    signed: true,
    recommendation: null,
    reminded: [],
    notes: rng.pick(world.definition.workOrderNotes.preventable_failure),
    quality: 'bad',
    seq: ctx.visitCount++,
  };
}

function hoursFor(machine: Machine, type: WorkOrderType): { min: number; max: number } {
  switch (type) {
    case 'preventive':
      return machine.category.preventiveHours;
    case 'install':
      return INSTALL_HOURS;
    case 'inspection':
      return INSPECTION_HOURS;
    default:
      return machine.category.repairHours;
  }
}

function laborHours(rng: Random, range: { min: number; max: number }, great: boolean): number {
  const top = great ? range.min + (range.max - range.min) * 0.3 : range.max;
  return Math.max(0.25, quarterHours(rng.real(range.min, top)));
}

/** Within one business day mostly; otherwise days later. */
function followUpAfter(rng: Random, done: number): number {
  return rng.chance(0.8) ? addBusinessMinutes(done, rng.int(30, 540)) : addBusinessMinutes(done, rng.int(700, 2400));
}

/** Billed only when the visit is paid for by the visit: time and materials. Installs come with the sale. */
function billFor(ctx: AccountContext, machine: Machine, type: WorkOrderType, day: number, hours: number): number | null {
  if (type === 'install' || coverageOn(machine, ctx.account, day) !== 'time_and_materials') return null;
  const { pricing } = ctx.world.definition;
  const parts = type === 'break_fix' || type === 'other' ? ctx.rng.real(pricing.parts.min, pricing.parts.max) * (machine.category.partsScale ?? 1) : 0;
  return roundCents(pricing.callOutFee + hours * pricing.laborRate + parts);
}

function notesFor(ctx: AccountContext, machine: Machine, type: WorkOrderType, faults: ReadonlySet<Fault>, day: number): string {
  const { rng } = ctx;
  const notes = ctx.world.definition.workOrderNotes;
  const parts = [rng.pick(type === 'other' ? notes.return_visit : notes[type])];
  if (faults.has('late')) parts.push(rng.pick(notes.late));
  if (faults.has('not_fixed')) parts.push(rng.pick(notes.not_fixed));
  if (faults.has('parts_missing')) parts.push(rng.pick(notes.parts_missing));
  // A passive buying signal: an old machine that keeps breaking down.
  if (type === 'break_fix' && day - machine.installDay > 6 * 365 && rng.chance(0.12)) parts.push(rng.pick(notes.buying_signal));
  return parts.join(' ');
}

const quarterHours = (hours: number): number => Math.round(hours * 4) / 4;
const roundCents = (amount: number): number => Math.round(amount * 100) / 100;
