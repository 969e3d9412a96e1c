// What every part of the generator shares: the definition, the dates that frame the history, and
// the rules for who services a machine and how it is covered on a given day.

import type { Coverage, ServicedBy } from '../shared/kinds';
import type { CategoryDefinition, DemoDefinition, VendorDefinition } from './definition';
import type { Account, Machine } from './model';
import type { StoryProfile } from './profiles';
import type { Random } from './random';
import { parseDay } from './time';

export interface World {
  readonly definition: DemoDefinition;
  readonly asOfDay: number;
  readonly historyStart: number;
  /** The day of the earlier installed base. */
  readonly earlierDay: number;
  readonly ourVendor: VendorDefinition;
  readonly competitors: readonly VendorDefinition[];
  readonly categories: ReadonlyMap<string, CategoryDefinition>;
  /** Serial numbers given so far, per vendor prefix. */
  readonly serials: Map<string, number>;
}

export interface AccountContext {
  readonly world: World;
  readonly account: Account;
  readonly profile: StoryProfile;
  readonly rng: Random;
  /** Counts the visits made, to order visits opened in the same minute. */
  visitCount: number;
}

export function makeWorld(definition: DemoDefinition, asOf: string): World {
  const asOfDay = parseDay(asOf);
  const ourVendor = definition.vendors.find((v) => v.name === definition.ourVendor);
  if (!ourVendor) throw new Error(`Demo definition: our vendor "${definition.ourVendor}" has no models`);
  return {
    definition,
    asOfDay,
    historyStart: asOfDay - definition.counts.historyDays,
    earlierDay: asOfDay - definition.counts.earlierInstalledBaseDays,
    ourVendor,
    competitors: definition.vendors.filter((v) => v !== ourVendor),
    categories: new Map(definition.categories.map((c) => [c.name, c])),
    serials: new Map(),
  };
}

/** A serial like NW-4471-0192: vendor prefix, a model-ish code, and a running number that keeps it unique. */
export function nextSerial(world: World, vendor: VendorDefinition, rng: Random): string {
  const count = (world.serials.get(vendor.serialPrefix) ?? 0) + 1;
  world.serials.set(vendor.serialPrefix, count);
  return `${vendor.serialPrefix}-${rng.int(1000, 9999)}-${String(count).padStart(4, '0')}`;
}

export function isPresent(machine: Machine, day: number): boolean {
  return machine.installDay <= day && (machine.goneDay === null || machine.goneDay > day);
}

export function servicedByOn(machine: Machine, day: number): ServicedBy {
  return machine.lostToCompetitorDay !== null && day >= machine.lostToCompetitorDay ? 'competitor' : machine.servicedBy;
}

/** We know the coverage of the machines we service; a self-maintained one has none; the others are not ours to know. */
export function coverageOn(machine: Machine, account: Account, day: number): Coverage | null {
  const servicedBy = servicedByOn(machine, day);
  if (servicedBy === 'self') return 'none';
  if (servicedBy !== 'us') return null;
  const inWarranty = day <= machine.warrantyEndDay;
  if (account.contractType === 'full_service' && !machine.timeAndMaterials) return 'contract';
  return inWarranty ? 'warranty' : 'time_and_materials';
}

/** The days we service a machine within the history, or null when we never do. */
export function ourServiceDays(world: World, machine: Machine): { from: number; to: number } | null {
  if (machine.servicedBy !== 'us') return null;
  const from = Math.max(world.historyStart, machine.installDay);
  let to = world.asOfDay - 2;
  if (machine.goneDay !== null) to = Math.min(to, machine.goneDay - 1);
  if (machine.lostToCompetitorDay !== null) to = Math.min(to, machine.lostToCompetitorDay - 1);
  return from <= to ? { from, to } : null;
}
