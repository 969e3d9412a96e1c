import type { Db } from '../connection';
import type { MappingSpec } from '../../shared/import-types';

export interface MappingProfile {
  name: string;
  mapping: MappingSpec;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  name: string;
  mapping: string;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: Row): MappingProfile => ({ name: r.name, mapping: JSON.parse(r.mapping) as MappingSpec, createdAt: r.created_at, updatedAt: r.updated_at });

export function listProfiles(db: Db): MappingProfile[] {
  return (db.prepare('SELECT * FROM mapping_profiles ORDER BY name').all() as Row[]).map(fromRow);
}

export function findProfile(db: Db, name: string): MappingProfile | null {
  const row = db.prepare('SELECT * FROM mapping_profiles WHERE name = ?').get(name) as Row | undefined;
  return row ? fromRow(row) : null;
}

export function saveProfile(db: Db, name: string, mapping: MappingSpec, now: Date): MappingProfile {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO mapping_profiles (name, kind, mapping, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(name, mapping.kind ?? null, JSON.stringify(mapping), at, at);
  return findProfile(db, name)!;
}

export function deleteProfile(db: Db, name: string): boolean {
  return db.prepare('DELETE FROM mapping_profiles WHERE name = ?').run(name).changes > 0;
}
