import type { AppContext } from '../context';
import type { HandlersOf } from '../dispatcher';
import type { settingsContract } from '../../shared/api/settings';
import { currentTemplate, saveTemplate } from '../checklist-templates';
import { templateVersions } from '../../db/repositories/checklist';
import { recomputeAll } from '../recompute';

export function settingsHandlers(ctx: AppContext): HandlersOf<typeof settingsContract> {
  return {
    'checklist/template/get': () => ({ ...currentTemplate(ctx.db, ctx.now()), versions: templateVersions(ctx.db) }),
    'checklist/template/save': async ({ note, groups }) => {
      const saved = saveTemplate(ctx.db, { groups }, note ?? null, ctx.now());
      await recomputeAll(ctx);
      return { version: saved.version };
    },
  };
}
