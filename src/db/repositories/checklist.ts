import type { Db } from '../connection';
import type { ChecklistTemplate } from '../../shared/checklist-types';

export interface TemplateVersion {
  version: number;
  createdAt: string;
  note: string | null;
  template: ChecklistTemplate;
}

export function latestTemplate(db: Db): TemplateVersion | null {
  const row = db.prepare('SELECT version, created_at, note, template FROM checklist_templates ORDER BY version DESC LIMIT 1').get() as
    | { version: number; created_at: string; note: string | null; template: string }
    | undefined;
  return row ? { version: row.version, createdAt: row.created_at, note: row.note, template: JSON.parse(row.template) as ChecklistTemplate } : null;
}

export function templateVersions(db: Db): Array<Omit<TemplateVersion, 'template'>> {
  return (db.prepare('SELECT version, created_at, note FROM checklist_templates ORDER BY version DESC').all() as Array<{ version: number; created_at: string; note: string | null }>).map(
    (r) => ({ version: r.version, createdAt: r.created_at, note: r.note }),
  );
}

/** Stores a new version; old versions are kept, and ticks say which version they were made against. */
export function insertTemplate(db: Db, template: Omit<ChecklistTemplate, 'version'>, note: string | null, now: Date): TemplateVersion {
  const version = ((db.prepare('SELECT max(version) FROM checklist_templates').pluck().get() as number | null) ?? 0) + 1;
  const stored: ChecklistTemplate = { ...template, version };
  db.prepare('INSERT INTO checklist_templates (version, created_at, template, note) VALUES (?, ?, ?, ?)').run(version, now.toISOString(), JSON.stringify(stored), note);
  return { version, createdAt: now.toISOString(), note, template: stored };
}

export interface TickInput {
  accountId: string;
  itemId: string;
  templateVersion: number;
  doneOn: string;
  expiresOn: string | null;
  note: string | null;
  by: string | null;
}

export function insertTick(db: Db, tick: TickInput, now: Date): number {
  return Number(
    db
      .prepare(
        'INSERT INTO checklist_ticks (account_id, item_id, template_version, done_on, expires_on, note, ticked_by, ticked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(tick.accountId, tick.itemId, tick.templateVersion, tick.doneOn, tick.expiresOn, tick.note, tick.by, now.toISOString()).lastInsertRowid,
  );
}

/** Takes back the item's current tick (kept, marked revoked). */
export function revokeTick(db: Db, accountId: string, itemId: string, now: Date): boolean {
  return (
    db
      .prepare('UPDATE checklist_ticks SET revoked_at = ? WHERE account_id = ? AND item_id = ? AND revoked_at IS NULL')
      .run(now.toISOString(), accountId, itemId).changes > 0
  );
}
