import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportJobStatus } from '../../../shared/api/imports';
import { formatInteger, plural } from '../../components/format';
import { ErrorState } from '../../components/States';
import { paths } from '../../app/paths';
import { JobProgress, isActive, useJob } from './JobProgress';
import { RejectedTable } from './RejectedTable';
import { resetWizard } from './store';
import { formatSeconds, kindLabel } from './labels';
import { TableHead, figure } from '../../components/TableHead';

/** Step 4: the import itself, its progress and its cancel; then what it did. */
export function RunStep({ jobId }: { readonly jobId: string }) {
  const { status, final, error } = useJob(jobId);
  const client = useQueryClient();
  const refreshed = useRef(false);
  // Everything the window shows may have changed: ask again once, when the job has ended.
  useEffect(() => {
    if (final && !refreshed.current) {
      refreshed.current = true;
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'imports/progress' });
    }
  }, [final, client]);
  if (error) return <ErrorState title="The import could not be followed" message={error.message} />;
  return (
    <section className="wizard-step" aria-labelledby="step-title">
      <h2 id="step-title">{!final ? 'Importing' : final.state === 'cancelled' ? 'Import cancelled' : 'Import finished'}</h2>
      {isActive(status) || !final ? status ? <JobProgress status={status} label="Importing" /> : <p role="status">Starting the import…</p> : <Summary status={final} />}
      {final && (
        <div className="wizard-actions">
          {final.state === 'done' && final.files.some((f) => f.report) && (
            <Link href={paths.portfolio} className="button primary">
              Open the portfolio
            </Link>
          )}
          <button type="button" onClick={resetWizard}>
            Import more files
          </button>
        </div>
      )}
    </section>
  );
}

function Summary({ status }: { readonly status: ImportJobStatus }) {
  if (status.state === 'cancelled') {
    return (
      <p role="status" className="summary-line">
        The import was cancelled after {formatSeconds(status.elapsedMs / 1000)}. Nothing was changed: everything it had written was taken back. The files were removed from the app; add them again to retry.
      </p>
    );
  }
  if (status.state === 'failed') {
    return (
      <p role="alert" className="error">
        The import failed and nothing was changed: {status.error}
      </p>
    );
  }
  const imported = status.files.filter((f) => f.report).length;
  return (
    <>
      <p role="status" className="summary-line">
        {imported === status.files.length ? (status.files.length === 1 ? 'The file was imported' : `All ${status.files.length} files were imported`) : `${imported} of ${plural(status.files.length, 'file')} imported`}
        {` in ${formatSeconds(status.elapsedMs / 1000)}`}.
        {status.recompute && ` Scores and alerts updated for ${plural(status.recompute.accounts, 'account')}${status.recompute.alertsRaised > 0 ? `; ${plural(status.recompute.alertsRaised, 'new alert')}` : ''}.`}
      </p>
      {status.cancelTooLate && (
        <p role="status" className="warn">
          The cancel came after the import had been saved, so it was kept. To take it back, undo it in the import history below.
        </p>
      )}
      {status.error && (
        <p role="alert" className="error">
          {status.error}
        </p>
      )}
      <div className="table-wrap">
        <table className="data" aria-label="What was imported">
          <TableHead columns={['File', 'Kind', figure('Added'), figure('Updated'), figure('Unchanged'), figure('Rejected'), 'Outcome']} />
          <tbody>
            {status.files.map((f) => (
              <tr key={f.stagedId}>
                <th scope="row">{f.name}</th>
                <td>{f.report ? kindLabel(f.report.kind) : '—'}</td>
                <td className="num">{formatInteger(f.report?.inserted)}</td>
                <td className="num">{formatInteger(f.report?.updated)}</td>
                <td className="num">{formatInteger(f.report?.unchanged)}</td>
                <td className="num">{formatInteger(f.report?.rejectedCount ?? f.error?.rejectedCount)}</td>
                <td>{f.report ? (f.report.importId !== null ? `Imported as #${f.report.importId}` : 'Imported') : <span className="error">Not imported</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {status.files.map((f) =>
        f.error ? (
          <div key={f.stagedId} className="file-failure">
            <p role="alert" className="error">
              {f.error.message}
            </p>
            {f.error.rejected.length > 0 && <RejectedTable file={f.name} rows={f.error.rejected} total={f.error.rejectedCount} />}
          </div>
        ) : f.report && f.report.rejected.length > 0 ? (
          <RejectedTable key={f.stagedId} file={f.name} rows={f.report.rejected} total={f.report.rejectedCount} />
        ) : null,
      )}
    </>
  );
}
