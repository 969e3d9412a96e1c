// A seeded generator, so the demo portfolio is the same on every machine and every run.

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** FNV-1a over the parts, then a final avalanche: independent streams from one seed. */
export function deriveSeed(seed: number, ...parts: ReadonlyArray<string | number>): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const part of parts) {
    const text = `${String(part)}\u001f`;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/** mulberry32: tiny, fast and good enough for sample data. */
export class Random {
  private state: number;

  constructor(private readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator of its own for one part of the work, unaffected by how much the others draw. */
  fork(...parts: ReadonlyArray<string | number>): Random {
    return new Random(deriveSeed(this.seed, ...parts));
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  inRange(range: Range): number {
    return this.int(range.min, range.max);
  }

  real(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Box–Muller; one value per call keeps the stream simple. */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Days until the next event of a process that happens `perYear` times a year, at least `atLeast` days apart. */
  gapDays(perYear: number, atLeast = 1): number {
    const mean = Math.max(1, 365 / perYear - atLeast);
    return atLeast + Math.round(-Math.log(1 - this.next()) * mean);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let target = this.next() * total;
    for (const item of items) {
      target -= weight(item);
      if (target < 0) return item;
    }
    return this.pick(items);
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** Up to n distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, n);
  }
}
