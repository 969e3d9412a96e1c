import type { ComponentKey, EvidenceRef } from '../../shared/scoring-types';

/** Points a component loses (on its own 0–100 scale) for one reason, with the record behind it. */
export interface Loss {
  readonly label: string;
  readonly amount: number;
  readonly ref: EvidenceRef | null;
}

/** A component before weighting: 100 less its losses, or no score where there is no data. */
export interface RawComponent {
  readonly key: ComponentKey;
  readonly score: number | null;
  readonly losses: readonly Loss[];
  readonly missing: string | null;
  /** What the component says about confidence (thin or old evidence). */
  readonly caveats: readonly string[];
  /** Footprint only: the share of the known installed base (by quantity) we service. */
  readonly ourShare?: number;
}

export function scored(key: ComponentKey, losses: Loss[], caveats: string[] = []): RawComponent {
  const total = losses.reduce((sum, l) => sum + l.amount, 0);
  return { key, score: Math.max(0, 100 - total), losses, missing: null, caveats };
}

export function noData(key: ComponentKey, missing: string): RawComponent {
  return { key, score: null, losses: [], missing, caveats: [] };
}

/** A loss whose label may be written later: only the losses kept by name need one. */
export interface PendingLoss extends Omit<Loss, 'label'> {
  readonly label: string | (() => string);
}

const named = (l: PendingLoss): Loss => (typeof l.label === 'string' ? (l as Loss) : { label: l.label(), amount: l.amount, ref: l.ref });

/** The largest losses by name, the rest summed into one, so an explanation stays readable. */
export function topLosses(losses: readonly PendingLoss[], keep: number, restLabel: (n: number) => string): Loss[] {
  const sorted = losses.filter((l) => l.amount > 0).sort((a, b) => b.amount - a.amount);
  if (sorted.length <= keep + 1) return sorted.map(named);
  const rest = sorted.slice(keep);
  return [...sorted.slice(0, keep).map(named), { label: restLabel(rest.length), amount: rest.reduce((s, l) => s + l.amount, 0), ref: null }];
}

export const capitalise = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
