import defaultTemplate from '../../resources/checklist/default-template.json';
import type { Db } from '../db/connection';
import { insertTemplate, latestTemplate, type TemplateVersion } from '../db/repositories/checklist';
import { CHECKLIST_RULES, type ChecklistTemplate } from '../shared/checklist-types';

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** The checklist template in force: the newest version, the default one from resources/ on first use. */
export function currentTemplate(db: Db, now: Date): TemplateVersion {
  const latest = latestTemplate(db);
  if (latest) return latest;
  const { version: _ignored, ...template } = defaultTemplate as ChecklistTemplate;
  return insertTemplate(db, template, 'The default template', now);
}

/** Checks an edited template: ids unique, texts present, derived items with a known rule, validity in days. */
export function checkTemplate(template: Omit<ChecklistTemplate, 'version'>): void {
  const ids = new Set<string>();
  if (template.groups.length === 0) throw new TemplateError('A checklist needs at least one group.');
  for (const group of template.groups) {
    if (!group.title.trim()) throw new TemplateError('Every group needs a title.');
    for (const item of group.items) {
      if (!item.id.trim() || !item.text.trim()) throw new TemplateError(`Every item needs an id and a text (group "${group.title}").`);
      if (ids.has(item.id)) throw new TemplateError(`The item id "${item.id}" is used twice.`);
      ids.add(item.id);
      if (item.kind === 'derived' && (!item.rule || !(CHECKLIST_RULES as readonly string[]).includes(item.rule))) {
        throw new TemplateError(`The derived item "${item.text}" needs one of the rules: ${CHECKLIST_RULES.join(', ')}.`);
      }
      if (item.kind === 'manual' && item.validDays !== undefined && (!Number.isInteger(item.validDays) || item.validDays < 1 || item.validDays > 3660)) {
        throw new TemplateError(`"${item.text}": a tick stays valid for 1 to 3,660 days.`);
      }
    }
  }
}

/** Saves an edited template as a new version; earlier versions stay. */
export function saveTemplate(db: Db, template: Omit<ChecklistTemplate, 'version'>, note: string | null, now: Date): TemplateVersion {
  checkTemplate(template);
  return insertTemplate(db, template, note, now);
}
