import type { AppContext } from './context';
import type { Handlers } from './dispatcher';
import { countAccounts, listAccountRows } from '../db/repositories/accounts';
import { listImports } from '../db/repositories/imports';
import { deleteProfile, listProfiles, saveProfile } from '../db/repositories/profiles';
import { schemaVersion } from '../db/migrations/index';
import { undoImport } from '../import/undo';
import { loadDemo } from './demo';

/** Every API method, bound to one open database. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    'app/info': () => {
      const accounts = countAccounts(ctx.db);
      return { version: ctx.version, dataFile: ctx.dataFile, schemaVersion: schemaVersion(ctx.db), accounts, empty: accounts === 0 };
    },
    'accounts/list': (args) => listAccountRows(ctx.db, args),
    'imports/list': () => listImports(ctx.db),
    'imports/undo': ({ importId }) => undoImport(ctx.db, importId, ctx.now()),
    'demo/load': ({ asOf }) => loadDemo(ctx, asOf),
    'profiles/list': () => listProfiles(ctx.db),
    'profiles/save': ({ name, mapping }) => saveProfile(ctx.db, name, mapping, ctx.now()),
    'profiles/delete': ({ name }) => ({ deleted: deleteProfile(ctx.db, name) }),
  };
}
