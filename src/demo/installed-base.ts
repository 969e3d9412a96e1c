// An account's installed base: sites, floors and departments, and the machines on them — ours and
// the competitors'. Each floor runs one vendor's fleet, as customers usually buy floor by floor.

import type { ServicedBy } from '../shared/kinds';
import type { AccountContext } from './context';
import { nextSerial } from './context';
import type { CategoryDefinition, LocationDefinition, VendorDefinition } from './definition';
import type { Machine } from './model';
import type { Random } from './random';

interface Slot {
  readonly site: string;
  readonly location: LocationDefinition;
  readonly vendor: VendorDefinition;
}

const COMPETITOR_SERVICERS: ReadonlyArray<{ servicedBy: ServicedBy; weight: number }> = [
  { servicedBy: 'competitor', weight: 72 },
  { servicedBy: 'third_party', weight: 14 },
  { servicedBy: 'self', weight: 8 },
  // Multi-vendor service: we look after some of the competitors' machines too.
  { servicedBy: 'us', weight: 6 },
];

export function buildInstalledBase(ctx: AccountContext): Machine[] {
  const rng = ctx.rng.fork('installed-base');
  const slots = layout(ctx, rng);
  const machines: Machine[] = [];
  slots.forEach((slot, i) => {
    const count = rng.inRange(ctx.account.segment.machinesPerLocation);
    for (let k = 0; k < count; k++) machines.push(newMachine(ctx, rng, slot, i === 0 && k === 0));
  });
  if (ctx.account.story === 'satisfied_not_loyal') letCompetitorsHoldMost(ctx, rng, slots, machines);
  return machines;
}

function layout(ctx: AccountContext, rng: Random): Slot[] {
  const { definition } = ctx.world;
  const { segment, story } = ctx.account;
  const spread = story === 'satisfied_not_loyal';
  const siteCount = Math.max(spread ? 2 : 1, rng.inRange(segment.sites));
  const places: Array<{ site: string; location: LocationDefinition }> = [];
  for (const site of rng.sample(definition.sites, siteCount)) {
    for (const location of rng.sample(definition.locations, rng.inRange(segment.locationsPerSite))) places.push({ site, location });
  }
  // The customer's other sites and floors are where the competitors are: there must be some.
  while (spread && places.length < 4) {
    const site = places[places.length - 1]!.site;
    const taken = new Set(places.filter((p) => p.site === site).map((p) => p.location.name));
    places.push({ site, location: rng.pick(definition.locations.filter((l) => !taken.has(l.name))) });
  }
  const competitors = rng.sample(ctx.world.competitors, rng.inRange(ctx.profile.competitorVendors));
  let nextCompetitor = 0;
  return places.map((place, i) => {
    const ours = i === 0 || competitors.length === 0 || rng.chance(ctx.profile.ourLocationShare);
    const vendor = ours ? ctx.world.ourVendor : competitors[nextCompetitor++ % competitors.length]!;
    return { ...place, vendor };
  });
}

/**
 * The first machine of an account is one of ours, a multifunction workhorse installed well before
 * the history starts, so every account has service history and every story a machine to happen to.
 */
function newMachine(ctx: AccountContext, rng: Random, slot: Slot, anchor: boolean): Machine {
  const { world, account } = ctx;
  const category = anchor ? mainCategory(ctx, slot.vendor) : categoryFor(ctx, rng, slot);
  const model = rng.pick(slot.vendor.models.filter((m) => m.category === category.name));
  const ours = slot.vendor === world.ourVendor;
  const servicedBy: ServicedBy = anchor
    ? 'us'
    : ours
      ? category.quantity.max > 1 && rng.chance(0.15) ? 'self' : 'us'
      : rng.weighted(COMPETITOR_SERVICERS, (s) => s.weight).servicedBy;
  const ageDays = anchor ? rng.int(world.definition.counts.historyDays + 120, 2600) : rng.chance(0.22) ? rng.int(20, 700) : rng.int(700, 3000);
  const installDay = world.asOfDay - ageDays;
  // Over-use is a signal the fix-or-replace stories carry; elsewhere it is rare.
  const overused = rng.chance(0.015);
  const actual = roundTo(model.rated_monthly_volume * (overused ? rng.real(1.1, 1.6) : rng.real(0.2, 0.9)), 10);
  return {
    id: nextSerial(world, slot.vendor, rng),
    site: slot.site,
    location: slot.location.name,
    vendor: slot.vendor.name,
    model: model.model,
    category,
    quantity: anchor ? 1 : rng.inRange(category.quantity),
    ours,
    servicedBy,
    installDay,
    warrantyEndDay: installDay + category.warrantyDays,
    rated: model.rated_monthly_volume,
    actual,
    actualEarlier: roundTo(actual * rng.real(0.8, 1.1), 10),
    timeAndMaterials: servicedBy === 'us' && account.contractType === 'full_service' && rng.chance(0.06),
    goneDay: null,
    lostToCompetitorDay: null,
  };
}

/** The category most machines are: the heaviest that the vendor makes. */
export function mainCategory(ctx: AccountContext, vendor: VendorDefinition): CategoryDefinition {
  const made = ctx.world.definition.categories.filter((c) => vendor.models.some((m) => m.category === c.name));
  return made.reduce((best, c) => (c.weight > best.weight ? c : best));
}

function categoryFor(ctx: AccountContext, rng: Random, slot: Slot): CategoryDefinition {
  const allowed = slot.location.categories;
  const made = ctx.world.definition.categories.filter((c) => slot.vendor.models.some((m) => m.category === c.name));
  const fitting = made.filter((c) => !allowed || allowed.includes(c.name));
  return rng.weighted(fitting.length > 0 ? fitting : made, (c) => c.weight);
}

/** Satisfied but not loyal: competitors' machines are most of the fleet, from at least two competitors. */
function letCompetitorsHoldMost(ctx: AccountContext, rng: Random, slots: readonly Slot[], machines: Machine[]): void {
  const competitorSlots = slots.filter((s) => s.vendor !== ctx.world.ourVendor);
  const quantity = (which: (m: Machine) => boolean): number => machines.filter(which).reduce((sum, m) => sum + m.quantity, 0);
  const short = (): boolean =>
    quantity((m) => !m.ours) < 1.5 * quantity((m) => m.ours) || quantity((m) => m.servicedBy !== 'us') < 1.5 * quantity((m) => m.servicedBy === 'us');
  while (short()) machines.push(newMachine(ctx, rng, rng.pick(competitorSlots), false));
}

export function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}
