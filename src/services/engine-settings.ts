import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../db/repositories/settings';
import { DEFAULT_MEMORY, DEFAULT_SCORING, DEFAULT_WEIGHTS, checkWeights, type Memory, type Weights } from '../domain/scoring/profile';
import type { EngineSettings } from '../domain/scoring/loyalty';
import { COMPONENT_KEYS } from '../shared/scoring-types';
import { loadSettings } from './settings';

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
  const settings = loadSettings(db);
  const ownVendorSet = readSetting(db, 'company.vendor_name') !== undefined;
  return {
    ...DEFAULT_SCORING,
    profiles: loadProfiles(db),
    memory: loadMemory(db),
    ownVendor: ownVendorSet ? settings.ownVendorName : null,
  };
}
