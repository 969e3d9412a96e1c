import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../db/repositories/settings';
import { iterateEvidence } from '../db/repositories/evidence';
import { DEFAULT_MEMORY, DEFAULT_SCORING, DEFAULT_WEIGHTS, checkWeights, weightsFor, type Memory, type Weights } from '../domain/scoring/profile';
import { scoreAccount, type EngineSettings } from '../domain/scoring/loyalty';
import { COMPONENT_KEYS, type Band } from '../shared/scoring-types';
import type { AppContext } from './context';
import { currentTemplate } from './checklist-templates';
import { OWN_VENDOR_KEY } from './settings';

const PROFILES_KEY = 'scoring.profiles';
const MEMORY_KEY = 'scoring.memory';

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

function completeWeights(partial: Partial<Record<string, number>>): Weights {
  const out = { ...DEFAULT_WEIGHTS };
  for (const key of COMPONENT_KEYS) if (typeof partial[key] === 'number') out[key] = partial[key];
  return out;
}

/** The scoring profiles: the default weights and any per-segment ones the user saved. */
export function loadProfiles(db: Db): Record<string, Weights> {
  const stored = readSetting(db, PROFILES_KEY) as Record<string, Partial<Record<string, number>>> | undefined;
  const profiles: Record<string, Weights> = { default: DEFAULT_WEIGHTS };
  for (const [name, weights] of Object.entries(stored ?? {})) profiles[name] = completeWeights(weights);
  return profiles;
}

/** Saves the weights of one profile ("default" or a segment); null removes a segment's profile. */
export function saveProfileWeights(db: Db, name: string, weights: Weights | null): Record<string, Weights> {
  const profiles = loadProfiles(db);
  if (weights === null) {
    if (name === 'default') throw new SettingsError('The default profile cannot be removed.');
    delete profiles[name];
  } else {
    const problem = checkWeights(weights);
    if (problem) throw new SettingsError(problem);
    if (COMPONENT_KEYS.every((k) => weights[k] === 0)) throw new SettingsError('At least one component needs a weight above 0.');
    profiles[name] = weights;
  }
  writeSetting(db, PROFILES_KEY, profiles);
  return profiles;
}

export function loadMemory(db: Db): Memory {
  const stored = readSetting(db, MEMORY_KEY) as Partial<Memory> | undefined;
  return { ...DEFAULT_MEMORY, ...stored };
}

/** Everything scoring reads from settings. */
export function loadEngineSettings(db: Db): EngineSettings {
  const ownVendor = readSetting(db, OWN_VENDOR_KEY);
  return {
    ...DEFAULT_SCORING,
    profiles: loadProfiles(db),
    memory: loadMemory(db),
    ownVendor: typeof ownVendor === 'string' ? ownVendor : null,
  };
}

/** The segments in the data, how many accounts each, and the profile that scores them now. */
export function segmentProfiles(db: Db): { segments: Array<{ segment: string; accounts: number; profile: string }>; unsegmented: number } {
  const profiles = loadProfiles(db);
  const rows = db.prepare('SELECT segment, count(*) AS accounts FROM accounts GROUP BY segment ORDER BY segment').all() as Array<{ segment: string | null; accounts: number }>;
  return {
    segments: rows.filter((r) => r.segment !== null).map((r) => ({ segment: r.segment!, accounts: r.accounts, profile: profiles[r.segment!] ? r.segment! : 'default' })),
    unsegmented: rows.find((r) => r.segment === null)?.accounts ?? 0,
  };
}

export type BandOrNone = Band | 'none';

export interface WeightsPreview {
  readonly profile: string;
  readonly asOf: string;
  readonly accounts: number;
  readonly changedBand: number;
  readonly moved: number;
  readonly averageChange: number | null;
  readonly before: Record<BandOrNone, number>;
  readonly after: Record<BandOrNone, number>;
  readonly movers: Array<{ accountId: string; name: string; before: number | null; after: number | null; bandBefore: Band | null; bandAfter: Band | null }>;
}

const emptyDistribution = (): Record<BandOrNone, number> => ({ loyal: 0, satisfied: 0, at_risk: 0, critical: 0, none: 0 });

/**
 * What saving these weights for a profile would do, worked out by rescoring without writing: the
 * band distribution before and after, how many accounts change band, the biggest movers. Only the
 * accounts the profile scores (before or after) are scored twice.
 */
export function previewProfileWeights(ctx: Pick<AppContext, 'db' | 'now' | 'openReader'>, profile: string, weights: Weights, topMovers = 10): WeightsPreview {
  const problem = checkWeights(weights);
  if (problem) throw new SettingsError(problem);
  if (COMPONENT_KEYS.every((k) => weights[k] === 0)) throw new SettingsError('At least one component needs a weight above 0.');
  const current = loadEngineSettings(ctx.db);
  const proposed: EngineSettings = { ...current, profiles: { ...current.profiles, [profile]: weights } };
  const template = currentTemplate(ctx.db, ctx.now()).template;
  const asOf = ctx.now().toISOString().slice(0, 10);
  const before = emptyDistribution();
  const after = emptyDistribution();
  const movers: Array<WeightsPreview['movers'][number] & { delta: number }> = [];
  let accounts = 0;
  let changedBand = 0;
  let moved = 0;
  let totalChange = 0;
  let changes = 0;
  const reader = ctx.openReader();
  try {
    for (const evidence of iterateEvidence(reader)) {
      const segment = evidence.account.segment;
      const old = scoreAccount(evidence, asOf, current, template).score;
      const concerned = weightsFor(current, segment).profile === profile || weightsFor(proposed, segment).profile === profile;
      const next = concerned ? scoreAccount(evidence, asOf, proposed, template).score : old;
      before[old.band ?? 'none']++;
      after[next.band ?? 'none']++;
      if (!concerned) continue;
      accounts++;
      if (old.band !== next.band) changedBand++;
      if (old.loyalty !== null && next.loyalty !== null) {
        const delta = next.loyalty - old.loyalty;
        totalChange += delta;
        changes++;
        if (Math.abs(delta) >= 0.1) moved++;
        if (Math.abs(delta) >= 0.1 || old.band !== next.band) {
          movers.push({ accountId: evidence.account.id, name: evidence.account.name, before: old.loyalty, after: next.loyalty, bandBefore: old.band, bandAfter: next.band, delta });
        }
      }
    }
  } finally {
    reader.close();
  }
  movers.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.name.localeCompare(b.name));
  return {
    profile,
    asOf,
    accounts,
    changedBand,
    moved,
    averageChange: changes === 0 ? null : Math.round((totalChange / changes) * 10) / 10,
    before,
    after,
    movers: movers.slice(0, topMovers).map(({ delta: _delta, ...m }) => m),
  };
}
