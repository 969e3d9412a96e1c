import type { ImportJobFile, ImportJobStatus } from '../../../shared/api/imports';
import { formatInteger, plural } from '../../components/format';
import { ErrorState } from '../../components/States';
import { JobProgress, isActive, useJob } from './JobProgress';
import { RejectedTable } from './RejectedTable';
import { update } from './store';
import { kindLabel } from './labels';

/** Step 3: a dry run over every row, with nothing kept; the choice of how to treat rejected rows. */
export function PreviewStep({ jobId, skipInvalid, onImport, starting, startError }: { readonly jobId: string; readonly skipInvalid: boolean; readonly onImport: () => void; readonly starting: boolean; readonly startError: string | null }) {
  const { status, final, error } = useJob(jobId);
  const back = (): void => update((s) => ({ ...s, step: 'mapping', previewJob: null }));
  if (error) return <ErrorState title="The preview failed" message={error.message} onRetry={back} />;
  return (
    <section className="wizard-step" aria-labelledby="step-title">
      <h2 id="step-title">Preview</h2>
      {isActive(status) || !final ? (
        status ? <JobProgress status={status} label="Reading every row (nothing is written)" /> : <p role="status">Starting the preview…</p>
      ) : final.state === 'cancelled' ? (
        <p role="status">The preview was cancelled.</p>
      ) : final.state === 'failed' ? (
        <p role="alert" className="error">
          {final.error}
        </p>
      ) : (
        <PreviewResult status={final} skipInvalid={skipInvalid} />
      )}
      {startError && (
        <p role="alert" className="error">
          {startError}
        </p>
      )}
      <div className="wizard-actions">
        <button type="button" onClick={back} disabled={isActive(status)}>
          Back to mapping
        </button>
        {final?.state === 'done' && (
          <button type="button" className="primary" onClick={onImport} disabled={starting || !importable(final)} aria-busy={starting}>
            {final.files.length === 1 ? 'Import the file' : `Import ${final.files.length} files`}
          </button>
        )}
      </div>
    </section>
  );
}

const importable = (status: ImportJobStatus): boolean => status.files.some((f) => f.state === 'done');

function PreviewResult({ status, skipInvalid }: { readonly status: ImportJobStatus; readonly skipInvalid: boolean }) {
  const rejected = status.files.reduce((sum, f) => sum + (f.report?.rejectedCount ?? 0), 0);
  return (
    <>
      {status.files.map((file) => (
        <PreviewFile key={file.stagedId} file={file} skipInvalid={skipInvalid} />
      ))}
      <fieldset className="radio-row invalid-choice">
        <legend>Rows that cannot be imported</legend>
        <label>
          <input type="radio" name="invalid" checked={!skipInvalid} onChange={() => update((s) => ({ ...s, skipInvalid: false }))} />
          All or nothing: a file with a rejected row is not imported
        </label>
        <label>
          <input type="radio" name="invalid" checked={skipInvalid} onChange={() => update((s) => ({ ...s, skipInvalid: true }))} />
          Skip invalid rows and import the rest
        </label>
      </fieldset>
      {rejected > 0 && !skipInvalid && (
        <p className="warn" role="status">
          With “all or nothing”, {status.files.filter((f) => (f.report?.rejectedCount ?? 0) > 0).length === 1 ? 'the file with rejected rows' : 'the files with rejected rows'} will not be imported.
        </p>
      )}
    </>
  );
}

function PreviewFile({ file, skipInvalid }: { readonly file: ImportJobFile; readonly skipInvalid: boolean }) {
  const report = file.report;
  const titleId = `preview-${file.stagedId}`;
  return (
    <section className="preview-file card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {file.name} {report && <span className="muted-text">— {kindLabel(report.kind)}</span>}
      </h3>
      {file.error && (
        <p role="alert" className="error">
          {file.error.message}
        </p>
      )}
      {report && (
        <>
          <dl className="counts">
            <Count label="Rows read" value={report.rows} />
            <Count label="New" value={report.inserted} />
            <Count label="Updated" value={report.updated} />
            <Count label="Unchanged" value={report.unchanged} />
            <Count label="Duplicates" value={report.duplicateCount} />
            <Count label="Rejected" value={report.rejectedCount} tone={report.rejectedCount > 0 ? 'bad' : undefined} />
          </dl>
          <p className="muted-text">
            Dates read as {report.detection.dateOrder}.{report.skipped > 0 ? ` ${plural(report.skipped, 'blank row')} skipped.` : ''}
            {report.rejectedCount > 0 && (skipInvalid ? ` The ${plural(report.rejectedCount, 'rejected row')} will be left out.` : ' Nothing from this file will be imported unless invalid rows are skipped.')}
          </p>
          {report.warnings.length > 0 && (
            <ul className="warnings">
              {report.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {report.rejected.length > 0 && <RejectedTable file={file.name} rows={report.rejected} total={report.rejectedCount} />}
        </>
      )}
    </section>
  );
}

function Count({ label, value, tone }: { readonly label: string; readonly value: number; readonly tone?: 'bad' | undefined }) {
  return (
    <div className={tone === 'bad' ? 'count bad' : 'count'}>
      <dt>{label}</dt>
      <dd>{formatInteger(value)}</dd>
    </div>
  );
}
