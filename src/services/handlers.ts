import type { AppContext } from './context';
import type { Handlers } from './dispatcher';
import { countAccounts, listAccountRows } from '../db/repositories/accounts';
import { listImports } from '../db/repositories/imports';
import { deleteProfile, listProfiles, saveProfile } from '../db/repositories/profiles';
import { schemaVersion } from '../db/migrations/index';
import { undoImport } from '../import/undo';
import { loadDemo } from './demo';
import { recomputeAll, scoreOne } from './recompute';
import { actOnAlerts, alertHistory, listAlerts } from './alerts';
import { addNote, currentUser, logRecommendation, setPulse, tickChecklistItem, untickChecklistItem } from './account-actions';
import { buildReviewBrief } from './review';
import { currentTemplate, saveTemplate } from './checklist-templates';
import { templateVersions } from '../db/repositories/checklist';
import { NotFoundError } from './dispatcher';

function scored(ctx: AppContext, accountId: string, asOf?: string, weights?: Parameters<typeof scoreOne>[3]) {
  const result = scoreOne(ctx, accountId, asOf, weights);
  if (!result) throw new NotFoundError(`There is no account "${accountId}".`);
  return result;
}

/** Every API method, bound to one open database. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    'app/info': () => {
      const accounts = countAccounts(ctx.db);
      return { version: ctx.version, dataFile: ctx.dataFile, schemaVersion: schemaVersion(ctx.db), accounts, empty: accounts === 0 };
    },
    'accounts/list': (args) => listAccountRows(ctx.db, args),
    'imports/list': () => listImports(ctx.db),
    'imports/undo': async ({ importId }) => {
      const result = undoImport(ctx.db, importId, ctx.now());
      await recomputeAll(ctx);
      return result;
    },
    'demo/load': ({ asOf }) => loadDemo(ctx, asOf),
    'profiles/list': () => listProfiles(ctx.db),
    'profiles/save': ({ name, mapping }) => saveProfile(ctx.db, name, mapping, ctx.now()),
    'profiles/delete': ({ name }) => ({ deleted: deleteProfile(ctx.db, name) }),
    'scores/get': ({ accountId, asOf, weights }) => {
      const { score, pulse } = scored(ctx, accountId, asOf, weights);
      return { score, pulse };
    },
    'checklist/get': ({ accountId, asOf }) => scored(ctx, accountId, asOf).checklist,
    'checklist/template/get': () => ({ ...currentTemplate(ctx.db, ctx.now()), versions: templateVersions(ctx.db) }),
    'checklist/template/save': async ({ note, groups }) => {
      const saved = saveTemplate(ctx.db, { groups }, note ?? null, ctx.now());
      await recomputeAll(ctx);
      return { version: saved.version };
    },
    'checklist/tick': (args) => tickChecklistItem(ctx, args),
    'checklist/untick': (args) => untickChecklistItem(ctx, args),
    'recommendations/log': (args) => logRecommendation(ctx, args),
    'pulse/set': (args) => setPulse(ctx, args),
    'notes/add': (args) => addNote(ctx, args),
    'alerts/list': ({ includeCleared, ...filter }) => listAlerts(ctx.db, { ...filter, activeOnly: !includeCleared }),
    'alerts/act': ({ ids, action }) => actOnAlerts(ctx, ids, { ...action, by: currentUser(ctx) }),
    'alerts/history': ({ id }) => alertHistory(ctx.db, id),
    'engine/recompute': () => recomputeAll(ctx),
    'review/get': ({ accountId, asOf }) => buildReviewBrief(ctx, accountId, asOf),
  };
}
