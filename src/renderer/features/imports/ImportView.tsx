import { useEffect, useState } from 'react';
import { useAppState } from '../../components/AppState';
import { useApiMutation } from '../../api/queries';
import { FilesStep } from './FilesStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { RunStep } from './RunStep';
import { History } from './History';
import { addFiles } from './files';
import { update, useWizard, type Step } from './store';
import './imports.css';

const STEPS: ReadonlyArray<[Step, string]> = [
  ['files', 'Files'],
  ['mapping', 'Mapping'],
  ['preview', 'Preview'],
  ['run', 'Import'],
];

/** Bringing in the user's own exports: files, mapping, a dry run, the import, and the history. */
export function ImportView() {
  useAppState('ready');
  const wizard = useWizard();
  const start = useApiMutation('imports/start');
  const dragging = useWindowDrop(wizard.step === 'files' || wizard.step === 'mapping');
  const jobFiles = wizard.files.filter((f) => f.stagedId !== null).map((f) => ({ stagedId: f.stagedId!, mapping: f.mapping }));

  const preview = (): void =>
    start.mutate(
      { mode: 'preview', skipInvalid: true, files: jobFiles },
      { onSuccess: ({ jobId }) => update((s) => ({ ...s, step: 'preview', previewJob: jobId })) },
    );
  const run = (): void =>
    start.mutate(
      { mode: 'import', skipInvalid: wizard.skipInvalid, files: jobFiles },
      { onSuccess: ({ jobId }) => update((s) => ({ ...s, step: 'run', importJob: jobId })) },
    );
  const current = STEPS.findIndex(([step]) => step === wizard.step);

  return (
    <main className="import-view" aria-labelledby="view-title">
      <header className="view-header">
        <div>
          <h1 id="view-title">Import</h1>
          <p className="answer">Bring in exports of accounts, the installed base, work orders, recommendations and surveys. You see what will change before anything is written.</p>
        </div>
      </header>
      <nav aria-label="Import steps">
        <ol className="stepper">
          {STEPS.map(([step, label], i) => (
            <li key={step} className={i === current ? 'current' : i < current ? 'done' : undefined} aria-current={i === current ? 'step' : undefined}>
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>
              {label}
            </li>
          ))}
        </ol>
      </nav>
      {wizard.step === 'files' && <FilesStep files={wizard.files} />}
      {wizard.step === 'mapping' && <MappingStep files={wizard.files} onPreview={preview} starting={start.isPending} startError={start.error?.message ?? null} />}
      {wizard.step === 'preview' && wizard.previewJob && (
        <PreviewStep jobId={wizard.previewJob} skipInvalid={wizard.skipInvalid} onImport={run} starting={start.isPending} startError={start.error?.message ?? null} />
      )}
      {wizard.step === 'run' && wizard.importJob && <RunStep jobId={wizard.importJob} />}
      <History />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop the files to add them</p>
        </div>
      )}
    </main>
  );
}

/** Files dropped anywhere on the window are added (while files can be added); shows where they go meanwhile. */
function useWindowDrop(accepting: boolean): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const hasFiles = (e: DragEvent): boolean => Boolean(e.dataTransfer?.types.includes('Files'));
    const over = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = accepting ? 'copy' : 'none';
      if (accepting) setDragging(true);
    };
    const leave = (e: DragEvent): void => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      if (accepting && e.dataTransfer) addFiles([...e.dataTransfer.files]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [accepting]);
  return dragging;
}
