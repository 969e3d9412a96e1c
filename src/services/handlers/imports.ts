import type { AppContext } from '../context';
import type { HandlersOf } from '../dispatcher';
import { NotFoundError } from '../dispatcher';
import type { importsContract } from '../../shared/api/imports';
import { listImports } from '../../db/repositories/imports';
import { deleteProfile, listProfiles, saveProfile } from '../../db/repositories/profiles';
import { undoImport } from '../../import/undo';
import { recomputeUndone } from '../recompute';
import { loadSettings } from '../settings';
import { inspectFile } from '../import-inspect';
import { cancelImportJob, jobStatus, startImportJob } from '../import-jobs';
import { discardStaged, stagedFile, stagingDir, StagingError } from '../staging';

export function importsHandlers(ctx: AppContext): HandlersOf<typeof importsContract> {
  return {
    'imports/inspect': async ({ stagedId, mapping }) => {
      const staged = stagedOrFail(ctx, stagedId);
      const settings = loadSettings(ctx.db);
      return inspectFile(staged.path, { stagedId, name: staged.name, mapping: mapping ?? {}, defaultDateOrder: settings.defaultDateOrder, ownVendor: settings.ownVendorName });
    },
    'imports/start': (request) => startImportJob(ctx, request),
    'imports/progress': ({ jobId, details }) => jobStatus(ctx, jobId, details),
    'imports/cancel': ({ jobId }) => cancelImportJob(ctx, jobId),
    'imports/discard': ({ stagedIds }) => {
      const dir = stagingDir(ctx.dataFile);
      return { discarded: stagedIds.filter((id) => discardStaged(dir, id)).length };
    },
    'imports/list': () => listImports(ctx.db),
    'imports/undo': async ({ importId }) => {
      const { accountsChanged, accountsRemoved, ...result } = undoImport(ctx.db, importId, ctx.now());
      await recomputeUndone(ctx, { accountsChanged, accountsRemoved });
      return result;
    },
    'profiles/list': () => listProfiles(ctx.db),
    'profiles/save': ({ name, mapping }) => saveProfile(ctx.db, name, mapping, ctx.now()),
    'profiles/delete': ({ name }) => ({ deleted: deleteProfile(ctx.db, name) }),
  };
}

function stagedOrFail(ctx: AppContext, stagedId: string): ReturnType<typeof stagedFile> {
  try {
    return stagedFile(stagingDir(ctx.dataFile), stagedId);
  } catch (error) {
    if (error instanceof StagingError) throw new NotFoundError(error.message);
    throw error;
  }
}
