import { useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useAppState } from '../../components/AppState';
import { REASON_LABEL } from './DataSection';
import { formatBytes, formatMoment } from './when';
import './settings.css';

/**
 * Checks the data file when the window opens (SQLite's quick check). Sound data shows the app; a
 * damaged file fills the window with what happened and the way back: the newest good backup.
 */
export function HealthGate({ children }: { readonly children: ReactNode }) {
  const health = useApiQuery('app/health', {});
  if (health.isPending) return <p className="loading">Opening your data…</p>;
  // A failed check of the check must not lock anyone out: the app says what it can.
  if (health.isError || health.data.ok) return <>{children}</>;
  return <DamagedData health={health.data} />;
}

function DamagedData({ health }: { readonly health: { problems: string[]; dataFile: string; backups: Array<{ name: string; createdAt: string; reason: keyof typeof REASON_LABEL; bytes: number }> } }) {
  useAppState('ready');
  const client = useQueryClient();
  // Answers read from this file as the window opened, before the check said it is damaged, are
  // not kept to be shown once a backup is restored.
  useEffect(() => {
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'app/health' });
  }, [client]);
  const restore = useApiMutation('backups/restore');
  const newest = health.backups[0];
  return (
    <main className="damaged" aria-labelledby="damaged-title" data-view="damaged">
      <h1 id="damaged-title">Your data file is damaged</h1>
      <p className="answer">
        The app checked <code>{health.dataFile}</code> on opening and found it damaged, so it shows nothing from it rather than something wrong.
      </p>
      <details className="damaged-details">
        <summary>What the check found</summary>
        <ul>
          {health.problems.slice(0, 8).map((p, i) => (
            <li key={i}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
      </details>
      {newest ? (
        <section className="card damaged-fix" aria-labelledby="damaged-fix-title">
          <h2 id="damaged-fix-title">Restore the newest good backup</h2>
          <p>
            The newest backup was made {formatMoment(newest.createdAt)} ({REASON_LABEL[newest.reason].toLowerCase()}, {formatBytes(newest.bytes)}). Each backup is checked before it is used;
            if one is damaged too, the next older one is taken. Changes made after it will have to be made again (imports can be repeated).
          </p>
          <button type="button" className="primary" onClick={() => restore.mutate({})} disabled={restore.isPending} aria-busy={restore.isPending}>
            {restore.isPending ? 'Restoring…' : 'Restore the newest good backup'}
          </button>
          {restore.isError && (
            <p role="alert" className="error">
              {restore.error.message}
            </p>
          )}
          <p className="muted-text">{health.backups.length === 1 ? 'This is the only backup.' : `${health.backups.length} backups are kept beside the data file.`}</p>
        </section>
      ) : (
        <section className="card damaged-fix" aria-labelledby="damaged-fix-title">
          <h2 id="damaged-fix-title">No backup to restore</h2>
          <p>
            There is no backup beside the data file. Close the app, move the damaged file away (keep it: it may still be repaired with SQLite’s own tools), and open the app again to start afresh and
            import your files.
          </p>
        </section>
      )}
    </main>
  );
}
