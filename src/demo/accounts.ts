// The portfolio's accounts: who they are, where, who owns them, their contract and their story.

import { CONTRACT_TYPES, type ContractType } from '../shared/kinds';
import type { World } from './context';
import type { Share } from './definition';
import type { Account } from './model';
import { isStoryName, PROFILES, type StoryName } from './profiles';
import type { Random } from './random';

/** n items in proportion to their shares (largest remainder), in random order. */
export function allocate<T extends { readonly share: number }>(items: readonly T[], n: number, rng: Random): T[] {
  const total = items.reduce((sum, item) => sum + item.share, 0);
  if (items.length === 0 || total <= 0) throw new Error('Demo definition: shares must add up to more than zero');
  const exact = items.map((item) => (item.share / total) * n);
  const counts = exact.map(Math.floor);
  const byRemainder = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < n; k++) counts[byRemainder[k % items.length]!.i]! += 1;
  return rng.shuffle(items.flatMap((item, i) => Array.from({ length: counts[i]! }, () => item)));
}

export function buildAccounts(world: World, rng: Random): Account[] {
  const { definition } = world;
  const n = definition.counts.accounts;
  const stories = allocate(definition.stories, n, rng.fork('stories'));
  const segments = allocate(definition.segments, n, rng.fork('segments'));
  const regions = allocate(definition.regions, n, rng.fork('regions'));
  const contracts = allocate(definition.contracts, n, rng.fork('contracts'));
  const names = new AccountNames(world, rng.fork('names'));
  const people = rng.fork('people');
  return stories.map((storyShare, index) => {
    const story = storyName(storyShare);
    const segment = segments[index]!;
    const region = regions[index]!;
    const contract = contractFor(story, contracts[index]!.type, world);
    const technicians = people.sample(definition.technicians.filter((t) => t.region === region.name), 2);
    const name = names.next(segment.name, segment.nameEndings);
    const renewalDay = renewalFor(world, story, contract.type, people);
    return {
      index,
      id: `C${String(index + 1).padStart(4, '0')}`,
      name,
      segment,
      region: region.name,
      owner: people.pick(definition.owners.filter((o) => o.region === region.name)).name,
      contractType: contract.type,
      responseHours: contract.responseHours,
      renewalDay,
      story,
      technician: technicians[0]!.name,
      backupTechnician: technicians[1]!.name,
      contacts: contactsFor(world, name, people),
      valuePerMachine: people.inRange(segment.valuePerMachine),
    };
  });
}

function storyName(share: Share): StoryName {
  if (!isStoryName(share.name)) throw new Error(`Demo definition: unknown story "${share.name}"`);
  return share.name;
}

function contractType(value: string): ContractType {
  const found = CONTRACT_TYPES.find((t) => t === value);
  if (!found) throw new Error(`Demo definition: unknown contract type "${value}"`);
  return found;
}

/** A renewal story needs a contract to renew. */
function contractFor(story: StoryName, type: string, world: World): { type: ContractType; responseHours: number } {
  const wanted = story === 'renewal_weak_service' && type === 'none' ? 'full_service' : type;
  const definition = world.definition.contracts.find((c) => c.type === wanted) ?? world.definition.contracts[0]!;
  return { type: contractType(definition.type), responseHours: definition.responseHours };
}

function renewalFor(world: World, story: StoryName, type: ContractType, rng: Random): number | null {
  if (type === 'none') return null;
  const window = PROFILES[story].renewalInDays ?? { min: 5, max: 365 };
  return world.asOfDay + rng.inRange(window);
}

function contactsFor(world: World, accountName: string, rng: Random): string[] {
  const domain = `${accountName.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
  const count = rng.int(2, 4);
  const firsts = rng.sample(world.definition.contactFirstNames, count);
  return firsts.map((first) => `${first.toLowerCase()}.${rng.pick(world.definition.contactLastNames).toLowerCase().replace(/[^a-z]/g, '')}@${domain}`);
}

/** Unique names: every segment draws from its own shuffled list of word-and-ending pairs. */
class AccountNames {
  private readonly pools = new Map<string, string[]>();
  private readonly used = new Set<string>();

  constructor(
    private readonly world: World,
    private readonly rng: Random,
  ) {}

  next(segment: string, endings: readonly string[]): string {
    let pool = this.pools.get(segment);
    if (!pool) {
      pool = this.rng.shuffle(this.world.definition.accountNameWords.flatMap((word) => endings.map((ending) => `${word} ${ending}`)));
      this.pools.set(segment, pool);
    }
    for (let name = pool.pop(); name !== undefined; name = pool.pop()) {
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    throw new Error(`Demo definition: too few name parts for the accounts of segment "${segment}"`);
  }
}
