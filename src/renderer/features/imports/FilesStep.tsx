import { useEffect, type ChangeEvent } from 'react';
import type { Inspection } from '../../../shared/api/imports';
import { useApi } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { addFiles, removeFile } from './files';
import { update, updateFile, type WizardFile } from './store';
import { delimiterLabel, encodingLabel, formatBytes, headerRowsLabel, kindLabel, toolLabel } from './labels';

/** Step 1: the files, and what each turned out to be, before anything is written. */
export function FilesStep({ files }: { readonly files: readonly WizardFile[] }) {
  const pick = (e: ChangeEvent<HTMLInputElement>): void => {
    if (e.target.files && e.target.files.length > 0) addFiles([...e.target.files]);
    e.target.value = '';
  };
  const ready = files.length > 0 && files.every((f) => f.status === 'staged' && (f.verdict === 'ready' || f.verdict === 'problem'));
  return (
    <section className="wizard-step" aria-labelledby="step-title">
      <h2 id="step-title">Choose the files</h2>
      <div className="drop-zone">
        <p>
          Drop CSV or Excel files anywhere in this window, or
          <label className="button primary file-picker">
            <input type="file" multiple accept=".csv,.tsv,.txt,.xlsx" onChange={pick} />
            Choose files…
          </label>
        </p>
        <p className="muted-text">Accounts, installed base (every vendor’s machines), work orders, recommendations and survey exports. Nothing is written until you import.</p>
      </div>
      {files.length > 0 && (
        <ul className="import-files" aria-label="Files to import">
          {files.map((file) => (
            <FileCard key={file.key} file={file} />
          ))}
        </ul>
      )}
      <div className="wizard-actions">
        <button type="button" className="primary" disabled={!ready} onClick={() => update((s) => ({ ...s, step: 'mapping' }))}>
          Continue to mapping
        </button>
      </div>
    </section>
  );
}

function FileCard({ file }: { readonly file: WizardFile }) {
  const api = useApi();
  const { inspection, error } = useInspection(file);
  const titleId = `file-${file.key}`;
  return (
    <li className="file-card card" aria-labelledby={titleId}>
      <div className="file-head">
        <h3 id={titleId}>{file.name}</h3>
        <span className="muted-text">{formatBytes(file.size)}</span>
        <button type="button" className="link-button" onClick={() => removeFile(api, file.key)} aria-label={`Remove ${file.name}`}>
          Remove
        </button>
      </div>
      {file.status === 'uploading' && <p role="status">Reading the file…</p>}
      {file.status === 'failed' && (
        <p role="alert" className="error">
          {file.error}
        </p>
      )}
      {file.status === 'staged' && !inspection && !error && <p role="status">Looking at the file…</p>}
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      {inspection && <Facts inspection={inspection} />}
    </li>
  );
}

export function Facts({ inspection }: { readonly inspection: Inspection }) {
  return (
    <>
      {inspection.format && (
        <dl className="facts-grid">
          <div>
            <dt>Kind</dt>
            <dd>
              {kindLabel(inspection.kind)}
              {inspection.kind && !inspection.kindChosen && <span className="muted-text"> (recognised)</span>}
            </dd>
          </div>
          <div>
            <dt>Source</dt>
            <dd>{toolLabel(inspection.tool, inspection.vendor)}</dd>
          </div>
          {inspection.format === 'csv' ? (
            <>
              <div>
                <dt>Encoding</dt>
                <dd>{encodingLabel(inspection.encoding, inspection.bom)}</dd>
              </div>
              <div>
                <dt>Delimiter</dt>
                <dd>{delimiterLabel(inspection.delimiter)}</dd>
              </div>
            </>
          ) : (
            <div>
              <dt>Sheet</dt>
              <dd>
                {inspection.sheet ?? '—'}
                {inspection.sheets.length > 1 && <span className="muted-text"> of {inspection.sheets.length}</span>}
              </dd>
            </div>
          )}
          <div>
            <dt>Header rows</dt>
            <dd>{headerRowsLabel(inspection.headerRows)}</dd>
          </div>
          <div className="wide">
            <dt>Dates</dt>
            <dd>{inspection.dateOrder?.reason ?? '—'}</dd>
          </div>
          <div>
            <dt>Decimal mark</dt>
            <dd>{inspection.decimalMark === ',' ? 'Comma (1,5)' : inspection.decimalMark === '.' ? 'Point (1.5)' : '—'}</dd>
          </div>
        </dl>
      )}
      {inspection.problem && (
        <p role="alert" className="error file-problem">
          {inspection.problem.message}
        </p>
      )}
    </>
  );
}

/** A staged file's inspection under its current mapping (asked again whenever the mapping changes); its verdict kept in the wizard. */
export function useInspection(file: WizardFile): { inspection: Inspection | undefined; error: Error | null } {
  const query = useApiQuery('imports/inspect', { stagedId: file.stagedId ?? '', mapping: file.mapping }, { enabled: file.stagedId !== null });
  const verdict: WizardFile['verdict'] = query.data ? (query.data.problem ? 'problem' : 'ready') : query.error ? 'error' : 'loading';
  useEffect(() => {
    if (file.verdict !== verdict) updateFile(file.key, (f) => ({ ...f, verdict }));
  }, [file.key, file.verdict, verdict]);
  return { inspection: query.data, error: query.error };
}
