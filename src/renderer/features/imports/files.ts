import type { ApiClient } from '../../../shared/api';
import { request } from '../../api/client';
import { stageFile } from './staging';
import { currentWizard, update, updateFile, type WizardFile } from './store';

let counter = 0;

/** Adds files to the wizard and stages each; a file that cannot be staged says why. */
export function addFiles(files: readonly File[]): void {
  const added: Array<[WizardFile, File]> = files.map((file) => [
    { key: `f${++counter}`, name: file.name, size: file.size, status: 'uploading', stagedId: null, error: null, mapping: {}, profile: null, verdict: 'loading' },
    file,
  ]);
  update((s) => ({ ...s, step: 'files', previewJob: null, files: [...s.files, ...added.map(([f]) => f)] }));
  for (const [entry, file] of added) {
    stageFile(file).then(
      (staged) => updateFile(entry.key, (f) => ({ ...f, status: 'staged', stagedId: staged.stagedId, name: staged.name, size: staged.size })),
      (error: unknown) => updateFile(entry.key, (f) => ({ ...f, status: 'failed', error: (error as Error).message })),
    );
  }
}

/** Takes a file out of the wizard and deletes its staged copy. */
export function removeFile(api: ApiClient, key: string): void {
  const file = currentWizard().files.find((f) => f.key === key);
  update((s) => ({ ...s, previewJob: null, files: s.files.filter((f) => f.key !== key) }));
  if (file?.stagedId) void request(api, 'imports/discard', { stagedIds: [file.stagedId] }).catch(() => undefined);
}
