import { useSyncExternalStore } from 'react';
import type { MappingSpec } from '../../../shared/import-types';

// The wizard's state lives outside the view: it survives leaving the Import view and coming back,
// and the window re-rendering its whole tree when the first import turns an empty app into a full one.

export type Step = 'files' | 'mapping' | 'preview' | 'run';

export interface WizardFile {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly status: 'uploading' | 'staged' | 'failed';
  readonly stagedId: string | null;
  readonly error: string | null;
  readonly mapping: MappingSpec;
  /** The saved profile the mapping came from. */
  readonly profile: string | null;
  /** What the inspection under the current mapping said. */
  readonly verdict: 'loading' | 'ready' | 'problem' | 'error';
}

export interface WizardState {
  readonly step: Step;
  readonly files: readonly WizardFile[];
  readonly skipInvalid: boolean;
  readonly previewJob: string | null;
  readonly importJob: string | null;
}

const INITIAL: WizardState = { step: 'files', files: [], skipInvalid: false, previewJob: null, importJob: null };

let state: WizardState = INITIAL;
const listeners = new Set<() => void>();

export function update(change: (s: WizardState) => WizardState): void {
  state = change(state);
  for (const listener of listeners) listener();
}

export function updateFile(key: string, change: (f: WizardFile) => WizardFile): void {
  update((s) => ({ ...s, files: s.files.map((f) => (f.key === key ? change(f) : f)) }));
}

export function resetWizard(): void {
  update(() => INITIAL);
}

export function currentWizard(): WizardState {
  return state;
}

export function useWizard(): WizardState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
