import type { AppContext } from '../context';
import type { HandlersOf } from '../dispatcher';
import type { importsContract } from '../../shared/api/imports';
import { listImports } from '../../db/repositories/imports';
import { deleteProfile, listProfiles, saveProfile } from '../../db/repositories/profiles';
import { undoImport } from '../../import/undo';
import { recomputeAll } from '../recompute';

export function importsHandlers(ctx: AppContext): HandlersOf<typeof importsContract> {
  return {
    'imports/list': () => listImports(ctx.db),
    'imports/undo': async ({ importId }) => {
      const result = undoImport(ctx.db, importId, ctx.now());
      await recomputeAll(ctx);
      return result;
    },
    'profiles/list': () => listProfiles(ctx.db),
    'profiles/save': ({ name, mapping }) => saveProfile(ctx.db, name, mapping, ctx.now()),
    'profiles/delete': ({ name }) => ({ deleted: deleteProfile(ctx.db, name) }),
  };
}
