import type { AppContext } from '../context';
import type { HandlersOf } from '../dispatcher';
import { NotFoundError } from '../dispatcher';
import type { settingsContract } from '../../shared/api/settings';
import { currentTemplate, saveTemplate } from '../checklist-templates';
import { templateVersions } from '../../db/repositories/checklist';
import { recomputeAll, type RecomputeResult } from '../recompute';
import { recomputeRunning } from '../recompute-turns';
import { activeImportJob } from '../import-jobs';
import { loadSettings, saveSettings } from '../settings';
import { loadEngineSettings, loadProfiles, previewProfileWeights, saveProfileWeights, segmentProfiles, SettingsError } from '../engine-settings';
import { DEFAULT_WEIGHTS } from '../../domain/scoring/profile';
import { DEFAULT_THRESHOLDS } from '../../domain/alerts/thresholds';
import { loadAlertThresholds, saveAlertThresholds } from '../alerts';
import { BackupError, backupFolder, createBackup, listBackups, pruneBackups, restoreBackup, restoreNewestGood, type BackupInfo } from '../backup';
import { databaseHealth } from '../health';

const item = ({ name, createdAt, reason, bytes }: BackupInfo) => ({ name, createdAt, reason, bytes });
const recomputed = (r: RecomputeResult) => ({ accounts: r.accounts, ms: r.ms });

/** Backup problems the user can act on are conflicts or missing files, never internal errors. */
async function asUserError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw error.code === 'not_found' ? new NotFoundError(error.message) : new SettingsError(error.message);
    throw error;
  }
}

/** A restore swaps the data file: not while an import writes to it or scores are being worked out from it. */
function refuseWhileWorking(ctx: AppContext): void {
  const job = activeImportJob(ctx);
  if (job) throw new SettingsError(`An ${job.mode === 'preview' ? 'import preview' : 'import'} is running: let it finish or cancel it, then restore. Nothing was changed.`);
  if (recomputeRunning(ctx)) throw new SettingsError('Scores are being worked out: restore when they are done. Nothing was changed.');
}

export function settingsHandlers(ctx: AppContext): HandlersOf<typeof settingsContract> {
  return {
    'checklist/template/get': () => ({ ...currentTemplate(ctx.db, ctx.now()), versions: templateVersions(ctx.db) }),
    'checklist/template/save': async ({ note, groups }) => {
      const saved = saveTemplate(ctx.db, { groups }, note ?? null, ctx.now());
      await recomputeAll(ctx);
      return { version: saved.version };
    },
    'settings/get': () => ({ settings: loadSettings(ctx.db), dataFile: ctx.dataFile, backupFolder: backupFolder(ctx.dataFile) }),
    'settings/save': async (changes) => {
      const vendorBefore = loadEngineSettings(ctx.db).ownVendor;
      const settings = saveSettings(ctx.db, changes);
      const removed = changes.keepBackups !== undefined ? pruneBackups(ctx.dataFile, settings.keepBackups) : [];
      // Scoring tells our machines from competitors' by this name.
      if (loadEngineSettings(ctx.db).ownVendor !== vendorBefore) await recomputeAll(ctx);
      return { settings, removedBackups: removed.length };
    },
    'weights/get': () => ({ profiles: loadProfiles(ctx.db), defaults: DEFAULT_WEIGHTS, ...segmentProfiles(ctx.db) }),
    'weights/preview': ({ profile, weights }) => previewProfileWeights(ctx, profile, weights),
    'weights/save': async ({ profile, weights }) => {
      const profiles = saveProfileWeights(ctx.db, profile, weights);
      return { profiles, recompute: recomputed(await recomputeAll(ctx)) };
    },
    'thresholds/get': () => ({ thresholds: loadAlertThresholds(ctx.db), defaults: DEFAULT_THRESHOLDS }),
    'thresholds/save': async (overrides) => {
      const thresholds = saveAlertThresholds(ctx.db, overrides);
      return { thresholds, recompute: recomputed(await recomputeAll(ctx)) };
    },
    'backups/list': () => ({ folder: backupFolder(ctx.dataFile), keep: loadSettings(ctx.db).keepBackups, backups: listBackups(ctx.dataFile).map(item) }),
    'backups/create': () =>
      asUserError(async () => {
        if (!(await databaseHealth(ctx)).ok) throw new SettingsError('The data file is damaged, and a copy of it would be too. Restore a backup instead.');
        return item(await createBackup(ctx, 'manual'));
      }),
    'backups/restore': ({ name }) =>
      asUserError(async () => {
        refuseWhileWorking(ctx);
        let outcome;
        if (name === undefined) outcome = await restoreNewestGood(ctx);
        else {
          const backup = listBackups(ctx.dataFile).find((b) => b.name === name);
          if (!backup) throw new NotFoundError(`There is no backup named ${name}.`);
          outcome = await restoreBackup(ctx, backup.path);
        }
        return { restored: item(outcome.restored), safetyBackup: outcome.safetyBackup ? item(outcome.safetyBackup) : null, accounts: outcome.accounts };
      }),
    'app/health': async () => ({ ...(await databaseHealth(ctx)), dataFile: ctx.dataFile, backups: listBackups(ctx.dataFile).map(item) }),
  };
}
