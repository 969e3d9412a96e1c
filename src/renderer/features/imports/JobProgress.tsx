import { useEffect } from 'react';
import type { ImportJobStatus } from '../../../shared/api/imports';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { formatInteger } from '../../components/format';
import { formatBytes, formatSeconds } from './labels';

export const isActive = (status: ImportJobStatus | undefined): boolean => !status || status.state === 'running' || status.state === 'cancelling' || status.state === 'recomputing';

/** A job's status, asked again every quarter second while it runs; the full reports once it has ended. */
export function useJob(jobId: string): { status: ImportJobStatus | undefined; final: ImportJobStatus | undefined; error: Error | null } {
  const live = useApiQuery('imports/progress', { jobId, details: false });
  const running = isActive(live.data);
  const { refetch } = live;
  useEffect(() => {
    if (!running || live.isError) return;
    const timer = window.setInterval(() => void refetch(), 250);
    return () => window.clearInterval(timer);
  }, [running, refetch, live.isError]);
  const final = useApiQuery('imports/progress', { jobId, details: true }, { enabled: Boolean(live.data) && !running });
  return { status: live.data, final: final.data, error: live.error ?? final.error };
}

/** Rows done, rows per second, the time left, and the way out. */
export function JobProgress({ status, label }: { readonly status: ImportJobStatus; readonly label: string }) {
  const cancel = useApiMutation('imports/cancel');
  const share = status.totalBytes > 0 ? Math.min(1, status.bytesDone / status.totalBytes) : 0;
  const current = status.files.find((f) => f.state === 'running');
  const recomputing = status.state === 'recomputing';
  const scoring = recomputing ? status.scoring : null;
  const saving = scoring?.saving ?? false;
  return (
    <div className="job-progress card" aria-live="polite">
      <div className="job-line">
        <strong>{saving ? 'Saving the scores and alerts…' : recomputing ? 'Updating scores and alerts…' : status.state === 'cancelling' ? 'Cancelling…' : label}</strong>
        {current && !recomputing && <span className="muted-text">{current.name}</span>}
      </div>
      <progress
        className="job-bar"
        max={1}
        value={scoring ? Math.min(1, scoring.scored / Math.max(1, scoring.accounts)) : recomputing ? 1 : share}
        aria-label={recomputing ? 'Updating scores: progress' : `${label}: progress`}
      />
      {scoring ? (
        <p className="job-figures">
          <span>
            {formatInteger(scoring.scored)} of {formatInteger(scoring.accounts)} accounts scored
          </span>
          <span>{formatInteger(status.rowsDone)} rows imported</span>
        </p>
      ) : (
        <p className="job-figures">
          <span>{formatInteger(status.rowsDone)} rows</span>
          <span>{status.rowsPerSecond !== null ? `${formatInteger(status.rowsPerSecond)} rows/s` : 'starting…'}</span>
          <span>
            {formatBytes(status.bytesDone)} of {formatBytes(status.totalBytes)}
          </span>
          <span>{status.etaSeconds !== null && !recomputing ? `about ${formatSeconds(status.etaSeconds)} left` : ''}</span>
        </p>
      )}
      <div className="job-actions">
        <button type="button" onClick={() => cancel.mutate({ jobId: status.jobId })} disabled={status.state !== 'running' || cancel.isPending}>
          Cancel
        </button>
        <span className="muted-text">{recomputing ? 'The data is in; scores are being updated.' : 'Cancelling takes back everything this run wrote.'}</span>
      </div>
      {cancel.error && (
        <p role="alert" className="error">
          {cancel.error.message}
        </p>
      )}
    </div>
  );
}
